// The stored record's encoder and decoder; the layout is in record_codec.h.
#include "catalog/record_codec.h"

#include <algorithm>
#include <bit>
#include <memory>
#include <optional>
#include <stdexcept>

#include <lz4.h>
#include <lz4hc.h>
#include <zstd.h>
#include <nlohmann/json.hpp>

#include "catalog/header_digits_json.h"

namespace luutru::catalog::schema {
namespace {

using nlohmann::json;

std::optional<std::string> GetOptString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

DocumentMetadata MetaFromJson(const json& j) {
  DocumentMetadata m;
  m.number = GetOptString(j, "number");
  if (auto d = GetOptString(j, "date")) m.date = ParsePartialDate(*d);
  m.type = GetOptString(j, "type");
  m.issuer = GetOptString(j, "issuer");
  m.title = GetOptString(j, "title");
  if (auto it = j.find("secrecy"); it != j.end() && !it->is_null()) {
    m.secrecy = static_cast<Secrecy>(it->get<int>());
  }
  if (auto it = j.find("urgency"); it != j.end() && !it->is_null()) {
    m.urgency = static_cast<Urgency>(it->get<int>());
  }
  return m;
}

constexpr std::string_view kMagicV2 = "\x01luutru2";
constexpr std::string_view kMagicV4 = "\x02luutru4";
constexpr std::string_view kZstdMagic = "\x28\xB5\x2F\xFD";

std::string DecompressZstd(std::string_view frame) {
  // One context per thread, reused: a fresh one per hit costs more than the decompression.
  struct FreeContext {
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
  };
  thread_local const std::unique_ptr<ZSTD_DCtx, FreeContext> context(ZSTD_createDCtx());
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ULL << 31)) {
    throw std::runtime_error("stored document data: not a whole compressed record");
  }
  std::string out(size, '\0');
  const size_t n = ZSTD_decompressDCtx(context.get(), out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size) {
    throw std::runtime_error(std::string("stored document data: ") +
                             (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "shorter than its frame says"));
  }
  return out;
}

