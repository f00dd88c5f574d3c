#include "tokenizers/pieces.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include "tokenizers/text_internal.h"

namespace luutru::tokenizers::internal {
namespace {

std::string DigitsWithoutLeadingZeros(std::u32string_view digits) {
  std::string out;
  for (char32_t c : digits) {
    if (!IsDecimalDigit(c)) continue;  // marks that followed a digit
    int v = DigitValue(c);
    if (out.empty() && v == 0) continue;
    out.push_back(static_cast<char>('0' + v));
  }
  if (out.empty()) out = "0";
  return out;
}

void FillWordForms(std::u32string_view word, Piece* piece) {
  bool ascii = true;
  for (char32_t c : word) ascii &= c < 0x80;
  if (ascii) {
    piece->exact.reserve(word.size());
    for (char32_t c : word) piece->exact.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 0x20 : c));
    piece->folded = piece->exact;
    return;
  }
  std::u32string exact(word);
  ExactInPlace(&exact);
  piece->exact = EncodeUtf8(exact);
  AppendFolded(exact, &piece->folded);
}

// The separators a notation or a date is built with; dash look-alikes count as "-".
char32_t CanonicalSeparator(char32_t c) {
  switch (c) {
    case U'-':
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212: return U'-';
    case U'/':
    case U'.':
    case U':': return c;
    default: return 0;
  }
}

struct Gap {
  bool empty = false;   // the pieces touch
  bool spaced = false;  // there is white space in it
  char32_t sep = 0;     // the one separator in it, or 0
  bool other = false;   // anything else (punctuation, a second separator)
};

Gap ReadGap(std::u32string_view gap) {
  Gap g;
  g.empty = gap.empty();
  for (char32_t c : gap) {
    if (IsSpace(c)) {
      g.spaced = true;
    } else if (char32_t s = CanonicalSeparator(c); s != 0 && g.sep == 0) {
      g.sep = s;
    } else {
      g.other = true;
    }
  }
  return g;
}

bool IsSeparatorGap(const Gap& g, char32_t sep, bool spaces_allowed) {
  return !g.other && g.sep == sep && (spaces_allowed || !g.spaced);
}

bool IsSpaceGap(const Gap& g) { return !g.other && g.sep == 0 && g.spaced; }

size_t DigitCount(const PieceText& t, const Piece& p) {
  size_t n = 0;
  for (size_t k = p.cp_begin; k < p.cp_end; ++k) n += IsDecimalDigit(t.text()[k]) ? 1 : 0;
  return n;
}

struct CaseCount {
  int upper = 0;
  int lower = 0;
  bool first_upper = false;
};

CaseCount CountCase(const PieceText& t, const Piece& p) {
  CaseCount c;
  bool first = true;
  for (size_t k = p.cp_begin; k < p.cp_end; ++k) {
    char32_t ch = t.text()[k];
    if (!IsLetter(ch)) continue;
    if (IsUpper(ch)) ++c.upper;
    if (IsLower(ch)) ++c.lower;
    if (first) c.first_upper = IsUpper(ch);
    first = false;
  }
  return c;
}

// A type or issuer abbreviation is written mostly in capitals: QĐ, TB, QĐi, CTr, TTr, QyĐ.
bool IsAbbreviation(const PieceText& t, const Piece& p) {
  if (p.number) return false;
  CaseCount c = CountCase(t, p);
  return c.first_upper && c.upper >= c.lower;
}

// A query typed in lower case ("45-tb/tu", "15/qd-ubnd"): plain letters without tone marks,
// as abbreviations are.
bool IsPlainLetters(const PieceText& t, const Piece& p) {
  if (p.number || p.cp_end - p.cp_begin > 8) return false;
  for (size_t k = p.cp_begin; k < p.cp_end; ++k) {
    char32_t c = t.text()[k];
    bool ascii_letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (!ascii_letter && c != U'đ' && c != U'Đ' && c != U'Ð' && c != U'ð') return false;
  }
  return true;
}

bool IsAllCapitals(const PieceText& t, const Piece& p) {
  if (p.number) return false;
  CaseCount c = CountCase(t, p);
  return c.upper >= 2 && c.lower == 0;
}

