// Throughput of normalize + fold + tokenize, the work the indexer does on every page of text.
// Prints MB/s of input (bytes_per_second). Target: at least 20 MB/s on one core.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_support.h"
#include "tokenizers/legacy_encoding.h"
#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The real OCR page from ../shared, else the administrative sample kept beside this file.
const std::string& PageText() {
  static const std::string text = [] {
    if (auto shared = luutru::testing::SharedDir()) {
      std::filesystem::path page = *shared / "000_69e6df0436166d8b.txt";
      if (std::filesystem::exists(page)) {
        std::fprintf(stderr, "bench_tokenize: real OCR page %s\n", page.c_str());
        return ReadFile(page);
      }
    }
    std::fprintf(stderr,
                 "bench_tokenize: ../shared is absent, so the real OCR page is skipped; "
                 "measuring the sample text %s\n",
                 LUUTRU_BENCH_SAMPLE);
    return ReadFile(LUUTRU_BENCH_SAMPLE);
  }();
  return text;
}

// Tokenize: every token's exact form (NFC, tone style, case folding) and folded form.
void BM_Tokenize(benchmark::State& state) {
  const std::string& text = PageText();
  size_t tokens = 0;
  for (auto _ : state) {
    auto result = luutru::tokenizers::Tokenize(text);
    tokens += result.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/page"] = static_cast<double>(tokens) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_Tokenize);

// What the indexer runs on a page: legacy detection, the normalized text it stores, the tokens.
void BM_RepairNormalizeTokenize(benchmark::State& state) {
  const std::string& text = PageText();
  for (auto _ : state) {
    std::string repaired = luutru::tokenizers::RepairLegacyEncoding(text);
    std::string normalized = luutru::tokenizers::NormalizeText(repaired);
    auto tokens = luutru::tokenizers::Tokenize(normalized);
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_RepairNormalizeTokenize);

void BM_NormalizeText(benchmark::State& state) {
  const std::string& text = PageText();
  for (auto _ : state) benchmark::DoNotOptimize(luutru::tokenizers::NormalizeText(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalizeText);

void BM_FoldedForm(benchmark::State& state) {
  const std::string& text = PageText();
  for (auto _ : state) benchmark::DoNotOptimize(luutru::tokenizers::FoldedForm(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FoldedForm);

void BM_DetectLegacyEncoding(benchmark::State& state) {
  const std::string& text = PageText();
  for (auto _ : state) benchmark::DoNotOptimize(luutru::tokenizers::DetectLegacyEncoding(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DetectLegacyEncoding);

}  // namespace

BENCHMARK_MAIN();
