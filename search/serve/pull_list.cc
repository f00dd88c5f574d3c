#include "search/serve/pull_list.h"

#include <algorithm>
#include <cctype>

#include "search/output.h"

namespace luutru::serve {
namespace {

using json = nlohmann::ordered_json;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

json Opt(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json DateJson(const std::optional<catalog::PartialDate>& d) { return d ? json(d->ToString()) : json(nullptr); }

int PageCount(const catalog::ArchiveDocument& doc) { return std::max(0, doc.last_page - doc.first_page + 1); }

// Compares two parts where an empty part (unknown) sorts after every known one.
int CompareKnownFirst(std::string_view a, std::string_view b) {
  if (a.empty() != b.empty()) return a.empty() ? 1 : -1;
  return CompareNumbersAsNumbers(a, b);
}

}  // namespace

int CompareNumbersAsNumbers(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (IsDigit(a[i]) && IsDigit(b[j])) {
      size_t ei = i, ej = j;
      while (ei < a.size() && IsDigit(a[ei])) ++ei;
      while (ej < b.size() && IsDigit(b[ej])) ++ej;
      std::string_view x = a.substr(i, ei - i), y = b.substr(j, ej - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (int c = x.compare(y)) return c < 0 ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    ++i;
    ++j;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return a.compare(b) < 0 ? -1 : a.compare(b) > 0 ? 1 : 0;  // "01" and "1": a stable tie-break
}

bool StoreOrderLess(const catalog::StorageUnit& a, const catalog::StorageUnit& b) {
  if (a.code.empty() != b.code.empty()) return b.code.empty();
  for (int c : {CompareKnownFirst(a.fonds, b.fonds), CompareKnownFirst(a.inventory, b.inventory),
                CompareKnownFirst(a.box, b.box), CompareNumbersAsNumbers(a.code, b.code)}) {
    if (c != 0) return c < 0;
  }
  return false;
}

PullList BuildPullList(std::vector<search::DocumentHit> hits,
                       const std::map<std::string, search::UnitSummary>& summaries) {
  PullList list;
  list.total_documents = hits.size();
  std::map<std::string, size_t> index;
  for (auto& hit : hits) {
    const std::string key = catalog::UnitKey(hit.doc.unit.code);
    auto [it, added] = index.emplace(key, list.units.size());
    if (added) {
      PullUnit unit;
      unit.key = key;
      unit.unit = hit.doc.unit;
      if (auto s = summaries.find(key); s != summaries.end() && !key.empty()) unit.summary = &s->second;
      list.units.push_back(std::move(unit));
    }
    list.units[it->second].documents.push_back(std::move(hit));
  }
  for (PullUnit& unit : list.units) {
    std::stable_sort(unit.documents.begin(), unit.documents.end(),
                     [](const search::DocumentHit& a, const search::DocumentHit& b) {
                       // Catalogued documents in catalog order, then the rest by file and page.
                       const int64_t x = a.doc.catalog_order, y = b.doc.catalog_order;
                       if ((x < 0) != (y < 0)) return y < 0;
                       if (x != y) return x < y;
                       if (int c = CompareNumbersAsNumbers(a.doc.file, b.doc.file)) return c < 0;
                       return a.doc.first_page < b.doc.first_page;
                     });
  }
  std::stable_sort(list.units.begin(), list.units.end(),
                   [](const PullUnit& a, const PullUnit& b) { return StoreOrderLess(a.unit, b.unit); });
  return list;
}

json PullListToJson(const PullList& list) {
  json units = json::array();
  for (const PullUnit& u : list.units) {
    json documents = json::array();
    for (const auto& hit : u.documents) {
      const auto& m = hit.doc.meta;
      documents.push_back(json{
          {"id", hit.id},
          {"number", m.number ? json(*m.number) : json(nullptr)},
          {"date", DateJson(m.date)},
          {"type", m.type ? json(*m.type) : json(nullptr)},
          {"title", m.title ? json(*m.title) : json(nullptr)},
          {"page_range", json::array({hit.doc.first_page, hit.doc.last_page})},
          {"pages", PageCount(hit.doc)},
          {"secrecy", m.secrecy ? json(catalog::SecrecyName(*m.secrecy)) : json(nullptr)},
          {"file", hit.doc.file},
      });
    }
    const search::UnitSummary* s = u.summary;
    units.push_back(json{
        {"code", Opt(u.unit.code)},
        {"title", Opt(u.unit.title)},
        {"fonds", Opt(u.unit.fonds)},
        {"inventory", Opt(u.unit.inventory)},
        {"box", Opt(u.unit.box)},
        {"date_from", s ? DateJson(s->earliest) : json(nullptr)},
        {"date_to", s ? DateJson(s->latest) : json(nullptr)},
        {"documents_in_unit", s ? json(s->documents) : json(nullptr)},
        {"pages_in_unit", s ? json(s->pages) : json(nullptr)},
        {"matching_documents", u.documents.size()},
        {"documents", std::move(documents)},
    });
  }
  return json{
      {"total_units", list.units.size()}, {"total_documents", list.total_documents}, {"units", std::move(units)}};
}

void WritePullListCsv(std::ostream& out, const PullList& list, search::Lang lang) {
  using search::Tr;
  auto t = [&](std::string_view vi, std::string_view en) { return std::string(Tr(lang, vi, en)); };
  search::WriteCsvRow(
      out, {t("STT", "no"), t("Phông", "fonds"), t("Mục lục", "inventory"), t("Hộp", "box"), t("Mã hồ sơ", "unit_code"),
            t("Tiêu đề hồ sơ", "unit_title"), t("Thời gian từ", "date_from"), t("Thời gian đến", "date_to"),
            t("Số, ký hiệu", "number"), t("Ngày", "date"), t("Loại", "type"), t("Trích yếu", "title"),
            t("Trang", "pages"), t("Độ mật", "secrecy")});
  int n = 0;
  for (const PullUnit& u : list.units) {
    ++n;
    const search::UnitSummary* s = u.summary;
    for (const auto& hit : u.documents) {
      const auto& m = hit.doc.meta;
      search::WriteCsvRow(
          out, {std::to_string(n), u.unit.fonds, u.unit.inventory, u.unit.box, u.unit.code, u.unit.title,
                s && s->earliest ? s->earliest->ToString() : "", s && s->latest ? s->latest->ToString() : "",
                m.number.value_or(""), m.date ? m.date->ToString() : "", m.type.value_or(""), m.title.value_or(""),
                std::to_string(PageCount(hit.doc)),
                m.secrecy ? catalog::SecrecyName(*m.secrecy) : t("không rõ", "unknown")});
    }
  }
}

}  // namespace luutru::serve
