#include "search/output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "search/display_width.h"
#include "search/snippet.h"
#include "search/snippet_internal.h"
#include "tests/search/search_fixture.h"
#include "tokenizers/normalize.h"
#include "tokenizers/tokenizer.h"

namespace luutru::search::testing {
namespace {

TEST(DisplayWidth, CountsColumnsNotBytes) {
  EXPECT_EQ(DisplayWidth("Đảng ủy"), 7u);
  EXPECT_EQ(DisplayWidth("Đa\xCC\x89ng u\xCC\x89y"), 7u) << "combining marks take no column";
  EXPECT_EQ(DisplayWidth("漢字"), 4u);
  EXPECT_EQ(PadToWidth("ủy", 4), "ủy  ");
  EXPECT_EQ(TruncateToWidth("Thông báo kết luận", 10), "Thông báo…");
  EXPECT_EQ(TruncateToWidth("Đa\xCC\x89ng u\xCC\x89y ba\xCC\x80n", 7), "Đa\xCC\x89ng u\xCC\x89…")
      << "a kept letter keeps its combining mark";
  for (const auto& line : WrapToWidth("xây mới, sửa chữa 419 nhà đại đoàn kết trị giá hơn 20 tỷ đồng", 12)) {
    EXPECT_LE(DisplayWidth(line), 12u) << line;
  }
}

class OutputTest : public SearchTest {};

TEST_F(OutputTest, JsonFollowsTheContract) {
  const auto res = Find("nha dai doan ket");
  const auto j = ToJson(res);
  EXPECT_EQ(j["query"], "nha dai doan ket");
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["total_is_estimate"], false);
  ASSERT_EQ(j["results"].size(), 1u);
  const auto& d = j["results"][0];
  for (const char* key : {"rank", "score", "id", "file", "path", "page_range", "pages", "unit", "number", "date",
                          "type", "title", "issuer", "secrecy", "urgency", "ocr", "snippet"}) {
    EXPECT_TRUE(d.contains(key)) << key;
  }
  EXPECT_EQ(d["rank"], 1);
  EXPECT_EQ(d["id"], "phong-12/dvbq-0345/45-TB-TU.pdf#1-2");
  EXPECT_EQ(d["page_range"], nlohmann::ordered_json::array({1, 2}));
  EXPECT_EQ(d["pages"], nlohmann::ordered_json::array({2}));
  EXPECT_EQ(d["unit"]["code"], "Phông 12 / Mục lục 01 / ĐVBQ 0345");
  EXPECT_EQ(d["unit"]["box"], "12");
  EXPECT_EQ(d["number"], "45-TB/TU");
  EXPECT_EQ(d["date"], "2023-03-12");
  EXPECT_EQ(d["type"], "Thông báo");
  EXPECT_EQ(d["secrecy"], "thường");
  EXPECT_TRUE(d["urgency"].is_null()) << "unknown is null";
  EXPECT_EQ(d["ocr"], false);
  EXPECT_NE(d["snippet"].get<std::string>().find("«nhà đại đoàn kết»"), std::string::npos);
}

// A file name from an old archive may be in a legacy byte encoding; the JSON must still parse,
// and everything that is valid UTF-8 must come through unchanged.
TEST(JsonText, IsValidJsonForAnyBytesAndKeepsValidText) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Quyết định số 45.pdf", "Quyết định số 45.pdf"},
      {"a\xFF"
       "b",
       "a\uFFFD"
       "b"},
      {"\xC3(x", "\uFFFD(x"},
      {"cu\xE1\xBB", "cu\uFFFD"},                                          // cut inside a three-byte character
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},                              // a surrogate is not UTF-8
      {"tab\there\nline \"q\" \\ \x01", "tab\there\nline \"q\" \\ \x01"},  // escaped, read back the same
      {"😀 漢字 Đ", "😀 漢字 Đ"},
  };
  for (const auto& [raw, expected] : cases) {
    SearchResponse response;
    response.query = raw;
    DocumentHit hit;
    hit.doc.file = raw;
    hit.snippet = raw;
    response.documents.push_back(hit);
    response.total = 1;
    const std::string text = ToJsonText(response);
    nlohmann::ordered_json j;
    ASSERT_NO_THROW(j = nlohmann::ordered_json::parse(text)) << text;
    EXPECT_EQ(j["query"], expected);
    EXPECT_EQ(j["results"][0]["file"], expected);
    EXPECT_EQ(j["results"][0]["snippet"], expected);
    EXPECT_EQ(j["results"][0]["path"], nullptr) << "an empty path is unknown";
    EXPECT_EQ(j, ToJson(response));
    std::ostringstream written;
    WriteJson(written, response);
    EXPECT_EQ(written.str(), text);
    EXPECT_EQ(text.find('\n'), std::string::npos) << "one line";
  }
}