// Builds the three spellings of a compound as its pieces are added.
class NotationBuilder {
 public:
  NotationBuilder(const PieceText& t) : t_(t) {}
  void Add(const Piece& p) {
    exact_ += p.exact;
    folded_ += p.folded;
    std::u32string written(t_.text().substr(p.cp_begin, p.cp_end - p.cp_begin));
    NormalizeInPlace(&written);
    text_ += EncodeUtf8(written);
  }
  void Add(char32_t sep) {
    exact_.push_back(static_cast<char>(sep));
    folded_.push_back(static_cast<char>(sep));
    text_.push_back(static_cast<char>(sep));
  }
  // Accepts an abbreviation group: in capitals, or in plain lower-case letters (noted, as
  // running text then needs a stricter shape).
  bool AcceptGroup(const Piece& p) {
    if (IsAbbreviation(t_, p)) return true;
    if (!IsPlainLetters(t_, p)) return false;
    lower_case_ = true;
    return true;
  }
  // A group after a "." or "/" inside the symbol ("QĐ.UB", "QĐ-BNN/TY"). In running text it is
  // an abbreviation (all in capitals with `capitals`: "UBND.HC", not "UBND.Do"), or in lower case
  // only when the notation was typed so ("10/2004/qđ.ub").
  bool AcceptInnerGroup(const Piece& p, bool whole_text, bool capitals) {
    if (whole_text) return AcceptGroup(p);
    if (capitals ? IsAllCapitals(t_, p) : IsAbbreviation(t_, p)) return true;
    return lower_case_ && IsPlainLetters(t_, p);
  }
  void NoteGap(const Gap& g) { spaced_ |= g.spaced; }
  void NoteHyphenInOrganisation() { ++org_hyphens_; }  // a dot ("qđ.ub") counts as one
  // Lower-case groups are taken in running text only in the unmistakable shapes: no spaces,
  // and a hyphen and a slash both ("45-tb/tu", "15/qd-ubnd"), so "5/ha" stays two tokens.
  bool Plausible(bool party, bool whole_text) const {
    return !lower_case_ || whole_text || (!spaced_ && (party || org_hyphens_ > 0));
  }
  Compound Finish(size_t first, size_t last, bool party) {
    Compound c;
    c.first = first;
    c.last = last;
    c.exact = std::move(exact_);
    c.folded = std::move(folded_);
    c.text = std::move(text_);
    c.party = party;
    return c;
  }

 private:
  const PieceText& t_;
  std::string exact_, folded_, text_;
  bool lower_case_ = false;
  bool spaced_ = false;
  int org_hyphens_ = 0;
};

// ORG = group(sep group)*, a group being an abbreviation with the digits that touch it ("ĐU",
// "UBND", "BTGTU", "TC3"), sep a hyphen ("QĐ-UBND"), a dot ("QĐ.UB", "UBND.HC", "TT.II") or a
// slash ("QĐ-BNN/TY", "BYT/NĐ"). Returns the index of its last piece; on failure sets `stop`.
std::optional<size_t> MatchOrganisation(const PieceText& t, size_t j, NotationBuilder* b, bool whole_text,
                                        NotationStop* stop) {
  const auto& ps = t.pieces();
  if (j >= ps.size() || !b->AcceptGroup(ps[j])) {
    if (stop) *stop = NotationStop{NotationProblem::Part::kSymbol, j};
    return std::nullopt;
  }
  size_t k = j;
  b->Add(ps[k]);
  while (true) {
    // Digits glued to the abbreviation belong to the group.
    while (k + 1 < ps.size() && ReadGap(t.GapAfter(k)).empty) {
      b->Add(ps[++k]);
    }
    if (k + 1 >= ps.size()) break;
    Gap g = ReadGap(t.GapAfter(k));
    const Piece& next = ps[k + 1];
    char32_t sep = U'-';
    if (IsSeparatorGap(g, U'-', true)) {
      // "15/QĐ-UBND"; OCR's "05 / CT - UBND" only when the next group is plainly an
      // abbreviation, so "TU - Hà Nội" does not swallow the place name.
      bool spaced = g.spaced && IsAllCapitals(t, next);
      bool joined = !g.spaced && b->AcceptGroup(next);
      if (!joined && !spaced) break;
      b->NoteHyphenInOrganisation();
    } else if (IsSeparatorGap(g, U'.', false)) {
      // Touching on both sides: "QĐ-UBND. Sau đó" ends a sentence. In running text a dotted
      // group is in capitals, so "UBND.Do" (a sentence run on by OCR) stays apart.
      if (!b->AcceptInnerGroup(next, whole_text, /*capitals=*/true)) break;
      b->NoteHyphenInOrganisation();
      sep = U'.';
    } else if (IsSeparatorGap(g, U'/', whole_text)) {
      if (g.spaced ? !IsAllCapitals(t, next) : !b->AcceptInnerGroup(next, whole_text, /*capitals=*/false)) break;
      sep = U'/';
    } else {
      break;
    }
    b->NoteGap(g);
    b->Add(sep);
    b->Add(ps[++k]);
  }
  return k;
}

