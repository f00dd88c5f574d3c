#include "catalog/model.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "tokenizers/normalize.h"

namespace luutru::catalog {
namespace {

// Folded, with '-', '_' and runs of spaces turned into one space, trimmed: "Tối-Mật " -> "toi mat".
std::string FoldWords(std::string_view text) {
  std::string folded = tokenizers::FoldedForm(text);
  std::string out;
  for (char c : folded) {
    bool space = c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '.';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool ParseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool Valid(const PartialDate& d) {
  if (d.year < 1000 || d.year > 2999) return false;
  if (d.month == 0) return d.day == 0;
  if (d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= DaysInMonth(d.year, d.month));
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

struct TypeEntry {
  const char* name;
  std::vector<const char*> codes;  // the first is the canonical one
};

// Decree 30/2020 appendix III (state) and 36-HD/VPTW (Party); older codes accepted too.
const std::vector<TypeEntry>& TypeTable() {
  static const std::vector<TypeEntry> kTable = {
      {"Nghị quyết", {"NQ"}},
      {"Nghị quyết liên tịch", {"NQLT"}},
      {"Quyết định", {"QĐ"}},
      {"Chỉ thị", {"CT"}},
      {"Kết luận", {"KL"}},
      {"Quy chế", {"QC"}},
      {"Quy định", {"QyĐ", "QĐi"}},
      {"Quy trình", {"QTr"}},
      {"Thông cáo", {"TC"}},
      {"Thông báo", {"TB"}},
      {"Thông tư", {"TT"}},
      {"Thông tư liên tịch", {"TTLT"}},
      {"Thông tri", {}},
      {"Nghị định", {"NĐ"}},
      {"Hướng dẫn", {"HD"}},
      {"Chương trình", {"CTr"}},
      {"Kế hoạch", {"KH"}},
      {"Quy hoạch", {"QH"}},
      {"Phương án", {"PA"}},
      {"Đề án", {"ĐA"}},
      {"Dự án", {"DA"}},
      {"Báo cáo", {"BC"}},
      {"Biên bản", {"BB"}},
      {"Tờ trình", {"TTr"}},
      {"Hợp đồng", {"HĐ"}},
      {"Công điện", {"CĐ"}},
      {"Công văn", {"CV"}},
      {"Bản ghi nhớ", {"BGN"}},
      {"Bản thỏa thuận", {"BTT"}},
      {"Giấy ủy quyền", {"GUQ"}},
      {"Giấy mời", {"GM"}},
      {"Giấy giới thiệu", {"GGT", "GT"}},
      {"Giấy nghỉ phép", {"GNP", "NP"}},
      {"Phiếu gửi", {"PG"}},
      {"Phiếu chuyển", {"PC"}},
      {"Phiếu báo", {"PB"}},
      {"Tuyên bố", {}},
      {"Lời kêu gọi", {}},
      {"Điều lệ", {}},
      {"Cương lĩnh", {}},
  };
  return kTable;
}

DocumentType ToType(const TypeEntry& e) {
  return DocumentType{e.codes.empty() ? std::string() : std::string(e.codes.front()), e.name};
}

std::string Lower(std::string_view s) { return tokenizers::ExactForm(s); }

}  // namespace

std::optional<Secrecy> ParseSecrecy(std::string_view text) {
  const std::string w = FoldWords(text);
  if (w == "thuong" || w == "binh thuong" || w == "normal" || w == "0") return Secrecy::kNormal;
  if (w == "mat" || w == "confidential" || w == "1") return Secrecy::kConfidential;
  if (w == "toi mat" || w == "secret" || w == "2") return Secrecy::kSecret;
  if (w == "tuyet mat" || w == "top secret" || w == "3") return Secrecy::kTopSecret;
  return std::nullopt;
}

std::string SecrecyName(Secrecy secrecy) {
  switch (secrecy) {
    case Secrecy::kNormal: return "thường";
    case Secrecy::kConfidential: return "mật";
    case Secrecy::kSecret: return "tối mật";
    case Secrecy::kTopSecret: return "tuyệt mật";
  }
  return "mật";
}

std::optional<Urgency> ParseUrgency(std::string_view text) {
  const std::string w = FoldWords(text);
  if (w == "khan" || w == "urgent" || w == "1") return Urgency::kUrgent;
  if (w == "thuong khan" || w == "very urgent" || w == "2") return Urgency::kVeryUrgent;
  if (w == "hoa toc" || w == "flash" || w == "3") return Urgency::kFlash;
  return std::nullopt;
}

std::string UrgencyName(Urgency urgency) {
  switch (urgency) {
    case Urgency::kUrgent: return "khẩn";
    case Urgency::kVeryUrgent: return "thượng khẩn";
    case Urgency::kFlash: return "hỏa tốc";
  }
  return "khẩn";
}

std::string PartialDate::ToString() const {
  char buf[16];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

std::string PartialDate::FirstDay() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  return buf;
}

std::string PartialDate::LastDay() const {
  const int m = month == 0 ? 12 : month;
  const int d = day != 0 ? day : DaysInMonth(year, m);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, m, d);
  return buf;
}

std::optional<PartialDate> ParsePartialDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  PartialDate d;
  // ISO: YYYY, YYYY-MM, YYYY-MM-DD.
  if (text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, ::isdigit) &&
      (text.size() == 4 || text[4] == '-')) {
    auto parts = Split(text, '-');
    if (parts.size() > 3 || !ParseInt(parts[0], d.year)) return std::nullopt;
    if (parts.size() >= 2 && (parts[1].size() > 2 || !ParseInt(parts[1], d.month))) return std::nullopt;
    if (parts.size() == 3 && (parts[2].size() > 2 || !ParseInt(parts[2], d.day))) return std::nullopt;
    if (parts.size() >= 2 && d.month == 0) return std::nullopt;
    if (parts.size() == 3 && d.day == 0) return std::nullopt;
  } else {
    // Day first: DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY; also MM/YYYY.
    char sep = 0;
    for (char c : text) {
      if (c == '/' || c == '-' || c == '.') {
        sep = c;
        break;
      }
    }
    if (sep == 0) return std::nullopt;
    auto parts = Split(text, sep);
    if (parts.size() == 3) {
      if (parts[2].size() != 4 || !ParseInt(parts[0], d.day) || !ParseInt(parts[1], d.month) ||
          !ParseInt(parts[2], d.year) || d.day == 0 || d.month == 0) {
        return std::nullopt;
      }
    } else if (parts.size() == 2) {
      if (parts[1].size() != 4 || !ParseInt(parts[0], d.month) || !ParseInt(parts[1], d.year) || d.month == 0) {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  if (!Valid(d)) return std::nullopt;
  return d;
}

const std::vector<DocumentType>& AllDocumentTypes() {
  static const std::vector<DocumentType> kTypes = [] {
    std::vector<DocumentType> types;
    for (const auto& e : TypeTable()) types.push_back(ToType(e));
    return types;
  }();
  return kTypes;
}

namespace {

// The type table with its codes and names already in the forms they are compared in: a lookup
// runs for every header line the metadata extractor tries, so nothing is folded twice.
struct PreparedType {
  const TypeEntry* entry;
  std::vector<std::string> exact_codes;   // ExactForm: case aside, marks kept ("qđ", "đa")
  std::vector<std::string> folded_codes;  // FoldWords ("qd", "da")
  std::string folded_name;                // FoldWords ("thong bao")
};

const std::vector<PreparedType>& PreparedTypes() {
  static const std::vector<PreparedType> kPrepared = [] {
    std::vector<PreparedType> prepared;
    for (const auto& e : TypeTable()) {
      PreparedType p{&e, {}, {}, FoldWords(e.name)};
      for (const char* code : e.codes) {
        p.exact_codes.push_back(Lower(code));
        p.folded_codes.push_back(FoldWords(code));
      }
      prepared.push_back(std::move(p));
    }
    return prepared;
  }();
  return kPrepared;
}

}  // namespace

std::optional<DocumentType> FindDocumentType(std::string_view name_or_code) {
  const std::string lowered = Lower(name_or_code);
  std::string trimmed = lowered;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
  while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
  if (trimmed.empty()) return std::nullopt;
  const auto& types = PreparedTypes();
  // A code spelled as in the table (case aside) first: "DA" and "ĐA" differ only by đ.
  for (const auto& t : types) {
    for (const auto& code : t.exact_codes) {
      if (code == trimmed) return ToType(*t.entry);
    }
  }
  const std::string folded = FoldWords(name_or_code);
  for (const auto& t : types) {
    for (const auto& code : t.folded_codes) {
      if (code == folded) return ToType(*t.entry);
    }
  }
  // By name: the longest name the text starts with ("thong bao ket luan" is a Thông báo,
  // "nghi quyet lien tich" a Nghị quyết liên tịch).
  const PreparedType* best = nullptr;
  for (const auto& t : types) {
    const std::string& name = t.folded_name;
    const bool starts = folded == name || (folded.size() > name.size() && folded.compare(0, name.size(), name) == 0 &&
                                           folded[name.size()] == ' ');
    if (starts && (!best || name.size() > best->folded_name.size())) best = &t;
  }
  if (best) return ToType(*best->entry);
  return std::nullopt;
}

std::optional<DocumentType> FindDocumentTypeInNotation(std::string_view code, bool party) {
  if (party) {
    const std::string folded = FoldWords(code);
    if (folded == "tt") return DocumentType{"TT", "Thông tri"};
  }
  return FindDocumentType(code);
}

std::string TypeKey(std::string_view type_name) {
  std::string key;
  for (char c : FoldWords(type_name)) {
    if (c != ' ') key.push_back(c);
  }
  return key;
}

std::string UnitKey(std::string_view code) {
  std::string out;
  const std::string folded = tokenizers::FoldedForm(code);
  for (std::string_view part : Split(folded, '/')) {
    std::string key;
    size_t i = 0;
    while (i < part.size()) {
      const unsigned char c = static_cast<unsigned char>(part[i]);
      if (std::isdigit(c)) {
        size_t j = i;
        while (j < part.size() && std::isdigit(static_cast<unsigned char>(part[j]))) ++j;
        std::string_view digits = part.substr(i, j - i);
        while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
        key.append(digits);
        i = j;
      } else {
        if (std::isalpha(c)) key.push_back(static_cast<char>(std::tolower(c)));
        ++i;
      }
    }
    if (key.empty()) continue;
    if (!out.empty()) out.push_back('/');
    out += key;
  }
  return out;
}

std::string_view TextSourceName(TextSource source) {
  switch (source) {
    case TextSource::kTextLayer: return "text";
    case TextSource::kLegacyRepaired: return "legacy";
    case TextSource::kOcr: return "ocr";
    case TextSource::kNone: return "none";
  }
  return "none";
}

std::optional<TextSource> ParseTextSource(std::string_view name) {
  for (TextSource s : {TextSource::kTextLayer, TextSource::kLegacyRepaired, TextSource::kOcr, TextSource::kNone}) {
    if (TextSourceName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view FieldConfidenceName(FieldConfidence c) {
  switch (c) {
    case FieldConfidence::kRead: return "read";
    case FieldConfidence::kDoubtful: return "doubtful";
    case FieldConfidence::kPartial: return "partial";
  }
  return "doubtful";
}

std::optional<FieldConfidence> ParseFieldConfidence(std::string_view name) {
  for (FieldConfidence c : {FieldConfidence::kRead, FieldConfidence::kDoubtful, FieldConfidence::kPartial}) {
    if (FieldConfidenceName(c) == name) return c;
  }
  return std::nullopt;
}

std::string ArchiveDocument::Id() const {
  return file + "#" + std::to_string(first_page) + "-" + std::to_string(last_page);
}

bool ArchiveDocument::HasOcr() const {
  return std::any_of(pages.begin(), pages.end(), [](const Page& p) { return p.source == TextSource::kOcr; });
}

}  // namespace luutru::catalog
