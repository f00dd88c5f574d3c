#include "corpus/archive_plan.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "corpus/random.h"
#include "corpus/text_forms.h"
#include "corpus/vocabulary.h"

namespace luutru::corpus {

const char* VariantName(Variant v) {
  switch (v) {
    case Variant::kDigital: return "digital";
    case Variant::kScanned: return "scanned";
    case Variant::kScannedStamp: return "scanned-stamp";
    case Variant::kNewToneStyle: return "new-tone-style";
    case Variant::kNfd: return "nfd";
    case Variant::kTcvn3: return "tcvn3";
    case Variant::kMarked: return "secrecy-urgency";
    case Variant::kBundle: return "unit-bundle";
  }
  return "digital";
}

namespace {

// An issuing body and how its documents are headed and signed.
struct Organ {
  int fonds;
  bool party;
  std::vector<std::string> header;  // left header lines above the number; last one bold
  std::string issuer, abbr, place, province;
  std::vector<std::string> authority;  // signature lines above the name
  std::vector<std::string> cv_units;   // state công văn: issuer-unit
};

const std::vector<Organ>& Organs() {
  static const std::vector<Organ> organs = {
      {12,
       true,
       {"TỈNH ỦY THÁI BÌNH"},
       "Tỉnh ủy Thái Bình",
       "TU",
       "Thái Bình",
       "tỉnh Thái Bình",
       {"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"},
       {}},
      {15,
       true,
       {"ĐẢNG BỘ TỈNH THÁI BÌNH", "HUYỆN ỦY KIẾN XƯƠNG"},
       "Huyện ủy Kiến Xương",
       "HU",
       "Kiến Xương",
       "huyện Kiến Xương",
       {"T/M BAN THƯỜNG VỤ", "BÍ THƯ"},
       {}},
      {7,
       false,
       {"ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"},
       "Ủy ban nhân dân tỉnh Quảng Ngãi",
       "UBND",
       "Quảng Ngãi",
       "tỉnh Quảng Ngãi",
       {"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"},
       {"UBND-KTTH", "UBND-VX", "UBND-NC"}},
      {21,
       false,
       {"UBND TỈNH HÒA BÌNH", "SỞ NỘI VỤ"},
       "Sở Nội vụ tỉnh Hòa Bình",
       "SNV",
       "Hòa Bình",
       "tỉnh Hòa Bình",
       {"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"},
       {"SNV-VP", "SNV-CCVTLT"}},
  };
  return organs;
}

struct DocType {
  const char* name;
  const char* party_abbr;  // nullptr: not issued by Party bodies here
  const char* state_abbr;  // nullptr: not issued by state bodies here; "" = công văn
};

const std::vector<DocType>& DocTypes() {
  static const std::vector<DocType> types = {
      {"Nghị quyết", "NQ", nullptr}, {"Chỉ thị", "CT", "CT"},    {"Quy chế", "QC", "QC"},   {"Quy định", "QĐi", "QyĐ"},
      {"Báo cáo", "BC", "BC"},       {"Kế hoạch", "KH", "KH"},   {"Thông báo", "TB", "TB"}, {"Công văn", "CV", ""},
      {"Quyết định", "QĐ", "QĐ"},    {"Tờ trình", "TTr", "TTr"}, {"Hướng dẫn", "HD", "HD"},
  };
  return types;
}

std::string Upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale("vi")).toUTF8String(out);
  return out;
}

std::string Two(int n) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d", n);
  return b;
}

std::string Fill(std::string_view tmpl, const Document& d, Random& rng) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    size_t end = tmpl.find('}', i);
    std::string_view key = tmpl.substr(i + 1, end - i - 1);
    if (key == "year")
      out += d.date.substr(0, 4);
    else if (key == "issuer")
      out += d.issuer;
    else if (key == "province")
      out += d.province;
    else if (key == "topic")
      out += d.topic;
    else if (key == "pct")
      out += std::to_string(rng.Between(60, 98)) + "," + std::to_string(rng.Between(1, 9));
    else if (key == "count")
      out += std::to_string(rng.Between(12, 950));
    i = end;
  }
  return out;
}

