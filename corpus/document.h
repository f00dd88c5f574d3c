// What the generator knows about one generated document: its archival metadata, the blocks
// printed on its pages, and the ground truth a test or an evaluation checks the engine against.
#ifndef LUUTRU_CORPUS_DOCUMENT_H_
#define LUUTRU_CORPUS_DOCUMENT_H_

#include <string>
#include <vector>

namespace luutru::corpus {

// Hồ sơ / đơn vị bảo quản: where the document sits in the archive.
struct StorageUnit {
  std::string code;  // "Phông 12 / Mục lục 01 / ĐVBQ 0345"
  std::string title;
  std::string fonds;      // "Phông 12"
  std::string inventory;  // "Mục lục 01"
  std::string box;        // "12"
  std::string folder;     // "phong-12/mlhs-01/dvbq-0345"
};

// How the document is stored; each is a share of the archive.
enum class Variant { kDigital, kScanned, kScannedStamp, kNewToneStyle, kNfd, kTcvn3, kMarked, kBundle };
const char* VariantName(Variant v);

// One printed block, top to bottom. A block with `right` lines is two columns side by side.
struct Line {
  std::string text;
  bool bold = false, italic = false, underline_rule = false, boxed = false;
  double size = 13.5;
};
struct Block {
  enum Kind { kColumns, kTitle, kParagraph, kSignature } kind = kParagraph;
  std::vector<Line> left, right;  // kColumns and kSignature
  Line line;                      // kTitle and kParagraph
  double space_before = 0;
};

struct DamagedPhrase {
  std::string written, meant;
};

struct Document {
  int index = 0;
  bool party = false;
  Variant variant = Variant::kDigital;
  bool scanned = false;
  StorageUnit unit;
  std::string number;    // "45-TB/TU", "15/QĐ-UBND"
  std::string date;      // "2023-03-12"
  std::string type;      // "Thông báo"
  std::string issuer;    // "Tỉnh ủy Thái Bình"
  std::string title;     // trích yếu
  std::string secrecy;   // "thường", "mật", "tối mật"
  std::string urgency;   // "", "khẩn", "hỏa tốc"
  std::string province;  // for the place-date line and body slots
  std::string topic;
  std::vector<Block> blocks;
  std::vector<std::string> facts;
  std::vector<DamagedPhrase> damaged;
  bool catalog_fields = false;  // the catalog row carries the document fields
  // Filled by layout/rendering:
  std::string file;  // relative to the archive root
  int first_page = 1, last_page = 1;
  std::vector<std::string> pages;        // what each page says (NFC, after repair)
  std::vector<std::string> layer_pages;  // what the text layer holds (TCVN3: the look-alike)
  std::string stamp_text;                // kScannedStamp: the signature stamp in the text layer
};

}  // namespace luutru::corpus

#endif  // LUUTRU_CORPUS_DOCUMENT_H_
