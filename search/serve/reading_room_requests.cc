// The retrieval-request routes of the reading room (reading_room.h): requests kept in
// RequestsStore, shown and counted at the reader's clearance.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <sstream>

#include "catalog/model.h"
#include "search/output.h"
#include "search/serve/pull_list.h"
#include "search/serve/reading_room.h"
#include "search/serve/reading_room_internal.h"

namespace luutru::serve {
namespace {

using json = nlohmann::ordered_json;
using search::Lang;
using search::Tr;
using namespace room;

constexpr int kUnitListingLimit = 100000;

std::string Str(Lang lang, std::string_view vi, std::string_view en) { return std::string(Tr(lang, vi, en)); }

// The JSON body of a POST. Only application/json is taken: a page of another site cannot send it
// with the reader's credentials without the browser asking first (CORS), so no form elsewhere can
// change a request.
std::optional<json> Body(const httplib::Request& req, httplib::Response& res, Lang lang) {
  if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
    SendError(
        res, 415,
        Str(lang, "Cần gửi JSON (Content-Type: application/json).", "Send JSON (Content-Type: application/json)."));
    return std::nullopt;
  }
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    SendError(res, 400, Str(lang, "Nội dung gửi không phải JSON hợp lệ.", "The body is not valid JSON."));
    return std::nullopt;
  }
  return body;
}

