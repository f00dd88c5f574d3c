#include "search/output.h"

#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/utf8.h>

#include "search/display_width.h"
#include "search/review.h"

namespace luutru::search {
namespace {

using json = nlohmann::ordered_json;

std::string ShowDate(const catalog::PartialDate& d, Lang lang) {
  if (lang == Lang::kEn) return d.ToString();
  char buf[16];
  if (d.day) {
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  } else if (d.month) {
    std::snprintf(buf, sizeof buf, "%02d/%04d", d.month, d.year);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  }
  return buf;
}

std::string JoinPages(const std::vector<int>& pages) {
  std::string out;
  for (int p : pages) {
    if (!out.empty()) out += ", ";
    out += std::to_string(p);
  }
  return out;
}

std::string PageRange(const catalog::ArchiveDocument& doc) {
  if (doc.first_page == doc.last_page) return std::to_string(doc.first_page);
  return std::to_string(doc.first_page) + "-" + std::to_string(doc.last_page);
}

// "45-TB/TU · 12/03/2023 · Thông báo · Tỉnh ủy Thái Bình"
std::string HeadLine(const catalog::ArchiveDocument& doc, Lang lang) {
  const auto& m = doc.meta;
  std::string out = m.number ? *m.number : std::string(Tr(lang, "(không số)", "(no number)"));
  // A field read with doubt says so where it is shown.
  const auto doubt = [&](const std::optional<catalog::FieldConfidence>& c) {
    return c == catalog::FieldConfidence::kDoubtful ? std::string(Tr(lang, " (chưa chắc)", " (doubtful)"))
                                                    : std::string();
  };
  out += doubt(m.number_confidence);
  out += " · ";
  out +=
      m.date ? ShowDate(*m.date, lang) + doubt(m.date_confidence) : std::string(Tr(lang, "(không ngày)", "(undated)"));
  if (m.type) out += " · " + *m.type;
  if (m.issuer) out += " · " + *m.issuer;
  // Secret documents are only listed to readers cleared for them; say so on the line.
  if (!m.secrecy)
    out += std::string(Tr(lang, " · độ mật không rõ", " · secrecy unknown"));
  else if (*m.secrecy != catalog::Secrecy::kNormal)
    out += " · " + catalog::SecrecyName(*m.secrecy);
  return out;
}

std::string UnitLine(const catalog::StorageUnit& unit, Lang lang) {
  std::string out = std::string(Tr(lang, "Hồ sơ: ", "Unit: "));
  out += unit.code.empty() ? std::string(Tr(lang, "(không rõ)", "(unknown)")) : unit.code;
  if (!unit.box.empty()) out += std::string(Tr(lang, " · Hộp ", " · Box ")) + unit.box;
  return out;
}

void WriteWrapped(std::ostream& out, std::string_view text, size_t indent, size_t width, size_t max_lines) {
  const size_t room = width > indent + 10 ? width - indent : 10;
  std::vector<std::string> lines = WrapToWidth(text, room);
  for (size_t i = 0; i < lines.size() && i < max_lines; ++i) {
    std::string line = lines[i];
    if (i + 1 == max_lines && lines.size() > max_lines) line = TruncateToWidth(line + " …", room);
    out << std::string(indent, ' ') << line << '\n';
  }
}

void WriteDocument(std::ostream& out, const DocumentHit& hit, Lang lang, size_t width, size_t indent,
                   const std::string& label, bool show_unit) {
  const std::string score = std::to_string(hit.score) + "%";
  const size_t room = width - indent - label.size() - score.size() - 1;
  out << std::string(indent, ' ') << label << PadToWidth(TruncateToWidth(HeadLine(hit.doc, lang), room), room) << ' '
      << score << '\n';
  const size_t body = indent + label.size();
  if (hit.number_match == "candidate") {
    out << std::string(body, ' ')
        << Tr(lang, "[ứng viên: số đọc chưa chắc hoặc gần giống số cần tìm]",
              "[candidate: number read with doubt, or one misreading away]")
        << '\n';
  }
  if (!hit.review.empty()) {
    std::string fields;
    for (const std::string& f : hit.review)
      fields += (fields.empty() ? "" : ", ") + ReviewFieldName(f, lang == Lang::kEn);
    out << std::string(body, ' ') << Tr(lang, "[cần kiểm tra: ", "[to check: ") << fields << "]\n";
  }
  if (hit.doc.meta.title) WriteWrapped(out, *hit.doc.meta.title, body, width, 2);
  if (show_unit) out << std::string(body, ' ') << TruncateToWidth(UnitLine(hit.doc.unit, lang), width - body) << '\n';
  std::string file = std::string(Tr(lang, "Tệp: ", "File: ")) + hit.doc.file +
                     std::string(Tr(lang, " · tr. ", " · p. ")) + PageRange(hit.doc);
  if (!hit.pages.empty()) file += std::string(Tr(lang, " · khớp ở tr. ", " · matched on p. ")) + JoinPages(hit.pages);
  WriteWrapped(out, file, body, width, 2);
  if (hit.snippet) WriteWrapped(out, *hit.snippet, body, width, 3);
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void CsvRow(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << CsvField(fields[i]);
  }
  out << "\r\n";
}

// Number keys are folded to lower case; shown in capitals, as notations are written.
std::vector<std::string> NearNumbers(const SearchResponse& response) {
  std::vector<std::string> shown;
  for (std::string key : response.near_numbers) {
    for (char& c : key) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    shown.push_back(std::move(key));
  }
  return shown;
}

std::string NearNumbersNote(const SearchResponse& response, Lang lang) {
  std::string note(Tr(lang, "Gồm cả các số khác số đã nhập một ký tự, có thể do OCR đọc sai: ",
                      "Including numbers one character away from the one typed, as OCR may have misread them: "));
  const std::vector<std::string> numbers = NearNumbers(response);
  for (size_t i = 0; i < numbers.size(); ++i) note += (i ? ", " : "") + numbers[i];
  return note;
}

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// JSON text must be UTF-8. Text from the index is; a file name from an old archive may not be.
// Each ill-formed sequence becomes U+FFFD, as ICU's decoder delimits it.
void WriteString(JsonWriter& w, std::string_view s) {
  size_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    auto at = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s.data(), at, n, c);
    if (c < 0) break;
    i = static_cast<size_t>(at);
  }
  if (i == s.size()) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return;
  }
  std::string clean(s.substr(0, i));
  for (auto at = static_cast<int32_t>(i); at < n;) {
    const int32_t start = at;
    UChar32 c;
    U8_NEXT(s.data(), at, n, c);
    if (c < 0)
      clean += "\xEF\xBF\xBD";
    else
      clean.append(s.data() + start, static_cast<size_t>(at - start));
  }
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

