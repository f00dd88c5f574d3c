#include "corpus/archive_writer.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include "corpus/pdf_render.h"
#include "corpus/phrase_truth.h"
#include "corpus/random.h"
#include "corpus/text_forms.h"
#include "corpus/vocabulary.h"

namespace luutru::corpus {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string Id(const Document& d) {
  return d.file + "#" + std::to_string(d.first_page) + "-" + std::to_string(d.last_page);
}

json Nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void WriteBytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// Broken inputs made from a good PDF: each must fail to open (or open locked) in Poppler.
bool MakeBrokenFiles(const fs::path& out, const std::string& good_pdf, const std::string& folder, json* truth_lines,
                     std::string* error) {
  fs::create_directories(out / folder);
  std::string bytes = ReadFile(out / good_pdf);
  auto rel = [&](const char* name) { return folder + "/" + name; };
  // Truncated: the first third, no xref, no trailer, no page objects past the cut.
  WriteBytes(out / rel("cat-ngang.pdf"), bytes.substr(0, std::min<size_t>(bytes.size() / 3, 1500)));
  truth_lines->push_back({{"file", rel("cat-ngang.pdf")}, {"broken", "truncated"}, {"must_fail", true}});
  // Not a PDF: an e-mail notice saved under a .pdf name.
  WriteBytes(out / rel("khong-phai-pdf.pdf"),
             "From: vanthu@example.vn\r\nSubject: Gui van ban\r\n\r\nVan ban dinh kem se gui sau.\r\n");
  truth_lines->push_back({{"file", rel("khong-phai-pdf.pdf")}, {"broken", "not-pdf"}, {"must_fail", true}});
  // Damaged xref: the header kept, every object's "obj" keyword and the xref table garbled, so
  // no repair can find the catalog.
  std::string bad = bytes;
  for (size_t p = bad.find(" obj"); p != std::string::npos; p = bad.find(" obj", p + 4)) bad.replace(p + 1, 3, "jbo");
  size_t x = bad.rfind("xref");
  if (x != std::string::npos) {
    for (size_t i = x; i < bad.size(); ++i)
      if (bad[i] >= '0' && bad[i] <= '9') bad[i] = static_cast<char>('9' - (bad[i] - '0'));
  }
  WriteBytes(out / rel("xref-hong.pdf"), bad);
  truth_lines->push_back({{"file", rel("xref-hong.pdf")}, {"broken", "bad-xref"}, {"must_fail", true}});
  // Encrypted with a user password (qpdf, as archives receive them).
  std::string enc = (out / rel("co-mat-khau.pdf")).string();
  std::string src = (out / good_pdf).string();
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      dup2(devnull, 1);
      dup2(devnull, 2);
    }
    // RC4-128 with a static ID: the only qpdf encryption whose bytes repeat for the same input.
    execlp("qpdf", "qpdf", "--static-id", "--allow-weak-crypto", "--encrypt", "mat-khau-2024", "chu-so-huu", "128",
           "--use-aes=n", "--", src.c_str(), enc.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    *error = "qpdf --encrypt failed (is qpdf installed?)";
    return false;
  }
  truth_lines->push_back({{"file", rel("co-mat-khau.pdf")}, {"broken", "encrypted"}, {"must_fail", true}});
  return true;
}

json Truth(const Document& d) {
  json j = {{"id", Id(d)},
            {"file", d.file},
            {"page_range", {d.first_page, d.last_page}},
            {"unit",
             {{"code", d.unit.code},
              {"title", d.unit.title},
              {"fonds", d.unit.fonds},
              {"inventory", d.unit.inventory},
              {"box", d.unit.box}}},
            {"number", d.number},
            {"date", d.date},
            {"type", d.type},
            {"issuer", d.issuer},
            {"title", d.title},
            {"secrecy", d.secrecy},
            {"urgency", Nullable(d.urgency)},
            {"format", d.party ? "party" : "state"},
            {"scanned", d.scanned},
            {"text_layer", d.scanned ? (d.variant == Variant::kScannedStamp ? "stamp" : "none")
                                     : (d.variant == Variant::kTcvn3 ? "tcvn3"
                                        : d.variant == Variant::kNfd ? "nfd"
                                                                     : "unicode")},
            {"variant", VariantName(d.variant)},
            {"catalog_fields", d.catalog_fields},
            {"facts", d.facts},
            {"damaged", json::array()},
            {"pages", d.pages},
            {"text_layer_pages", d.layer_pages}};
  for (const auto& dm : d.damaged) j["damaged"].push_back({{"written", dm.written}, {"meant", dm.meant}});
  if (!d.stamp_text.empty()) j["stamp_text"] = d.stamp_text;
  return j;
}