std::string Field(const json& body, const char* name) {
  auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int64_t> RequestNumber(const httplib::Request& req) {
  const std::string text = req.matches[1].str();
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// The request numbered by route match 1; nullopt (404 sent) when there is none.
std::optional<RetrievalRequest> FindRequest(RequestsStore& store, const httplib::Request& req, httplib::Response& res,
                                            Lang lang) {
  auto r = RequestNumber(req) ? store.Get(*RequestNumber(req)) : std::nullopt;
  if (!r) SendError(res, 404, Str(lang, "Không có yêu cầu số ", "No request number ") + req.matches[1].str());
  return r;
}

// A YYYY-MM-DD parameter or field; empty when absent. nullopt (400 sent) when malformed.
std::optional<std::string> DayValue(const std::string& text, httplib::Response& res, Lang lang,
                                    std::string_view field) {
  if (text.empty()) return std::string();
  auto date = catalog::ParsePartialDate(text);
  if (!date || date->day == 0) {
    SendError(res, 400,
              Str(lang, "Ô «", "Field \"") + std::string(field) +
                  Str(lang, "» cần một ngày, ví dụ 2024-05-31: ", "\" needs a day such as 2024-05-31: ") + text);
    return std::nullopt;
  }
  return date->ToString();
}

// The `from` and `to` day parameters; nullopt (400 sent) when either is malformed.
std::optional<std::pair<std::string, std::string>> DayRange(const httplib::Request& req, httplib::Response& res,
                                                            Lang lang) {
  auto from = DayValue(Param(req, "from").value_or(""), res, lang, Tr(lang, "Từ ngày", "From"));
  if (!from) return std::nullopt;
  auto to = DayValue(Param(req, "to").value_or(""), res, lang, Tr(lang, "Đến ngày", "To"));
  if (!to) return std::nullopt;
  return std::pair{std::move(*from), std::move(*to)};
}

}  // namespace

// What one reader may see of a request: its visible items resolved against the catalogue.
struct ReadingRoom::ShownRequest {
  json body;
  uint64_t documents = 0, units = 0;
  bool handed_over = false;
  std::vector<int64_t> visible_items;
  std::vector<search::DocumentHit> hits;  // the documents of its document items
  std::vector<const search::UnitSummary*> unit_items;
};

bool ReadingRoom::MayKeepRequests(const httplib::Request& req, httplib::Response& res, Reader& reader) {
  auto r = Authenticate(req, res);
  if (!r) return false;
  const Lang lang = RequestLang(req);
  if (!requests_) {
    SendError(
        res, 404,
        Str(lang, "Phòng đọc này không lưu yêu cầu khai thác.", "This reading room keeps no retrieval requests."));
    return false;
  }
  if (!r->keeps_requests) {
    SendError(res, 403,
              Str(lang, "Bạn không có quyền quản lý yêu cầu khai thác (quyền khai-thac).",
                  "You may not keep retrieval requests (the khai-thac right)."));
    return false;
  }
  reader = *r;
  return true;
}

ReadingRoom::ShownRequest ReadingRoom::ShowRequest(const RetrievalRequest& r, const Reader& reader) {
  ShownRequest shown;
  const auto units = catalogue_.Get(reader.clearance);
  std::set<std::string> seen_units, unit_item_keys;
  for (const auto& item : r.items) {
    if (item.kind == ItemKind::kUnit) unit_item_keys.insert(item.ref);
  }
  std::set<std::string> hidden_refs;
  std::optional<decltype(pool_.Acquire())> searcher;  // one for all the document items, when there are some
  json items = json::array();
  bool all_returned = true, any = false;
  for (const auto& item : r.items) {
    json out{{"id", item.id}, {"kind", std::string(ItemKindName(item.kind))}};
    if (item.kind == ItemKind::kUnit) {
      auto it = units->find(item.ref);
      if (it == units->end()) {
        hidden_refs.insert(item.ref);
        continue;
      }
      const auto& u = it->second;
      out["code"] = u.unit.code;
      out["title"] = u.unit.title;
      out["box"] = u.unit.box.empty() ? json(nullptr) : json(u.unit.box);
      out["documents"] = u.documents;
      shown.documents += u.documents;
      seen_units.insert(item.ref);
      shown.unit_items.push_back(&u);
    } else {
      if (!searcher) searcher.emplace(pool_.Acquire());
      std::optional<search::DocumentHit> hit = (*searcher)->FindDocument(item.ref, reader.clearance);
      if (!hit) {
        hidden_refs.insert(item.ref);
        continue;
      }
      const auto& m = hit->doc.meta;
      const std::string unit_key = catalog::UnitKey(hit->doc.unit.code);
      out["document"] = hit->id;
      out["number"] = m.number ? json(*m.number) : json(nullptr);
      out["title"] = m.title ? json(*m.title) : json(nullptr);
      out["code"] = hit->doc.unit.code.empty() ? json(nullptr) : json(hit->doc.unit.code);
      out["box"] = hit->doc.unit.box.empty() ? json(nullptr) : json(hit->doc.unit.box);
      out["secrecy"] = m.secrecy ? json(catalog::SecrecyName(*m.secrecy)) : json(nullptr);
      if (!unit_item_keys.count(unit_key)) ++shown.documents;  // else counted with its unit
      if (!unit_key.empty()) seen_units.insert(unit_key);
      shown.hits.push_back(std::move(*hit));
    }
    auto opt = [](const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); };
    out["handed_over_at"] = opt(item.handed_over_at);
    out["handed_over_by"] = opt(item.handed_over_by);
    out["returned_at"] = opt(item.returned_at);
    out["returned_by"] = opt(item.returned_by);
    any = true;
    if (item.handed_over_at) shown.handed_over = true;
    if (!item.handed_over_at || !item.returned_at) all_returned = false;
    shown.visible_items.push_back(item.id);
    items.push_back(std::move(out));
  }
  shown.units = seen_units.size();
  json history = json::array();
  for (const auto& change : r.history) {
    // "unit KEY" / "document ID": a change to an item this reader may not see is not shown.
    const size_t space = change.detail.find(' ');
    if (change.action != "created" && space != std::string::npos &&
        hidden_refs.count(change.detail.substr(space + 1))) {
      continue;
    }
    history.push_back(
        json{{"at", change.at}, {"user", change.user}, {"action", change.action}, {"detail", change.detail}});
  }
  const char* status = !shown.handed_over ? "open" : (any && all_returned) ? "returned" : "handed_over";
  shown.body = json{{"id", r.id},
                    {"requester", r.fields.requester},
                    {"organisation", r.fields.organisation},
                    {"purpose", r.fields.purpose},
                    {"date", r.fields.date},
                    {"created_at", r.created_at},
                    {"created_by", r.created_by},
                    {"status", status},
                    {"units", shown.units},
                    {"documents", shown.documents},
                    {"items", std::move(items)},
                    {"history", std::move(history)}};
  return shown;
}

