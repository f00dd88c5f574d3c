#include "indexer/metadata/header_metadata.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "indexer/metadata/centered_summary.h"
#include "indexer/metadata/header_confidence.h"
#include "indexer/metadata/header_issuer.h"
#include "indexer/metadata/header_text.h"
#include "tokenizers/normalize.h"
#include "tokenizers/notation.h"

namespace luutru::indexer {
namespace {

using namespace header_text;  // NOLINT: the small text helpers shared by the header parts

using catalog::DocumentMetadata;

// How far into the page the header may reach, in non-blank lines: past the e-signature stamp
// and OCR debris of a scan's margin, short of the body.
constexpr int kHeaderReach = 40;
constexpr int kMaxTitleLines = 6;

// One line of the page, cut into cells where `pdftotext -layout` leaves a wide gap between the
// left and right header blocks, or OCR reads a rule as '|'.
struct Line {
  std::string text;
  std::vector<std::string> cells;
  std::string folded;
  bool blank = true;
};

std::vector<Line> SplitLines(std::string_view page) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= page.size()) {
    size_t end = page.find('\n', start);
    if (end == std::string_view::npos) end = page.size();
    Line line;
    line.text = Trim(page.substr(start, end - start));
    std::string cell;
    int spaces = 0;
    auto flush = [&] {
      std::string t = Trim(cell);
      if (!t.empty()) line.cells.push_back(t);
      cell.clear();
    };
    for (char c : line.text) {
      if (c == ' ') {
        ++spaces;
        continue;
      }
      if (spaces >= 3)
        flush();
      else if (spaces > 0)
        cell.append(spaces, ' ');
      spaces = 0;
      if (c == '|' || c == '\t') {
        flush();
        continue;
      }
      cell.push_back(c);
    }
    flush();
    line.blank = line.cells.empty() || !std::any_of(line.cells.begin(), line.cells.end(), [](const std::string& c) {
                   return HasLetters(c) || std::any_of(c.begin(), c.end(), ::isdigit);
                 });
    line.folded = Fold(Join(line.cells));
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// The national and Party mottos, cut off wherever they start in a cell (OCR runs them into the
// issuer's line).
constexpr const char* kMottos[] = {"cong hoa xa hoi", "hoa xa hoi chu nghia",   "doc lap - tu do",  "doc lap tu do",
                                   "doc lap",         "dang cong san viet nam", "tu do - hanh phuc"};
constexpr size_t LongestMotto() {
  size_t n = 0;
  for (const char* m : kMottos) n = std::max(n, std::string_view(m).size());
  return n;
}
constexpr size_t kLongestMotto = LongestMotto();

size_t MottoStart(std::string_view folded) {
  size_t best = std::string_view::npos;
  for (const char* m : kMottos) best = std::min(best, folded.find(m));
  return best;
}

// E-signature stamps ("Người ký: …", "Thời gian ký: 15.04.2020 …+07:00", "TRUNG TÂM CÔNG BÁO VÀ
// TIN HỌC", e-mail) sit above or across the header; they are never the issuer or the date.
bool IsSignatureStamp(std::string_view text, std::string_view folded) {
  if (text.find('@') != std::string_view::npos || text.find("+07") != std::string_view::npos) return true;
  static const char* const kMarks[] = {"nguoi ky", "ky boi",   "co quan:", "thoi gian ky",
                                       "email",    "cong bao", "tin hoc",  ".gov.vn"};
  for (const char* m : kMarks) {
    if (folded.find(m) != std::string_view::npos) return true;
  }
  return false;
}

// Words that open the body, a salutation or a recital: the summary has ended.
bool OpensBody(std::string_view folded) {
  static const char* const kOpeners[] = {"can cu",    "kinh gui", "thuc hien", "ngay ",    "xet ",    "theo ",
                                         "de ",       "trong ",   "nham ",     "vua qua",  "sau khi", "hom nay",
                                         "tiep theo", "dieu ",    "noi nhan",  "thi hanh", "chuyen:"};
  for (const char* o : kOpeners) {
    if (StartsWith(folded, o)) return true;
  }
  // "1.", "I.", "a)": a numbered point.
  size_t n = 0;
  while (n < folded.size() && n < 4 &&
         (std::isdigit(static_cast<unsigned char>(folded[n])) ||
          std::string_view("ivx").find(folded[n]) != std::string_view::npos)) {
    ++n;
  }
  if (n == 0 && !folded.empty() && folded[0] >= 'a' && folded[0] <= 'z') n = 1;
  return n > 0 && n + 1 < folded.size() && (folded[n] == '.' || folded[n] == ')') && folded[n + 1] == ' ';
}

// The authority line under a decision's summary: "BỘ TRƯỞNG BỘ …", "CHỦ TỊCH ỦY BAN …".
bool IsAuthorityLine(std::string_view folded) {
  static const char* const kAuthorities[] = {
      "bo truong", "chu tich",    "uy ban nhan dan", "ban thuong vu",   "ban chap hanh",   "thu tuong",
      "giam doc",  "hieu truong", "hoi dong",        "tong cuc truong", "cuc truong",      "tinh uy",
      "thanh uy",  "huyen uy",    "thuong truc",     "vu truong",       "chanh van phong", "truong ban"};
  for (const char* a : kAuthorities) {
    if (StartsWith(folded, a)) return true;
  }
  return false;
}

// The type heading: a capitals line that starts with a type name ("THÔNG BÁO", "THÔNG BÁO KẾT
// LUẬN", "QUYẾT ĐỊNH"). Returns the type and how many words its name takes.
struct Heading {
  catalog::DocumentType type;
  size_t name_words = 0;
};
std::optional<Heading> MatchHeading(const std::string& cell) {
  std::string text = cell;
  while (!text.empty() && std::string_view(":.,;").find(text.back()) != std::string_view::npos) text.pop_back();
  const std::vector<std::string> words = Words(text);
  if (words.size() < 2 || words.size() > 16 || !IsUpperWord(text)) return std::nullopt;
  const std::string folded = Fold(text);
  if (MottoStart(folded) != std::string::npos) return std::nullopt;
  std::optional<catalog::DocumentType> type = catalog::FindDocumentType(text);
  if (!type) return std::nullopt;
  const std::string name = Fold(type->name);
  if (!StartsWith(folded, name)) return std::nullopt;  // matched a code, not a name
  return Heading{*type, Words(name).size()};
}

// OCR reads 0 as O and 1 as I, l or |; such a token is a number only if nothing else is in it.
std::optional<std::string> CleanDigits(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    if (c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '_') continue;
    if (c == 'O' || c == 'o') c = '0';
    if (c == 'I' || c == 'l' || c == 'i' || c == '|' || c == '!') c = '1';
    if (c < '0' || c > '9') return std::nullopt;
    out.push_back(c);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

// --- Number and notation ------------------------------------------------------------------

struct NumberResult {
  std::optional<std::string> number;
  std::string rest;                           // the notation after the number, "/QĐ-UBND", when a "Số" line was read
  std::optional<catalog::DocumentType> type;  // from the notation's abbreviation
  bool found = false;                         // a "Số …" line with a notation was seen
};

// "Số", and what OCR makes of it ("Sô", "So", "S6", "S0", "Sổ"), but not "Sở" (a department).
bool IsNumberPrefix(std::string_view token) {
  std::string t = tokenizers::ExactForm(token);
  while (!t.empty() && (t.back() == ':' || t.back() == '.' || t.back() == ';')) t.pop_back();
  static const char* const kForms[] = {"số", "sô", "so", "s6", "s0", "sổ", "sồ", "sỗ", "sộ", "só", "sò", "sõ"};
  for (const char* f : kForms) {
    if (t == f) return true;
  }
  return false;
}

// Whether a token still belongs to the notation after "Số".
bool NotationPiece(const std::string& token, const std::string& so_far) {
  if (!so_far.empty() && (so_far.back() == '/' || so_far.back() == '-')) return true;
  if (token.find_first_of("/-0123456789") != std::string::npos) return true;
  if (!HasLetters(token)) return token.size() <= 3;  // OCR debris standing for a digit
  return false;
}

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `code` with a letter OCR read twice ("QĐĐ" for "QĐ") read once, when only that makes it a
// type's abbreviation; `code` itself otherwise.
std::string LetterReadOnce(const std::string& code) {
  if (code.empty() || catalog::FindDocumentTypeInNotation(code, false)) return code;
  for (size_t i = 0; i < code.size();) {
    size_t len = 1;
    while (i + len < code.size() && (static_cast<unsigned char>(code[i + len]) & 0xC0) == 0x80) ++len;
    if (code.compare(i + len, len, code, i, len) == 0) {
      std::string once = code;
      once.erase(i, len);
      if (catalog::FindDocumentTypeInNotation(once, false)) return once;
    }
    i += len;
  }
  return code;
}

NumberResult ReadNotation(std::string raw) {
  NumberResult r;
  raw = tokenizers::RepairLookAlikes(raw);  // "QÐ" (eth) for "QĐ", as fonts and OCR give it
  while (!raw.empty() && std::string_view(":.,;").find(raw.front()) != std::string_view::npos) raw.erase(0, 1);
  while (!raw.empty() && std::string_view(":.,;)").find(raw.back()) != std::string_view::npos) raw.pop_back();
  const size_t sep = raw.find_first_of("/-");
  if (sep == std::string::npos) return r;
  std::string number_part = raw.substr(0, sep);
  // "276a/QĐ-UBDT": a letter after the digits is the office's, unless OCR's look-alike of one.
  std::string number_letter;
  if (number_part.size() >= 2 && std::isalpha(static_cast<unsigned char>(number_part.back())) &&
      std::string_view("OoIil").find(number_part.back()) == std::string_view::npos &&
      std::isdigit(static_cast<unsigned char>(number_part[number_part.size() - 2]))) {
    number_letter = number_part.back();
    number_part.pop_back();
  }
  std::string rest = raw.substr(sep);
  const bool party = rest[0] == '-' && rest.find('/') != std::string::npos;
  std::string code;
  if (party) {
    code = rest.substr(1, rest.find('/') - 1);
  } else if (rest[0] == '-') {
    // The government's older form names the office ("02-CP", "07-TTg", "03-HĐBT"); the type is
    // known only from a type group after it ("1050-BYT-QĐ").
    const size_t last = rest.find_last_of("-.");
    if (last > 0) code = rest.substr(last + 1);
    if (!catalog::FindDocumentTypeInNotation(code, false)) code.clear();
  } else {
    // "/2020/NĐ-CP" or "/QĐ-UBND": the type is the first group after the number and year.
    std::vector<std::string> parts;
    size_t p = 1;
    while (p <= rest.size()) {
      size_t q = rest.find('/', p);
      if (q == std::string::npos) q = rest.size();
      if (q > p) parts.push_back(rest.substr(p, q - p));
      p = q + 1;
    }
    std::string groups;
    for (const auto& part : parts) {
      if (auto year = CleanDigits(part); year && year->size() <= 4) continue;  // a year, a sub-number (748/3/QĐ-QLD)
      groups = part;
      break;
    }
    if (groups.empty()) return r;
    code = groups.substr(0, groups.find_first_of("-."));
    if (const std::string once = LetterReadOnce(code); once != code) {
      rest.replace(rest.find(code), code.size(), once);
      code = once;
    }
    if (groups.find('-') == std::string::npos && parts.size() == 1) {
      // "11/UBND": an issuer alone is a công văn; "45/TB" a type alone.
      if (!catalog::FindDocumentTypeInNotation(code, false)) code.clear();
    }
  }
  if (code.empty() || !HasLetters(code)) {
    if (!party && !code.empty()) return r;
  }
  r.found = true;
  if (auto n = tokenizers::ParseNotation("1" + rest)) r.rest = n->text.substr(1);
  if (auto t = catalog::FindDocumentTypeInNotation(code, party)) {
    r.type = t;
  } else if (!party && rest[0] != '-') {
    r.type = catalog::FindDocumentType("Công văn");  // a state công văn has no type group
  }
  if (auto digits = CleanDigits(number_part)) {
    // Fix O/0 in a year group too ("3O/2O2O/NĐ-CP").
    std::string fixed_rest = rest;
    if (fixed_rest.size() > 5 && fixed_rest[0] == '/' && fixed_rest[5] == '/') {
      if (auto y = CleanDigits(fixed_rest.substr(1, 4)); y && y->size() == 4) fixed_rest.replace(1, 4, *y);
    }
    if (auto n = tokenizers::ParseNotation(*digits + number_letter + fixed_rest)) r.number = n->text;
  }
  return r;
}

// Finds "Số: 15/QĐ-UBND" (also "Số 45-TB/TU", "S6:", a notation split over two lines) in the
// header zone. Returns the result and the line it was on.
std::pair<NumberResult, int> FindNumber(const std::vector<Line>& lines, int zone_end) {
  for (int i = 0; i < zone_end; ++i) {
    const auto& cells = lines[i].cells;
    for (size_t c = 0; c < cells.size(); ++c) {
      std::vector<std::string> tokens = Words(cells[c]);
      if (tokens.empty()) continue;
      if (tokens.size() == 1 && c + 1 < cells.size()) {
        // "Số:      /CT-UBND": a blank left for a handwritten number is a wide gap.
        for (auto& t : Words(cells[c + 1])) tokens.push_back(t);
      }
      // "Số" opens the cell; OCR may also run it after the issuer's last line ("TỈNH QUẢNG NGÃI
      // Số: 11/TB-UBND"), where it is written with a capital, unlike "số" citing another document.
      size_t from = 0;
      std::string acc;
      bool found_prefix = false;
      for (size_t p = 0; p < tokens.size() && !found_prefix; ++p) {
        if (p > 0 && tokens[p][0] != 'S') continue;
        if (IsNumberPrefix(tokens[p])) {
          from = p + 1;
          found_prefix = true;
        } else if (size_t colon = tokens[p].find(':');
                   colon != std::string::npos && IsNumberPrefix(tokens[p].substr(0, colon))) {
          acc = tokens[p].substr(colon + 1);  // "Số:542/TB-UBND" glued
          from = p + 1;
          found_prefix = true;
        }
      }
      if (!found_prefix) continue;
      for (size_t j = from; j < tokens.size(); ++j) {
        // What OCR made of handwritten digits ("đ#", "6Š", "õ†") before the printed "/QĐ-UBND".
        const bool written =
            acc.empty() && CodePoints(tokens[j]) <= 3 && j + 1 < tokens.size() && tokens[j + 1][0] == '/';
        if (!written && !NotationPiece(tokens[j], acc)) break;
        acc += tokens[j];
      }
      if (acc.find_first_of("/-") == std::string::npos || acc.find_first_of("/-") == acc.size() - 1) {
        // "Số: 542" with "/TB-UBND" on the next line of the same block.
        for (int k = i + 1; k < zone_end && k <= i + 2; ++k) {
          if (lines[k].blank) continue;
          std::vector<std::string> next = Words(lines[k].cells[0]);
          if (!next.empty() && (next[0][0] == '/' || next[0][0] == '-' || !acc.empty())) {
            if (next[0][0] != '/' && next[0][0] != '-' && acc.back() != '/' && acc.back() != '-') break;
            for (size_t j = 0; j < next.size() && (j == 0 || NotationPiece(next[j], acc)); ++j) acc += next[j];
          }
          break;
        }
      }
      NumberResult r = ReadNotation(acc);
      if (r.found) return {r, i};
    }
  }
  return {NumberResult{}, -1};
}

// --- Date -----------------------------------------------------------------------------------

// Cuts "ngay <day> thang <month> nam <year>" out of a folded line; the day and month may be
// blank or debris, the year is four digit-like characters.
bool SplitDate(const std::string& f, std::string* day, std::string* month, std::string* year) {
  constexpr size_t kGap = 12;  // room for a number, blanks or dots
  for (size_t at = f.find("ngay"); at != std::string::npos; at = f.find("ngay", at + 1)) {
    // "… số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025" cites another document.
    const std::vector<std::string> before = Words(f.substr(0, at));
    bool cites = false;
    for (size_t k = before.size() >= 2 ? before.size() - 2 : 0; k < before.size(); ++k) {
      cites = cites || before[k].find_first_of("/0123456789") != std::string::npos;
    }
    if (cites) continue;
    const size_t d = at + 4;
    const size_t t = f.find("thang", d);
    if (t == std::string::npos || t - d > kGap) continue;
    const size_t m = t + 5;
    const size_t n = f.find("nam", m);
    if (n == std::string::npos || n - m > kGap) continue;
    size_t y = n + 3;
    for (int skip = 0; skip < 3 && y < f.size() && !std::isalnum(static_cast<unsigned char>(f[y])); ++skip) ++y;
    if (y + 4 > f.size()) continue;
    const std::string candidate = f.substr(y, 4);
    if (candidate.find_first_not_of("0123456789oil") != std::string::npos) continue;
    *day = f.substr(d, t - d);
    *month = f.substr(m, n - m);
    *year = candidate;
    return true;
  }
  return false;
}

// "Quảng Ngãi, ngày 08 tháng 01 năm 2025"; blanks or unreadable handwriting give month or year
// precision, never a guess.
std::optional<catalog::PartialDate> FindDate(const std::vector<Line>& lines, int zone_end, int* line_out) {
  for (int i = 0; i < zone_end; ++i) {
    if (lines[i].blank) continue;
    std::string day_text, month_text, year_text;
    if (!SplitDate(lines[i].folded, &day_text, &month_text, &year_text)) continue;
    auto year = CleanDigits(year_text);
    if (!year) continue;
    catalog::PartialDate d;
    d.year = std::stoi(*year);
    if (d.year < 1900 || d.year > 2100) continue;
    if (auto month = CleanDigits(month_text); month && month->size() <= 2) {
      d.month = std::stoi(*month);
      if (auto day = CleanDigits(day_text); day && day->size() <= 2) d.day = std::stoi(*day);
    }
    if (d.month < 1 || d.month > 12) d.month = d.day = 0;
    if (d.day != 0 && !catalog::ParsePartialDate(d.ToString())) d.day = 0;  // misread day
    if (line_out) *line_out = i;
    return d;
  }
  return std::nullopt;
}

// --- Issuer ---------------------------------------------------------------------------------

// Cuts a cell down to its issuer words: the motto and place-date on its right go, as do
// trailing and leading tokens that are not capitals (OCR debris).
// Each word is folded once and the folded text grows word by word: a cell of n words costs n
// folds, not n² (a text layer may hold a whole page on one line).
std::vector<std::string> IssuerWords(const std::string& cell) {
  std::vector<std::string> kept;
  std::string joined;          // the folded words of `kept`, one space apart
  std::vector<size_t> starts;  // where each of them starts in `joined`
  for (const auto& w : Words(cell)) {
    // A motto not in the text before this word ends in it: only the tail needs a look.
    const size_t from = joined.size() > kLongestMotto ? joined.size() - kLongestMotto : 0;
    if (!joined.empty()) joined += ' ';
    starts.push_back(joined.size());
    joined += Fold(w);
    kept.push_back(w);
    if (MottoStart(std::string_view(joined).substr(from)) != std::string::npos) {
      // Drop the words from the first one the motto starts in.
      size_t cut = kept.size();
      for (size_t k = 0; k < kept.size(); ++k) {
        if (MottoStart(std::string_view(joined).substr(starts[k], kLongestMotto)) == 0) {
          cut = k;
          break;
        }
      }
      kept.resize(cut);
      break;
    }
  }
  while (!kept.empty() && !IsUpperWord(kept.back())) kept.pop_back();
  size_t lead = 0;
  while (lead < kept.size() && !IsUpperWord(kept[lead])) ++lead;
  kept.erase(kept.begin(), kept.begin() + lead);
  // Rules and the Party asterisk are not words.
  kept.erase(std::remove_if(kept.begin(), kept.end(), [](const std::string& w) { return !HasLetters(w); }), kept.end());
  return kept;
}

// Reads the top-left block upward from the number line: the lines in capitals between the
// e-signature stamp and "Số". IssuerName names the body they hold.
std::optional<std::string> FindIssuer(const std::vector<Line>& lines, int anchor) {
  std::vector<std::vector<std::string>> block;  // bottom-up
  if (!lines[anchor].cells.empty()) {
    // OCR may run the block's last line into the number line: "TỈNH QUẢNG NGÃI Số: …".
    const std::vector<std::string> tokens = Words(lines[anchor].cells[0]);
    for (size_t p = 1; p < tokens.size(); ++p) {
      if (tokens[p][0] == 'S' && IsNumberPrefix(tokens[p].substr(0, tokens[p].find(':')))) {
        std::vector<std::string> words = IssuerWords(Join(tokens, 0, p));
        if (!words.empty()) block.push_back(words);
        break;
      }
    }
  }
  for (int i = anchor - 1; i >= 0 && block.size() < 4; --i) {
    const Line& line = lines[i];
    if (line.blank) continue;
    if (IsSignatureStamp(line.text, line.folded)) break;
    std::vector<std::string> words;
    bool date_line = false;
    for (const std::string& cell : line.cells) {
      const std::string f = Fold(cell);
      if (f.find("ngay") != std::string::npos && f.find("thang") != std::string::npos) {
        date_line = true;
        continue;
      }
      if (MottoStart(f) == 0) continue;
      words = IssuerWords(cell);
      if (!words.empty()) break;
    }
    if (words.empty()) {
      if (date_line || !HasLetters(line.text) || MottoStart(line.folded) == 0) continue;
      // A line with letters but no capitals: prose or stamp debris, the block is over.
      CaseCount c = CountCase(line.text);
      if (c.lower > c.upper) break;
      continue;
    }
    block.push_back(words);
  }
  if (block.empty()) return std::nullopt;
  std::reverse(block.begin(), block.end());
  return IssuerName(block);
}

// --- Stamps ---------------------------------------------------------------------------------

// Secrecy and urgency stamps are words in capitals standing alone: a cell of their own, or the
// start or end of a header line. "bí mật" in a sentence or a title is not a stamp.
template <typename T>
std::optional<T> FindStamp(const std::vector<Line>& lines, int zone_end,
                           const std::vector<std::pair<std::string, T>>& stamps) {
  std::optional<T> best;
  for (int i = 0; i < zone_end; ++i) {
    for (const std::string& cell : lines[i].cells) {
      std::vector<std::string> words = Words(cell);
      // Strip punctuation around the words.
      std::vector<std::string> clean;
      for (auto w : words) {
        while (!w.empty() && std::string_view("*.,:;()[]\"'").find(w.back()) != std::string_view::npos) w.pop_back();
        while (!w.empty() && std::string_view("*.,:;()[]\"'").find(w.front()) != std::string_view::npos) w.erase(0, 1);
        if (!w.empty()) clean.push_back(w);
      }
      for (const auto& [name, value] : stamps) {
        const std::vector<std::string> sw = Words(name);
        const size_t n = sw.size();
        if (clean.size() < n) continue;
        for (size_t at : {size_t{0}, clean.size() - n}) {
          bool ok = true;
          for (size_t k = 0; k < n && ok; ++k) ok = IsUpperWord(clean[at + k]) && Fold(clean[at + k]) == sw[k];
          if (!ok) continue;
          // Inside a phrase in capitals ("BẢO VỆ BÍ MẬT") it is a word, not a stamp.
          const bool alone = clean.size() == n;
          // A neighbour that is a notation or a number ("Số: 12/QĐ-UBND MẬT") is not a word.
          auto capital_word = [](const std::string& w) {
            return IsUpperWord(w) && w.find_first_of("0123456789/-") == std::string::npos;
          };
          const bool edge_of_header =
              at == 0 ? (clean.size() > n && !capital_word(clean[n])) : (at > 0 && !capital_word(clean[at - 1]));
          if (!alone && !edge_of_header) continue;
          if (!best || static_cast<int>(value) > static_cast<int>(*best)) best = value;
        }
      }
    }
  }
  return best;
}

// --- Summary --------------------------------------------------------------------------------

std::string LongestCell(const Line& line) {
  std::string best;
  for (const auto& c : line.cells) {
    if (c.size() > best.size()) best = c;
  }
  return best;
}

std::string CleanTitle(const std::vector<std::string>& parts) {
  std::string s = Join(parts);
  // Collapse runs of spaces.
  std::string out;
  for (char c : s) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(c);
  }
  while (!out.empty() && std::string_view(" ,.;:-_*").find(out.front()) != std::string_view::npos) out.erase(0, 1);
  while (!out.empty() && std::string_view(" ,;:-_*").find(out.back()) != std::string_view::npos) out.pop_back();
  return out;
}

bool HasDate(const Line& line) {
  return line.folded.find("ngay") != std::string::npos && line.folded.find("thang") != std::string::npos &&
         line.folded.find("nam") != std::string::npos && !OpensBody(line.folded);
}

// The summary under the type heading: the lines up to a blank line, a rule, the authority line
// or the first words of the body. A summary begun in capitals ends where capitals end.
std::optional<std::string> ReadTitle(const std::vector<Line>& lines, int start, std::string first_part,
                                     bool left_cell_only) {
  std::vector<std::string> parts;
  if (!Trim(first_part).empty()) parts.push_back(Trim(first_part));
  int blanks = 0;
  std::optional<bool> in_capitals;  // set by the first line under the heading
  for (int i = start; i < static_cast<int>(lines.size()) && static_cast<int>(parts.size()) < kMaxTitleLines; ++i) {
    const Line& line = lines[i];
    if (line.blank) {
      if (!parts.empty()) break;
      if (++blanks > 2) break;
      continue;
    }
    std::string text = left_cell_only ? line.cells[0] : LongestCell(line);
    if (!HasLetters(text)) {
      if (!parts.empty()) break;
      continue;
    }
    const std::string f = Fold(text);
    if (OpensBody(f) || HasDate(line) || MottoStart(f) != std::string::npos) break;
    const bool upper = IsUpperWord(text);
    if (upper && IsAuthorityLine(f)) break;
    if (in_capitals && *in_capitals != upper) {
      // A capitals summary continues only in capitals; a mixed-case one ends at capitals.
      break;
    }
    if (!in_capitals) in_capitals = upper;
    parts.push_back(text);
  }
  std::string title = CleanTitle(parts);
  if (title.empty()) return std::nullopt;
  return title;
}

}  // namespace

DocumentMetadata ExtractHeaderMetadata(std::string_view page_text) { return ExtractHeaderMetadata(page_text, nullptr); }

DocumentMetadata ExtractHeaderMetadata(std::string_view page_text, std::string* notation_rest) {
  DocumentMetadata meta;
  const std::vector<Line> lines = SplitLines(page_text);
  const int count = static_cast<int>(lines.size());

  // The reach of the header: kHeaderReach non-blank lines.
  int reach = 0;
  for (int seen = 0; reach < count && seen < kHeaderReach; ++reach) {
    if (!lines[reach].blank) ++seen;
  }

  // The type heading ends the header zone.
  int heading_line = -1;
  std::optional<Heading> heading;
  std::string heading_rest;
  for (int i = 0; i < reach && !heading; ++i) {
    for (const std::string& cell : lines[i].cells) {
      if (IsSignatureStamp(cell, Fold(cell))) continue;
      if (auto h = MatchHeading(cell)) {
        heading = h;
        heading_line = i;
        std::vector<std::string> words = Words(cell);
        heading_rest = Join(words, h->name_words);
        // "THÔNG BÁO KẾT LUẬN": keep "KẾT LUẬN" as the start of the summary.
        while (!heading_rest.empty() && std::string_view(":.,;").find(heading_rest.back()) != std::string_view::npos) {
          heading_rest.pop_back();
        }
        break;
      }
    }
  }

  // Without a heading (a công văn), the zone ends at the salutation or the body.
  int zone_end = heading ? heading_line : reach;
  if (!heading) {
    int seen = 0;
    for (int i = 0; i < reach; ++i) {
      if (lines[i].blank) continue;
      ++seen;
      const std::string f = Fold(LongestCell(lines[i]));
      if (seen > 3 && (StartsWith(f, "kinh gui") || StartsWith(f, "can cu") || StartsWith(f, "thuc hien"))) {
        zone_end = i;
        break;
      }
    }
  }

  auto [number, number_line] = FindNumber(lines, zone_end);
  bool motto = false;
  for (int i = 0; i < zone_end && !motto; ++i) motto = MottoStart(lines[i].folded) != std::string::npos;
  // No heading, no number, no motto: this is not the first page of a document (or nothing on it
  // could be read), and a stray date or name in it says nothing about the document.
  if (!heading && !number.found && !motto) return meta;
  if (number.number) meta.number = number.number;
  if (notation_rest) *notation_rest = number.rest;

  int date_line = -1;
  if (auto date = FindDate(lines, zone_end, &date_line)) meta.date = date;

  // "V/v …": the summary of a công văn, under the number.
  int vv_line = -1;
  std::string vv_rest;
  for (int i = std::max(0, number_line); i < zone_end && vv_line < 0; ++i) {
    if (lines[i].blank) continue;
    const std::vector<std::string> words = Words(lines[i].cells[0]);
    if (words.empty()) continue;
    std::string f = Fold(words[0]);
    while (!f.empty() && (f.back() == ':' || f.back() == '.')) f.pop_back();
    if (f == "v/v" || f == "v/y" || f == "vv") {
      vv_line = i;
      vv_rest = Join(words, 1);
    } else if (StartsWith(f, "v/v") && f.size() > 3) {
      vv_line = i;
      vv_rest = Join(words).substr(3);
    }
  }

  if (heading) {
    meta.type = heading->type.name;
  } else if (vv_line >= 0) {
    meta.type = "Công văn";
  } else if (number.type) {
    meta.type = number.type->name;
  }

  if (heading) {
    meta.title = ReadTitle(lines, heading_line + 1, heading_rest, /*left_cell_only=*/false);
  } else if (vv_line >= 0) {
    meta.title = ReadTitle(lines, vv_line + 1, vv_rest, /*left_cell_only=*/true);
  }

  // The issuer block sits above the number; without a number, above the date or the heading.
  int anchor = number_line >= 0 ? number_line : (date_line >= 0 ? date_line : heading_line);
  if (anchor >= 0) {
    // The number line itself may carry the block's last line ("TỈNH QUẢNG NGÃI Số: …") in OCR;
    // the block proper is above it.
    meta.issuer = FindIssuer(lines, anchor);
  }

  using catalog::Secrecy;
  using catalog::Urgency;
  const int stamp_end = heading ? heading_line + 1 : zone_end;
  static const std::vector<std::pair<std::string, Secrecy>> kSecrecy = {
      {"tuyet mat", Secrecy::kTopSecret}, {"toi mat", Secrecy::kSecret}, {"mat", Secrecy::kConfidential}};
  static const std::vector<std::pair<std::string, Urgency>> kUrgency = {
      {"hoa toc", Urgency::kFlash}, {"thuong khan", Urgency::kVeryUrgent}, {"khan", Urgency::kUrgent}};
  meta.secrecy = FindStamp(lines, stamp_end, kSecrecy);
  meta.urgency = FindStamp(lines, stamp_end, kUrgency);

  const bool readable_header = heading || number.found || meta.date || meta.issuer || motto || vv_line >= 0;
  if (!meta.secrecy && readable_header) meta.secrecy = Secrecy::kNormal;
  return meta;
}

DocumentMetadata ExtractHeaderMetadata(const catalog::Page& page) {
  std::string notation_rest;
  DocumentMetadata meta = ExtractHeaderMetadata(page.text, &notation_rest);
  if (meta.title && meta.type && !page.words.empty()) {
    if (auto summary = CenteredSummary(page.words, *meta.type, *meta.title)) meta.title = std::move(summary);
  }
  SettleNumberAndDate(page, notation_rest, meta);
  return meta;
}

}  // namespace luutru::indexer