// Facts that must be unique across the archive: keys already handed out, compared without marks.
struct FactRegistry {
  std::set<std::string> names, places, sums;
};

std::string Sum(int value) {
  char b[32];
  std::snprintf(b, sizeof b, "%d.%03d triệu đồng", value / 1000, value % 1000);
  return b;
}

}  // namespace

Document ComposeWith(int index, uint64_t seed, const Organ& organ, const DocType& type, int number, int year,
                     const std::string& topic_name, Variant variant, FactRegistry* registry) {
  Random rng(seed * 0x100000001B3ull + static_cast<uint64_t>(index) * 7919 + 17);
  Document d;
  d.index = index;
  d.party = organ.party;
  d.variant = variant;
  d.scanned = variant == Variant::kScanned || variant == Variant::kScannedStamp;
  d.type = type.name;
  d.issuer = organ.issuer;
  d.province = organ.province;
  int month = rng.Between(1, 12), day = rng.Between(1, 28);
  d.date = std::to_string(year) + "-" + Two(month) + "-" + Two(day);
  const Topic* topic = &Topics()[0];
  for (const auto& t : Topics())
    if (t.name == topic_name) topic = &t;
  d.topic = std::string(topic->name);
  d.title = std::string(rng.Pick(topic->summaries)) + " năm " + std::to_string(year);
  bool cong_van = std::string(type.name) == "Công văn";
  if (organ.party) {
    d.number = Two(number) + "-" + type.party_abbr + "/" + organ.abbr;
  } else if (cong_van) {
    d.number = Two(number) + "/" + std::string(rng.Pick(organ.cv_units));
  } else {
    d.number = Two(number) + "/" + type.state_abbr + "-" + organ.abbr;
  }
  d.secrecy = "thường";
  if (variant == Variant::kMarked) {
    int k = rng.Between(0, 3);
    if (k == 0) d.secrecy = "mật";
    if (k == 1) d.secrecy = "tối mật";
    if (k == 2) d.urgency = "khẩn";
    if (k == 3) {
      d.secrecy = "mật";
      d.urgency = "hỏa tốc";
    }
  }

  // Unique facts: a person, a place, a sum. The sum always carries đ and marks ("đồng").
  std::string name, place, sum;
  for (int attempt = 0;; ++attempt) {
    name = std::string(rng.Pick(FamilyNames())) + " " + std::string(rng.Pick(MiddleNames())) + " " +
           std::string(rng.Pick(GivenNames()));
    if (!registry || registry->names.insert(RemoveMarks(name)).second) break;
    if (attempt > 200) {
      name += " " + std::to_string(index);
      break;
    }
  }
  for (int attempt = 0;; ++attempt) {
    std::string hamlet(rng.Pick(Hamlets()));
    if (attempt > 50) hamlet += " " + std::to_string(rng.Between(2, 99));
    place = "thôn " + hamlet + ", xã " + std::string(rng.Pick(Communes()));
    if (!registry || registry->places.insert(RemoveMarks(place)).second) break;
  }
  for (;;) {
    int value = rng.Between(1001, 99999);
    if (value % 1000 == 0) continue;
    sum = Sum(value);
    if (!registry || registry->sums.insert(sum).second) break;
  }
  std::string written_name = name;
  if (variant != Variant::kTcvn3 && rng.Chance(0.1)) {
    std::string dropped = DropOneMark(name);
    if (dropped != name) {
      written_name = dropped;
      d.damaged.push_back({dropped, name});
    }
  }

  // Header: two columns.
  Block header;
  header.kind = Block::kColumns;
  for (size_t i = 0; i < organ.header.size(); ++i) {
    Line l{organ.header[i]};
    l.size = 13;
    l.bold = i + 1 == organ.header.size() || !organ.party;
    if (!organ.party && i == 0 && organ.header.size() > 1 && organ.header[0].rfind("UBND", 0) == 0) l.bold = false;
    l.underline_rule = !organ.party && i + 1 == organ.header.size();
    header.left.push_back(l);
  }
  if (organ.party) header.left.push_back(Line{"*"});
  header.left.push_back(Line{(organ.party ? "Số " : "Số: ") + d.number});
  if (cong_van) {
    Line vv{"V/v " + d.title};
    vv.size = 12;
    header.left.push_back(vv);
  }
  if (d.secrecy != "thường") {
    Line s{Upper(d.secrecy)};
    s.bold = s.boxed = true;
    header.left.push_back(s);
  }
  if (!d.urgency.empty()) {
    Line s{Upper(d.urgency)};
    s.bold = s.boxed = true;
    header.left.push_back(s);
  }
  if (organ.party) {
    Line a{"ĐẢNG CỘNG SẢN VIỆT NAM"};
    a.bold = a.underline_rule = true;
    header.right.push_back(a);
  } else {
    Line a{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"};
    a.bold = true;
    a.size = 12.5;
    Line b{"Độc lập - Tự do - Hạnh phúc"};
    b.bold = b.underline_rule = true;
    header.right.push_back(a);
    header.right.push_back(b);
  }
  Line date_line{organ.place + ", ngày " + Two(day) + " tháng " + (month < 3 ? Two(month) : std::to_string(month)) +
                 " năm " + std::to_string(year)};
  date_line.italic = true;
  header.right.push_back(date_line);
  d.blocks.push_back(header);

  if (!cong_van) {
    Block t;
    t.kind = Block::kTitle;
    t.space_before = 18;
    std::string type_line = Upper(type.name);
    if (std::string(type.name) == "Thông báo" && organ.party && rng.Chance(0.5)) type_line += " KẾT LUẬN";
    t.line = Line{type_line};
    t.line.bold = true;
    t.line.size = 14;
    d.blocks.push_back(t);
    Block s;
    s.kind = Block::kTitle;
    s.line = Line{std::string(d.title.substr(0, 3) == "về " ? "V" + d.title.substr(1) : d.title)};
    s.line.bold = true;
    d.blocks.push_back(s);
  }
  if (cong_van || std::string(type.name) == "Tờ trình") {
    Block k;
    k.kind = Block::kTitle;
    k.space_before = 10;
    k.line = Line{"Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố"};
    d.blocks.push_back(k);
  }

  // Body: paragraphs of topic and generic sentences; the facts go into three of them.
  int paragraphs = rng.Between(4, 9);
  int fact_para[3] = {rng.Between(0, paragraphs - 1), rng.Between(0, paragraphs - 1), rng.Between(0, paragraphs - 1)};
  for (int p = 0; p < paragraphs; ++p) {
    std::string text;
    int sentences = rng.Between(2, 4);
    for (int s = 0; s < sentences; ++s) {
      std::string_view tmpl = rng.Chance(0.6) ? rng.Pick(topic->sentences) : rng.Pick(GenericSentences());
      if (!text.empty()) text += ' ';
      text += Fill(tmpl, d, rng);
    }
    if (p == fact_para[0])
      text += " Đồng chí " + written_name + " được giao trực tiếp theo dõi, đôn đốc và báo cáo kết quả thực hiện.";
    if (p == fact_para[1])
      text += " Tại " + place + ", các hộ dân đã được thông tin đầy đủ và đồng thuận cao với chủ trương.";
    if (p == fact_para[2])
      text += " Tổng kinh phí thực hiện là " + sum + ", được bố trí từ ngân sách và nguồn vận động xã hội hóa.";
    Block b;
    b.kind = Block::kParagraph;
    b.space_before = p == 0 ? 14 : 4;
    b.line = Line{text};
    d.blocks.push_back(b);
  }

  Block sig;
  sig.kind = Block::kSignature;
  sig.space_before = 16;
  Line to{"Nơi nhận:"};
  to.bold = to.italic = true;
  to.size = 12;
  sig.left.push_back(to);
  int recipients = rng.Between(2, 4);
  size_t first = rng.Next() % Recipients().size();
  for (int r = 0; r < recipients; ++r) {
    Line l{std::string(Recipients()[(first + r) % Recipients().size()])};
    l.size = 11;
    sig.left.push_back(l);
  }
  Line keep{organ.party ? "- Lưu Văn phòng." : "- Lưu: VT."};
  keep.size = 11;
  sig.left.push_back(keep);
  for (const auto& a : organ.authority) {
    Line l{a};
    l.bold = true;
    sig.right.push_back(l);
  }
  sig.right.push_back(Line{""});  // room for the signature and seal
  Line signer{std::string(
      SignerNames()[(static_cast<size_t>(organ.fonds) + static_cast<size_t>(year)) % SignerNames().size()])};
  signer.bold = true;
  sig.right.push_back(signer);
  d.blocks.push_back(sig);

  d.facts = {written_name, place, sum};
  // The variant's way of writing the text.
  auto transform = [&](auto fn) {
    for (auto& b : d.blocks) {
      b.line.text = fn(b.line.text);
      for (auto& l : b.left) l.text = fn(l.text);
      for (auto& l : b.right) l.text = fn(l.text);
    }
  };
  if (variant == Variant::kNewToneStyle) {
    transform([](const std::string& s) { return ToNewToneStyle(s); });
    for (auto& f : d.facts) f = ToNewToneStyle(f);
  } else if (variant == Variant::kNfd) {
    transform([](const std::string& s) { return ToNfd(s); });
  } else if (variant == Variant::kTcvn3) {
    transform([](const std::string& s) { return ToTcvn3LookAlike(s); });
    for (auto& f : d.facts) f = FromTcvn3LookAlike(ToTcvn3LookAlike(f));
  }
  return d;
}

Document ComposeDocument(int index, uint64_t seed) {
  Random rng(seed ^ (static_cast<uint64_t>(index) * 0x9E3779B97F4A7C15ull));
  const Organ& organ = rng.Pick(Organs());
  const DocType* type;
  do type = &rng.Pick(DocTypes());
  while ((organ.party ? type->party_abbr : type->state_abbr) == nullptr);
  int year = rng.Between(2015, 2025);
  const Topic& topic = rng.Pick(Topics());
  Document d = ComposeWith(index, seed, organ, *type, rng.Between(1, 400), year, std::string(topic.name),
                           Variant::kDigital, nullptr);
  int unit_no = index / 8 + 1;
  d.unit.fonds = "Phông " + std::to_string(organ.fonds);
  d.unit.inventory = "Mục lục 0" + std::to_string(year <= 2020 ? 1 : 2);
  char unit_code[16];
  std::snprintf(unit_code, sizeof unit_code, "%04d", unit_no);
  d.unit.code = d.unit.fonds + " / " + d.unit.inventory + " / ĐVBQ " + unit_code;
  d.unit.title = "Tập văn bản về " + d.topic + " năm " + std::to_string(year);
  d.unit.box = std::to_string(unit_no / 3 + 1);
  d.unit.folder =
      "phong-" + std::to_string(organ.fonds) + "/mlhs-0" + (year <= 2020 ? "1" : "2") + "/dvbq-" + unit_code;
  return d;
}

std::vector<Document> PlanArchive(const PlanOptions& options) {
  Random rng(options.seed);
  const int n = options.docs;
  // Variant quotas; bundles are whole storage units, the rest are shuffled over single files.
  int n_bundle = options.text_only ? 0 : static_cast<int>(n * 0.1);
  // Half the bundles are scanned (when anything is); single scanned files make up the rest of
  // the scanned share, 60% image-only and 40% with a signature stamp.
  bool scan_bundles = options.scanned_fraction > 0;
  int scanned_total = options.text_only ? 0 : static_cast<int>(n * options.scanned_fraction + 0.5);
  int scanned_singles = std::max(0, scanned_total - (scan_bundles ? n_bundle / 2 : 0));
  int n_scanned = static_cast<int>(scanned_singles * 0.6 + 0.5);
  int n_stamp = scanned_singles - n_scanned;
  int n_special = options.text_only ? 0 : static_cast<int>(n * 0.07 + 0.5);
  int n_marked = options.text_only ? 0 : static_cast<int>(n * 0.08 + 0.5);

  FactRegistry registry;
  std::vector<Document> docs;
  std::map<std::string, int> counters;
  std::map<int, int> units_per_fonds;
  int bundled = 0, bundles_made = 0;
  std::vector<Variant> singles;
  for (int i = 0; i < n_scanned; ++i) singles.push_back(Variant::kScanned);
  for (int i = 0; i < n_stamp; ++i) singles.push_back(Variant::kScannedStamp);
  for (int i = 0; i < n_special; ++i) {
    singles.push_back(Variant::kNewToneStyle);
    singles.push_back(Variant::kNfd);
    singles.push_back(Variant::kTcvn3);
  }
  for (int i = 0; i < n_marked; ++i) singles.push_back(Variant::kMarked);
  while (static_cast<int>(singles.size()) < n - n_bundle) singles.push_back(Variant::kDigital);
  singles.resize(std::max(0, n - n_bundle));
  for (size_t i = singles.size(); i > 1; --i) std::swap(singles[i - 1], singles[rng.Next() % i]);
  size_t next_single = 0;

  while (static_cast<int>(docs.size()) < n) {
    const Organ& organ = rng.Pick(Organs());
    const Topic& topic = rng.Pick(Topics());
    int year = rng.Between(2016, 2025);
    bool bundle = bundled < n_bundle;
    int size = bundle ? std::min(rng.Between(3, 4), n_bundle - bundled) : rng.Between(4, 9);
    size = std::min(size, n - static_cast<int>(docs.size()));
    if (!bundle) size = std::min<int>(size, static_cast<int>(singles.size() - next_single));
    int unit_no = ++units_per_fonds[organ.fonds];
    StorageUnit unit;
    unit.fonds = "Phông " + std::to_string(organ.fonds);
    std::string inv = year <= 2020 ? "01" : "02";
    unit.inventory = "Mục lục " + inv;
    char code[16];
    std::snprintf(code, sizeof code, "%04d", unit_no * 7 + 300);
    unit.code = unit.fonds + " / " + unit.inventory + " / ĐVBQ " + code;
    unit.title = "Tập văn bản của " + organ.issuer + " về " + std::string(topic.name) + " năm " + std::to_string(year);
    unit.box = std::to_string(organ.fonds * 10 + (unit_no - 1) / 3 + 1);
    unit.folder = "phong-" + std::to_string(organ.fonds) + "/mlhs-" + inv + "/dvbq-" + code;
    std::set<std::string> file_names;
    std::string bundle_file = unit.folder + "/dvbq-" + std::string(code) + "-toan-bo.pdf";
    for (int k = 0; k < size; ++k) {
      const DocType* type;
      do type = &rng.Pick(DocTypes());
      while ((organ.party ? type->party_abbr : type->state_abbr) == nullptr);
      std::string key = organ.abbr + "|" + type->name + (organ.party ? "" : "|" + std::to_string(year));
      int number = counters.count(key) ? ++counters[key] : (counters[key] = rng.Between(1, 60));
      Variant v = bundle ? Variant::kBundle : singles[next_single++];
      Document d = ComposeWith(static_cast<int>(docs.size()), options.seed, organ, *type, number, year,
                               std::string(topic.name), v, options.text_only ? nullptr : &registry);
      d.unit = unit;
      // Every other bundle is a whole unit scanned as one image-only file, as archives digitise them.
      if (bundle && scan_bundles && bundles_made % 2 == 1) d.scanned = true;
      // Catalog carries the document fields for bundles (their parts need them) and ~1/3 of others.
      d.catalog_fields = bundle || rng.Chance(0.33);
      if (bundle) {
        d.file = bundle_file;
      } else {
        std::string base = d.number;
        std::replace(base.begin(), base.end(), '/', '-');
        std::string name = base + ".pdf";
        for (int dup = 2; !file_names.insert(name).second; ++dup) name = base + "-" + std::to_string(dup) + ".pdf";
        d.file = unit.folder + "/" + name;
      }
      docs.push_back(std::move(d));
    }
    if (bundle) {
      bundled += size;
      ++bundles_made;
    }
  }
  return docs;
}

}  // namespace luutru::corpus