// Declared first, so that the templates below find every overload.
void WriteValue(JsonWriter& w, const catalog::StorageUnit& unit);
void WriteValue(JsonWriter& w, const DocumentHit& hit);
void WriteValue(JsonWriter& w, const UnitHit& unit);

void WriteValue(JsonWriter& w, const std::string& s) { WriteString(w, s); }
void WriteValue(JsonWriter& w, int n) { w.Int(n); }
void WriteValue(JsonWriter& w, uint64_t n) { w.Uint64(n); }
void WriteValue(JsonWriter& w, bool b) { w.Bool(b); }

void WriteValue(JsonWriter& w, const std::optional<std::string>& s) {
  if (s)
    WriteString(w, *s);
  else
    w.Null();
}

template <class T>
void WriteValue(JsonWriter& w, const std::vector<T>& items) {
  w.StartArray();
  for (const T& item : items) WriteValue(w, item);
  w.EndArray();
}

template <class T>
void WriteMember(JsonWriter& w, std::string_view key, const T& value) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  WriteValue(w, value);
}

std::optional<std::string> NonEmpty(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

void WriteValue(JsonWriter& w, const catalog::StorageUnit& unit) {
  w.StartObject();
  WriteMember(w, "code", NonEmpty(unit.code));
  WriteMember(w, "title", NonEmpty(unit.title));
  WriteMember(w, "box", NonEmpty(unit.box));
  w.EndObject();
}

void WriteValue(JsonWriter& w, const DocumentHit& hit) {
  const auto& doc = hit.doc;
  const auto& m = doc.meta;
  w.StartObject();
  WriteMember(w, "match", std::string(MatchTierName(hit.match)));
  WriteMember(w, "rank", hit.rank);
  WriteMember(w, "score", hit.score);
  WriteMember(w, "id", hit.id);
  WriteMember(w, "file", doc.file);
  WriteMember(w, "path", NonEmpty(doc.path));
  WriteMember(w, "page_range", std::vector<int>{doc.first_page, doc.last_page});
  WriteMember(w, "pages", hit.pages);
  WriteMember(w, "unit", doc.unit);
  auto confidence = [](const std::optional<catalog::FieldConfidence>& c) {
    return c ? std::optional<std::string>(catalog::FieldConfidenceName(*c)) : std::nullopt;
  };
  WriteMember(w, "number", m.number);
  WriteMember(w, "number_confidence", confidence(m.number_confidence));
  WriteMember(w, "date", m.date ? std::optional(m.date->ToString()) : std::nullopt);
  WriteMember(w, "date_confidence", confidence(m.date_confidence));
  WriteMember(w, "date_checked_by", m.date_checked_by);
  WriteMember(w, "type", m.type);
  WriteMember(w, "title", m.title);
  WriteMember(w, "issuer", m.issuer);
  WriteMember(w, "secrecy", m.secrecy ? std::optional(catalog::SecrecyName(*m.secrecy)) : std::nullopt);
  WriteMember(w, "urgency", m.urgency ? std::optional(catalog::UrgencyName(*m.urgency)) : std::nullopt);
  WriteMember(w, "ocr", doc.HasOcr());
  WriteMember(w, "snippet", hit.snippet);
  if (hit.number_match) WriteMember(w, "number_match", hit.number_match);
  if (!hit.review.empty()) WriteMember(w, "review", hit.review);
  w.EndObject();
}

void WriteValue(JsonWriter& w, const UnitHit& unit) {
  w.StartObject();
  WriteMember(w, "match", std::string(MatchTierName(unit.match)));
  WriteMember(w, "rank", unit.rank);
  WriteMember(w, "unit", unit.unit);
  WriteMember(w, "matching_documents", unit.matching_documents);
  WriteMember(w, "documents", unit.documents);
  w.EndObject();
}

// Text piles up in the writer's buffer until a result ends with at least this much, then goes to
// the stream: a long answer is never held whole (a 100-hit answer is about 100 KB of fresh
// memory, whose pages cost a fault each on first touch).
constexpr size_t kJsonChunk = 16 * 1024;

}  // namespace

