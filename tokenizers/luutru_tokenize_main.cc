// luutru-tokenize: shows how luutru reads a text, the same way the indexer and the search do.

#include <boost/program_options.hpp>

#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>

#include "cli/config_file.h"
#include "cli/program_info.h"
#include "tokenizers/legacy_encoding.h"
#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace po = boost::program_options;
namespace tok = luutru::tokenizers;

namespace {

// Human-readable text is Vietnamese unless LANG starts with "en" or --lang en is given.
struct Messages {
  const char* usage;
  const char* help;
  const char* normalize;
  const char* offsets;
  const char* lang;
  const char* bad_option;
  const char* see_help;
};

const Messages kVietnamese = {
    "Cách dùng: luutru-tokenize [--normalize] [--offsets] [--lang vi|en] < van-ban.txt\n"
    "\n"
    "Đọc văn bản UTF-8 từ đầu vào chuẩn và in ra các token mà luutru đánh chỉ mục và tìm kiếm,\n"
    "mỗi token một dòng. Dùng lệnh này để gỡ rối một tìm kiếm: truy vấn khớp với một trang khi\n"
    "hai bên có chung các token này. Văn bản trích từ PDF dùng phông cũ (TCVN3/ABC .VnTime,\n"
    "VNI-Windows) được chuyển mã trước, như khi đánh chỉ mục.\n"
    "\n"
    "Kết quả: vị_trí<TAB>dạng_chính_xác<TAB>dạng_không_dấu<TAB>loại\n"
    "  vị_trí           thứ tự của từ (từ 1); tìm cụm từ so các vị trí này\n"
    "  dạng_chính_xác   dạng chuẩn: NFC, một kiểu đặt dấu thanh (hoà -> hòa), chữ thường\n"
    "  dạng_không_dấu   bỏ mọi dấu, đ -> d: truy vấn gõ không dấu khớp với dạng này\n"
    "  loại             word (từ) | number (số) | notation (số và ký hiệu) | date (ngày)\n"
    "Số và ký hiệu văn bản được in nguyên khối (loại notation, cột không dấu là khóa tìm kiếm:\n"
    "\"Số 45 - TB/TU\" -> 45-tb/tu) ở vị trí của phần đầu tiên, tiếp theo là từng phần (45, tb,\n"
    "tu) như các từ và số riêng. Ngày tháng (\"ngày 12 tháng 3 năm 2023\", 12/3/2023, 01-10-1997,\n"
    "12.3.2023) được in thành 2023-03-12 (loại date) ở vị trí của phần đầu tiên, tiếp theo là\n"
    "từng phần. Số bỏ các chữ số 0 ở đầu (05 -> 5).\n"
    "\n"
    "Tùy chọn",
    "in trợ giúp này",
    "in văn bản đã chuyển mã và chuẩn hóa thay cho các token",
    "thêm hai cột: khoảng byte của token trong văn bản (sau khi chuyển mã phông cũ)",
    "ngôn ngữ của thông báo: vi (mặc định) hoặc en",
    "tham số không hợp lệ",
    "xem luutru-tokenize --help",
};

const Messages kEnglish = {
    "Usage: luutru-tokenize [--normalize] [--offsets] [--lang vi|en] < text.txt\n"
    "\n"
    "Reads UTF-8 text on standard input and prints the tokens luutru indexes and searches, one\n"
    "a line. Use it to debug a search: a query matches a page when they share these tokens.\n"
    "Text from PDFs set in legacy Vietnamese fonts (TCVN3/ABC .VnTime, VNI-Windows) is repaired\n"
    "first, as the indexer does.\n"
    "\n"
    "Output: position<TAB>exact<TAB>folded<TAB>kind\n"
    "  position  word position (1-based); phrase searches compare these\n"
    "  exact     normalized form: NFC, one tone style (hoà -> hòa), lower case\n"
    "  folded    exact form without marks, đ -> d: what a query typed without diacritics hits\n"
    "  kind      word | number | notation | date\n"
    "A document notation is printed whole (kind notation, its search key in the folded column:\n"
    "\"Số 45 - TB/TU\" -> 45-tb/tu) at the position of its first part, followed by its parts\n"
    "(45, tb, tu) as words and numbers of their own. A date (\"ngày 12 tháng 3 năm 2023\",\n"
    "12/3/2023, 01-10-1997, 12.3.2023) is printed as 2023-03-12 (kind date) at the position of\n"
    "its first part, followed by its parts. Numbers lose their leading zeros (05 -> 5).\n"
    "\n"
    "Options",
    "print this help",
    "print the repaired, normalized text instead of tokens",
    "add two columns: the byte range of each token in the input (after legacy-font repair)",
    "language of messages: vi (default) or en",
    "invalid option",
    "see luutru-tokenize --help",
};

const Messages& ChooseMessages(int argc, char** argv) {
  std::string lang;
  if (const char* env = std::getenv("LANG")) lang = env;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) lang = argv[i + 1];
    if (arg.rfind("--lang=", 0) == 0) lang = arg.substr(7);
  }
  return lang.rfind("en", 0) == 0 ? kEnglish : kVietnamese;
}

}  // namespace

int main(int argc, char** argv) {
  const Messages& m = ChooseMessages(argc, argv);
  po::options_description options(m.usage);
  options.add_options()("help,h", m.help)("normalize", m.normalize)("offsets", m.offsets)(
      "lang", po::value<std::string>(), m.lang);
  luutru::cli::AddCommonOptions(options, &m == &kEnglish, false);
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "luutru-tokenize: " << m.bad_option << ": " << e.what() << "\n(" << m.see_help << ")\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << luutru::cli::VersionText("luutru-tokenize");
    return 0;
  }

  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::string text = tok::RepairLegacyEncoding(input);
  if (vm.count("normalize")) {
    std::cout << tok::NormalizeText(text);
    return 0;
  }
  const bool offsets = vm.count("offsets") > 0;
  std::string out;
  for (const tok::Token& t : tok::Tokenize(text)) {
    out += std::to_string(t.position);
    out += '\t';
    out += t.exact;
    out += '\t';
    out += t.folded;
    out += '\t';
    switch (t.kind) {
      case tok::TokenKind::kWord: out += "word"; break;
      case tok::TokenKind::kNumber: out += "number"; break;
      case tok::TokenKind::kNotation: out += "notation"; break;
      case tok::TokenKind::kDate: out += "date"; break;
    }
    if (offsets) {
      out += '\t' + std::to_string(t.begin) + '\t' + std::to_string(t.end);
    }
    out += '\n';
  }
  std::cout << out;
  return std::cout.good() ? 0 : 1;
}