TEST(JsonText, ALongAnswerIsWrittenWholeAndInOrder) {
  // The writer hands its text on in chunks between results; every result must arrive once, in
  // order, and the whole must stay one JSON object, grouped or not.
  SearchResponse response;
  response.query = "nhà đại đoàn kết";
  for (int i = 1; i <= 60; ++i) {
    DocumentHit hit;
    hit.rank = i;
    hit.doc.file = "hồ sơ/" + std::to_string(i) + ".pdf";
    hit.snippet = std::string(1000, 'a' + static_cast<char>(i % 26)) + " «đoàn kết» " + std::to_string(i);
    response.documents.push_back(hit);
  }
  response.total = 60;
  const std::string text = ToJsonText(response);
  ASSERT_GT(text.size(), 3u * 16 * 1024) << "the answer spans several chunks";
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  ASSERT_EQ(j["results"].size(), 60u);
  for (int i = 1; i <= 60; ++i) {
    EXPECT_EQ(j["results"][i - 1]["rank"], i);
    EXPECT_EQ(j["results"][i - 1]["snippet"], *response.documents[static_cast<size_t>(i - 1)].snippet);
  }
  EXPECT_EQ(j["total"], 60);

  SearchResponse grouped;
  grouped.grouped = true;
  for (int u = 1; u <= 20; ++u) {
    UnitHit unit;
    unit.rank = u;
    unit.unit.code = "ĐVBQ " + std::to_string(u);
    unit.documents = {response.documents.begin() + (u - 1) * 3, response.documents.begin() + u * 3};
    unit.matching_documents = 3;
    grouped.units.push_back(unit);
  }
  grouped.total = 20;
  const nlohmann::ordered_json g = nlohmann::ordered_json::parse(ToJsonText(grouped));
  ASSERT_EQ(g["results"].size(), 20u);
  EXPECT_EQ(g["results"][19]["unit"]["code"], "ĐVBQ 20");
  EXPECT_EQ(g["results"][19]["documents"][2]["rank"], 60);
}

TEST_F(OutputTest, JsonForAGroupedSearchAndAnEmptyOne) {
  SearchRequest r;
  r.query = "nghèo";
  r.group_by_unit = true;
  auto j = ToJson(Find(r));
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_EQ(j["results"][0]["matching_documents"], 2);
  EXPECT_EQ(j["results"][0]["documents"].size(), 2u);
  EXPECT_EQ(j["results"][0]["unit"]["box"], "12");

  j = ToJson(Find("quy vi nguoi nghseo"));
  EXPECT_EQ(j["total"], 0);
  EXPECT_EQ(j["suggestion"], "quy vi nguoi ngheo");
  EXPECT_TRUE(j["blocking_filters"].is_array());
}

TEST_F(OutputTest, NearNumbersAreNamedInJsonAndTable) {
  SearchRequest r;
  r.number = "45-TP/TU";
  const auto res = Find(r);
  const auto j = ToJson(res);
  EXPECT_EQ(j["near_numbers"], nlohmann::ordered_json::array({"45-TB/TU"}));
  EXPECT_EQ(j["results"].size(), 2u);
  std::ostringstream out;
  WriteTable(out, res, Lang::kEn);
  EXPECT_EQ(out.str().rfind("Including numbers one character away", 0), 0u) << out.str();
  EXPECT_NE(out.str().find("45-TB/TU"), std::string::npos);

  r.number = "45-TB/TU";
  EXPECT_FALSE(ToJson(Find(r)).contains("near_numbers"));
}

TEST_F(OutputTest, UndatedDocumentHasNullDate) {
  SearchRequest r;
  r.number = "05/CT-UBND";
  const auto j = ToJson(Find(r));
  ASSERT_EQ(j["results"].size(), 1u);
  EXPECT_TRUE(j["results"][0]["date"].is_null());
  EXPECT_EQ(j["results"][0]["pages"], nlohmann::ordered_json::array());
  EXPECT_TRUE(j["results"][0]["snippet"].is_null());
}

