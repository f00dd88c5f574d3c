// ocr-fields-bench: how well an index holds the number and date of real scans, against the
// truth read by eye. For each truth row: the number and date the index holds with their
// confidence, and the rank at which `--number` with the true number brings the document.
// Prints one line per document, then the totals.
//
//   ocr-fields-bench DB TRUTH.tsv
// TRUTH.tsv: file (as indexed, relative), number, date (YYYY, YYYY-MM or YYYY-MM-DD), tab-separated.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "catalog/model.h"
#include "catalog/schema.h"
#include "search/searcher.h"
#include "tokenizers/notation.h"

namespace {

using luutru::catalog::ArchiveDocument;
using luutru::catalog::FieldConfidence;

std::string Confidence(const std::optional<FieldConfidence>& c) {
  return c ? std::string(luutru::catalog::FieldConfidenceName(*c)) : "null";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: ocr-fields-bench DB TRUTH.tsv\n");
    return 2;
  }
  Xapian::Database db(argv[1]);
  std::map<std::string, ArchiveDocument> first_documents;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    ArchiveDocument doc = luutru::catalog::schema::ReadStoredDocument(db.get_document(*it), false).doc;
    if (doc.first_page == 1) first_documents[doc.file] = std::move(doc);
  }
  const luutru::search::Searcher searcher(db);

  std::ifstream truth(argv[2]);
  std::string line;
  int rows = 0, numbered = 0, number_right = 0, number_right_read = 0, number_wrong_read = 0, number_doubtful_wrong = 0,
      number_partial = 0, number_null = 0, lookup_top3 = 0, days = 0, day_right = 0, date_wrong_read = 0,
      month_right = 0;
  while (std::getline(truth, line)) {
    std::istringstream fields(line);
    std::string file, number, date;
    if (!std::getline(fields, file, '\t') || !std::getline(fields, number, '\t') || !std::getline(fields, date, '\t'))
      continue;
    ++rows;
    const auto found = first_documents.find(file);
    if (found == first_documents.end()) {
      std::printf("%-28s not in the index\n", file.c_str());
      continue;
    }
    const ArchiveDocument& doc = found->second;
    const auto& m = doc.meta;
    const auto true_key = luutru::tokenizers::NotationKey(number);
    const auto got_key = m.number ? luutru::tokenizers::NotationKey(*m.number) : std::nullopt;
    std::string verdict;
    if (true_key) ++numbered;
    if (!m.number) {
      verdict = "null";
      ++number_null;
    } else if (m.number_confidence == FieldConfidence::kPartial) {
      verdict = "partial";
      ++number_partial;
    } else if (got_key && got_key == true_key) {
      verdict = "right";
      ++number_right;
      if (m.number_confidence == FieldConfidence::kRead) ++number_right_read;
    } else if (m.number_confidence == FieldConfidence::kRead) {
      verdict = "WRONG-AS-READ";
      ++number_wrong_read;
    } else {
      verdict = "wrong-doubtful";
      ++number_doubtful_wrong;
    }

    const std::string got_date = m.date ? m.date->ToString() : "";
    std::string date_verdict = "-";
    if (date.size() == 10) {
      ++days;
      if (got_date == date) {
        ++day_right;
        date_verdict = "day-right";
      } else if (got_date.size() == 10) {
        date_verdict = m.date_confidence == FieldConfidence::kRead ? "DAY-WRONG-AS-READ" : "day-wrong-doubtful";
        if (m.date_confidence == FieldConfidence::kRead) ++date_wrong_read;
      } else {
        date_verdict = "day-unread";
      }
    }
    if (got_date.size() >= 7 && date.size() >= 7 && got_date.substr(0, 7) == date.substr(0, 7)) ++month_right;

    int rank = 0;
    if (true_key) {
      luutru::search::SearchRequest request;
      request.number = number;
      request.limit = 3;
      request.clearance = luutru::catalog::Secrecy::kTopSecret;
      const auto response = searcher.Search(request);
      for (const auto& hit : response.documents) {
        if (hit.doc.file == file) {
          rank = hit.rank;
          break;
        }
      }
      if (rank > 0) ++lookup_top3;
    }
    std::string checked;
    for (const auto& c : m.date_checked_by) checked += (checked.empty() ? "" : ",") + c;
    std::printf("%-28s number %-14s got %-16s %-9s %-14s | date %-10s got %-10s %-9s %-18s %s | lookup %s\n",
                file.c_str(), number.c_str(), m.number.value_or("null").c_str(),
                Confidence(m.number_confidence).c_str(), verdict.c_str(), date.c_str(),
                got_date.empty() ? "null" : got_date.c_str(), Confidence(m.date_confidence).c_str(),
                date_verdict.c_str(), checked.empty() ? "-" : checked.c_str(),
                rank ? ("rank " + std::to_string(rank)).c_str() : "not in top 3");
  }
  std::printf("\ndocuments: %d, with a number: %d\n", rows, numbered);
  std::printf("numbers right: %d of %d (%d of them read, the rest doubtful)\n", number_right, numbered,
              number_right_read);
  std::printf("numbers wrong but shown as read: %d; wrong and marked doubtful: %d; letters only (?/…): %d; null: %d\n",
              number_wrong_read, number_doubtful_wrong, number_partial, number_null);
  std::printf("dates right to the day: %d of %d whose day is known; day wrong but shown as read: %d\n", day_right, days,
              date_wrong_read);
  std::printf("dates right to the month: %d of %d\n", month_right, rows);
  std::printf("--number with the true number brings the document into the first 3: %d of %d\n", lookup_top3, numbered);
  return 0;
}
