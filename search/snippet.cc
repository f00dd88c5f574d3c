#include "search/snippet.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>

#include <unicode/utf8.h>

#include "catalog/schema.h"
#include "search/snippet_internal.h"
#include "tokenizers/tokenizer.h"

namespace luutru::search {

namespace internal {

WordStartList WordStarts(std::string_view text, uint32_t last) {
  // A byte's kind; a continuation byte (10xxxxxx) is its character's and changes nothing.
  enum Kind : uint8_t { kOther, kLetter, kDigit, kContinuation };
  static constexpr auto kKinds = [] {
    std::array<Kind, 256> kinds{};
    for (int b = 0; b < 256; ++b) {
      Kind& kind = kinds[static_cast<size_t>(b)];
      if (b < 0x80) {
        kind = b >= '0' && b <= '9' ? kDigit : (b | 0x20) >= 'a' && (b | 0x20) <= 'z' ? kLetter : kOther;
      } else {
        kind = b < 0xC0 ? kContinuation : b == 0xC2 || b == 0xE2 ? kOther : kLetter;
      }
    }
    return kinds;
  }();
  // Room for every start the loop may write (a text of n bytes has at most n words).
  WordStartList starts{std::make_unique_for_overwrite<size_t[]>(std::min<size_t>(last, text.size()) + 2), 0};
  // Byte by byte, with no branch on the byte: every byte of a hit page up to its last match
  // passes here, a word starts every few bytes, unpredictably, and stepping by each character's
  // length would chain every load to the one before.
  Kind previous = kOther;
  for (size_t i = 0; i < text.size(); ++i) {
    const Kind kind = kKinds[static_cast<unsigned char>(text[i])];
    const bool begins = (kind == kLetter || kind == kDigit) & (kind != previous);
    starts.at[starts.count] = i;
    starts.count += begins;
    if (starts.count > last) break;
    previous = kind == kContinuation ? previous : kind;
  }
  return starts;
}

namespace {

// How many of the eight bytes at `p` start a character (are not continuation bytes, 10xxxxxx).
unsigned long CharStartsIn8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  // A continuation byte has its top bit set and the next one clear.
  const uint64_t continuation = (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
  // One 0/1 per byte, summed into the top byte (no popcount instruction on baseline x86-64).
  return static_cast<unsigned long>(8 - ((continuation * 0x0101010101010101ULL) >> 56));
}

}  // namespace

// Eight bytes are counted at a time: every match of a hit page moves a window back 40 characters
// and forward 200.
size_t MoveChars(std::string_view text, size_t from, long chars) {
  size_t pos = from;
  if (chars >= 0) {
    if (chars == 0 || pos >= text.size()) return pos;
    // Each step lands on the next byte that is not a continuation byte: find the chars-th one
    // after `from`.
    ++pos;
    auto remaining = static_cast<unsigned long>(chars);
    for (; pos + 8 <= text.size(); pos += 8) {
      const unsigned long starts = CharStartsIn8(text.data() + pos);
      if (starts >= remaining) break;
      remaining -= starts;
    }
    for (; pos < text.size(); ++pos) {
      if (!U8_IS_TRAIL(text[pos]) && --remaining == 0) return pos;
    }
    return text.size();
  }
  // Each step lands on the previous byte that is not a continuation byte, or on byte 0: whole
  // eight-byte blocks first, while they lie after byte 0.
  auto remaining = static_cast<unsigned long>(-chars);
  if (pos > text.size()) pos = text.size();
  for (; pos >= 9; pos -= 8) {
    const unsigned long starts = CharStartsIn8(text.data() + pos - 8);
    if (starts >= remaining) break;
    remaining -= starts;
  }
  for (; remaining > 0 && pos > 0; --remaining) {
    --pos;
    while (pos > 0 && U8_IS_TRAIL(text[pos])) --pos;
  }
  return pos;
}

}  // namespace internal

namespace {

using internal::MoveChars;
using internal::WordStartList;
using internal::WordStarts;

using tokenizers::Token;
using tokenizers::TokenKind;

constexpr std::string_view kOpen = "«";
constexpr std::string_view kClose = "»";
constexpr std::string_view kEllipsis = "…";
constexpr size_t kLeadChars = 40;  // context kept before the first match of a window

struct Match {
  size_t begin;  // bytes in the page text
  size_t end;
  size_t sequence;
  bool exact;
};

// The sequences by their first folded word, built once per snippet: FindMatches runs on many
// small slices of a page. A query has a handful of sequences, so a flat list beats hashing.
class FirstWords {
 public:
  explicit FirstWords(const std::vector<MatchSequence>& sequences) : sequences_(sequences) {
    for (size_t s = 0; s < sequences.size(); ++s) {
      if (sequences[s].words.empty()) continue;
      const std::string_view first = sequences[s].words.front().folded;
      auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.word == first; });
      if (it == entries_.end()) it = entries_.insert(entries_.end(), Entry{first, {}});
      it->sequences.push_back(s);
    }
  }
  const std::vector<MatchSequence>& sequences() const { return sequences_; }
  bool empty() const { return entries_.empty(); }
  // The sequences whose first folded word is `folded`; nullptr when none.
  const std::vector<size_t>* Starting(std::string_view folded) const {
    for (const Entry& e : entries_) {
      if (e.word == folded) return &e.sequences;
    }
    return nullptr;
  }

