#include "search/serve/web_assets.h"

namespace luutru::serve {

std::string_view IndexHtml() {
  return R"luutru(<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu tài liệu lưu trữ</title>
<link rel="stylesheet" href="/app.css">
<link rel="stylesheet" href="/desk.css">
<script src="/app.js" defer></script>
<script src="/desk.js" defer></script>
</head>
<body>
<a class="skip" href="#ket-qua">Bỏ qua đến kết quả</a>
<header class="top">
  <h1><a href="#">Tra cứu tài liệu lưu trữ</a></h1>
  <nav class="nav" aria-label="Phòng đọc"><a href="#duyet">Danh mục</a><a href="#yeucau" id="nav-yeucau" hidden>Yêu cầu khai thác</a><a href="#baocao" id="nav-baocao" hidden>Báo cáo</a></nav>
  <div id="nguoi-dung" class="user" aria-live="polite"></div>
</header>
<form id="tim" class="search" role="search" autocomplete="off">
  <div class="row">
    <label for="q" class="sr">Từ khóa</label>
    <input id="q" name="q" type="search" placeholder="Nhập từ khóa, số ký hiệu… (gõ không dấu cũng được; phím /)" accesskey="s">
    <button type="submit">Tìm</button>
  </div>
  <fieldset class="filters">
    <legend class="sr">Bộ lọc</legend>
    <label>Loại văn bản
      <select name="type">
        <option value="">Tất cả</option>
        <option>Nghị quyết</option><option>Quyết định</option><option>Chỉ thị</option>
        <option>Kết luận</option><option>Quy chế</option><option>Quy định</option>
        <option>Thông báo</option><option>Hướng dẫn</option><option>Báo cáo</option>
        <option>Kế hoạch</option><option>Chương trình</option><option>Tờ trình</option>
        <option>Công văn</option><option>Biên bản</option><option>Đề án</option>
      </select>
    </label>
    <label>Từ năm <input name="from" inputmode="numeric" size="10" placeholder="2020"></label>
    <label>Đến năm <input name="to" inputmode="numeric" size="10" placeholder="2023"></label>
    <label>Số, ký hiệu <input name="number" size="14" placeholder="45-TB/TU"></label>
    <label>Hồ sơ <input name="unit" size="18" placeholder="ĐVBQ 345"></label>
    <label>Phông <input name="fonds" size="10" placeholder="Phông 12"></label>
    <label>Mục lục <input name="inventory" size="10" placeholder="Mục lục 01"></label>
    <label>Sắp xếp
      <select name="sort">
        <option value="">Phù hợp nhất</option>
        <option value="date">Ngày tăng dần</option>
        <option value="-date">Ngày giảm dần</option>
      </select>
    </label>
    <label>Mỗi trang
      <select name="per">
        <option value="">20</option><option>10</option><option>50</option><option>100</option>
      </select>
    </label>
    <label class="check"><input type="checkbox" name="group" value="unit"> Phiếu lấy hồ sơ (theo hồ sơ)</label>
    <label class="check"><input type="checkbox" name="loose" value="1"> Cả văn bản có đủ các từ nhưng nằm rời nhau</label>
  </fieldset>
</form>
<main id="ket-qua" tabindex="-1" aria-live="polite"></main>
<footer class="foot">Văn bản vượt quá mức được phép xem của bạn không hiển thị. Mọi lần xem văn bản mật đều được ghi sổ.</footer>
</body>
</html>
)luutru";
}