void ReadingRoom::MountRequests(httplib::Server& server) {
  // Every route here is for a reader with the khai-thac right: `handler(req, res, lang, reader)`
  // runs once MayKeepRequests has let them in, inside Guarded.
  auto keeper = [this](auto handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      Reader reader;
      if (!MayKeepRequests(req, res, reader)) return;
      Guarded(req, res, [&](Lang lang) { handler(req, res, lang, reader); });
    };
  };
  server.Post(
      "/api/requests",
      keeper([this](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
        auto body = Body(req, res, lang);
        if (!body) return;
        NewRequest fields{Field(*body, "requester"), Field(*body, "organisation"), Field(*body, "purpose"), {}};
        if (fields.requester.empty() || fields.purpose.empty()) {
          SendError(res, 400,
                    Str(lang, "Cần ghi «Người yêu cầu» và «Mục đích».", "\"Requester\" and \"Purpose\" are required."));
          return;
        }
        auto date = DayValue(Field(*body, "date"), res, lang, Tr(lang, "Ngày yêu cầu", "Date"));
        if (!date) return;
        fields.date = date->empty() ? NowUtc().substr(0, 10) : *date;
        const int64_t id = requests_->Create(fields, reader.name);
        SendJson(res, 201, ShowRequest(*requests_->Get(id), reader).body);
      }));
  server.Get("/api/requests",
             keeper([this](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
               const auto days = DayRange(req, res, lang);
               if (!days) return;
               json list = json::array();
               for (const auto& r : requests_->List(days->first, days->second)) {
                 json body = ShowRequest(r, reader).body;
                 body.erase("items");
                 body.erase("history");
                 list.push_back(std::move(body));
               }
               SendJson(res, 200, json{{"requests", std::move(list)}});
             }));
  server.Get(R"(/api/requests/(\d+))",
             keeper([this](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
               auto r = FindRequest(*requests_, req, res, lang);
               if (!r) return;
               SendJson(res, 200, ShowRequest(*r, reader).body);
             }));
  server.Post(
      R"(/api/requests/(\d+)/items)",
      keeper([this](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
        auto body = Body(req, res, lang);
        if (!body) return;
        auto r = FindRequest(*requests_, req, res, lang);
        if (!r) return;
        // A request holds only what its keeper may see: each item is resolved at their clearance.
        std::vector<std::pair<ItemKind, std::string>> items;
        {
          auto searcher = pool_.Acquire();
          for (const auto& code : body->value("units", json::array())) {
            if (!code.is_string()) continue;
            auto keys = searcher->ResolveUnit(code.get<std::string>(), reader.clearance);
            if (keys.empty()) {
              SendError(res, 400,
                        Str(lang, "Không có hồ sơ mang mã '", "No storage unit has the code '") +
                            code.get<std::string>() + "'.");
              return;
            }
            items.emplace_back(ItemKind::kUnit, keys.front());
          }
          for (const auto& id : body->value("documents", json::array())) {
            if (!id.is_string() || !searcher->FindDocument(id.get<std::string>(), reader.clearance)) {
              SendError(res, 400,
                        Str(lang, "Không có văn bản ", "No document ") + (id.is_string() ? id.get<std::string>() : ""));
              return;
            }
            items.emplace_back(ItemKind::kDocument, id.get<std::string>());
          }
        }
        const int added = requests_->AddItems(r->id, items, reader.name);
        json out = ShowRequest(*requests_->Get(r->id), reader).body;
        out["added"] = added;
        SendJson(res, 200, out);
      }));
  for (const bool returned : {false, true}) {
    server.Post(
        returned ? R"(/api/requests/(\d+)/return)" : R"(/api/requests/(\d+)/handover)",
        keeper([this, returned](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
          auto body = Body(req, res, lang);
          if (!body) return;
          auto r = FindRequest(*requests_, req, res, lang);
          if (!r) return;
          // Only items this reader sees can be marked.
          const ShownRequest shown = ShowRequest(*r, reader);
          std::vector<int64_t> ids;
          for (const auto& id : body->value("items", json::array())) {
            if (id.is_number_integer() &&
                std::count(shown.visible_items.begin(), shown.visible_items.end(), id.get<int64_t>())) {
              ids.push_back(id.get<int64_t>());
            }
          }
          if (!body->contains("items")) ids = shown.visible_items;
          const int changed = ids.empty() ? 0
                              : returned  ? requests_->MarkReturned(r->id, ids, reader.name)
                                          : requests_->MarkHandedOver(r->id, ids, reader.name);
          json out = ShowRequest(*requests_->Get(r->id), reader).body;
          out["changed"] = changed;
          SendJson(res, 200, out);
        }));
  }
  server.Get(R"(/api/requests/(\d+)/slip)",
             keeper([this](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
               auto r = FindRequest(*requests_, req, res, lang);
               if (!r) return;
               ShownRequest shown = ShowRequest(*r, reader);
               std::vector<search::DocumentHit> hits = std::move(shown.hits);
               std::set<std::string> ids;
               for (const auto& h : hits) ids.insert(h.id);
               for (const search::UnitSummary* u : shown.unit_items) {
                 search::SearchRequest listing;
                 listing.unit = u->unit.code;
                 listing.clearance = reader.clearance;
                 listing.limit = kUnitListingLimit;
                 search::SearchResponse response;
                 {
                   auto searcher = pool_.Acquire();
                   response = searcher->Search(listing);
                 }
                 for (auto& h : response.documents) {
                   if (ids.insert(h.id).second) hits.push_back(std::move(h));
                 }
               }
               for (const auto& h : hits) {
                 if (!LogViews(reader, req, h, std::nullopt, "request")) {
                   SendError(res, 500, Str(lang, "Không ghi được sổ truy cập.", "The access log cannot be written."));
                   return;
                 }
               }
               const auto units = catalogue_.Get(reader.clearance);
               json out = PullListToJson(BuildPullList(std::move(hits), *units));
               shown.body.erase("history");
               out["request"] = std::move(shown.body);
               SendJson(res, 200, out);
             }));
  server.Get("/api/requests-report",
             keeper([this](const httplib::Request& req, httplib::Response& res, Lang lang, const Reader& reader) {
               const std::string period = Param(req, "period").value_or("month");
               if (period != "month" && period != "year") {
                 SendError(res, 400,
                           Str(lang, "Kỳ báo cáo là tháng (month) hoặc năm (year).", "The period is month or year."));
                 return;
               }
               const auto days = DayRange(req, res, lang);
               if (!days) return;
               const std::string format = Param(req, "format").value_or("json");
               struct Row {
                 uint64_t requests = 0, handed_over = 0, documents = 0, units = 0;
               };
               std::map<std::string, Row> rows;
               Row total;
               for (const auto& r : requests_->List(days->first, days->second)) {
                 const ShownRequest shown = ShowRequest(r, reader);
                 Row& row = rows[r.fields.date.substr(0, period == "month" ? 7 : 4)];
                 for (Row* x : {&row, &total}) {
                   ++x->requests;
                   x->handed_over += shown.handed_over ? 1 : 0;
                   x->documents += shown.documents;
                   x->units += shown.units;
                 }
               }
               const std::vector<std::string> header = {
                   Str(lang, "Kỳ", "period"), Str(lang, "Số lượt yêu cầu", "requests"),
                   Str(lang, "Đã phục vụ", "served"), Str(lang, "Tài liệu", "documents"),
                   Str(lang, "Đơn vị bảo quản", "units")};
               auto cells = [](const std::string& name, const Row& x) {
                 return std::vector<std::string>{name, std::to_string(x.requests), std::to_string(x.handed_over),
                                                 std::to_string(x.documents), std::to_string(x.units)};
               };
               if (format == "csv") {
                 std::ostringstream csv;
                 search::WriteCsvRow(csv, header);
                 for (const auto& [name, x] : rows) search::WriteCsvRow(csv, cells(name, x));
                 search::WriteCsvRow(csv, cells(Str(lang, "Tổng", "total"), total));
                 res.set_header("Content-Disposition", "attachment; filename=\"bao-cao-khai-thac.csv\"");
                 res.set_header("Cache-Control", "no-store");
                 res.set_content("\xEF\xBB\xBF" + csv.str(), "text/csv; charset=utf-8");
                 return;
               }
               if (format != "json") {
                 SendError(res, 400, Str(lang, "Định dạng không hợp lệ: ", "Invalid format: ") + format);
                 return;
               }
               json list = json::array();
               auto row_json = [&](const std::string& name, const Row& x) {
                 return json{{"period", name},
                             {"requests", x.requests},
                             {"served", x.handed_over},
                             {"documents", x.documents},
                             {"units", x.units}};
               };
               for (const auto& [name, x] : rows) list.push_back(row_json(name, x));
               SendJson(res, 200,
                        json{{"period", period},
                             {"from", days->first.empty() ? json(nullptr) : json(days->first)},
                             {"to", days->second.empty() ? json(nullptr) : json(days->second)},
                             {"rows", std::move(list)},
                             {"total", row_json(Str(lang, "Tổng", "total"), total)}});
             }));
}

}  // namespace luutru::serve
