#include "indexer/metadata/centered_summary.h"

#include <algorithm>
#include <cmath>

#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

// How far, in points, a line's centre may lie from the heading's: a centred line's words are
// placed to a point or two, and one word more or less on either side moves the centre by 10 or
// more.
constexpr float kCentreTolerance = 8;
constexpr int kMaxSummaryLines = 6;
// The least gap, in points, that parts two columns of a line (a word space is about 4).
constexpr float kMinColumnGap = 8;

using Line = std::vector<const catalog::WordBox*>;

// Lines in reading order: a word left of the previous word's end, or below it, starts a line.
std::vector<Line> SplitLines(const std::vector<catalog::WordBox>& words) {
  std::vector<Line> lines;
  for (const catalog::WordBox& w : words) {
    if (!lines.empty()) {
      const catalog::WordBox& prev = *lines.back().back();
      const bool wraps = w.x0 < prev.x1 - 1;
      const bool below = w.y0 > prev.y1;
      if (!wraps && !below) {
        lines.back().push_back(&w);
        continue;
      }
    }
    lines.push_back({&w});
  }
  return lines;
}

std::string Join(Line::const_iterator begin, Line::const_iterator end) {
  std::string s;
  for (auto it = begin; it != end; ++it) {
    if (!s.empty()) s += ' ';
    s += (*it)->text;
  }
  return s;
}

// The folded words of `text` separated by single spaces, punctuation at their edges dropped.
std::string FoldedWords(std::string_view text) {
  std::string out;
  std::string word;
  auto flush = [&] {
    const size_t b = word.find_first_not_of(".,:;()[]\"'*-_|");
    const size_t e = word.find_last_not_of(".,:;()[]\"'*-_|");
    if (b != std::string::npos) {
      if (!out.empty()) out += ' ';
      out += word.substr(b, e - b + 1);
    }
    word.clear();
  };
  for (char c : tokenizers::FoldedForm(text)) {
    if (c == ' ' || c == '\n' || c == '\t')
      flush();
    else
      word += c;
  }
  flush();
  return out;
}

}  // namespace

std::optional<std::string> CenteredSummary(const std::vector<catalog::WordBox>& words, std::string_view type_name,
                                           std::string_view text_summary) {
  const std::vector<Line> lines = SplitLines(words);
  const std::string heading_words = FoldedWords(type_name);
  size_t heading = 0;
  while (heading < lines.size() && FoldedWords(Join(lines[heading].begin(), lines[heading].end())) != heading_words) {
    ++heading;
  }
  if (heading_words.empty() || heading == lines.size()) return std::nullopt;
  const float centre = (lines[heading].front()->x0 + lines[heading].back()->x1) / 2;

  const std::string summary = FoldedWords(text_summary);
  std::vector<std::string> parts;
  bool left_out = false;
  for (size_t i = heading + 1; i < lines.size() && parts.size() < kMaxSummaryLines; ++i) {
    const Line& line = lines[i];
    // The line's columns are parted by gaps over twice its usual gap between words (a stamp's
    // edge, not a space): the longest run of whole columns centred on the heading.
    std::vector<float> gaps;
    for (size_t k = 0; k + 1 < line.size(); ++k) gaps.push_back(line[k + 1]->x0 - line[k]->x1);
    std::vector<float> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const float usual = sorted.empty() ? 0 : sorted[sorted.size() / 2];
    std::vector<size_t> edges = {0};  // where a column starts; line.size() ends the last
    for (size_t k = 0; k < gaps.size(); ++k) {
      if (gaps[k] > 2 * usual && gaps[k] >= kMinColumnGap) edges.push_back(k + 1);
    }
    edges.push_back(line.size());
    size_t best_begin = 0, best_end = 0;
    for (size_t b = 0; b + 1 < edges.size(); ++b) {
      for (size_t e = b + 1; e < edges.size(); ++e) {
        const float mid = (line[edges[b]]->x0 + line[edges[e] - 1]->x1) / 2;
        if (std::fabs(mid - centre) <= kCentreTolerance && edges[e] - edges[b] > best_end - best_begin) {
          best_begin = edges[b];
          best_end = edges[e];
        }
      }
    }
    // A lone centred word under the heading is as likely a stamp's.
    if (best_end - best_begin < (parts.empty() ? 2u : 1u)) break;
    const std::string run =
        Join(line.begin() + static_cast<long>(best_begin), line.begin() + static_cast<long>(best_end));
    const std::string folded = FoldedWords(run);
    if (folded.empty() || summary.find(folded) == std::string::npos) break;
    left_out = left_out || best_end - best_begin < line.size();
    parts.push_back(run);
  }
  if (parts.empty() || !left_out) return std::nullopt;
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " ") + p;
  const size_t b = out.find_first_not_of(" ,.;:-_*|");
  const size_t e = out.find_last_not_of(" ,;:-_*|");
  if (b == std::string::npos) return std::nullopt;
  return tokenizers::NormalizeText(out.substr(b, e - b + 1));
}

}  // namespace luutru::indexer