std::string_view AppCss() {
  return R"luutru(:root { --ink:#1d2330; --muted:#5b6475; --line:#d6dae2; --accent:#8a1c1c; --bg:#fbfaf7; --mark:#ffe27a; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.45 "Liberation Serif", "DejaVu Serif", serif; color:var(--ink); background:var(--bg); }
a { color:#1a4d8f; }
a:focus, button:focus, input:focus, select:focus, summary:focus { outline:3px solid #f0a500; outline-offset:2px; }
.sr { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
.skip { position:absolute; left:-999px; } .skip:focus { left:8px; top:8px; background:#fff; padding:4px; z-index:2; }
.top { display:flex; flex-wrap:wrap; justify-content:space-between; align-items:baseline; gap:8px;
       padding:10px 16px; border-bottom:3px double var(--accent); background:#fff; }
.top h1 { margin:0; font-size:1.3rem; } .top h1 a { color:var(--accent); text-decoration:none; }
.user { font-size:.9rem; color:var(--muted); }
.search { padding:12px 16px; background:#fff; border-bottom:1px solid var(--line); }
.search .row { display:flex; gap:8px; }
.search input[type=search] { flex:1; min-width:0; font-size:1.1rem; padding:8px; border:1px solid #9aa3b2; border-radius:4px; }
button, .button { font:inherit; padding:6px 14px; border:1px solid var(--accent); background:var(--accent); color:#fff;
                  border-radius:4px; cursor:pointer; text-decoration:none; display:inline-block; }
button.plain, .button.plain { background:#fff; color:var(--accent); }
.filters { border:0; margin:8px 0 0; padding:0; display:flex; flex-wrap:wrap; gap:8px 16px; font-size:.92rem; }
.filters label { display:flex; flex-direction:column; color:var(--muted); }
.filters label.check { flex-direction:row; align-items:center; gap:6px; color:var(--ink); }
.filters input, .filters select { font:inherit; padding:4px; border:1px solid #9aa3b2; border-radius:3px; color:var(--ink); }
main { padding:12px 16px 40px; max-width:1100px; }
.summary { color:var(--muted); margin:4px 0 12px; }
.hint { background:#fff6d6; border:1px solid #e8d28a; padding:8px; border-radius:4px; }
.error { background:#fde8e8; border:1px solid #e0a0a0; padding:8px; border-radius:4px; }
.hit { background:#fff; border:1px solid var(--line); border-radius:6px; padding:10px 12px; margin:0 0 10px; }
.hit h2, .hit h3 { margin:0 0 4px; font-size:1.05rem; }
.meta { display:flex; flex-wrap:wrap; gap:2px 14px; font-size:.92rem; color:var(--muted); }
.meta b { color:var(--ink); font-weight:600; }
.secret { color:#fff; background:var(--accent); padding:0 6px; border-radius:3px; font-size:.85rem; }
.snippet { margin:6px 0; }
mark { background:var(--mark); padding:0 1px; }
.thumbs { display:flex; flex-wrap:wrap; gap:8px; margin-top:6px; }
.thumbs a { display:block; text-align:center; font-size:.8rem; color:var(--muted); text-decoration:none; }
.thumbs img { display:block; width:160px; height:auto; border:1px solid var(--line); background:#fff; }
table { border-collapse:collapse; width:100%; background:#fff; font-size:.95rem; }
th, td { border:1px solid var(--line); padding:5px 7px; text-align:left; vertical-align:top; }
th { background:#f0ede6; }
.tools { display:flex; flex-wrap:wrap; gap:8px; margin:8px 0 12px; }
.pager { display:flex; gap:8px; margin:14px 0; }
.page { margin:16px 0; } .page img { max-width:100%; height:auto; border:1px solid var(--line); background:#fff; display:block; }
.page figcaption { color:var(--muted); font-size:.9rem; margin:4px 0; }
.page { overflow:auto; } .zoom button { padding:0 8px; margin-left:4px; }
details pre { white-space:pre-wrap; font:14px/1.4 "DejaVu Sans Mono", monospace; background:#fff; border:1px solid var(--line); padding:8px; }
.foot { font-size:.85rem; color:var(--muted); padding:8px 16px; border-top:1px solid var(--line); }
@media (max-width: 600px) {
  .filters label { flex:1 1 40%; } .filters input, .filters select { width:100%; }
  .filters label.check { flex:1 1 100%; } .filters label.check input { width:auto; }
  .responsive thead { display:none; } .responsive tr { display:block; border:1px solid var(--line); margin-bottom:8px; }
  .responsive td { display:block; border:0; } .responsive td::before { content:attr(data-label) ": "; color:var(--muted); }
}
@media print {
  .top .user, .search, .tools, .pager, .foot, .skip, .thumbs { display:none !important; }
  body { background:#fff; } main { padding:0; max-width:none; } a { color:inherit; text-decoration:none; }
  table { font-size:11pt; } .hit { break-inside:avoid; }
}
)luutru";
}

std::string_view AppJs() {
  return R"luutru('use strict';
// The reading room page: the state lives in the address (#tim?..., #hoso/..., #vanban/...), so
// the browser's Back key, bookmarks and printing all work.
(function () {
  const $ = (sel) => document.querySelector(sel);
  const main = () => $('#ket-qua');
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) =>
      ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  const PAGE_SIZES = [10, 20, 50, 100];
  const SECRET = {'mật': 1, 'tối mật': 1, 'tuyệt mật': 1};

  function showDate(d) {
    if (!d) return 'không ngày';
    const p = d.split('-');
    return p.length === 3 ? p[2] + '/' + p[1] + '/' + p[0] : p.length === 2 ? p[1] + '/' + p[0] : p[0];
  }
  // Under a "Hộp" label, the box without the "Hộp" the catalog may already write ("Hộp 79").
  function bareBox(b) { return String(b || '').normalize('NFC').replace(/^h[ộo]p\s*/i, ''); }
  window.LuutruPage = {$, esc, showDate};  // for desk.js
  function snippetHtml(s) {
    return esc(s).replace(/«/g, '<mark>').replace(/»/g, '</mark>');
  }
  function docLink(doc, q, page) {
    const p = new URLSearchParams();
    if (q) p.set('q', q);
    if (page) p.set('trang', page);
    const rest = p.toString();
    return '#vanban/' + encodeURIComponent(doc.id) + (rest ? '?' + rest : '');
  }
  function unitLink(unit) {
    return unit && unit.code ? '#hoso/' + encodeURIComponent(unit.code) : null;
  }
  function pageUrl(id, n, q, dpi) {
    return '/api/documents/' + encodeURIComponent(id) + '/pages/' + n + '.png?dpi=' + dpi +
           (q ? '&q=' + encodeURIComponent(q) : '');
  }
  async function getJson(url) {
    const res = await fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json', 'Accept-Language': 'vi'}});
    let body = null;
    try { body = await res.json(); } catch (e) { body = {error: 'Máy chủ trả lời không hợp lệ (' + res.status + ').'}; }
    if (!res.ok) {
      const e = new Error(body && body.error ? body.error : 'Lỗi ' + res.status);
      e.candidates = body && body.candidates;
      throw e;
    }
    return body;
  }
  // An ambiguous unit code offers its candidates as links.
  function fail(e) {
    const lines = String(e.message).split('\n');
    let html = '<p class="error" role="alert">' + esc(e.candidates ? lines[0] : e.message) + '</p>';
    if (e.candidates && e.candidates.length) {
      html += '<ul class="candidates">' + e.candidates.map((c) => '<li><a href="#hoso/' + encodeURIComponent(c.code) + '">' +
              esc(c.code) + '</a>' + (c.box ? ' · Hộp ' + esc(bareBox(c.box)) : '') + (c.title ? ' — ' + esc(c.title) : '') +
              '</li>').join('') + '</ul>';
    }
    main().innerHTML = html;
  }
  function metaHtml(doc, showUnit) {
    const parts = [];
    parts.push('<span>Số: <b>' + esc(doc.number || 'không số') + '</b></span>');
    parts.push('<span>Ngày: <b>' + esc(showDate(doc.date)) + '</b></span>');
    if (doc.type) parts.push('<span>Loại: <b>' + esc(doc.type) + '</b></span>');
    if (doc.issuer) parts.push('<span>Cơ quan: ' + esc(doc.issuer) + '</span>');
    if (showUnit && doc.unit) {
      const link = unitLink(doc.unit);
      parts.push('<span>Hồ sơ: ' + (link ? '<a href="' + link + '">' + esc(doc.unit.code) + '</a>' : 'không rõ') + '</span>');
      if (doc.unit.box) parts.push('<span>Hộp: <b>' + esc(bareBox(doc.unit.box)) + '</b></span>');
    }
    const pr = doc.page_range;
    parts.push('<span>Tr. ' + (pr[0] === pr[1] ? pr[0] : pr[0] + '–' + pr[1]) + '</span>');
    if (doc.secrecy == null) parts.push('<span class="secret">độ mật không rõ</span>');
    else if (SECRET[doc.secrecy]) parts.push('<span class="secret">' + esc(doc.secrecy) + '</span>');
    if (doc.ocr) parts.push('<span>bản quét (OCR)</span>');
    return '<div class="meta">' + parts.join('') + '</div>';
  }
  function heading(doc) {
    const t = doc.title || '';
    if (!t) return doc.type ? doc.type + ' ' + (doc.number || '') : doc.file;
    if (!doc.type || t.toLowerCase().startsWith(doc.type.toLowerCase())) return t;
    return doc.type + ' ' + (/^Về\s/.test(t) ? 'v' + t.slice(1) : t);
  }
  function hitHtml(doc, q, level) {
    let html = '<article class="hit"><h' + level + '><a href="' + docLink(doc, q) + '">' +
               esc(heading(doc)) + '</a></h' + level + '>' + metaHtml(doc, true);
    if (doc.snippet) html += '<p class="snippet">' + snippetHtml(doc.snippet) + '</p>';
    if (doc.pages && doc.pages.length) {
      html += '<div class="thumbs" aria-label="Trang khớp">';
      for (const n of doc.pages.slice(0, 8)) {
        html += '<a href="' + docLink(doc, q, n) + '"><img loading="lazy" alt="Trang ' + n + '" src="' +
                pageUrl(doc.id, n, q, 40) + '">tr. ' + n + '</a>';
      }
      html += '</div>';
    }
    return html + '</article>';
  }
  function hintsHtml(r) {
    const hints = [];
    if (r.unit_not_found) hints.push('Không có hồ sơ nào mang mã này.');
    if (r.suggestion) hints.push('Có phải bạn muốn tìm: <a href="#tim?q=' + encodeURIComponent(r.suggestion) + '">' +
                                 esc(r.suggestion) + '</a>?');
    const FIELD = {'--type': 'Loại văn bản', '--from': 'Từ năm', '--to': 'Đến năm', '--number': 'Số, ký hiệu', '--unit': 'Hồ sơ',
                   '--fonds': 'Phông', '--inventory': 'Mục lục'};
    for (const f of r.blocking_filters || []) hints.push('Bộ lọc «' + esc(FIELD[f] || f) + '» đã loại hết kết quả.');
    return hints.length ? '<p class="hint">' + hints.join('<br>') + '</p>' : '';
  }

  function formParams() {
    const form = $('#tim');
    const p = new URLSearchParams();
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') { if (el.checked) p.set(el.name, el.value); continue; }
      if (el.value.trim()) p.set(el.name, el.value.trim());
    }
    return p;
  }
  function fillForm(p) {
    for (const el of $('#tim').elements) {
      if (!el.name) continue;
      if (el.type === 'checkbox') el.checked = p.get(el.name) === el.value;
      else el.value = p.get(el.name) || '';
    }
  }

  async function showSearch(p) {
    fillForm(p);
    const PAGE_SIZE = PAGE_SIZES.includes(parseInt(p.get('per'), 10)) ? parseInt(p.get('per'), 10) : 20;
    const offset = parseInt(p.get('offset') || '0', 10) || 0;
    const api = new URLSearchParams(p);
    api.set('limit', PAGE_SIZE);
    api.set('offset', offset);
    main().innerHTML = '<p class="summary">Đang tìm…</p>';
    const r = await getJson('/api/search?' + api);
    const grouped = p.get('group') === 'unit';
    const q = p.get('q') || '';
    // The words tier (match "words") holds every word, not the words as typed: said plainly.
    const what = grouped ? ' hồ sơ' : ' văn bản';
    const loose = (r.total_loose_is_estimate ? 'khoảng ' : '') + r.total_loose +
                  (grouped ? ' hồ sơ' + (r.total ? ' khác' : '') + ' có văn bản đủ các từ nhưng nằm rời nhau'
                           : ' văn bản' + (r.total ? ' khác' : '') + ' có đủ các từ nhưng nằm rời nhau');
    const words = r.results.filter((x) => x.match === 'words');
    const phrase = r.results.filter((x) => x.match !== 'words');
    let html = '<p class="summary">' +
               (r.total === 0 && words.length ? 'Không có' + what + ' nào chứa liền «' + esc(q) + '»; ' + esc(loose) + ':'
                                              : (r.total_is_estimate ? 'Khoảng ' : 'Tìm thấy ') + r.total + what + '.' +
                                                (r.total_loose && !words.length && p.get('loose') !== '1'
                                                     ? ' ' + esc(loose) + ' (chọn «Cả văn bản có đủ các từ…»).' : '')) +
               '</p>';
    if (r.total === 0) html += hintsHtml(r);
    const unitTable = (units) => {
      let t = '<table class="responsive"><thead><tr><th>STT</th><th>Hồ sơ</th><th>Tiêu đề hồ sơ</th>' +
              '<th>Hộp</th><th>Số văn bản khớp</th><th>Văn bản tiêu biểu</th></tr></thead><tbody>';
      for (const u of units) {
        const link = unitLink(u.unit);
        const docs = u.documents.map((d) => '<a href="' + docLink(d, q) + '">' + esc(d.number || d.title || d.file) +
                                            '</a> (' + esc(showDate(d.date)) + ')').join('<br>');
        t += '<tr><td data-label="STT">' + u.rank + '</td><td data-label="Hồ sơ">' +
                (link ? '<a href="' + link + '">' + esc(u.unit.code) + '</a>' : 'không rõ') +
                '</td><td data-label="Tiêu đề">' + esc(u.unit.title || '') + '</td><td data-label="Hộp">' +
                esc(bareBox(u.unit.box)) + '</td><td data-label="Khớp">' + u.matching_documents + '</td><td data-label="Văn bản">' +
                docs + '</td></tr>';
      }
      return t + '</tbody></table>';
    };
    if (grouped && phrase.length) {
      // The pull slip and its CSV hold every unit of the answer (never the words tier), in store order.
      const csv = new URLSearchParams(p);
      csv.delete('offset'); csv.delete('group'); csv.delete('sort'); csv.delete('loose'); csv.set('format', 'csv');
      const slip = new URLSearchParams(p);
      for (const k of ['offset', 'group', 'sort', 'loose']) slip.delete(k);
      html += '<div class="tools"><a class="button plain" id="phieu" href="#phieu?' + slip + '">In phiếu lấy hồ sơ (' + r.total + ' hồ sơ)</a>' +
              '<a class="button plain" href="/api/pull-list?' + csv + '" download="phieu-lay-ho-so.csv">Xuất CSV</a></div>';
      html += '<h2>Phiếu lấy hồ sơ</h2>' + unitTable(phrase);
    } else if (!grouped) {
      for (const d of phrase) html += hitHtml(d, q, 2);
    }
    if (words.length) {
      if (r.total) html += '<h2>' + esc(loose) + '</h2>';
      if (grouped) html += unitTable(words);
      else for (const d of words) html += hitHtml(d, q, 2);
    }
    // Numbered pages: the first, the last and those near the current one.
    const pages = [];
    const shownTotal = r.total + (words.length || p.get('loose') === '1' ? r.total_loose : 0);
    const count = Math.ceil(shownTotal / PAGE_SIZE), current = Math.floor(offset / PAGE_SIZE);
    const link = (n, label, cls) => {
      const to = new URLSearchParams(p); to.set('offset', n * PAGE_SIZE);
      return '<a class="button ' + cls + '" href="#tim?' + to + '"' + (n === current ? ' aria-current="page"' : '') + '>' + label + '</a>';
    };
    if (current > 0) pages.push(link(current - 1, '← Trước', 'plain'));
    for (let n = 0; n < count; ++n) {
      if (n === 0 || n === count - 1 || Math.abs(n - current) <= 2) pages.push(link(n, String(n + 1), n === current ? '' : 'plain'));
      else if (Math.abs(n - current) === 3) pages.push('<span>…</span>');
    }
    if (current + 1 < count) pages.push(link(current + 1, 'Sau →', 'plain'));
    if (count <= 1) pages.length = 0;
    if (pages.length) html += '<nav class="pager" aria-label="Trang kết quả">' + pages.join('') + '</nav>';
    main().innerHTML = html;
    const print = $('#in');
    if (print) print.addEventListener('click', () => window.print());
  }

  async function showUnit(code) {
    main().innerHTML = '<p class="summary">Đang tải hồ sơ…</p>';
    const r = await getJson('/api/units/' + encodeURIComponent(code));
    const u = r.unit;
    let html = '<h2>Hồ sơ ' + esc(u.code) + '</h2><div class="meta">' +
               (u.title ? '<span>Tiêu đề: <b>' + esc(u.title) + '</b></span>' : '') +
               (u.fonds ? '<span>' + esc(u.fonds) + '</span>' : '') +
               (u.inventory ? '<span>' + esc(u.inventory) + '</span>' : '') +
               '<span>Hộp: <b>' + esc(bareBox(u.box) || 'không rõ') + '</b></span><span>' + r.total + ' văn bản</span></div>';
    html += '<div class="tools"><button type="button" class="plain" id="in">In mục lục văn bản</button></div>';
    html += '<table class="responsive"><thead><tr><th>STT</th><th>Số, ký hiệu</th><th>Ngày</th><th>Loại</th><th>Trích yếu</th>' +
            '<th>Tệp, trang</th></tr></thead><tbody>';
    r.documents.forEach((d, i) => {
      const pr = d.page_range;
      html += '<tr><td data-label="STT">' + (i + 1) + '</td><td data-label="Số">' + esc(d.number || '') +
              (d.secrecy !== 'thường' ? ' <span class="secret">' + esc(d.secrecy || 'độ mật không rõ') + '</span>' : '') +
              '</td><td data-label="Ngày">' + esc(showDate(d.date)) + '</td><td data-label="Loại">' + esc(d.type || '') +
              '</td><td data-label="Trích yếu"><a href="' + docLink(d, '') + '">' + esc(d.title || d.file) + '</a></td>' +
              '<td data-label="Tệp">' + esc(d.file) + ', tr. ' + (pr[0] === pr[1] ? pr[0] : pr[0] + '–' + pr[1]) + '</td></tr>';
    });
    main().innerHTML = html + '</tbody></table>';
    $('#in').addEventListener('click', () => window.print());
  }

  async function showDocument(id, p) {
    const q = p.get('q') || '';
    main().innerHTML = '<p class="summary">Đang tải văn bản…</p>';
    const d = await getJson('/api/documents/' + encodeURIComponent(id));
    const SOURCE = {text: 'lớp chữ của PDF', legacy: 'phông cũ đã chuyển mã', ocr: 'nhận dạng chữ (OCR)', none: 'không có chữ'};
    let html = '<article><h2>' + esc(d.title || d.file) + '</h2>' + metaHtml(d, true) +
               '<p class="meta"><span>Tệp: ' + esc(d.file) + '</span> <a class="button plain" id="tai-pdf" href="/api/documents/' +
               encodeURIComponent(d.id) + '/file">Tải PDF</a></p>';
    if (q) html += '<p class="summary">Đánh dấu: <mark>' + esc(q) + '</mark></p>';
    for (const pg of d.page_sources) {
      const conf = pg.ocr_confidence != null ? ', độ tin cậy ' + Math.round(pg.ocr_confidence) + '%' : '';
      html += '<figure class="page" id="trang-' + pg.page + '"><figcaption>Trang ' + pg.page + ' — ' +
              esc(SOURCE[pg.source] || pg.source) + conf + ' <span class="zoom" data-page="' + pg.page + '">' +
              '<button type="button" class="plain" data-act="in" aria-label="Phóng to">+</button>' +
              '<button type="button" class="plain" data-act="out" aria-label="Thu nhỏ">−</button>' +
              '<button type="button" class="plain" data-act="rot" aria-label="Xoay">⟳</button></span>' +
              '</figcaption><img loading="lazy" alt="Trang ' + pg.page +
              '" src="' + pageUrl(d.id, pg.page, q, 110) + '"><details><summary>Chữ của trang ' + pg.page +
              '</summary><pre>' + esc(pg.text) + '</pre></details></figure>';
    }
    main().innerHTML = html + '</article>';
    // Zoom (a sharper image past 100%) and rotation, per page.
    main().querySelectorAll('.zoom button').forEach((b) => b.addEventListener('click', () => {
      const fig = b.closest('figure'), img = fig.querySelector('img');
      const n = b.parentNode.dataset.page;
      let zoom = parseFloat(img.dataset.zoom || '1'), turn = parseInt(img.dataset.turn || '0', 10);
      if (b.dataset.act === 'in') zoom = Math.min(3, zoom * 1.5);
      if (b.dataset.act === 'out') zoom = Math.max(0.5, zoom / 1.5);
      if (b.dataset.act === 'rot') turn = (turn + 90) % 360;
      img.dataset.zoom = zoom; img.dataset.turn = turn;
      img.style.maxWidth = 'none';
      img.style.width = (zoom * 100) + '%';
      img.style.transform = turn ? 'rotate(' + turn + 'deg)' : '';
      if (zoom > 1) img.src = pageUrl(d.id, n, q, Math.min(200, Math.round(110 * zoom)));
    }));
    const target = p.get('trang');
    if (target) {
      const fig = document.getElementById('trang-' + target);
      if (fig) fig.scrollIntoView();
    }
  }

  async function route() {
    const hash = location.hash.slice(1);
    const qpos = hash.indexOf('?');
    const path = qpos < 0 ? hash : hash.slice(0, qpos);
    const p = new URLSearchParams(qpos < 0 ? '' : hash.slice(qpos + 1));
    try {
      if (path.startsWith('hoso/')) await showUnit(decodeURIComponent(path.slice(5)));
      else if (path.startsWith('vanban/')) await showDocument(decodeURIComponent(path.slice(7)), p);
      else if (window.LuutruDesk && path !== 'tim' && await window.LuutruDesk.route(path, p)) return;
      else if (path === 'tim' && [...p.keys()].some((k) => !['offset', 'group', 'sort', 'per'].includes(k))) await showSearch(p);
      else main().innerHTML = '<p class="summary">Nhập từ khóa (có dấu hoặc không dấu), số ký hiệu văn bản hoặc mã hồ sơ rồi nhấn Enter.</p>';
    } catch (e) {
      fail(e);
    }
  }

  async function showUser() {
    try {
      const me = await getJson('/api/whoami');
      const levels = {'thường': 'thường', 'mật': 'mật', 'tối mật': 'tối mật', 'tuyệt mật': 'tuyệt mật'};
      $('#nav-yeucau').hidden = $('#nav-baocao').hidden = !me.may_keep_requests;
      $('#nguoi-dung').innerHTML = me.user
          ? 'Người đọc: <b>' + esc(me.user) + '</b> · mức xem: ' + esc(levels[me.clearance] || me.clearance) +
            ' · <button type="button" class="plain" id="dang-xuat">Đăng xuất</button>'
          : 'Khách (mức xem: thường) · <a href="/login">Đăng nhập</a>';
      const out = $('#dang-xuat');
      if (out) out.addEventListener('click', signOut);
    } catch (e) {
      $('#nguoi-dung').textContent = e.message;
    }
  }
  // HTTP Basic credentials cannot be forgotten by a script, only replaced: /logout refuses the
  // reader's and accepts the signed-out ones ("-"), which the browser then keeps and the server
  // reads as an anonymous reader. The page is shown again as a guest sees it.
  function signOut() {
    const x = new XMLHttpRequest();
    x.open('GET', '/logout', true, '-', 'dang-xuat');
    x.onloadend = () => { showUser(); route(); };
    x.send();
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('#tim').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const target = '#tim?' + formParams();
      if (location.hash === target) route(); else location.hash = target;
      main().focus();
    });
    document.addEventListener('keydown', (ev) => {
      const tag = (ev.target.tagName || '').toLowerCase();
      if (ev.key === '/' && tag !== 'input' && tag !== 'textarea' && tag !== 'select') {
        ev.preventDefault();
        $('#q').focus();
      }
    });
    // Filters apply at once; the words apply on Enter or "Tìm".
    $('#tim').addEventListener('change', (ev) => {
      if (ev.target.name && ev.target.name !== 'q') $('#tim').requestSubmit();
    });
    window.addEventListener('hashchange', route);
    showUser();
    route();
  });
})();
)luutru";
}

}  // namespace luutru::serve
