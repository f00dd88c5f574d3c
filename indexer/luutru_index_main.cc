// luutru-index: indexes PDF holdings (or pre-extracted JSONL documents) into a Xapian database.
// See docs/contract.md, "luutru-index".

#include <boost/program_options.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/config_file.h"
#include "cli/program_info.h"
#include "indexer/progress.h"
#include "indexer/run/index_run.h"

namespace po = boost::program_options;
using luutru::indexer::Lang;

namespace {

// Shows a run on standard error: its messages one a line, its progress as a bar on a terminal
// (cleared before each message) or as plain lines otherwise.
class StderrListener : public luutru::indexer::RunListener {
 public:
  void Notice(const std::string& line) override {
    progress_.Clear();
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  void Progress(long done, long total, const std::string& label) override { progress_.Update(done, total, label); }

 private:
  luutru::indexer::Progress progress_;
};

// Prints what the run ended with and returns its exit status.
int Finish(const luutru::indexer::RunOutcome& outcome, Lang language, StderrListener& listener) {
  const luutru::indexer::Messages msg(language);
  if (outcome.error) {
    listener.Notice(outcome.error->message);
  } else {
    if (outcome.repeated_lines > 0) listener.Notice(msg.JsonlRepeated(outcome.repeated_lines));
    listener.Notice(msg.SummaryLine(outcome.summary));
  }
  return outcome.ExitStatus();
}

}  // namespace

int main(int argc, char** argv) {
  luutru::indexer::IndexOptions options;
  std::string lang_flag, ocr_mode = "auto", catalog, report;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  po::options_description visible(
      "luutru-index --db DIR [options] PATH...\n"
      "luutru-index --db DIR --jsonl FILE...");
  visible.add_options()("help,h", "this help")("db", po::value<std::string>()->required(),
                                               "Xapian database folder (created if missing)")(
      "catalog", po::value(&catalog), "catalog CSV; files are matched relative to its folder")(
      "jobs,j", po::value(&jobs), "worker processes (default: all cores)")("ocr", po::value(&ocr_mode),
                                                                           "auto|always|never (default auto)")(
      "ocr-lang", po::value(&options.ocr_languages)->default_value("vie"), "Tesseract languages")(
      "full", po::bool_switch(&options.full), "re-extract every file (the OCR cache is reused)")(
      "report", po::value(&report), "per-file report, one JSON object a line")(
      "jsonl", po::value<std::vector<std::string>>()->multitoken(), "pre-extracted documents")(
      "follow-links", po::bool_switch(&options.follow_links),
      "follow links that lead out of the PATHs (each folder at most once)")(
      "max-pages", po::value(&options.max_pages)->default_value(luutru::indexer::kDefaultMaxPages),
      "a PDF with more pages is reported and not indexed")(
      "max-file-seconds", po::value(&options.max_file_seconds)->default_value(luutru::indexer::kDefaultMaxFileSeconds),
      "the most time one PDF may take; then it is reported and the run goes on")("lang", po::value(&lang_flag),
                                                                                 "vi|en: language of messages");
  luutru::cli::AddCommonOptions(visible, true, true);
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(), "")
      // Changes a commit holds at most: small batches let a test kill a run between commits.
      ("batch-documents", po::value(&options.batch_documents), "")
      // crash:FILE, hang:FILE or memory:FILE: a worker stages that fault on the file of that name,
      // so a test proves it costs one file (WorkerFaults, extract.h). Repeatable.
      ("test-fault", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << visible << "\n";
      return 0;
    }
    if (vm.count("version")) {
      std::cout << luutru::cli::VersionText("luutru-index");
      return 0;
    }
    const bool en = luutru::indexer::ChooseLang(vm.count("lang") ? vm["lang"].as<std::string>() : "") == Lang::kEn;
    // PATHs and --jsonl stand for one another: either on the command line replaces the file's PATHs.
    const std::string config_error = luutru::cli::StoreConfigFile(all, "index", {{"path", "jsonl"}}, en, vm);
    if (!config_error.empty()) throw po::error(config_error);
    po::notify(vm);
  } catch (const po::error& e) {
    options.language = luutru::indexer::ChooseLang(vm.count("lang") ? vm["lang"].as<std::string>() : lang_flag);
    std::fprintf(stderr, "%s%s\n%s", options.language == Lang::kEn ? "usage error: " : "lỗi cú pháp: ", e.what(),
                 "luutru-index --help\n");
    return 2;
  }
  options.language = luutru::indexer::ChooseLang(lang_flag);
  const bool en = options.language == Lang::kEn;
  auto usage = [&](const std::string& what) {
    std::fprintf(stderr, "%s%s\n", en ? "usage error: " : "lỗi cú pháp: ", what.c_str());
    return 2;
  };

  options.db = vm["db"].as<std::string>();
  if (vm.count("path")) options.paths = vm["path"].as<std::vector<std::string>>();
  if (vm.count("jsonl")) options.jsonl = vm["jsonl"].as<std::vector<std::string>>();
  if (!catalog.empty()) options.catalog = catalog;
  if (!report.empty()) options.report = report;
  if (jobs < 1) return usage(en ? "--jobs must be at least 1" : "--jobs phải từ 1 trở lên");
  options.jobs = jobs;
  if (vm.count("test-fault")) {
    for (const std::string& fault : vm["test-fault"].as<std::vector<std::string>>()) {
      const size_t colon = fault.find(':');
      const std::string kind = fault.substr(0, colon), file = colon == std::string::npos ? "" : fault.substr(colon + 1);
      std::string* slot = kind == "crash"    ? &options.test_faults.crash_on
                          : kind == "hang"   ? &options.test_faults.hang_on
                          : kind == "memory" ? &options.test_faults.memory_on
                                             : nullptr;
      if (!slot || file.empty()) return usage("--test-fault crash|hang|memory:FILE");
      *slot = file;
    }
  }
  if (options.batch_documents < 1) {
    return usage(en ? "--batch-documents must be at least 1" : "--batch-documents phải từ 1 trở lên");
  }
  if (options.max_pages < 1) return usage(en ? "--max-pages must be at least 1" : "--max-pages phải từ 1 trở lên");
  if (options.max_file_seconds < 1) {
    return usage(en ? "--max-file-seconds must be at least 1" : "--max-file-seconds phải từ 1 trở lên");
  }
  if (ocr_mode == "auto") {
    options.ocr = luutru::indexer::OcrMode::kAuto;
  } else if (ocr_mode == "always") {
    options.ocr = luutru::indexer::OcrMode::kAlways;
  } else if (ocr_mode == "never") {
    options.ocr = luutru::indexer::OcrMode::kNever;
  } else {
    return usage("--ocr auto|always|never");
  }
  if (!options.jsonl.empty()) {
    // Paths after --jsonl are more JSONL files (Boost puts trailing positionals in "path").
    options.jsonl.insert(options.jsonl.end(), options.paths.begin(), options.paths.end());
    StderrListener listener;
    return Finish(luutru::indexer::RunJsonl(options, listener), options.language, listener);
  }
  if (options.paths.empty()) return usage(en ? "no PATH given" : "chưa cho đường dẫn PATH nào");

  options.program = luutru::cli::FindHelper("luutru-index-worker", argv[0]);
  if (options.program.empty()) {
    const auto places = luutru::cli::HelperCandidates("luutru-index-worker", argv[0]);
    std::fprintf(stderr, "luutru-index: %s %s, %s\n",
                 en ? "the extraction program is missing:" : "thiếu chương trình trích xuất:", places.front().c_str(),
                 places.back().c_str());
    return 1;
  }
  // Built and installed beside the worker (train_digits.cc).
  const std::filesystem::path digit_model = options.program.parent_path() / "handwritten-digits.yml";
  if (std::error_code ec; std::filesystem::is_regular_file(digit_model, ec)) options.digit_model = digit_model;
  StderrListener listener;
  return Finish(luutru::indexer::RunIndex(options, listener), options.language, listener);
}