void WriteJson(std::ostream& out, const SearchResponse& response) {
  rapidjson::StringBuffer buffer(nullptr, kJsonChunk + 4096);
  JsonWriter w(buffer);
  auto flush = [&] {
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    buffer.Clear();
  };
  auto write_results = [&](const auto& results) {
    w.Key("results");
    w.StartArray();
    for (const auto& result : results) {
      WriteValue(w, result);
      if (buffer.GetSize() >= kJsonChunk) flush();
    }
    w.EndArray();
  };
  w.StartObject();
  WriteMember(w, "query", response.query);
  WriteMember(w, "total", response.total);
  WriteMember(w, "total_is_estimate", response.total_is_estimate);
  WriteMember(w, "total_loose", response.total_loose);
  WriteMember(w, "total_loose_is_estimate", response.total_loose_is_estimate);
  if (response.grouped)
    write_results(response.units);
  else
    write_results(response.documents);
  if (!response.near_numbers.empty()) WriteMember(w, "near_numbers", NearNumbers(response));
  if (response.total == 0) {
    WriteMember(w, "suggestion", response.help.suggestion);
    WriteMember(w, "blocking_filters", response.help.blocking_filters);
    WriteMember(w, "unit_not_found", response.help.unit_not_found);
  }
  w.EndObject();
  flush();
}

std::string ToJsonText(const SearchResponse& response) {
  std::ostringstream out;
  WriteJson(out, response);
  return std::move(out).str();
}

std::string DocumentToJsonText(const DocumentHit& hit) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  WriteValue(w, hit);
  return std::string(buffer.GetString(), buffer.GetSize());
}

json ToJson(const SearchResponse& response) { return json::parse(ToJsonText(response)); }

json DocumentToJson(const DocumentHit& hit) { return json::parse(DocumentToJsonText(hit)); }

std::string ZeroResultHints(const SearchResponse& response, Lang lang) {
  std::ostringstream out;
  if (response.help.unit_not_found) {
    out << Tr(lang, "Không có hồ sơ nào mang mã '", "No storage unit has the code '") << response.help.unit_code
        << "'.\n";
  }
  if (response.help.suggestion) {
    out << Tr(lang, "Có phải bạn muốn tìm: ", "Did you mean: ") << *response.help.suggestion << '\n';
  }
  for (const std::string& f : response.help.blocking_filters) {
    out << Tr(lang, "Bộ lọc ", "The filter ") << f
        << Tr(lang, " đã loại hết kết quả; bỏ nó đi sẽ có kết quả.",
              " removed every result; without it there are results.")
        << '\n';
  }
  return out.str();
}

