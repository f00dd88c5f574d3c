// The archival data model: fonds (phông) > inventory (mục lục) > box (hộp) > storage unit
// (hồ sơ, đơn vị bảo quản) > document (văn bản) > page (trang).
//
// Plain values, no I/O. Unknown metadata is an empty optional, never a guess.
#ifndef LUUTRU_CATALOG_MODEL_H_
#define LUUTRU_CATALOG_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace luutru::catalog {

// Độ mật. The order is the order of clearance.
enum class Secrecy : int { kNormal = 0, kConfidential = 1, kSecret = 2, kTopSecret = 3 };

// "thường", "mật", "tối mật", "tuyệt mật"; also without diacritics, in capitals, with '-' or '_'
// for the space ("toi-mat"), and the English "normal", "confidential", "secret", "top-secret".
std::optional<Secrecy> ParseSecrecy(std::string_view text);
std::string SecrecyName(Secrecy secrecy);  // "thường", "mật", "tối mật", "tuyệt mật"
// A document whose secrecy could not be read counts as "mật": fail closed.
inline Secrecy EffectiveSecrecy(std::optional<Secrecy> s) { return s.value_or(Secrecy::kConfidential); }

// Độ khẩn.
enum class Urgency : int { kUrgent = 1, kVeryUrgent = 2, kFlash = 3 };  // khẩn, thượng khẩn, hỏa tốc
std::optional<Urgency> ParseUrgency(std::string_view text);
std::string UrgencyName(Urgency urgency);

// A date known to the day, the month or only the year (month or day 0 = unknown).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;

  std::string ToString() const;  // "2023-03-12", "2023-03" or "2023"
  std::string FirstDay() const;  // "20230312", "20230301", "20230101": sortable, for ranges
  std::string LastDay() const;   // "20230312", "20230331", "20231231"
  bool operator==(const PartialDate&) const = default;
};
// "YYYY", "YYYY-MM", "YYYY-MM-DD", and "DD/MM/YYYY", "DD-MM-YYYY", "DD.MM.YYYY" (day first, as
// Vietnam writes it). Impossible dates (month 13, 30 February) are nullopt.
std::optional<PartialDate> ParsePartialDate(std::string_view text);

// Tên loại văn bản with its abbreviation in the notation (Decree 30 appendix III, 36-HD/VPTW).
struct DocumentType {
  std::string code;  // "TB", "QĐ", "CT", "CV" ...
  std::string name;  // "Thông báo", "Quyết định" ...
};
// Finds a type by name or code, with or without diacritics, any case: "Thông báo kết luận",
// "THÔNG BÁO", "thong bao", "TB", "QD" and "QĐ". A code spelled exactly as in the table wins
// over a folded match ("DA" Dự án, "ĐA" Đề án). "TT" is Thông tư. nullopt when unknown.
std::optional<DocumentType> FindDocumentType(std::string_view name_or_code);
// The type a notation's abbreviation stands for: as FindDocumentType, except that in a Party
// notation ("15-TT/TW") "TT" is Thông tri and "QĐi" Quy định.
std::optional<DocumentType> FindDocumentTypeInNotation(std::string_view code, bool party);
// The folded type name without spaces ("thongbao"): the form of the type filter term.
std::string TypeKey(std::string_view type_name);
const std::vector<DocumentType>& AllDocumentTypes();

// Hồ sơ / đơn vị bảo quản: what an archivist pulls from the shelf.
struct StorageUnit {
  std::string code;       // as the archive writes it: "Phông 12 / Mục lục 01 / ĐVBQ 0345"
  std::string title;      // tiêu đề hồ sơ
  std::string fonds;      // phông
  std::string inventory;  // mục lục
  std::string box;        // hộp
};
// The form in which unit codes are compared: diacritics, case, spaces, punctuation and leading
// zeros folded away, parts kept apart by '/': "Phông 12 / Mục lục 01 / ĐVBQ 0345" ->
// "phong12/mucluc1/dvbq345".
std::string UnitKey(std::string_view code);