// The folded form of piece `p`, from its code points: Tokenize hands the forms of the pieces it
// has passed on to their tokens.
std::string FoldedOf(const PieceText& t, const Piece& p) {
  Piece forms;
  FillWordForms(std::u32string_view(t.text()).substr(p.cp_begin, p.cp_end - p.cp_begin), &forms);
  return forms.folded;
}

// What may stand before a notation of the older dash form in running text: "số", or the name of
// a document type ("Nghị định 02-CP", "Quyết định số 1050-BYT-QĐ", "Chỉ thị 113-CT"), with only
// white space or a colon between.
bool CitesADocument(const PieceText& t, size_t i) {
  static const std::vector<std::vector<std::string_view>> kNames = {
      {"so"},          {"luat"},          {"lenh"},         {"nghi", "dinh"}, {"quyet", "dinh"}, {"chi", "thi"},
      {"thong", "tu"}, {"nghi", "quyet"}, {"thong", "bao"}, {"thong", "tri"}, {"cong", "van"},   {"phap", "lenh"},
      {"sac", "lenh"}, {"sac", "luat"},   {"dieu", "le"},   {"quy", "dinh"},  {"huong", "dan"},  {"ke", "hoach"},
      {"bao", "cao"},  {"to", "trinh"},   {"cong", "dien"}, {"lien", "tich"}, {"quyet", "nghi"}};
  const auto& ps = t.pieces();
  auto only_spaces = [&](size_t p, bool colon) {
    for (char32_t c : t.GapAfter(p)) {
      if (!IsSpace(c) && !(colon && c == U':')) return false;
    }
    return true;
  };
  for (const auto& name : kNames) {
    if (i < name.size()) continue;
    bool match = true;
    for (size_t w = 0; w < name.size() && match; ++w) {
      size_t p = i - name.size() + w;
      match = !ps[p].number && FoldedOf(t, ps[p]) == name[w] && only_spaces(p, w + 1 == name.size());
    }
    if (match && !t.GapAfter(i - 1).empty()) return true;
  }
  return false;
}

// The number of a notation starts a word: not glued to letters ("F0/F1") and not the tail of
// another slash or hyphen group ("2020" in "30/2020/NĐ-CP").
bool StartsCompound(const PieceText& t, size_t i) {
  if (i == 0) return true;
  std::u32string_view before = t.GapAfter(i - 1);
  if (before.empty()) return false;
  char32_t last = before.back();
  return CanonicalSeparator(last) != U'-' && last != U'/' && last != U'.';
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

std::optional<Compound> MakeDate(const PieceText& t, size_t first, size_t last, const Piece& day, const Piece& month,
                                 const Piece& year) {
  if (DigitCount(t, day) > 2 || DigitCount(t, month) > 2 || DigitCount(t, year) != 4) return std::nullopt;
  int d = std::stoi(day.exact), m = std::stoi(month.exact), y = std::stoi(year.exact);
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  Compound c;
  c.first = first;
  c.last = last;
  c.exact = c.folded = c.text = buf;
  return c;
}

}  // namespace

namespace {

struct SpellingHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
// Spelling of a word piece -> its exact and folded forms.
using SpellingCache =
    std::unordered_map<std::string, std::pair<std::string, std::string>, SpellingHash, std::equal_to<>>;
constexpr size_t kSpellingCacheMax = 1 << 16;

SpellingCache& ThreadSpellingCache() {
  thread_local SpellingCache cache;
  return cache;
}

}  // namespace