 private:
  struct Entry {
    std::string_view word;
    std::vector<size_t> sequences;
  };
  const std::vector<MatchSequence>& sequences_;
  std::vector<Entry> entries_;
};

// Every place where a whole sequence matches, one Match per word, ordered by begin. Only tokens
// whose folded form starts some sequence are tried.
// `offset` is added to every byte offset: `text` may be a slice of a page.
std::vector<Match> FindMatches(std::string_view text, const FirstWords& first_words, size_t offset = 0) {
  const std::vector<MatchSequence>& sequences = first_words.sequences();
  const std::vector<Token> tokens = tokenizers::TokenizeWords(text);
  std::vector<std::vector<Match>> found(sequences.size());
  for (size_t i = 0; i < tokens.size() && !first_words.empty(); ++i) {
    const std::vector<size_t>* starting = first_words.Starting(tokens[i].folded);
    if (!starting) continue;
    for (size_t s : *starting) {
      const auto& words = sequences[s].words;
      if (i + words.size() > tokens.size()) continue;
      bool whole = true;
      for (size_t k = 1; k < words.size() && whole; ++k) {
        const Token& t = tokens[i + k];
        whole = t.folded == words[k].folded && t.position == tokens[i].position + k;
      }
      if (!whole) continue;
      for (size_t k = 0; k < words.size(); ++k) {
        const Token& t = tokens[i + k];
        found[s].push_back(Match{offset + t.begin, offset + t.end, s, words[k].marked && t.exact == words[k].exact});
      }
    }
  }
  // Sequence by sequence, then by begin: matches with equal begins keep the order they had.
  std::vector<Match> matches;
  for (auto& list : found) matches.insert(matches.end(), list.begin(), list.end());
  std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.begin < b.begin; });
  return matches;
}

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Renders text[begin, end) with whitespace collapsed and the matches inside marked.
std::string Render(std::string_view text, size_t begin, size_t end, const std::vector<Match>& matches) {
  // Merge matches separated only by whitespace into runs.
  std::vector<std::pair<size_t, size_t>> runs;
  for (const Match& m : matches) {
    if (m.begin < begin || m.end > end) continue;
    if (!runs.empty()) {
      auto& last = runs.back();
      if (m.begin <= last.second) {
        last.second = std::max(last.second, m.end);
        continue;
      }
      bool only_space = true;
      for (size_t i = last.second; i < m.begin && only_space; ++i) only_space = IsSpaceByte(text[i]);
      if (only_space) {
        last.second = m.end;
        continue;
      }
    }
    runs.emplace_back(m.begin, m.end);
  }
  // Whole words are appended at once: a 100-hit answer renders every snippet.
  std::string out;
  out.reserve(end - begin + runs.size() * (kOpen.size() + kClose.size()));
  bool pending_space = false;
  auto space = [&] {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
  };
  // text[from, to), each run of whitespace left as one pending space.
  auto copy = [&](size_t from, size_t to) {
    for (size_t i = from; i < to;) {
      if (IsSpaceByte(text[i])) {
        pending_space = true;
        ++i;
        continue;
      }
      size_t word_end = i + 1;
      while (word_end < to && !IsSpaceByte(text[word_end])) ++word_end;
      space();
      out.append(text.data() + i, word_end - i);
      i = word_end;
    }
  };
  size_t at = begin;
  for (const auto& [run_begin, run_end] : runs) {
    copy(at, run_begin);
    space();
    out += kOpen;
    copy(run_begin, run_end);
    out += kClose;
    at = run_end;
  }
  copy(at, end);
  return out;
}

