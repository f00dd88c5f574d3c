// Reading order: words -> lines -> segments (split at wide gaps) -> header blocks left, then right;
// an empty line where the page leaves one.
#include "indexer/documents/page_text.h"

#include <algorithm>

#include "tokenizers/legacy_encoding.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

struct Word {
  std::string text;
  double x0, y0, x1, y1;
  bool space_after;
  double Height() const { return std::max(1.0, y1 - y0); }
  double CenterY() const { return (y0 + y1) / 2; }
};

struct Line {
  std::vector<Word> words;  // left to right
  double y0 = 0, y1 = 0;
  double Height() const { return std::max(1.0, y1 - y0); }
};

// A run of words with no wide gap inside: one block's part of a line.
struct Segment {
  std::string text;
  double x0 = 0, x1 = 0;
};

std::vector<Line> GroupLines(std::vector<Word> words) {
  std::stable_sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.CenterY() < b.CenterY(); });
  std::vector<Line> lines;
  for (Word& w : words) {
    // A word belongs to the last line when their vertical extents overlap by half the smaller
    // height: tolerant of mixed font sizes and slightly skewed text.
    if (!lines.empty()) {
      Line& line = lines.back();
      const double overlap = std::min(line.y1, w.y1) - std::max(line.y0, w.y0);
      if (overlap >= 0.5 * std::min(line.Height(), w.Height())) {
        line.y0 = std::min(line.y0, w.y0);
        line.y1 = std::max(line.y1, w.y1);
        line.words.push_back(std::move(w));
        continue;
      }
    }
    Line line;
    line.y0 = w.y0;
    line.y1 = w.y1;
    line.words.push_back(std::move(w));
    lines.push_back(std::move(line));
  }
  for (Line& line : lines) {
    std::stable_sort(line.words.begin(), line.words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
  }
  return lines;
}

// Splits a line where the gap between two words is wide enough to separate columns: one and a
// half line heights (justified body text stays well below) and a few percent of the page.
std::vector<Segment> SplitSegments(const Line& line, double page_width) {
  const double wide_gap = std::max(1.5 * line.Height(), 0.03 * page_width);
  std::vector<Segment> segments;
  const Word* prev = nullptr;
  for (const Word& w : line.words) {
    const double gap = prev ? w.x0 - prev->x1 : 0;
    if (!prev || gap >= wide_gap) {
      segments.push_back(Segment{w.text, w.x0, w.x1});
    } else {
      Segment& s = segments.back();
      if (prev->space_after || gap > 0.2 * w.Height()) s.text += ' ';
      s.text += w.text;
      s.x1 = std::max(s.x1, w.x1);
    }
    prev = &w;
  }
  return segments;
}

// The space of at least one empty line between two lines, where line spacing and paragraph
// spacing (up to about half a line) are less: a document's summary is set off from its body, and
// its signature block from the text, this way, and the header reader ends a summary there.
bool IsBlankLineBetween(const Line& above, const Line& below) {
  return below.y0 - above.y1 > 0.9 * std::max(above.Height(), below.Height());
}

std::string JoinSegments(const std::vector<Segment>& segments) {
  std::string out;
  for (const Segment& s : segments) {
    if (!out.empty()) out += ' ';
    out += s.text;
  }
  return out;
}

}  // namespace