namespace {

void WriteUnit(std::ostream& out, const UnitHit& u, Lang lang, size_t width) {
  std::string label = std::to_string(u.rank) + ". ";
  label = PadToWidth(label, 5, true);
  std::string right = std::to_string(u.matching_documents) + std::string(Tr(lang, " văn bản", " documents"));
  if (!u.unit.box.empty()) right = std::string(Tr(lang, "Hộp ", "Box ")) + u.unit.box + " · " + right;
  const size_t room = width - DisplayWidth(label) - DisplayWidth(right) - 1;
  std::string code = u.unit.code.empty() ? std::string(Tr(lang, "(không rõ hồ sơ)", "(unknown unit)")) : u.unit.code;
  out << label << PadToWidth(TruncateToWidth(code, room), room) << ' ' << right << '\n';
  if (!u.unit.title.empty()) WriteWrapped(out, u.unit.title, 5, width, 2);
  for (const DocumentHit& d : u.documents) {
    WriteDocument(out, d, lang, width, 5, "- ", false);
  }
  out << '\n';
}

std::string Count(uint64_t n, bool estimate, Lang lang) {
  return (estimate ? std::string(Tr(lang, "khoảng ", "about ")) : "") + std::to_string(n);
}

// The words tier, introduced: "12 văn bản có đủ các từ nhưng nằm rời nhau" (N documents hold
// every word, but apart), "khác" (other) after an answer.
std::string LooseLine(const SearchResponse& response, Lang lang) {
  const bool other = response.total > 0;
  std::string line = Count(response.total_loose, response.total_loose_is_estimate, lang);
  if (response.grouped) {
    line += other ? Tr(lang, " hồ sơ khác có văn bản đủ các từ nhưng nằm rời nhau",
                       " other storage units hold documents with every word, but apart")
                  : Tr(lang, " hồ sơ có văn bản đủ các từ nhưng nằm rời nhau",
                       " storage units hold documents with every word, but apart");
  } else {
    line +=
        other ? Tr(lang, " văn bản khác có đủ các từ nhưng nằm rời nhau", " other documents hold every word, but apart")
              : Tr(lang, " văn bản có đủ các từ nhưng nằm rời nhau", " documents hold every word, but apart");
  }
  return line;
}

}  // namespace

void WriteTable(std::ostream& out, const SearchResponse& response, Lang lang, size_t width) {
  if (width < 40) width = 40;
  if (!response.near_numbers.empty()) {
    WriteWrapped(out, NearNumbersNote(response, lang), 0, width, 4);
    out << '\n';
  }
  const bool words_tier = response.loose_shown && response.total_loose > 0;
  if (response.total == 0 && !words_tier) {
    out << (response.grouped ? Tr(lang, "Không tìm thấy hồ sơ nào.", "No storage unit found.")
                             : Tr(lang, "Không tìm thấy văn bản nào.", "No document found."))
        << '\n'
        << ZeroResultHints(response, lang);
    return;
  }
  if (response.total == 0) {
    // Said plainly: nothing holds what was typed; what follows only holds its words.
    std::string none = response.grouped
                           ? std::string(Tr(lang, "Không có hồ sơ nào có văn bản chứa liền '",
                                            "No storage unit holds a document with '"))
                           : std::string(Tr(lang, "Không có văn bản nào chứa liền '", "No document holds '"));
    none += response.query + std::string(Tr(lang, "'; ", "' as typed; ")) + LooseLine(response, lang) + ":";
    WriteWrapped(out, none, 0, width, 4);
    out << ZeroResultHints(response, lang) << '\n';
  } else if (response.grouped) {
    out << Tr(lang, "Tìm thấy ", "Found ") << Count(response.total, response.total_is_estimate, lang)
        << Tr(lang, " hồ sơ.", " storage units.") << "\n\n";
  } else {
    out << Tr(lang, "Tìm thấy ", "Found ") << Count(response.total, response.total_is_estimate, lang)
        << Tr(lang, " văn bản.", " documents.") << "\n\n";
  }
  size_t shown = 0;
  int first_rank = 0;
  bool words_heading = response.total == 0;  // already said
  auto heading = [&](MatchTier match) {
    if (match != MatchTier::kWords || words_heading) return;
    words_heading = true;
    WriteWrapped(out, LooseLine(response, lang) + ":", 0, width, 3);
    out << '\n';
  };
  if (response.grouped) {
    for (const UnitHit& u : response.units) {
      if (!first_rank) first_rank = u.rank;
      ++shown;
      heading(u.match);
      WriteUnit(out, u, lang, width);
    }
  } else {
    for (const DocumentHit& d : response.documents) {
      if (!first_rank) first_rank = d.rank;
      ++shown;
      heading(d.match);
      WriteDocument(out, d, lang, width, 0, PadToWidth(std::to_string(d.rank) + ". ", 5, true), true);
      out << '\n';
    }
  }
  const uint64_t all = response.total + (response.loose_shown ? response.total_loose : 0);
  if (shown == 0) {
    out << Tr(lang, "Không còn kết quả ở vị trí này (--offset quá lớn).",
              "No results at this offset (--offset too large).")
        << '\n';
  } else if (static_cast<uint64_t>(first_rank) - 1 + shown < all) {
    out << Tr(lang, "Hiển thị ", "Showing ") << first_rank << "–" << (first_rank - 1 + static_cast<int>(shown))
        << Tr(lang, "; xem tiếp với --offset ", "; see more with --offset ")
        << (first_rank - 1 + static_cast<int>(shown)) << '\n';
  }
  if (!response.loose_shown && response.total_loose > 0) {
    WriteWrapped(out,
                 LooseLine(response, lang) + std::string(Tr(lang, " (xem với --loose).", " (see them with --loose).")),
                 0, width, 3);
  }
}