struct Window {
  long score = -1;
  size_t page_index = 0;
  size_t begin = 0;
  size_t end = 0;
};

// The best window of about `width` characters on page `page_index` whose text is `text`,
// starting kLeadChars before one of `matches`: most distinct sequences, then exact-form matches,
// then most matches. Score -1 when there are no matches.
Window BestWindow(std::string_view text, size_t page_index, const std::vector<Match>& matches, size_t sequence_count,
                  size_t width) {
  Window best;
  // seen_in[s] == first + 1 when sequence s has been counted in the window starting at `first`.
  std::vector<size_t> seen_in(sequence_count, 0);
  for (size_t first = 0; first < matches.size(); ++first) {
    const size_t begin = MoveChars(text, matches[first].begin, -static_cast<long>(kLeadChars));
    const size_t end = MoveChars(text, begin, static_cast<long>(width));
    long distinct = 0, exact = 0, count = 0;
    for (size_t k = first; k < matches.size() && matches[k].end <= end; ++k) {
      if (seen_in[matches[k].sequence] != first + 1) {
        seen_in[matches[k].sequence] = first + 1;
        ++distinct;
      }
      exact += matches[k].exact ? 1 : 0;
      ++count;
    }
    const long score = distinct * 10000 + exact * 100 + count;
    if (score > best.score) best = Window{score, page_index, begin, end};
  }
  return best;
}

// The best window over the pages offered, with its page's matches.
struct BestPage {
  Window window;
  std::vector<Match> matches;
  void Offer(std::string_view text, size_t page_index, std::vector<Match>&& page_matches, size_t sequence_count,
             size_t width) {
    const Window here = BestWindow(text, page_index, page_matches, sequence_count, width);
    if (here.score > window.score) {
      window = here;
      matches = std::move(page_matches);
    }
  }
};

// The snippet of window `best`, whose page's matches are `best_matches`; with no window (the words
// matched only in the title or issuer fields), the start of the text.
std::optional<std::string> RenderWindow(const catalog::ArchiveDocument& doc, Window best,
                                        const std::vector<Match>& best_matches, size_t width) {
  if (best.score < 0) {
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      if (doc.pages[i].text.find_first_not_of(" \n\t\r") == std::string::npos) continue;
      best = Window{0, i, 0, MoveChars(doc.pages[i].text, 0, static_cast<long>(width))};
      break;
    }
    if (best.score < 0) return std::nullopt;
  }
  std::string_view text = doc.pages[best.page_index].text;
  size_t begin = best.begin, end = best.end;
  // Cut at word boundaries: never in the middle of a word.
  if (begin > 0) {
    size_t first_match = text.size();
    for (const Match& m : best_matches) {
      if (m.begin >= begin) {
        first_match = m.begin;
        break;
      }
    }
    while (begin > 0 && begin < first_match && !IsSpaceByte(text[begin - 1])) ++begin;
  }
  if (end < text.size()) {
    size_t back = end;
    while (back > begin && !IsSpaceByte(text[back])) --back;
    bool cuts_match = false;
    for (const Match& m : best_matches) cuts_match = cuts_match || (m.begin < end && m.end > back);
    if (back > begin && !cuts_match) {
      end = back;
    } else {
      // Cutting back would lose a match (or the whole window): finish the word instead.
      while (end < text.size() && !IsSpaceByte(text[end])) ++end;
    }
  }
  std::string body = Render(text, begin, end, best_matches);
  size_t first = body.find_first_not_of(' ');
  if (first == std::string::npos) return std::nullopt;
  body = body.substr(first, body.find_last_not_of(' ') - first + 1);
  std::string out;
  if (begin > 0 && text.substr(0, begin).find_first_not_of(" \n\t\r") != std::string_view::npos) {
    out += kEllipsis;
    out += ' ';
  }
  out += body;
  if (end < text.size() && text.substr(end).find_first_not_of(" \n\t\r") != std::string_view::npos) {
    out += ' ';
    out += kEllipsis;
  }
  return out;
}

}  // namespace