TEST_F(OutputTest, TableFitsIn80Columns) {
  for (bool grouped : {false, true}) {
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      SearchRequest r;
      r.query = "tinh";
      r.group_by_unit = grouped;
      r.clearance = catalog::Secrecy::kTopSecret;
      std::ostringstream out;
      WriteTable(out, Find(r), lang);
      std::istringstream lines(out.str());
      std::string line;
      int count = 0;
      while (std::getline(lines, line)) {
        EXPECT_LE(DisplayWidth(line), 80u) << line;
        ++count;
      }
      EXPECT_GT(count, 5);
      EXPECT_NE(out.str().find(lang == Lang::kVi ? "Tìm thấy" : "Found"), std::string::npos);
    }
  }
}

TEST_F(OutputTest, CsvIsRfc4180) {
  std::ostringstream out;
  WriteCsv(out, Find("nha dai doan ket"), Lang::kEn);
  const std::string csv = out.str();
  EXPECT_EQ(csv.rfind("rank,score,number,date,type,title,issuer,unit_code", 0), 0u);
  EXPECT_NE(csv.find("\r\n1,"), std::string::npos);
  // The snippet holds commas, so it is quoted.
  EXPECT_NE(csv.find("\"… Năm 2023") == std::string::npos ? csv.find(",\"") : 0, std::string::npos);
  size_t quotes = 0;
  for (char c : csv) quotes += c == '"';
  EXPECT_EQ(quotes % 2, 0u);
}

}  // namespace
}  // namespace luutru::search::testing

