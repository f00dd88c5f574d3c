// luutru-search: answers a retrieval request from the command line. See docs/contract.md, "luutru-search".
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "catalog/model.h"
#include "cli/config_file.h"
#include "cli/program_info.h"
#include "search/messages.h"
#include "search/output.h"
#include "search/search_error.h"
#include "search/searcher.h"

namespace po = boost::program_options;
using namespace luutru::search;

namespace {

constexpr int kUsageError = 2;

size_t TerminalWidth() {
  if (const char* columns = std::getenv("COLUMNS")) {
    const int n = std::atoi(columns);
    if (n >= 40) return static_cast<size_t>(n);
  }
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) return ws.ws_col;
  return 80;
}

int Usage(Lang lang, const std::string& problem, const po::options_description& options) {
  std::cerr << "luutru-search: " << problem << "\n\n"
            << Tr(lang, "Cách dùng", "Usage") << ": luutru-search --db DIR [--db DIR ...] ["
            << Tr(lang, "tùy chọn", "options") << "] [QUERY]\n"
            << options;
  return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lang_option;
  // The language is needed before the options are parsed, to word their errors.
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--lang") lang_option = argv[i + 1];
  }
  const Lang lang = ChooseLang(lang_option, std::getenv("LANG"));

  po::options_description options(std::string(Tr(lang, "Tùy chọn", "Options")));
  options.add_options()("help,h", Tr(lang, "hiện hướng dẫn này", "show this help").data())(
      "db", po::value<std::vector<std::string>>()->composing(),
      Tr(lang, "cơ sở dữ liệu (lặp lại để tìm nhiều cơ sở dữ liệu như một)",
         "database directory (repeat to search several as one)")
          .data())("format", po::value<std::string>()->default_value("table"), "table | json | csv")(
      "limit", po::value<int>()->default_value(10),
      Tr(lang, "số kết quả (số hồ sơ khi --group-by unit)", "number of results (units with --group-by unit)").data())(
      "offset", po::value<int>()->default_value(0),
      Tr(lang, "bỏ qua N kết quả đầu", "skip the first N results").data())(
      "unit", po::value<std::string>(), Tr(lang, "mã hồ sơ (đơn vị bảo quản)", "storage unit code").data())(
      "number", po::value<std::string>(),
      Tr(lang, "số và ký hiệu văn bản, ví dụ 45-TB/TU, 30/2020/NĐ-CP, 02-CP",
         "document number, e.g. 45-TB/TU, 30/2020/NĐ-CP, 02-CP")
          .data())("type", po::value<std::string>(),
                   Tr(lang, "loại văn bản: tên hoặc viết tắt (CT, \"chi thi\")",
                      "document type: name or abbreviation (CT, \"chi thi\")")
                       .data())(
      "from", po::value<std::string>(),
      Tr(lang, "từ ngày: YYYY, YYYY-MM hoặc YYYY-MM-DD", "from date: YYYY, YYYY-MM or YYYY-MM-DD").data())(
      "review", Tr(lang, "danh sách văn bản có số, ngày, loại hoặc cơ quan ban hành chưa chắc hoặc chưa đọc được",
                   "documents whose number, date, type or issuer is doubtful or unread")
                    .data())("to", po::value<std::string>(),
                             Tr(lang, "đến ngày (bao gồm cả kỳ đó)", "to date (the whole period included)").data())(
      "group-by", po::value<std::string>(),
      Tr(lang, "unit: mỗi dòng một hồ sơ (phiếu lấy hồ sơ)", "unit: one row per storage unit (a pull list)").data())(
      "loose", Tr(lang, "sau kết quả, hiện cả văn bản có đủ các từ nhưng nằm rời nhau",
                  "after the answer, also show documents holding every word, but apart")
                   .data())("sort", po::value<std::string>(), "relevance | date | -date")(
      "clearance", po::value<std::string>()->default_value("thuong"), "thuong | mat | toi-mat | tuyet-mat")(
      "lang", po::value<std::string>(), "vi | en");
  luutru::cli::AddCommonOptions(options, lang == Lang::kEn, false);
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(), "QUERY");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Usage(lang, e.what(), options);
  }
  if (vm.count("version")) {
    std::cout << luutru::cli::VersionText("luutru-search");
    return 0;
  }
  if (vm.count("help")) {
    std::cout << Tr(lang, "Cách dùng", "Usage") << ": luutru-search --db DIR [--db DIR ...] ["
              << Tr(lang, "tùy chọn", "options") << "] [QUERY]\n\n"
              << Tr(lang,
                    "QUERY: các từ (có hoặc không dấu) gõ liền nhau phải đứng liền nhau trong văn bản; dấu phẩy,\n"
                    "AND, (ngoặc) tách các ý; \"cụm từ\", OR, -từ / NOT từ,\n"
                    "so:/number:, loai:/type:, nam:/year:, hoso:/unit:, coquan:/issuer:\n"
                    "ví dụ: luutru-search --db db 'quy vi nguoi ngheo loai:\"thong bao\" nam:2023'\n\n",
                    "QUERY: words (diacritics optional) typed together must stand together in the text; a comma,\n"
                    "AND or (parentheses) separate concepts; \"phrases\", OR, -word / NOT word,\n"
                    "so:/number:, loai:/type:, nam:/year:, hoso:/unit:,\n"
                    "coquan:/issuer:; e.g. luutru-search --db db 'quy vi nguoi ngheo loai:\"thong bao\" nam:2023'\n\n")
              << options;
    return 0;
  }
  if (!vm.count("db")) return Usage(lang, std::string(Tr(lang, "thiếu --db", "--db is required")), options);

  SearchRequest request;
  if (vm.count("query")) {
    for (const std::string& part : vm["query"].as<std::vector<std::string>>()) {
      if (!request.query.empty()) request.query += ' ';
      request.query += part;
    }
  }
  if (vm.count("unit")) request.unit = vm["unit"].as<std::string>();
  if (vm.count("number")) request.number = vm["number"].as<std::string>();
  if (vm.count("type")) request.type = vm["type"].as<std::string>();
  if (vm.count("from")) request.from = vm["from"].as<std::string>();
  if (vm.count("to")) request.to = vm["to"].as<std::string>();
  request.review = vm.count("review") > 0;
  request.limit = vm["limit"].as<int>();
  request.offset = vm["offset"].as<int>();
  if (request.limit < 0 || request.offset < 0) {
    return Usage(
        lang, std::string(Tr(lang, "--limit và --offset phải không âm", "--limit and --offset must not be negative")),
        options);
  }
  if (vm.count("group-by")) {
    if (vm["group-by"].as<std::string>() != "unit") {
      return Usage(lang, std::string(Tr(lang, "--group-by chỉ nhận 'unit'", "--group-by takes only 'unit'")), options);
    }
    request.group_by_unit = true;
  }
  request.loose = vm.count("loose") > 0;
  if (vm.count("sort")) {
    const std::string sort = vm["sort"].as<std::string>();
    if (sort == "relevance")
      request.sort = SortOrder::kRelevance;
    else if (sort == "date")
      request.sort = SortOrder::kDate;
    else if (sort == "-date")
      request.sort = SortOrder::kDateDescending;
    else
      return Usage(lang, std::string(Tr(lang, "--sort không hợp lệ: ", "invalid --sort: ")) + sort, options);
  }
  const std::string clearance = vm["clearance"].as<std::string>();
  auto level = luutru::catalog::ParseSecrecy(clearance);
  if (!level)
    return Usage(lang, std::string(Tr(lang, "--clearance không hợp lệ: ", "invalid --clearance: ")) + clearance,
                 options);
  request.clearance = *level;
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "json" && format != "csv") {
    return Usage(lang, std::string(Tr(lang, "--format không hợp lệ: ", "invalid --format: ")) + format, options);
  }

  try {
    const Searcher searcher = Searcher::Open(vm["db"].as<std::vector<std::string>>());
    const SearchResponse response = searcher.Search(request);
    if (format == "json") {
      WriteJson(std::cout, response);
      std::cout << '\n';
    } else if (format == "csv") {
      WriteCsv(std::cout, response, lang);
      if (response.total == 0) std::cerr << ZeroResultHints(response, lang);
      if (response.total == 0 && response.loose_shown && response.total_loose > 0) {
        std::cerr
            << Tr(lang,
                  "Không có văn bản nào chứa liền các từ đã nhập; các dòng trên chỉ có đủ các từ (cột Khớp: rời).",
                  "No document holds the words as typed; the rows above only hold every word (column match: words).")
            << '\n';
      }
    } else {
      WriteTable(std::cout, response, lang, TerminalWidth());
    }
    std::cout.flush();
    return 0;
  } catch (const QuerySyntaxError& e) {
    std::cerr << "luutru-search: " << DescribeError(lang, e, request.query) << '\n';
  } catch (const SearchError& e) {
    std::cerr << "luutru-search: " << DescribeError(lang, e) << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "luutru-search: " << Tr(lang, "lỗi cơ sở dữ liệu: ", "database error: ") << e.get_description()
              << '\n';
  }
  return kUsageError;
}
