// luutru-corpus: writes a realistic generated archive with its ground truth.
//   luutru-corpus --out DIR --docs N --seed S [--scanned-fraction F] [--jobs J]
//   luutru-corpus --out FILE.jsonl --docs 1000000 --seed S --text-only
#include <boost/program_options.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/config_file.h"
#include "cli/program_info.h"
#include "corpus/archive_writer.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  po::options_description opts("luutru-corpus options");
  opts.add_options()("help,h", "show this help")("out", po::value<std::string>(),
                                                 "archive directory (or, with --text-only, the .jsonl file)")(
      "docs", po::value<int>()->default_value(200), "number of documents")(
      "seed", po::value<uint64_t>()->default_value(1), "random seed: same seed, same bytes")(
      "scanned-fraction", po::value<double>()->default_value(0.2), "share of scanned documents")(
      "jobs", po::value<int>()->default_value(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
      "rendering threads")("text-only", "write documents as luutru-index --jsonl input, without rendering");
  luutru::cli::AddCommonOptions(opts, true, false);
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, opts), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "luutru-corpus: " << e.what() << "\n" << opts;
    return 2;
  }
  if (vm.count("version")) {
    std::cout << luutru::cli::VersionText("luutru-corpus");
    return 0;
  }
  if (vm.count("help") || !vm.count("out")) {
    std::cerr << opts;
    return vm.count("help") ? 0 : 2;
  }
  luutru::corpus::PlanOptions options;
  options.docs = vm["docs"].as<int>();
  options.seed = vm["seed"].as<uint64_t>();
  options.scanned_fraction = vm["scanned-fraction"].as<double>();
  options.text_only = vm.count("text-only") > 0;
  if (options.docs < 1 || options.scanned_fraction < 0 || options.scanned_fraction > 1) {
    std::cerr << "luutru-corpus: --docs must be positive and --scanned-fraction within 0..1\n";
    return 2;
  }
  std::string error;
  auto start = std::chrono::steady_clock::now();
  if (options.text_only) {
    double rate = luutru::corpus::WriteTextOnly(vm["out"].as<std::string>(), options, &error);
    if (!error.empty()) {
      std::cerr << "luutru-corpus: " << error << "\n";
      return 1;
    }
    std::printf("%d documents (text only) in %.1f s: %.0f docs/s\n", options.docs,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), rate);
    return 0;
  }
  luutru::corpus::WriteSummary summary;
  if (!luutru::corpus::WriteArchive(vm["out"].as<std::string>(), options, vm["jobs"].as<int>(), &summary, &error)) {
    std::cerr << "luutru-corpus: " << error << "\n";
    return 1;
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%-16s %9s %6s\n", "variant", "documents", "files");
  for (const auto& [v, n] : summary.documents_per_variant)
    std::printf("%-16s %9d %6d\n", v.c_str(), n, summary.files_per_variant[v]);
  std::printf("%d documents (%d scanned), %d pages, %d broken files, %d queries in %.1f s\n", options.docs,
              summary.scanned, summary.pages, summary.broken, summary.queries, s);
  return 0;
}