namespace luutru::search::testing {
namespace {

TEST(Snippet, NeverEndsInsideAWord) {
  catalog::ArchiveDocument doc;
  doc.first_page = doc.last_page = 1;
  std::string text;
  for (int i = 0; i < 40; ++i) text += "thủ tục hành chính bị bãi bỏ lĩnh vực đất đai ";
  catalog::Page page;
  page.text = text;
  doc.pages.push_back(page);
  MatchSequence dat{{MatchWord{"đất", "dat", true, 0, 0}}};
  MatchSequence thu{{MatchWord{"thủ", "thu", true, 0, 0}}};
  for (size_t width : {50u, 77u, 101u, 150u, 200u}) {
    const auto snippet = MakeSnippet(doc, {1}, {dat, thu}, width);
    ASSERT_TRUE(snippet);
    std::string body = *snippet;
    ASSERT_TRUE(body.ends_with(" …")) << body;
    body = body.substr(0, body.size() - std::string(" …").size());
    // The last word is whole: one of the words of the text, possibly marked.
    std::string last = body.substr(body.rfind(' ') + 1);
    for (const char* mark : {"«", "»"}) {
      for (size_t p; (p = last.find(mark)) != std::string::npos;) last.erase(p, std::string(mark).size());
    }
    EXPECT_NE((" " + text).find(" " + last + " "), std::string::npos) << width << ": " << *snippet;
  }
}

// The window is `width` characters, whatever their length in bytes (1 to 4 here: "a", "ă",
// "ả", "𝐀"); the snippet code moves through the text eight bytes at a time.
TEST(Snippet, WindowIsCountedInCharactersNotBytes) {
  catalog::ArchiveDocument doc;
  doc.first_page = doc.last_page = 1;
  std::string text;
  for (int i = 0; i < 300; ++i) text += i == 150 ? "kết " : (i % 2 ? "aă " : "ả𝐀 ");
  catalog::Page page;
  page.text = text;
  doc.pages.push_back(page);
  const MatchSequence ket{{MatchWord{"kết", "ket", true, 0, 0}}};
  auto characters = [](const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (size_t width : {50u, 77u, 101u, 150u}) {
    const auto snippet = MakeSnippet(doc, {1}, {ket}, width);
    ASSERT_TRUE(snippet);
    std::string body = *snippet;
    ASSERT_TRUE(body.starts_with("… ") && body.ends_with(" …")) << body;
    body = body.substr(std::string("… ").size(), body.size() - 2 * std::string("… ").size());
    for (const char* mark : {"«", "»"}) {
      for (size_t p; (p = body.find(mark)) != std::string::npos;) body.erase(p, std::string(mark).size());
    }
    // Whole two- and three-character words: at most a word's worth shorter at each end.
    EXPECT_LE(characters(body), width) << width << ": " << *snippet;
    EXPECT_GE(characters(body), width - 6) << width << ": " << *snippet;
    // The match starts about 40 characters in (kLeadChars), less the word cut at the start.
    const size_t before = characters(body.substr(0, body.find("kết")));
    EXPECT_GE(before, 37u) << *snippet;
    EXPECT_LE(before, 40u) << *snippet;
  }
}

TEST(Snippet, TakesTheBestOfTheHitPagesAndMarksOverlappingSequencesOnce) {
  catalog::ArchiveDocument doc;
  doc.first_page = 3;
  doc.last_page = 4;
  doc.pages.push_back(catalog::Page{"Đất đai của xã", catalog::TextSource::kTextLayer, -1, {}});
  doc.pages.push_back(
      catalog::Page{"Thủ tục về  đất đai và nhà đại đoàn kết", catalog::TextSource::kTextLayer, -1, {}});
  MatchSequence dat{{MatchWord{"đất", "dat", true, 0, 0}}};
  MatchSequence thu{{MatchWord{"thủ", "thu", true, 0, 0}}};
  MatchSequence ket{{MatchWord{"kết", "ket", true, 0, 0}}};
  MatchSequence nha{{MatchWord{"nha", "nha", false, 0, 0}, MatchWord{"dai", "dai", false, 0, 0},
                     MatchWord{"doan", "doan", false, 0, 0}, MatchWord{"ket", "ket", false, 0, 0}}};
  EXPECT_EQ(MakeSnippet(doc, {3, 4}, {dat, thu, ket, nha}), "«Thủ» tục về «đất» đai và «nhà đại đoàn kết»");
  EXPECT_EQ(MakeSnippet(doc, {3}, {dat, thu, ket, nha}), "«Đất» đai của xã");
}

// The anchors a search hit has: where each distinct sequence starts, as word offsets on its page
// (the tokenizer's positions, as the index stores them).
std::vector<SnippetAnchor> AnchorsOf(const catalog::ArchiveDocument& doc, const std::vector<MatchSequence>& seqs) {
  std::vector<SnippetAnchor> anchors;
  const std::vector<bool> first = FirstOfTheirWords(seqs);
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const auto tokens = tokenizers::TokenizeWords(doc.pages[p].text);
    for (size_t s = 0; s < seqs.size(); ++s) {
      if (!first[s]) continue;
      for (size_t i = 0; i + seqs[s].words.size() <= tokens.size(); ++i) {
        bool whole = true;
        for (size_t k = 0; k < seqs[s].words.size() && whole; ++k)
          whole = tokens[i + k].folded == seqs[s].words[k].folded;
        if (whole) anchors.push_back(SnippetAnchor{p, tokens[i].position - 1, s});
      }
    }
  }
  return anchors;
}

std::vector<int> PagesOf(const catalog::ArchiveDocument& doc, const std::vector<SnippetAnchor>& anchors) {
  std::vector<int> pages;
  for (const auto& a : anchors) pages.push_back(doc.first_page + static_cast<int>(a.page_index));
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}

MatchSequence Seq(std::initializer_list<const char*> words) {
  MatchSequence seq;
  for (const char* w : words) {
    const std::string exact = tokenizers::ExactForm(w), folded = tokenizers::FoldedForm(w);
    seq.words.push_back(MatchWord{exact, folded, exact != folded, 0, 0});
  }
  return seq;
}

catalog::ArchiveDocument LongDocument() {
  catalog::ArchiveDocument doc;
  doc.first_page = 4;
  doc.last_page = 6;
  std::string one, two, three;
  for (int i = 0; i < 30; ++i)
    one += "Ủy ban nhân dân các huyện, thị xã, thành phố (UBND-VP) triển khai 37.543 nhiệm vụ. ";
  one += "Nhân dân hiến đất làm đường giao thông nông thôn – Quỹ Vì người nghèo. ";
  for (int i = 0; i < 25; ++i) one += "Đồng chí Đinh Thị Nhàn được giao theo dõi, đôn đốc… ";
  for (int i = 0; i < 40; ++i) two += "hỗ trợ xây dựng nhà đại đoàn kết cho hộ nghèo; ";
  two += "Quỹ vì người nghèo các cấp tiếp nhận ủng hộ 45-TB/TU ngày 12/3/2023.";
  three = "Nơi nhận: Như trên; Lưu VT.";
  for (const std::string* text : {&one, &two, &three}) {
    doc.pages.push_back(catalog::Page{*text, catalog::TextSource::kTextLayer, -1, {}});
  }
  return doc;
}

TEST(Snippet, AnchoredSnippetIsTheSnippetOfTheHitPages) {
  const catalog::ArchiveDocument doc = LongDocument();
  const std::vector<std::vector<MatchSequence>> queries = {
      {Seq({"nhân"})},
      {Seq({"nhan"}), Seq({"thi"}), Seq({"Nhàn"})},
      {Seq({"vì", "người", "nghèo"}), Seq({"quỹ"})},
      {Seq({"dat"}), Seq({"dat"})},  // typed twice
      {Seq({"nha", "dai", "doan", "ket"}), Seq({"ket"}), Seq({"ho"})},
      {Seq({"VT"}), Seq({"nhận"})},
      {Seq({"543"}), Seq({"ubnd"})},
  };
  for (const auto& seqs : queries) {
    const auto anchors = AnchorsOf(doc, seqs);
    ASSERT_FALSE(anchors.empty());
    for (size_t width : {60u, 200u}) {
      EXPECT_EQ(MakeSnippetAt(doc, anchors, seqs, width), MakeSnippet(doc, PagesOf(doc, anchors), seqs, width))
          << seqs.front().words.front().folded << " " << width;
    }
  }
}

TEST(Snippet, AnchorsThatMissTheWordsFallBackToTheWholePage) {
  // An index whose positions disagree with the stored text (or a word count that drifts) costs
  // time, never the snippet.
  const catalog::ArchiveDocument doc = LongDocument();
  const std::vector<MatchSequence> seqs = {Seq({"nhàn"}), Seq({"vì", "người", "nghèo"})};
  const auto anchors = AnchorsOf(doc, seqs);
  for (uint32_t shift : {5u, 60u}) {
    std::vector<SnippetAnchor> moved = anchors;
    for (auto& a : moved) a.word += shift;
    EXPECT_EQ(MakeSnippetAt(doc, moved, seqs), MakeSnippet(doc, PagesOf(doc, anchors), seqs)) << shift;
  }
  EXPECT_EQ(MakeSnippetAt(doc, {}, seqs), MakeSnippet(doc, {}, seqs));
  EXPECT_EQ(MakeSnippetAt(doc, {SnippetAnchor{9, 0, 0}}, seqs), MakeSnippet(doc, {}, seqs));  // no such page
}

TEST(Snippet, WordCountAgreesWithTheTokenizerOnArchiveText) {
  // The fast path finds an anchored word by counting words; if the count drifted from the
  // tokenizer's positions, every snippet would quietly take the slow path. Pages of archive text:
  // syllables in both tone styles, NFD, capitals, numbers, notations, dates, dashes, quotes,
  // ellipses, no-break spaces and a legacy-font letter.
  const std::vector<std::string> pieces = {"Quyết",
                                           "định",
                                           "về",
                                           "việc",
                                           "Đảng",
                                           "ủy",
                                           "uỷ",
                                           "xã",
                                           "Hòa",
                                           "Hoà",
                                           "Tie\u0302\u0301n",
                                           "QH15",
                                           "45-TB/TU",
                                           "37.543",
                                           "–",
                                           "“Quỹ”",
                                           "…",
                                           "ngày",
                                           "12/3/2023",
                                           "(UBND-VP)",
                                           "ĐẢNG",
                                           "2024",
                                           "k.",
                                           "\u00A0",
                                           "ngƣời",
                                           "V/v",
                                           "số:"};
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const size_t words = 1 + rng() % 150;
    for (size_t w = 0; w < words; ++w) {
      text += pieces[rng() % pieces.size()];
      text += (rng() % 9 == 0) ? "\n" : (rng() % 7 == 0) ? ", " : " ";
    }
    const std::vector<tokenizers::Token> tokens = tokenizers::TokenizeWords(text);
    if (tokens.empty()) continue;  // only dashes and quotes
    const internal::WordStartList starts = internal::WordStarts(text, tokens.back().position);
    for (const tokenizers::Token& t : tokens) {
      ASSERT_EQ(starts.ByteOf(t.position - 1, text.size()), t.begin)
          << "word " << t.position << " (" << t.exact << ") of: " << text;
    }
    // Stops after the word asked for.
    const uint32_t last = static_cast<uint32_t>(rng() % tokens.size());
    EXPECT_EQ(internal::WordStarts(text, last).count, size_t{last} + 1);
  }
}

TEST(Snippet, MoveCharsStepsOneCharacterAtATimeOnAnyBytes) {
  // MoveChars counts eight bytes at a time; stepping byte by byte gives the same offset, on
  // Vietnamese text, on stray continuation bytes and cut characters, from anywhere, either way.
  auto reference = [](std::string_view text, size_t pos, long chars) {
    auto continuation = [&](size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    for (; chars > 0; --chars) {
      if (pos >= text.size()) return text.size();
      ++pos;
      while (pos < text.size() && continuation(pos)) ++pos;
    }
    for (; chars < 0 && pos > 0; ++chars) {
      --pos;
      while (pos > 0 && continuation(pos)) --pos;
    }
    return std::min(pos, text.size());
  };
  const std::vector<std::string> pieces = {"a", "Đảng ", "ủy", " ", "\x80", "\xE1\xBB", "😀", "\n", "x9", "\xC3"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t n = rng() % 60;
    for (size_t i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
    const long chars = static_cast<long>(rng() % 121) - 60;
    ASSERT_EQ(internal::MoveChars(text, from, chars), reference(text, from, chars))
        << "from " << from << " by " << chars << " in a text of " << text.size() << " bytes";
  }
}

TEST(Snippet, AnchoredSnippetEqualsThePageSnippetOnRandomText) {
  // Random pages of syllables, capitals, numbers, notations, dashes, quotes, ellipses and
  // non-breaking spaces; random words and phrases taken from them: the anchored snippet is the
  // page snippet every time (through the fast path or the fallback).
  const std::vector<std::string> pieces = {
      "Quyết",    "định",   "về",     "việc",  "Đảng", "ủy",   "xã",        "Hòa",       "Tiến", "QH15",
      "45-TB/TU", "37.543", "–",      "“Quỹ”", "…",    "ngày", "12/3/2023", "(UBND-VP)", "nhà",  "đại",
      "đoàn",     "kết",    "\u00A0", "ĐẢNG",  "BỘ",   "2024", "k.",        "x",         "ngƣời"};
  std::mt19937 rng(20261202);
  for (int round = 0; round < 300; ++round) {
    catalog::ArchiveDocument doc;
    doc.first_page = 1;
    const int page_count = 1 + static_cast<int>(rng() % 3);
    doc.last_page = page_count;
    for (int p = 0; p < page_count; ++p) {
      std::string text;
      const size_t words = 5 + rng() % 120;
      for (size_t w = 0; w < words; ++w) {
        text += pieces[rng() % pieces.size()];
        text += (rng() % 9 == 0) ? "\n" : (rng() % 7 == 0) ? ", " : " ";
      }
      doc.pages.push_back(catalog::Page{text, catalog::TextSource::kTextLayer, -1, {}});
    }
    std::vector<MatchSequence> seqs;
    const size_t count = 1 + rng() % 3;
    for (size_t q = 0; q < count; ++q) {
      const auto tokens = tokenizers::TokenizeWords(doc.pages[rng() % doc.pages.size()].text);
      if (tokens.empty()) continue;
      const size_t start = rng() % tokens.size(), length = 1 + rng() % 3;
      MatchSequence seq;
      for (size_t k = start; k < tokens.size() && k < start + length; ++k) {
        seq.words.push_back(MatchWord{tokens[k].exact, tokens[k].folded, rng() % 2 == 0, 0, 0});
      }
      seqs.push_back(seq);
    }
    if (seqs.empty()) continue;
    const auto anchors = AnchorsOf(doc, seqs);
    const size_t width = 40 + rng() % 200;
    ASSERT_EQ(MakeSnippetAt(doc, anchors, seqs, width), MakeSnippet(doc, PagesOf(doc, anchors), seqs, width))
        << "round " << round;
  }
}

}  // namespace
}  // namespace luutru::search::testing