// Where a page's text came from.
enum class TextSource { kTextLayer, kLegacyRepaired, kOcr, kNone };
std::string_view TextSourceName(TextSource source);  // "text", "legacy", "ocr", "none"
std::optional<TextSource> ParseTextSource(std::string_view name);

// A word recognised by OCR and where it stands on the page, in PDF points from the top left:
// the reading room marks hits on the scan itself with these.
struct WordBox {
  std::string text;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Digits read where a scanned header's printed form leaves room for the office to write them
// by hand: recognition made for digits reads several renderings of the place with two models,
// and the reading most gave is kept with how many gave it.
struct DigitReading {
  std::string digits;        // "" when no rendering gave digits
  int votes = 0;             // readings that gave `digits`
  int readings = 0;          // readings made (renderings times models)
  int agreeing_readers = 0;  // recognition models whose own most frequent reading is `digits`
  bool operator==(const DigitReading&) const = default;
};
struct HeaderDigits {
  std::optional<DigitReading> number;  // before the printed "/BC-UBND" of "Số:"
  std::optional<DigitReading> day;     // between "ngày" and "tháng"
  std::optional<DigitReading> month;   // between "tháng" and "năm"
  bool operator==(const HeaderDigits&) const = default;
};

struct Page {
  std::string text;  // normalized (NormalizeText) page text, as shown in snippets
  TextSource source = TextSource::kTextLayer;
  double ocr_confidence = -1;                                // Tesseract mean confidence 0-100 for OCR pages, else -1
  std::vector<WordBox> words;                                // OCR pages only; a text layer has its own boxes
  std::optional<HeaderDigits> header_digits = std::nullopt;  // OCR pages whose header form was found
};

// How sure a field read from the page is. kRead: read, and every check agrees. kDoubtful: the
// value shown is the likeliest reading, not a sure one. kPartial: only part of the field could
// be read and only that part is given ("?/CT-UBND"; a date known to the month while the page
// gives a day). A field not read at all is absent, with no confidence.
enum class FieldConfidence : int { kRead = 1, kDoubtful = 2, kPartial = 3 };
std::string_view FieldConfidenceName(FieldConfidence c);  // "read", "doubtful", "partial"
std::optional<FieldConfidence> ParseFieldConfidence(std::string_view name);

// What is known of a document apart from its text.
struct DocumentMetadata {
  std::optional<std::string> number;  // "45-TB/TU" as written
  std::optional<PartialDate> date;
  std::optional<std::string> type;    // the type's name: "Thông báo"
  std::optional<std::string> issuer;  // "Tỉnh ủy Thái Bình"
  std::optional<std::string> title;   // trích yếu
  std::optional<Secrecy> secrecy;
  std::optional<Urgency> urgency;
  std::optional<FieldConfidence> number_confidence = std::nullopt;  // set when number is
  std::optional<FieldConfidence> date_confidence = std::nullopt;    // set when date is
  // What else on the page checked the date: "signature" (the e-signature's signing time),
  // "incoming" (an incoming stamp's date). Empty when nothing did.
  std::vector<std::string> date_checked_by = {};
};

// Văn bản: one document, possibly one of several inside a PDF that holds a whole storage unit.
struct ArchiveDocument {
  std::string file;    // path relative to the PATH it was indexed under
  std::string path;    // absolute path on the indexing machine
  int first_page = 1;  // first and last page of the document in the file, from 1
  int last_page = 1;
  StorageUnit unit;
  DocumentMetadata meta;       // what is shown and searched: extracted, then catalog overrides
  DocumentMetadata extracted;  // what the text alone said, kept so an edited catalog re-applies
  std::vector<Page> pages;     // pages first_page..last_page
  int64_t catalog_order = -1;  // row order in the catalog; -1 when not catalogued

  // Stable across re-indexing: "dir/45-TB-TU.pdf#1-4".
  std::string Id() const;
  bool HasOcr() const;
};

}  // namespace luutru::catalog

#endif  // LUUTRU_CATALOG_MODEL_H_