std::optional<std::string> MakeSnippet(const catalog::ArchiveDocument& doc, const std::vector<int>& preferred_pages,
                                       const std::vector<MatchSequence>& sequences, size_t width) {
  if (sequences.empty() || doc.pages.empty()) return std::nullopt;
  std::vector<size_t> candidates;
  for (int page : preferred_pages) {
    const long index = page - doc.first_page;
    if (index >= 0 && index < static_cast<long>(doc.pages.size())) candidates.push_back(static_cast<size_t>(index));
  }
  if (candidates.empty()) {
    for (size_t i = 0; i < doc.pages.size(); ++i) candidates.push_back(i);
  }
  const FirstWords first_words(sequences);
  BestPage best;
  for (size_t index : candidates) {
    const std::string_view text = doc.pages[index].text;
    best.Offer(text, index, FindMatches(text, first_words), sequences.size(), width);
  }
  return RenderWindow(doc, best.window, best.matches, width);
}

namespace {

// The words from `begin` to the end of page `text`, as matches of sequence `s` when they are its
// first words (a run the index says goes on into the next page); nothing when they are not.
void PageEndOfRun(std::string_view text, size_t begin, const std::vector<MatchSequence>& sequences, size_t s,
                  std::vector<Match>& out) {
  const std::vector<MatchWord>& words = sequences[s].words;
  std::vector<Match> found;
  for (const Token& t : tokenizers::Tokenize(text.substr(begin))) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    const size_t k = found.size();
    if (k + 1 >= words.size() || t.folded != words[k].folded) return;  // the whole run, or another
    found.push_back(Match{begin + t.begin, begin + t.end, s, words[k].marked && t.exact == words[k].exact});
  }
  out.insert(out.end(), found.begin(), found.end());
}

}  // namespace

std::optional<std::string> MakeSnippetAt(const catalog::ArchiveDocument& doc, const std::vector<SnippetAnchor>& anchors,
                                         const std::vector<MatchSequence>& sequences, size_t width) {
  if (sequences.empty() || doc.pages.empty()) return std::nullopt;
  // A sequence typed twice is anchored once, under its first index; FindMatches reports both.
  const std::vector<bool> anchored = FirstOfTheirWords(sequences);
  std::map<size_t, std::vector<SnippetAnchor>> by_page;
  for (const SnippetAnchor& a : anchors) {
    if (a.page_index < doc.pages.size() && a.sequence < sequences.size()) by_page[a.page_index].push_back(a);
  }
  if (by_page.empty()) return MakeSnippet(doc, {}, sequences, width);

  const FirstWords first_words(sequences);
  BestPage best;
  for (auto& [index, on_page] : by_page) {
    const std::string_view text = doc.pages[index].text;
    std::sort(on_page.begin(), on_page.end(),
              [](const SnippetAnchor& a, const SnippetAnchor& b) { return a.word < b.word; });
    uint32_t end_word = 0;  // one past the last anchored word
    for (const SnippetAnchor& a : on_page) {
      end_word = std::max(end_word, a.word + static_cast<uint32_t>(sequences[a.sequence].words.size()));
    }
    // The index counts a page's words from the end of its printed page number.
    const size_t numbered = catalog::schema::PrintedPageNumberBytes(doc, index);
    const WordStartList starts = WordStarts(text.substr(numbered), end_word);
    auto byte_of = [&](uint32_t word) { return numbered + starts.ByteOf(word, text.size() - numbered); };
    std::vector<Match> matches, cut;
    size_t expected = 0;
    for (size_t i = 0; i < on_page.size();) {
      // A run that goes on past the page's last word, into the next page: its words on this page.
      const size_t run_words = sequences[on_page[i].sequence].words.size();
      if (starts.count < on_page[i].word + run_words) {
        PageEndOfRun(text, byte_of(on_page[i].word), sequences, on_page[i].sequence, cut);
        ++i;
        continue;
      }
      // Anchors whose words overlap are analyzed as one slice.
      const uint32_t first = on_page[i].word;
      uint32_t last = first;
      for (; i < on_page.size() && on_page[i].word <= last; ++i) {
        const size_t words = sequences[on_page[i].sequence].words.size();
        expected += words;
        last = std::max(last, on_page[i].word + static_cast<uint32_t>(words));
      }
      const size_t begin = byte_of(first);
      for (const Match& m : FindMatches(text.substr(begin, byte_of(last) - begin), first_words, begin)) {
        matches.push_back(m);
      }
    }
    size_t found = 0;
    for (const Match& m : matches) found += anchored[m.sequence] ? 1 : 0;
    if (found != expected) matches = FindMatches(text, first_words);  // not where the index said: the page
    matches.insert(matches.end(), cut.begin(), cut.end());
    std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.begin < b.begin; });
    best.Offer(text, index, std::move(matches), sequences.size(), width);
  }
  return RenderWindow(doc, best.window, best.matches, width);
}

}  // namespace luutru::search
