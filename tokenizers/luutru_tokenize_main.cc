// luutru-tokenize: shows how luutru reads a text, the same way the indexer and the search do.

#include <boost/program_options.hpp>

#include <iostream>
#include <iterator>
#include <string>

#include "tokenizers/legacy_encoding.h"
#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace po = boost::program_options;
namespace tok = luutru::tokenizers;

namespace {

constexpr const char* kUsage =
    "Usage: luutru-tokenize [--normalize] [--offsets] < text.txt\n"
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
    "Options";

}  // namespace

int main(int argc, char** argv) {
  po::options_description options(kUsage);
  options.add_options()
      ("help,h", "print this help")
      ("normalize", "print the repaired, normalized text instead of tokens")
      ("offsets", "add two columns: the byte range of each token in the repaired input");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "luutru-tokenize: " << e.what() << "\n(see luutru-tokenize --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
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