PageText BuildPageText(const std::vector<TextLayerWord>& boxes, double page_width, double page_height,
                       bool header_page) {
  PageText result;
  std::vector<Word> words;
  words.reserve(boxes.size());
  for (const TextLayerWord& b : boxes) {
    std::string text = b.text;
    const tokenizers::LegacyEncoding enc = tokenizers::EncodingOfFontName(b.font_name);
    if (enc != tokenizers::LegacyEncoding::kNone) {
      text = tokenizers::ConvertLegacyEncoding(text, enc);
      result.legacy_font = true;
    }
    if (text.empty()) continue;
    words.push_back(Word{std::move(text), b.x0, b.y0, b.x1, b.y1, b.space_after});
  }
  if (page_width <= 0) page_width = 595;
  if (page_height <= 0) page_height = 842;

  const std::vector<Line> lines = GroupLines(std::move(words));
  std::vector<std::vector<Segment>> segs;
  segs.reserve(lines.size());
  for (const Line& line : lines) segs.push_back(SplitSegments(line, page_width));

  // A two-column line: exactly two segments, the gap between them in the middle half of the page.
  auto split_of = [&](size_t i) -> double {
    if (segs[i].size() != 2) return -1;
    const double mid = (segs[i][0].x1 + segs[i][1].x0) / 2;
    if (mid < 0.25 * page_width || mid > 0.75 * page_width) return -1;
    return mid;
  };

  std::vector<std::string> out_lines;
  size_t i = 0;
  while (i < lines.size()) {
    // The header sits at the top: within the first lines (a signature stamp may come first) and
    // the top 40% of the page. Two-column lines further down are table rows: left as they are.
    const bool header_zone = header_page && i < 8 && lines[i].y0 < 0.4 * page_height;
    const double split = header_zone ? split_of(i) : -1;
    if (i > 0 && IsBlankLineBetween(lines[i - 1], lines[i])) out_lines.emplace_back();
    if (split < 0) {
      out_lines.push_back(JoinSegments(segs[i]));
      ++i;
      continue;
    }
    // The header zone: consecutive lines that are two-column, or lie wholly on one side of the
    // split (a rule under the motto, the left block's extra line). Left block first.
    std::vector<std::string> left, right;
    size_t j = i;
    for (; j < lines.size(); ++j) {
      if (split_of(j) >= 0) {
        left.push_back(segs[j][0].text);
        right.push_back(segs[j][1].text);
        continue;
      }
      const double x0 = segs[j].front().x0, x1 = segs[j].back().x1;
      if (x1 <= split) {
        left.push_back(JoinSegments(segs[j]));
      } else if (x0 >= split) {
        right.push_back(JoinSegments(segs[j]));
      } else {
        break;
      }
    }
    out_lines.insert(out_lines.end(), left.begin(), left.end());
    out_lines.insert(out_lines.end(), right.begin(), right.end());
    i = j;
  }

  for (const std::string& l : out_lines) {
    if (!result.text.empty()) result.text += '\n';
    result.text += l;
  }
  return result;
}

catalog::Page AnalyzeTextLayer(const std::string& raw_text, bool legacy_font) {
  catalog::Page page;
  std::string text = raw_text;
  page.source = legacy_font ? catalog::TextSource::kLegacyRepaired : catalog::TextSource::kTextLayer;
  if (!legacy_font) {
    // No legacy font name, yet the characters may still be look-alikes (an embedded subset
    // renamed by the producer): the detector is conservative, so a change is a real repair.
    std::string repaired = tokenizers::RepairLegacyEncoding(text);
    if (repaired != text) {
      text = std::move(repaired);
      page.source = catalog::TextSource::kLegacyRepaired;
    }
  }
  page.text = tokenizers::NormalizeText(text);
  if (page.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    page.text.clear();
    page.source = catalog::TextSource::kNone;
  }
  return page;
}

uint64_t CapPageText(catalog::Page& page, size_t limit) {
  if (page.text.size() <= limit) return 0;
  const uint64_t size = page.text.size();
  size_t cut = limit;
  // Back to the start of a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(page.text[cut]) & 0xC0) == 0x80) --cut;
  page.text.resize(cut);
  page.text.shrink_to_fit();
  size_t kept = 0, words = 0;
  for (; words < page.words.size() && kept + page.words[words].text.size() <= cut; ++words) {
    kept += page.words[words].text.size() + 1;
  }
  page.words.resize(words);
  page.words.shrink_to_fit();
  return size;
}

}  // namespace luutru::indexer