namespace {

// A pull list's reader sees which rows only hold the words apart.
std::string MatchCell(MatchTier match, Lang lang) {
  return std::string(match == MatchTier::kPhrase ? Tr(lang, "liền", "phrase") : Tr(lang, "rời", "words"));
}

}  // namespace

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& fields) { CsvRow(out, fields); }

void WriteCsv(std::ostream& out, const SearchResponse& response, Lang lang) {
  if (response.grouped) {
    CsvRow(out, {std::string(Tr(lang, "STT", "rank")), std::string(Tr(lang, "Mã hồ sơ", "unit_code")),
                 std::string(Tr(lang, "Tiêu đề hồ sơ", "unit_title")), std::string(Tr(lang, "Hộp", "box")),
                 std::string(Tr(lang, "Số văn bản khớp", "matching_documents")),
                 std::string(Tr(lang, "Văn bản tiêu biểu", "documents")), std::string(Tr(lang, "Khớp", "match"))});
    for (const UnitHit& u : response.units) {
      std::string docs;
      for (const DocumentHit& d : u.documents) {
        if (!docs.empty()) docs += "; ";
        docs += d.doc.meta.number.value_or(d.doc.file);
        if (d.doc.meta.date) docs += " (" + d.doc.meta.date->ToString() + ")";
      }
      CsvRow(out, {std::to_string(u.rank), u.unit.code, u.unit.title, u.unit.box, std::to_string(u.matching_documents),
                   docs, MatchCell(u.match, lang)});
    }
    return;
  }
  CsvRow(out, {std::string(Tr(lang, "STT", "rank")),
               std::string(Tr(lang, "Điểm", "score")),
               std::string(Tr(lang, "Số, ký hiệu", "number")),
               std::string(Tr(lang, "Ngày", "date")),
               std::string(Tr(lang, "Loại", "type")),
               std::string(Tr(lang, "Trích yếu", "title")),
               std::string(Tr(lang, "Cơ quan ban hành", "issuer")),
               std::string(Tr(lang, "Mã hồ sơ", "unit_code")),
               std::string(Tr(lang, "Tiêu đề hồ sơ", "unit_title")),
               std::string(Tr(lang, "Hộp", "box")),
               std::string(Tr(lang, "Tệp", "file")),
               std::string(Tr(lang, "Trang", "page_range")),
               std::string(Tr(lang, "Trang khớp", "pages")),
               std::string(Tr(lang, "Độ mật", "secrecy")),
               std::string(Tr(lang, "Độ khẩn", "urgency")),
               std::string(Tr(lang, "OCR", "ocr")),
               std::string(Tr(lang, "Trích đoạn", "snippet")),
               std::string(Tr(lang, "Mã văn bản", "id")),
               std::string(Tr(lang, "Đường dẫn", "path")),
               std::string(Tr(lang, "Khớp", "match"))});
  for (const DocumentHit& d : response.documents) {
    const auto& m = d.doc.meta;
    CsvRow(out, {std::to_string(d.rank),
                 std::to_string(d.score),
                 m.number.value_or(""),
                 m.date ? m.date->ToString() : "",
                 m.type.value_or(""),
                 m.title.value_or(""),
                 m.issuer.value_or(""),
                 d.doc.unit.code,
                 d.doc.unit.title,
                 d.doc.unit.box,
                 d.doc.file,
                 PageRange(d.doc),
                 JoinPages(d.pages),
                 m.secrecy ? catalog::SecrecyName(*m.secrecy) : "",
                 m.urgency ? catalog::UrgencyName(*m.urgency) : "",
                 d.doc.HasOcr() ? "1" : "0",
                 d.snippet.value_or(""),
                 d.id,
                 d.doc.path,
                 MatchCell(d.match, lang)});
  }
}

}  // namespace luutru::search