PieceText::PieceText(std::string_view utf8, bool remember_spellings) {
  // One pass: decode, classify, cut. Byte offsets are kept only at piece boundaries.
  text_.reserve(utf8.size());
  pieces_.reserve(utf8.size() / 5 + 8);
  // A page repeats its syllables: each spelling is normalized once (the forms depend on the
  // spelling alone). With `remember_spellings`, once per thread across texts, bounded.
  SpellingCache local;
  SpellingCache& seen = remember_spellings ? ThreadSpellingCache() : local;
  if (!remember_spellings) local.reserve(utf8.size() / 16 + 8);
  if (seen.size() > kSpellingCacheMax) seen.clear();
  size_t at = 0;
  enum class Run { kNone, kWord, kNumber };
  Run run = Run::kNone;
  Piece current;
  auto finish = [&](size_t cp_end, size_t byte_end) {
    if (run == Run::kNone) return;
    current.cp_end = cp_end;
    current.byte_end = byte_end;
    std::u32string_view chars(text_.data() + current.cp_begin, current.cp_end - current.cp_begin);
    if (run == Run::kNumber) {
      current.exact = DigitsWithoutLeadingZeros(chars);
      current.folded = current.exact;
      pieces_.push_back(std::move(current));
    } else {
      std::string_view spelling = utf8.substr(current.byte_begin, byte_end - current.byte_begin);
      if (auto entry = seen.find(spelling); entry != seen.end()) {
        current.exact = entry->second.first;
        current.folded = entry->second.second;
      } else {
        FillWordForms(chars, &current);
        seen.emplace(std::string(spelling), std::make_pair(current.exact, current.folded));
      }
      if (!current.exact.empty() && !current.folded.empty()) pieces_.push_back(std::move(current));
    }
    current = Piece();
    run = Run::kNone;
  };
  while (at < utf8.size()) {
    size_t length = 1;
    char32_t c = DecodeOne(utf8, at, &length);
    Run kind = IsDecimalDigit(c) ? Run::kNumber : IsLetter(c) ? Run::kWord : Run::kNone;
    // Marks stay with the letters or digits before them.
    bool continues = run != Run::kNone && (kind == run || (kind == Run::kNone && IsMark(c)));
    if (!continues) {
      finish(text_.size(), at);
      if (kind != Run::kNone) {
        run = kind;
        current.number = kind == Run::kNumber;
        current.cp_begin = text_.size();
        current.byte_begin = at;
      }
    }
    text_.push_back(c);
    at += length;
  }
  finish(text_.size(), at);
}

std::u32string_view PieceText::GapAfter(size_t i) const {
  size_t begin = pieces_[i].cp_end;
  size_t end = i + 1 < pieces_.size() ? pieces_[i + 1].cp_begin : text_.size();
  return std::u32string_view(text_.data() + begin, end - begin);
}