class ByteWriter {
 public:
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void I64(int64_t v) {
    const auto u = static_cast<uint64_t>(v);
    U32(static_cast<uint32_t>(u));
    U32(static_cast<uint32_t>(u >> 32));
  }
  void Block(std::string_view bytes) {
    if (bytes.size() > UINT32_MAX) throw std::runtime_error("stored data: a block over 4 GB");
    U32(static_cast<uint32_t>(bytes.size()));
    out_.append(bytes);
  }
  // Absent: 0; present: 1 and the value.
  void OptBlock(const std::optional<std::string>& s) {
    U32(s ? 1 : 0);
    if (s) Block(*s);
  }
  void OptI64(std::optional<int64_t> v) {
    U32(v ? 1 : 0);
    if (v) I64(*v);
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// Reads what ByteWriter wrote; throws on data cut short.
class ByteReader {
 public:
  ByteReader(std::string_view data, size_t pos) : data_(data), pos_(pos) {}
  uint32_t U32() {
    Need(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  int64_t I64() {
    const uint64_t low = U32();
    return static_cast<int64_t>(low | (static_cast<uint64_t>(U32()) << 32));
  }
  std::string Block() {
    const uint32_t n = U32();
    Need(n);
    std::string out(data_.substr(pos_, n));
    pos_ += n;
    return out;
  }
  std::optional<std::string> OptBlock() { return U32() ? std::optional(Block()) : std::nullopt; }
  std::optional<int64_t> OptI64() { return U32() ? std::optional(I64()) : std::nullopt; }
  // A count of items, each at least `min_bytes` long: checked against what is left.
  uint32_t Count(size_t min_bytes) {
    const uint32_t n = U32();
    Need(static_cast<size_t>(n) * min_bytes);
    return n;
  }
  bool AtEnd() const { return pos_ == data_.size(); }

 private:
  void Need(size_t n) const {
    if (data_.size() - pos_ < n) throw std::runtime_error("stored document data is cut short");
  }
  std::string_view data_;
  size_t pos_;
};

template <typename Enum>
std::optional<int64_t> OptEnum(const std::optional<Enum>& e) {
  return e ? std::optional<int64_t>(static_cast<int>(*e)) : std::nullopt;
}

void PutMeta(ByteWriter& w, const DocumentMetadata& m) {
  w.OptBlock(m.number);
  w.OptBlock(m.date ? std::optional(m.date->ToString()) : std::nullopt);
  w.OptBlock(m.type);
  w.OptBlock(m.issuer);
  w.OptBlock(m.title);
  w.OptI64(OptEnum(m.secrecy));
  w.OptI64(OptEnum(m.urgency));
}

DocumentMetadata GetMeta(ByteReader& r) {
  DocumentMetadata m;
  m.number = r.OptBlock();
  if (auto d = r.OptBlock()) m.date = ParsePartialDate(*d);
  m.type = r.OptBlock();
  m.issuer = r.OptBlock();
  m.title = r.OptBlock();
  if (auto v = r.OptI64()) m.secrecy = static_cast<Secrecy>(*v);
  if (auto v = r.OptI64()) m.urgency = static_cast<Urgency>(*v);
  return m;
}

// The field tail's metadata object.
json ConfidenceJson(const DocumentMetadata& m) {
  json j = json::object();
  if (m.number_confidence) j["number_confidence"] = FieldConfidenceName(*m.number_confidence);
  if (m.date_confidence) j["date_confidence"] = FieldConfidenceName(*m.date_confidence);
  if (!m.date_checked_by.empty()) j["date_checked_by"] = m.date_checked_by;
  return j;
}

void ConfidenceFromJson(const json& j, DocumentMetadata& m) {
  if (auto it = j.find("number_confidence"); it != j.end())
    m.number_confidence = ParseFieldConfidence(it->get<std::string>());
  if (auto it = j.find("date_confidence"); it != j.end())
    m.date_confidence = ParseFieldConfidence(it->get<std::string>());
  if (auto it = j.find("date_checked_by"); it != j.end()) m.date_checked_by = it->get<std::vector<std::string>>();
}

void PutFieldTail(ByteWriter& w, const ArchiveDocument& doc) {
  json j{{"meta", ConfidenceJson(doc.meta)}, {"extracted", ConfidenceJson(doc.extracted)}};
  json digits = json::array();
  for (const Page& page : doc.pages)
    digits.push_back(page.header_digits ? HeaderDigitsToJson(*page.header_digits) : json());
  j["digits"] = std::move(digits);
  w.Block(j.dump());
}

void GetFieldTail(ByteReader& r, ArchiveDocument& doc) {
  try {
    const json j = json::parse(r.Block());
    ConfidenceFromJson(j.at("meta"), doc.meta);
    ConfidenceFromJson(j.at("extracted"), doc.extracted);
    const json& digits = j.at("digits");
    for (size_t i = 0; i < digits.size() && i < doc.pages.size(); ++i) {
      if (!digits[i].is_null()) doc.pages[i].header_digits = HeaderDigitsFromJson(digits[i]);
    }
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("stored document data: field confidences: ") + e.what());
  }
}

std::string CompressRecord(const std::string& record) {
  if (record.size() > LZ4_MAX_INPUT_SIZE) {
    throw std::runtime_error("stored document data: a record over LZ4's limit (about 2 GB)");
  }
  ByteWriter w;
  w.out() = kMagicV4;
  w.U32(static_cast<uint32_t>(record.size()));
  std::string& out = w.out();
  const size_t head = out.size();
  out.resize(head + static_cast<size_t>(LZ4_compressBound(static_cast<int>(record.size()))));
  const int n = LZ4_compress_HC(record.data(), out.data() + head, static_cast<int>(record.size()),
                                static_cast<int>(out.size() - head), LZ4HC_CLEVEL_DEFAULT);
  if (n <= 0) throw std::runtime_error("stored document data: LZ4 could not compress a record");
  out.resize(head + static_cast<size_t>(n));
  return std::move(out);
}

std::string DecompressRecord(std::string_view value) {
  if (!value.starts_with(kMagicV4)) throw std::runtime_error("stored document data: not a luutru record");
  const uint32_t size = ByteReader(value, kMagicV4.size()).U32();
  const size_t head = kMagicV4.size() + 4;
  if (size > LZ4_MAX_INPUT_SIZE || value.size() - head > LZ4_MAX_INPUT_SIZE) {
    throw std::runtime_error("stored document data: not a whole compressed record");
  }
  std::string out(size, '\0');
  const int n = LZ4_decompress_safe(value.data() + head, out.data(), static_cast<int>(value.size() - head),
                                    static_cast<int>(size));
  if (n < 0 || static_cast<uint32_t>(n) != size) {
    throw std::runtime_error("stored document data: a compressed record cut short or damaged");
  }
  return out;
}

std::string EncodeStoredData(const ArchiveDocument& doc, const std::vector<uint32_t>& starts) {
  ByteWriter w;
  size_t text_size = 0;
  for (const Page& page : doc.pages) text_size += page.text.size();
  w.out().reserve(1024 + text_size);
  w.out().append(kMagicV2);
  w.Block(doc.file);
  w.Block(doc.path);
  w.I64(doc.first_page);
  w.I64(doc.last_page);
  for (const std::string* s : {&doc.unit.code, &doc.unit.title, &doc.unit.fonds, &doc.unit.inventory, &doc.unit.box}) {
    w.Block(*s);
  }
  PutMeta(w, doc.meta);
  PutMeta(w, doc.extracted);
  w.I64(doc.catalog_order);
  w.U32(static_cast<uint32_t>(starts.size()));
  for (uint32_t start : starts) w.U32(start);
  w.U32(static_cast<uint32_t>(doc.pages.size()));
  for (const Page& page : doc.pages) {
    w.Block(TextSourceName(page.source));
    w.I64(std::bit_cast<int64_t>(page.ocr_confidence));
    w.Block(page.text);
    w.U32(0);  // word boxes: kSlotWordBoxes (data written before it holds them here)
  }
  PutFieldTail(w, doc);
  return std::move(w.out());
}

void PutWordBoxes(ByteWriter& w, const std::vector<WordBox>& boxes) {
  w.U32(static_cast<uint32_t>(boxes.size()));
  for (const WordBox& box : boxes) {
    w.Block(box.text);
    for (float f : {box.x0, box.y0, box.x1, box.y1}) w.U32(std::bit_cast<uint32_t>(f));
  }
}

void GetWordBoxes(ByteReader& r, std::vector<WordBox>& boxes) {
  boxes.resize(r.Count(20));
  for (WordBox& box : boxes) {
    box.text = r.Block();
    for (float* f : {&box.x0, &box.y0, &box.x1, &box.y1}) *f = std::bit_cast<float>(r.U32());
  }
}

void DecodeWordBoxes(std::string_view value, ArchiveDocument& doc) {
  ByteReader r(value, 0);
  if (r.U32() != doc.pages.size()) throw std::runtime_error("stored word boxes: not one list per page");
  for (Page& page : doc.pages) GetWordBoxes(r, page.words);
  if (!r.AtEnd()) throw std::runtime_error("stored word boxes: bytes after the last page");
}

StoredDocument DecodeStoredData(std::string_view data) {
  StoredDocument out;
  ArchiveDocument& doc = out.doc;
  ByteReader r(data, kMagicV2.size());
  doc.file = r.Block();
  doc.path = r.Block();
  doc.first_page = static_cast<int>(r.I64());
  doc.last_page = static_cast<int>(r.I64());
  for (std::string* s : {&doc.unit.code, &doc.unit.title, &doc.unit.fonds, &doc.unit.inventory, &doc.unit.box}) {
    *s = r.Block();
  }
  doc.meta = GetMeta(r);
  doc.extracted = GetMeta(r);
  doc.catalog_order = r.I64();
  out.page_start_positions.resize(r.Count(4));
  for (uint32_t& start : out.page_start_positions) start = r.U32();
  doc.pages.resize(r.Count(20));
  for (Page& page : doc.pages) {
    page.source = ParseTextSource(r.Block()).value_or(TextSource::kNone);
    page.ocr_confidence = std::bit_cast<double>(r.I64());
    page.text = r.Block();
    GetWordBoxes(r, page.words);
  }
  if (!r.AtEnd()) GetFieldTail(r, doc);
  if (!r.AtEnd()) throw std::runtime_error("stored document data: bytes after the last page");
  return out;
}

// Version 1: one JSON object, the page texts and word boxes inside.
StoredDocument DecodeVersion1(std::string_view data) {
  StoredDocument out;
  try {
    const json v1 = json::parse(data);
    if (v1.value("v", 0) != 1) throw std::runtime_error("unknown stored-data version");
    ArchiveDocument& doc = out.doc;
    doc.file = v1.at("file").get<std::string>();
    doc.path = v1.at("path").get<std::string>();
    doc.first_page = v1.at("first_page").get<int>();
    doc.last_page = v1.at("last_page").get<int>();
    const json& u = v1.at("unit");
    doc.unit =
        StorageUnit{u.at("code").get<std::string>(), u.at("title").get<std::string>(), u.at("fonds").get<std::string>(),
                    u.at("inventory").get<std::string>(), u.at("box").get<std::string>()};
    doc.meta = MetaFromJson(v1.at("meta"));
    doc.extracted = MetaFromJson(v1.at("extracted"));
    doc.catalog_order = v1.at("order").get<int64_t>();
    for (const json& p : v1.at("pages")) {
      Page page;
      page.text = p.at("text").get<std::string>();
      page.source = ParseTextSource(p.at("source").get<std::string>()).value_or(TextSource::kNone);
      page.ocr_confidence = p.value("confidence", -1.0);
      if (auto w = p.find("words"); w != p.end()) {
        for (const json& box : *w) {
          page.words.push_back(WordBox{box.at(0).get<std::string>(), box.at(1).get<float>(), box.at(2).get<float>(),
                                       box.at(3).get<float>(), box.at(4).get<float>()});
        }
      }
      doc.pages.push_back(std::move(page));
    }
    out.page_start_positions = v1.at("starts").get<std::vector<uint32_t>>();
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("stored document data is not luutru's: ") + e.what());
  }
  return out;
}

}  // namespace

std::string EncodeRecord(const ArchiveDocument& doc, const std::vector<uint32_t>& page_starts) {
  return CompressRecord(EncodeStoredData(doc, page_starts));
}

std::string EncodeWordBoxes(const ArchiveDocument& doc) {
  if (std::none_of(doc.pages.begin(), doc.pages.end(), [](const Page& p) { return !p.words.empty(); })) return {};
  ByteWriter w;
  w.U32(static_cast<uint32_t>(doc.pages.size()));
  for (const Page& page : doc.pages) PutWordBoxes(w, page.words);
  return std::move(w.out());
}

StoredDocument DecodeRecord(std::string_view record, std::string_view data, std::string_view word_boxes) {
  // Version 4 in its value slot; else versions 3 to 1 in the document data.
  std::string decoded;
  bool compressed = true;
  if (!record.empty()) {
    decoded = DecompressRecord(record);
  } else if (data.starts_with(kZstdMagic)) {
    decoded = DecompressZstd(data);
  } else {
    compressed = false;
  }
  const std::string_view v2 = compressed ? std::string_view(decoded) : data;
  if (compressed && !v2.starts_with(kMagicV2)) {
    throw std::runtime_error("stored document data: unknown compressed record");
  }
  if (!v2.starts_with(kMagicV2)) return DecodeVersion1(data);
  StoredDocument out = DecodeStoredData(v2);
  if (!word_boxes.empty()) DecodeWordBoxes(word_boxes, out.doc);
  return out;
}

}  // namespace luutru::catalog::schema
