// The review page of the reading room: documents whose number, date, type or issuer is doubtful
// or unknown (search/review.h), each with the image of its header page, for an archivist with
// the khai-thac right to read and type the right values into the catalog CSV.
//
//   GET /review            the page (Vietnamese; English with ?lang=en), /review.js its script
//   GET /api/review        q and the filters of /api/search, limit (at most max_results), offset:
//                          {"total", "documents": [{"id", "file", "number", "number_confidence",
//                          "date", "date_confidence", "type", "issuer", "review": [...],
//                          "header_image": "/api/documents/{id}/pages/{n}.png"}]}
// A reader without the right gets 403; documents above the reader's clearance are absent, as in
// every answer of the reading room.
#include <charconv>
#include <string>

#include <nlohmann/json.hpp>

#include "search/review.h"
#include "search/serve/reading_room.h"
#include "search/serve/reading_room_internal.h"

namespace luutru::serve {
namespace {

using json = nlohmann::ordered_json;
using search::Lang;
using search::Tr;
using namespace room;

constexpr const char* kReviewHtml = R"(<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Kiểm tra số, ngày, loại, cơ quan ban hành</title>
<link rel="stylesheet" href="/app.css"></head>
<body><main>
<h1 id="heading">Văn bản cần kiểm tra</h1>
<p id="summary"></p>
<table id="review"><thead><tr><th id="h-image">Trang đầu</th><th id="h-fields">Đã đọc</th><th id="h-check">Cần kiểm tra</th></tr></thead>
<tbody></tbody></table>
</main><script src="/review.js"></script></body></html>
)";

// Lists /api/review with the header page of each document; text through textContent only.
constexpr const char* kReviewJs = R"(
(function () {
  var en = new URLSearchParams(location.search).get('lang') === 'en';
  var t = function (vi, e) { return en ? e : vi; };
  document.getElementById('heading').textContent = t('Văn bản cần kiểm tra', 'Documents to check');
  document.getElementById('h-image').textContent = t('Trang đầu', 'First page');
  document.getElementById('h-fields').textContent = t('Đã đọc', 'As read');
  document.getElementById('h-check').textContent = t('Cần kiểm tra', 'To check');
  var names = {number: t('số', 'number'), date: t('ngày', 'date'), type: t('loại', 'type'),
               issuer: t('cơ quan ban hành', 'issuer')};
  var unsure = {doubtful: t(' (chưa chắc)', ' (doubtful)'), partial: t(' (một phần)', ' (partial)')};
  fetch('/api/review' + location.search, {credentials: 'same-origin'}).then(function (r) {
    return r.json().then(function (body) { return {ok: r.ok, body: body}; });
  }).then(function (a) {
    var summary = document.getElementById('summary');
    if (!a.ok) { summary.textContent = a.body.error || ''; return; }
    summary.textContent = a.body.total + t(' văn bản cần kiểm tra.', ' documents to check.');
    var tbody = document.querySelector('#review tbody');
    a.body.documents.forEach(function (d) {
      var tr = document.createElement('tr');
      var img = document.createElement('img');
      img.src = d.header_image + '?dpi=60';
      img.alt = d.file;
      var cell = document.createElement('td');
      cell.appendChild(img);
      tr.appendChild(cell);
      var fields = document.createElement('td');
      [[t('Tệp', 'File'), d.file, null], [t('Số', 'Number'), d.number, d.number_confidence],
       [t('Ngày', 'Date'), d.date, d.date_confidence], [t('Loại', 'Type'), d.type, null],
       [t('Cơ quan', 'Issuer'), d.issuer, null]].forEach(function (f) {
        var line = document.createElement('div');
        line.textContent = f[0] + ': ' + (f[1] === null ? '—' : f[1]) + (f[2] && unsure[f[2]] ? unsure[f[2]] : '');
        fields.appendChild(line);
      });
      tr.appendChild(fields);
      var check = document.createElement('td');
      check.textContent = d.review.map(function (f) { return names[f] || f; }).join(', ');
      tr.appendChild(check);
      tbody.appendChild(tr);
    });
  });
})();
)";

// A whole number of at most 9 digits, -1 for anything else.
int Number(const std::string& text) {
  int n = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc() && end == text.data() + text.size() && text.size() <= 9 ? n : -1;
}

json Nullable(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
json ConfidenceJson(const std::optional<catalog::FieldConfidence>& c) {
  return c ? json(std::string(catalog::FieldConfidenceName(*c))) : json(nullptr);
}

}  // namespace

void ReadingRoom::MountReview(httplib::Server& server) {
  server.Get("/review", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReviewHtml, "text/html; charset=utf-8");
  });
  server.Get("/review.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kReviewJs, "text/javascript; charset=utf-8");
  });
  server.Get("/api/review", [this](const httplib::Request& req, httplib::Response& res) {
    auto reader = Authenticate(req, res);
    if (!reader) return;
    Guarded(req, res, [&](Lang lang) {
      if (!reader->keeps_requests) {
        SendError(res, 403,
                  std::string(Tr(lang, "Bạn không có quyền kiểm tra văn bản (quyền khai-thac).",
                                 "You may not check documents (the khai-thac right).")));
        return;
      }
      search::SearchRequest request = FiltersOf(req, reader->clearance);
      request.review = true;
      request.sort = search::SortOrder::kDefault;
      const int limit = Number(Param(req, "limit").value_or("20"));
      const int offset = Number(Param(req, "offset").value_or("0"));
      if (limit < 1 || limit > options_.max_results || offset < 0 || offset > options_.limits.max_offset ||
          req.get_param_value("q").size() > options_.limits.max_query_bytes) {
        SendError(res, 400, std::string(Tr(lang, "limit, offset hoặc q không hợp lệ.", "Invalid limit, offset or q.")));
        return;
      }
      request.limit = limit;
      request.offset = offset;
      search::SearchResponse response;
      {
        auto searcher = pool_.Acquire();
        response = searcher->Search(request);
      }
      json documents = json::array();
      for (const search::DocumentHit& hit : response.documents) {
        if (!LogViews(*reader, req, hit, std::nullopt, "review")) {
          SendError(res, 500,
                    std::string(Tr(lang, "Không ghi được sổ truy cập.", "The access log cannot be written.")));
          return;
        }
        const catalog::DocumentMetadata& m = hit.doc.meta;
        json review = json::array();
        for (const std::string& field : hit.review) review.push_back(field);
        documents.push_back(json{{"id", hit.id},
                                 {"file", hit.doc.file},
                                 {"number", Nullable(m.number)},
                                 {"number_confidence", ConfidenceJson(m.number_confidence)},
                                 {"date", m.date ? json(m.date->ToString()) : json(nullptr)},
                                 {"date_confidence", ConfidenceJson(m.date_confidence)},
                                 {"type", Nullable(m.type)},
                                 {"issuer", Nullable(m.issuer)},
                                 {"review", review},
                                 {"header_image", "/api/documents/" + httplib::detail::encode_query_param(hit.id) +
                                                      "/pages/" + std::to_string(hit.doc.first_page) + ".png"}});
      }
      SendJson(res, 200, json{{"total", response.total}, {"documents", documents}});
    });
  });
}

}  // namespace luutru::serve