std::optional<Compound> MatchNotation(const PieceText& t, size_t i, bool whole_text, NotationStop* stop) {
  using Part = NotationProblem::Part;
  const auto& ps = t.pieces();
  auto fail = [stop](Part part, size_t piece) -> std::optional<Compound> {
    if (stop) *stop = NotationStop{part, piece};
    return std::nullopt;
  };
  if (i >= ps.size() || !ps[i].number || DigitCount(t, ps[i]) > 5) return fail(Part::kNumber, i);
  if (!StartsCompound(t, i)) return fail(Part::kNumber, i);
  NotationBuilder b(t);
  b.Add(ps[i]);
  // NUMBER = digits, with a letter that touches them when the office numbered one in between:
  // "276a/QĐ-UBDT", "55a/2013/QĐ-TTg".
  size_t k = i;
  if (k + 2 < ps.size() && ReadGap(t.GapAfter(k)).empty && IsPlainLetters(t, ps[k + 1]) &&
      ps[k + 1].cp_end - ps[k + 1].cp_begin == 1) {
    Gap after_letter = ReadGap(t.GapAfter(k + 1));
    if (!after_letter.spaced && !after_letter.other && (after_letter.sep == U'/' || after_letter.sep == U'-')) {
      b.Add(ps[++k]);
    }
  }
  Gap g = ReadGap(t.GapAfter(k));
  if (k + 1 >= ps.size()) return fail(g.sep == U'/' || g.sep == U'-' ? Part::kSymbol : Part::kSeparator, k + 1);
  if (IsSeparatorGap(g, U'-', true)) {
    const Piece& first = ps[k + 1];
    Gap after_first = ReadGap(t.GapAfter(k + 1));
    b.NoteGap(g);
    b.Add(U'-');
    // Party style, and the ministries' older form with it: 45-TB/TU, 273-BYT/NĐ, 40-L/CTN.
    if (IsSeparatorGap(after_first, U'/', true) && k + 2 < ps.size()) {
      if (first.exact.size() > 12 || !b.AcceptGroup(first)) return fail(Part::kSymbol, k + 1);
      b.NoteGap(after_first);
      b.Add(first);
      b.Add(U'/');
      std::optional<size_t> last = MatchOrganisation(t, k + 2, &b, whole_text, stop);
      if (!last) return std::nullopt;
      if (!b.Plausible(true, whole_text)) return fail(Part::kSymbol, k + 2);
      return b.Finish(i, *last, true);
    }
    // The government's older dash form: 02-CP, 07-TTg, 03-HĐBT, 120-BYT-TC3, 1050-BYT-QĐ. Its
    // first group names an office in two letters or more; in running text it must be cited
    // ("Nghị định 02-CP"), as "khu 5-AB" has the same shape.
    CaseCount letters = first.number ? CaseCount{} : CountCase(t, first);
    if (letters.upper + letters.lower < 2) return fail(Part::kSymbol, k + 1);
    if (!whole_text && (!IsAbbreviation(t, first) || (g.spaced && !IsAllCapitals(t, first)) || !CitesADocument(t, i))) {
      return std::nullopt;
    }
    std::optional<size_t> last = MatchOrganisation(t, k + 1, &b, whole_text, stop);
    if (!last) return std::nullopt;
    if (!b.Plausible(false, whole_text)) return fail(Part::kSymbol, k + 1);
    return b.Finish(i, *last, false);
  }
  // State style: 15/QĐ-UBND, 30/2020/NĐ-CP, 05/BNV-VP, 10/2004/QĐ.UB, 08/2004/QĐ-BNN/TY, and a
  // sub-number in place of the year: 748/3/QĐ-QLD.
  if (IsSeparatorGap(g, U'/', true)) {
    size_t j = k + 1;
    b.NoteGap(g);
    b.Add(U'/');
    if (ps[j].number) {
      Gap after_year = ReadGap(t.GapAfter(j));
      if (DigitCount(t, ps[j]) > 4 || !IsSeparatorGap(after_year, U'/', true)) return fail(Part::kYear, j);
      if (j + 1 >= ps.size()) return fail(Part::kSymbol, j + 1);
      b.NoteGap(after_year);
      b.Add(ps[j]);
      b.Add(U'/');
      ++j;
    }
    std::optional<size_t> last = MatchOrganisation(t, j, &b, whole_text, stop);
    if (!last) return std::nullopt;
    if (!b.Plausible(false, whole_text)) return fail(Part::kSymbol, j);
    return b.Finish(i, *last, false);
  }
  return fail(Part::kSeparator, k + 1);
}

std::optional<Compound> MatchDate(const PieceText& t, size_t i) {
  const auto& ps = t.pieces();
  if (!StartsCompound(t, i)) return std::nullopt;
  // "ngày 12 tháng 3 năm 2023"
  if (!ps[i].number && ps[i].folded == "ngay" && i + 5 < ps.size()) {
    static const char* const kWords[] = {"ngay", nullptr, "thang", nullptr, "nam", nullptr};
    for (size_t k = 0; k < 6; ++k) {
      const Piece& p = ps[i + k];
      if (kWords[k] ? (p.number || p.folded != kWords[k]) : !p.number) return std::nullopt;
      if (k < 5 && !IsSpaceGap(ReadGap(t.GapAfter(i + k)))) return std::nullopt;
    }
    return MakeDate(t, i, i + 5, ps[i + 1], ps[i + 3], ps[i + 5]);
  }
  // "12/3/2023", "01-10-1997", "12.3.2023"
  if (ps[i].number && i + 2 < ps.size()) {
    Gap g1 = ReadGap(t.GapAfter(i));
    Gap g2 = ReadGap(t.GapAfter(i + 1));
    if (g1.sep == 0 || g1.sep == U':' || !IsSeparatorGap(g1, g1.sep, false) || !IsSeparatorGap(g2, g1.sep, false) ||
        !ps[i + 1].number || !ps[i + 2].number) {
      return std::nullopt;
    }
    return MakeDate(t, i, i + 2, ps[i], ps[i + 1], ps[i + 2]);
  }
  return std::nullopt;
}

}  // namespace luutru::tokenizers::internal