std::string CatalogHeader() {
  return "file,page_range,unit_code,unit_title,fonds,inventory,box,doc_number,doc_date,doc_type,issuer,title,secrecy,urgency\n";
}

std::string CatalogRow(const Document& d, bool with_range) {
  std::string row = CsvField(d.file) + "," +
                    (with_range ? std::to_string(d.first_page) + "-" + std::to_string(d.last_page) : "") + "," +
                    CsvField(d.unit.code) + "," + CsvField(d.unit.title) + "," + CsvField(d.unit.fonds) + "," +
                    CsvField(d.unit.inventory) + "," + CsvField(d.unit.box);
  if (d.catalog_fields) {
    row += "," + CsvField(d.number) + "," + d.date + "," + CsvField(d.type) + "," + CsvField(d.issuer) + "," +
           CsvField(d.title) + "," + CsvField(d.secrecy) + "," + CsvField(d.urgency);
  } else {
    row += ",,,,,,,";
  }
  return row + "\n";
}

// Runs of two to four words of the corpus's own sentences, as written (with marks), without
// slots, digits or punctuation inside: the phrases a request may quote.
std::vector<std::vector<std::string>> SentencePhrases() {
  std::vector<std::string_view> sentences = GenericSentences();
  for (const Topic& t : Topics()) {
    sentences.insert(sentences.end(), t.sentences.begin(), t.sentences.end());
    sentences.insert(sentences.end(), t.summaries.begin(), t.summaries.end());
  }
  std::vector<std::vector<std::string>> phrases;
  for (std::string_view sentence : sentences) {
    std::vector<std::vector<std::string>> segments(1);
    size_t start = 0;
    while (start < sentence.size()) {
      size_t end = sentence.find(' ', start);
      if (end == std::string_view::npos) end = sentence.size();
      std::string word(sentence.substr(start, end - start));
      start = end + 1;
      bool breaks = false;
      while (!word.empty() && std::string(",.;:").find(word.back()) != std::string::npos) {
        word.pop_back();
        breaks = true;
      }
      const std::vector<std::string> folded = FoldedWords(word);
      if (folded.size() != 1 || word.find('{') != std::string::npos || (folded[0][0] >= '0' && folded[0][0] <= '9')) {
        segments.emplace_back();
        continue;
      }
      segments.back().push_back(word);
      if (breaks) segments.emplace_back();
    }
    for (const auto& seg : segments) {
      for (size_t len = 2; len <= 4; ++len) {
        for (size_t i = 0; i + len <= seg.size(); ++i) phrases.emplace_back(seg.begin() + i, seg.begin() + i + len);
      }
    }
  }
  return phrases;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The phrase classes, with their truth read from what each document's pages say:
// "phrase count" (a phrase, its exact holders as "total" and their units as "units"),
// "absent phrase" and "absent phrase, unaccented" (two or three words that all occur in the
// archive but never in that order: "total" 0), "two things" (a phrase of a document and the
// commune or person it names, typed one after the other).
void AddPhraseQueries(const std::vector<Document>& docs, uint64_t seed, int per_class, std::vector<json>& q) {
  Random rng(seed + 199);
  std::vector<std::vector<std::string>> words_of;
  std::set<std::string> vocabulary;
  for (const Document& d : docs) {
    // Read as a reader reads on across a page break: past the page number printed alone on top
    // of every page after the first (pdf_render).
    std::string text;
    for (size_t p = 0; p < d.pages.size(); ++p) {
      const std::string number = std::to_string(p + 1) + "\n";
      text += p > 0 && d.pages[p].starts_with(number) ? d.pages[p].substr(number.size()) : d.pages[p];
      text += "\n";
    }
    words_of.push_back(FoldedWords(text));
    vocabulary.insert(words_of.back().begin(), words_of.back().end());
  }
  auto folded = [](const std::vector<std::string>& words) { return FoldedWords(Join(words)); };
  auto holders = [&](const std::vector<std::string>& phrase_folded) {
    std::vector<size_t> out;
    for (size_t i = 0; i < docs.size(); ++i)
      if (HoldsPhrase(words_of[i], phrase_folded)) out.push_back(i);
    return out;
  };
  std::vector<std::vector<std::string>> phrases = SentencePhrases();
  for (size_t i = phrases.size(); i > 1; --i) std::swap(phrases[i - 1], phrases[rng.Next() % i]);
  std::set<std::string> used;

  // Phrases with their exact holders.
  int n = 0;
  for (const auto& phrase : phrases) {
    if (n >= per_class) break;
    const std::vector<std::string> f = folded(phrase);
    if (!used.insert(Join(f)).second) continue;
    const std::vector<size_t> held = holders(f);
    if (held.size() < 2 || held.size() * 3 > docs.size()) continue;
    json relevant = json::array();
    std::set<std::string> units;
    for (size_t i : held) {
      relevant.push_back(Id(docs[i]));
      units.insert(docs[i].unit.code);
    }
    const std::string query = n % 2 ? RemoveMarks(Join(phrase)) : Join(phrase);
    q.push_back({{"class", "phrase count"},
                 {"query", query},
                 {"args", json::array()},
                 {"relevant", relevant},
                 {"total", held.size()},
                 {"units", units}});
    ++n;
  }

  // Absent phrases: a held phrase of two or three words with one word swapped for a word of
  // another phrase, kept when no document holds the result.
  int marked = 0, unmarked = 0;
  for (size_t p = 0; p < phrases.size() && (marked < per_class || unmarked < per_class); ++p) {
    std::vector<std::string> phrase = phrases[p];
    if (phrase.size() > 3) continue;
    const auto& donor = phrases[rng.Next() % phrases.size()];
    phrase[rng.Next() % phrase.size()] = donor[rng.Next() % donor.size()];
    const std::vector<std::string> f = folded(phrase);
    bool all_occur = true;
    for (const std::string& w : f) all_occur = all_occur && vocabulary.count(w);
    if (!all_occur || !used.insert(Join(f)).second || !holders(f).empty()) continue;
    const bool plain = unmarked < marked || marked >= per_class;
    if (plain && unmarked >= per_class) continue;
    q.push_back({{"class", plain ? "absent phrase, unaccented" : "absent phrase"},
                 {"query", plain ? RemoveMarks(Join(phrase)) : Join(phrase)},
                 {"args", json::array()},
                 {"relevant", json::array()},
                 {"total", 0},
                 {"units", json::array()}});
    (plain ? unmarked : marked)++;
  }

  // Two things: a phrase a document holds and the commune (or person) it names, typed one after
  // the other. Relevant: every document holding both.
  std::vector<const Document*> order;
  for (const Document& d : docs) order.push_back(&d);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
  n = 0;
  for (const Document* d : order) {
    if (n >= per_class) break;
    if (!d->damaged.empty() || d->variant == Variant::kTcvn3) continue;
    const size_t self = static_cast<size_t>(d - docs.data());
    std::string thing = d->facts[0];
    if (n % 2 == 0) {
      const size_t comma = d->facts[1].find(", xã ");
      if (comma == std::string::npos) continue;
      thing = d->facts[1].substr(comma + 6);
    }
    const std::vector<std::string> thing_words = FoldedWords(thing);
    for (int attempt = 0; attempt < 40; ++attempt) {
      const std::vector<std::string>& subject = phrases[rng.Next() % phrases.size()];
      if (subject.size() > 3) continue;
      const std::vector<std::string> f = folded(subject);
      if (!HoldsPhrase(words_of[self], f)) continue;
      std::vector<std::string> whole = f;
      whole.insert(whole.end(), thing_words.begin(), thing_words.end());
      if (!holders(whole).empty()) continue;
      json relevant = json::array();
      for (size_t i = 0; i < docs.size(); ++i) {
        if (HoldsPhrase(words_of[i], f) && HoldsPhrase(words_of[i], thing_words)) relevant.push_back(Id(docs[i]));
      }
      if (relevant.size() > 10) continue;
      q.push_back({{"class", "two things"},
                   {"query", Join(subject) + " " + thing},
                   {"args", json::array()},
                   {"relevant", relevant}});
      ++n;
      break;
    }
  }
}

// Queries built from the unique facts, one class at a time, with every relevant document.
std::vector<json> Queries(const std::vector<Document>& docs, uint64_t seed) {
  std::vector<json> q;
  Random rng(seed + 99);
  auto add = [&](const char* cls, const std::string& query, json args, std::vector<std::string> relevant) {
    q.push_back({{"class", cls}, {"query", query}, {"args", std::move(args)}, {"relevant", std::move(relevant)}});
  };
  std::map<std::string, int> per_class;
  const int kPerClass = 12;
  auto room = [&](const char* cls) { return per_class[cls]++ < kPerClass; };
  // Visit documents in a shuffled order so each class samples the whole archive.
  std::vector<const Document*> order;
  for (const Document& d : docs) order.push_back(&d);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
  for (const Document* dp : order) {
    const Document& d = *dp;
    std::string id = Id(d);
    const std::string& name = d.facts[0];
    const std::string& place = d.facts[1];
    switch (d.variant) {
      case Variant::kDigital:
      case Variant::kMarked:
      case Variant::kBundle:
        if (d.damaged.empty()) {
          if (d.secrecy == "thường" && room("accented")) add("accented", place, json::array(), {id});
          if (d.secrecy == "thường" && room("unaccented")) add("unaccented", RemoveMarks(name), json::array(), {id});
          if (name.find("Đ") != std::string::npos || name.find("đ") != std::string::npos) {
            if (d.secrecy == "thường" && room("đ")) add("đ", name, json::array(), {id});
          }
        }
        break;
      case Variant::kNewToneStyle:
        if (room("tone style")) {
          // The fact is written hoà/thuỷ; the user types the old style, hòa/thủy.
          std::string old = place;
          static const std::vector<std::pair<std::string, std::string>> back = {
              {"oà", "òa"}, {"oá", "óa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
              {"oè", "òe"}, {"oé", "óe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
              {"uỳ", "ùy"}, {"uý", "úy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"}};
          for (const auto& [n, o] : back)
            for (size_t p = old.find(n); p != std::string::npos; p = old.find(n, p + o.size()))
              old.replace(p, n.size(), o);
          add("tone style", old, json::array(), {id});
        }
        break;
      case Variant::kNfd:
        if (room("nfd")) add("nfd", place, json::array(), {id});
        break;
      case Variant::kScanned:
      case Variant::kScannedStamp:
        if (room("scanned-only")) add("scanned-only", place, json::array(), {id});
        break;
      case Variant::kTcvn3:
        if (room("tcvn3")) add("tcvn3", d.facts[2], json::array(), {id});
        break;
    }
    for (const auto& dm : d.damaged)
      if (d.secrecy == "thường" && room("ocr-damaged")) add("ocr-damaged", dm.meant, json::array(), {id});
    if (d.secrecy == "thường" && rng.Chance(0.15) && room("date-filtered")) {
      std::string ym = d.date.substr(0, 7);
      add("date-filtered", d.facts[2], json::array({"--from", ym, "--to", ym}), {id});
    }
  }
  // Document numbers: every visible document carrying the notation is relevant.
  std::map<std::string, std::vector<std::string>> by_number;
  for (const Document& d : docs)
    if (d.secrecy == "thường") by_number[d.number].push_back(Id(d));
  int n = 0;
  for (const Document& d : docs) {
    if (d.secrecy != "thường" || d.index % 7 != 0 || n >= kPerClass) continue;
    add("document number", "", json::array({"--number", d.number}), by_number[d.number]);
    ++n;
  }
  AddPhraseQueries(docs, seed, kPerClass, q);
  return q;
}

}  // namespace

bool WriteArchive(const fs::path& out, const PlanOptions& options, int jobs, WriteSummary* summary,
                  std::string* error) {
  std::vector<Document> docs = PlanArchive(options);
  // Files to render: a bundle's documents together, every other document alone.
  std::vector<std::vector<Document*>> files;
  for (Document& d : docs) {
    if (!files.empty() && files.back().front()->file == d.file)
      files.back().push_back(&d);
    else
      files.push_back({&d});
  }
  for (const auto& f : files) fs::create_directories(out / fs::path(f.front()->file).parent_path());
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::string first_error;
  auto worker = [&] {
    for (size_t i; (i = next++) < files.size();) {
      std::string err;
      if (!RenderPdf(files[i], (out / files[i].front()->file).string(), options.seed, &err)) {
        std::lock_guard<std::mutex> lock(mu);
        if (first_error.empty()) first_error = err;
      }
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < std::max(1, jobs); ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  if (!first_error.empty()) {
    *error = first_error;
    return false;
  }

  json broken = json::array();
  const Document* good = nullptr;
  for (const Document& d : docs)
    if (d.variant == Variant::kDigital) {
      good = &d;
      break;
    }
  if (good && !MakeBrokenFiles(out, good->file, "phong-99/mlhs-01/dvbq-0001", &broken, error)) return false;

  std::ofstream catalog(out / "catalog.csv", std::ios::binary);
  catalog << CatalogHeader();
  for (const auto& f : files)
    for (const Document* d : f) catalog << CatalogRow(*d, f.size() > 1);
  for (const auto& b : broken) {
    std::string file = b["file"];
    catalog << CsvField(file)
            << ",,Phông 99 / Mục lục 01 / ĐVBQ 0001,Tài liệu tiếp nhận bị hỏng,Phông 99,Mục lục 01,991,,,,,,,\n";
  }
  std::ofstream truth(out / "truth.jsonl", std::ios::binary);
  for (const Document& d : docs) {
    truth << Truth(d).dump() << "\n";
    summary->documents_per_variant[VariantName(d.variant)]++;
    summary->pages += static_cast<int>(d.pages.size());
    summary->scanned += d.scanned;
  }
  for (const auto& f : files) summary->files_per_variant[VariantName(f.front()->variant)]++;
  for (const auto& b : broken) truth << b.dump() << "\n";
  summary->broken = static_cast<int>(broken.size());
  std::ofstream queries(out / "queries.jsonl", std::ios::binary);
  for (const auto& q : Queries(docs, options.seed)) {
    queries << q.dump() << "\n";
    summary->queries++;
  }
  if (!catalog || !truth || !queries) {
    *error = "cannot write the catalog, truth or queries in " + out.string();
    return false;
  }
  return true;
}

namespace {
void AppendJsonString(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  out += '"';
}
}  // namespace

double WriteTextOnly(const fs::path& out, const PlanOptions& options, std::string* error) {
  if (out.has_parent_path()) fs::create_directories(out.parent_path());
  std::FILE* f = std::fopen(out.string().c_str(), "wb");
  if (!f) {
    *error = "cannot write " + out.string();
    return 0;
  }
  auto start = std::chrono::steady_clock::now();
  std::string line;
  for (int i = 0; i < options.docs; ++i) {
    Document d = ComposeDocument(i, options.seed);
    std::string base = d.number;
    for (char& c : base)
      if (c == '/') c = '-';
    line.clear();
    line += "{\"file\":";
    AppendJsonString(line, d.unit.folder + "/" + base + "-" + std::to_string(i) + ".pdf");
    auto field = [&](const char* k, const std::string& v) {
      line += ",\"";
      line += k;
      line += "\":";
      if (v.empty())
        line += "null";
      else
        AppendJsonString(line, v);
    };
    field("unit_code", d.unit.code);
    field("unit_title", d.unit.title);
    field("fonds", d.unit.fonds);
    field("inventory", d.unit.inventory);
    field("box", d.unit.box);
    field("doc_number", d.number);
    field("doc_date", d.date);
    field("doc_type", d.type);
    field("issuer", d.issuer);
    field("title", d.title);
    field("secrecy", d.secrecy);
    field("urgency", d.urgency);
    // Pages: the blocks in reading order, about 1,800 characters a page.
    line += ",\"pages\":[";
    std::string page;
    bool first_page = true;
    auto flush = [&] {
      if (!first_page) line += ',';
      AppendJsonString(line, page);
      first_page = false;
      page.clear();
    };
    for (const Block& b : d.blocks) {
      auto add = [&](const std::string& t) {
        if (t.empty()) return;
        if (!page.empty()) page += '\n';
        page += t;
        if (page.size() > 1800) flush();
      };
      for (const auto& l : b.left) add(l.text);
      for (const auto& l : b.right) add(l.text);
      add(b.line.text);
    }
    if (!page.empty() || first_page) flush();
    line += "]}\n";
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size()) {
      *error = "write failed: " + out.string();
      std::fclose(f);
      return 0;
    }
  }
  std::fclose(f);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return options.docs / std::max(s, 1e-9);
}

}  // namespace luutru::corpus
