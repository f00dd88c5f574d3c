// The archivist's desk of the reading room page: browsing the holdings, the printed pull slip,
// retrieval requests and their report. Loaded after app.js, whose helpers it uses and whose router
// hands it the routes it knows.
#include "search/serve/web_assets.h"

namespace luutru::serve {

std::string_view DeskCss() {
  return R"luutru(.tree details { margin:2px 0 2px 14px; } .tree summary { cursor:pointer; }
.tree .count { color:var(--muted); font-size:.9rem; }
.slip-head { text-align:center; margin:0 0 10px; } .slip-head h2 { margin:4px 0; letter-spacing:.04em; }
.slip-meta { display:grid; grid-template-columns:max-content 1fr; gap:2px 10px; margin:0 0 10px; }
.slip-meta input { font:inherit; width:100%; border:0; border-bottom:1px dotted #777; background:transparent; }
table.slip td.docs { padding:0; } table.slip td.docs table { border:0; } table.slip td.docs td { border-width:0 0 1px 0; font-size:.9rem; }
.sign { display:flex; justify-content:space-around; margin-top:28px; text-align:center; }
.sign div { min-width:30%; } .sign p { margin:0 0 60px; font-weight:600; }
.status-open { color:#1a4d8f; } .status-handed_over { color:var(--accent); } .status-returned { color:#2d6a2d; }
.desk-form { display:grid; grid-template-columns:max-content minmax(0, 28rem); gap:6px 10px; align-items:center; margin:8px 0 14px; }
.desk-form input { font:inherit; padding:4px; }
.nav { display:flex; gap:12px; flex-wrap:wrap; font-size:.95rem; }
@media print {
  @page { size:A4; margin:15mm 12mm; }
  .nav, .desk-tools, .desk-form { display:none !important; }
  table.slip { font-size:10.5pt; } table.slip thead { display:table-header-group; }
  table.slip tbody.unit, table.slip tr { break-inside:avoid; page-break-inside:avoid; }
  .slip-meta input { border:0; }
}
)luutru";
}

std::string_view DeskJs() {
  return R"luutru('use strict';
// Browsing, pull slips, retrieval requests and their report (#duyet, #phieu?…, #yeucau…, #baocao…).
(function () {
  const {$, esc, showDate} = window.LuutruPage;  // app.js
  const main = () => $('#ket-qua');
  const SECRET = {'mật': 1, 'tối mật': 1, 'tuyệt mật': 1};
  const STATUS = {open: 'Chưa giao', handed_over: 'Đã giao', returned: 'Đã trả đủ'};
  const ACTION = {created: 'Tạo yêu cầu', added: 'Thêm', handed_over: 'Giao', returned: 'Nhận lại'};

  function span(a, b) { return !a && !b ? 'không rõ' : a === b ? showDate(a) : showDate(a) + ' – ' + showDate(b); }
  // The catalog may already write "Hộp 79": never "Hộp Hộp 79".
  function box(b) { return !b ? 'không rõ' : /^h[ộo]p\b/i.test(b.normalize('NFC')) ? b : 'Hộp ' + b; }
  function secrecy(s) { return s == null ? '<span class="secret">độ mật không rõ</span>' : SECRET[s] ? '<span class="secret">' + esc(s) + '</span>' : ''; }
  function unitLink(code) { return '#hoso/' + encodeURIComponent(code); }
  function nowText() {
    const d = new Date(), z = (n) => String(n).padStart(2, '0');
    return z(d.getHours()) + ':' + z(d.getMinutes()) + ' ngày ' + z(d.getDate()) + '/' + z(d.getMonth() + 1) + '/' + d.getFullYear();
  }
  async function call(method, url, body) {
    const opts = {method, credentials: 'same-origin', headers: {'Accept': 'application/json', 'Accept-Language': 'vi'}};
    if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
    const res = await fetch(url, opts);
    let out = null;
    try { out = await res.json(); } catch (e) { out = {error: 'Máy chủ trả lời không hợp lệ (' + res.status + ').'}; }
    if (!res.ok) throw new Error(out && out.error ? out.error : 'Lỗi ' + res.status);
    return out;
  }
  let me = null;
  async function whoami() { if (!me) me = await call('GET', '/api/whoami'); return me; }

  async function showBrowse() {
    main().innerHTML = '<p class="summary">Đang tải danh mục…</p>';
    const r = await call('GET', '/api/browse');
    let html = '<h2>Danh mục hồ sơ lưu trữ</h2><p class="summary">Chọn phông, mục lục hoặc hồ sơ; hoặc nhập từ khóa ở trên.</p><div class="tree">';
    for (const f of r.fonds) {
      const fq = new URLSearchParams(); if (f.name) fq.set('fonds', f.name);
      html += '<details class="fonds" open><summary><b>' + esc(f.name || 'Không rõ phông') + '</b> <span class="count">' +
              f.inventories_count + ' mục lục · ' + f.units_count + ' hồ sơ · ' + f.documents + ' văn bản · ' +
              span(f.date_from, f.date_to) + '</span> <a href="#tim?' + fq + '">tìm trong phông</a></summary>';
      for (const inv of f.inventories) {
        const iq = new URLSearchParams(fq); if (inv.name) iq.set('inventory', inv.name);
        html += '<details class="inventory"><summary>' + esc(inv.name || 'Không rõ mục lục') + ' <span class="count">' +
                inv.units_count + ' hồ sơ · ' + inv.documents + ' văn bản · ' + inv.pages + ' trang · ' +
                span(inv.date_from, inv.date_to) + '</span> <a href="#tim?' + iq + '">tìm trong mục lục</a></summary>' +
                '<table class="responsive"><thead><tr><th>Hộp</th><th>Hồ sơ</th><th>Tiêu đề</th><th>Thời gian</th><th>Văn bản</th><th>Trang</th></tr></thead><tbody>';
        for (const u of inv.units) {
          html += '<tr><td data-label="Hộp">' + esc(box(u.box)) + '</td><td data-label="Hồ sơ">' +
                  (u.code ? '<a href="' + unitLink(u.code) + '">' + esc(u.code) + '</a>' : 'không rõ') + '</td><td data-label="Tiêu đề">' +
                  esc(u.title || '') + '</td><td data-label="Thời gian">' + esc(span(u.date_from, u.date_to)) +
                  '</td><td data-label="Văn bản">' + u.documents + '</td><td data-label="Trang">' + u.pages + '</td></tr>';
        }
        html += '</tbody></table></details>';
      }
      html += '</details>';
    }
    main().innerHTML = html + '</div>';
    examples(r);
  }
  // The search form's examples are codes this reader may find: the first fonds, inventory and
  // unit of the holdings (a unit by its last part, as a reader types it).
  function examples(r) {
    const f = r.fonds.find((x) => x.name), inv = f && f.inventories.find((x) => x.name);
    const u = inv && inv.units.find((x) => x.code);
    const set = (name, value) => { const el = document.querySelector('#tim [name=' + name + ']'); if (el && value) el.placeholder = value; };
    if (f) set('fonds', f.name);
    if (inv) set('inventory', inv.name);
    if (u) set('unit', u.code.split('/').pop().trim());
  }

  function describe(p) {
    const names = {q: 'Từ khóa', number: 'Số, ký hiệu', unit: 'Hồ sơ', type: 'Loại', from: 'Từ', to: 'Đến', fonds: 'Phông', inventory: 'Mục lục'};
    const parts = [];
    for (const k of Object.keys(names)) if (p.get(k)) parts.push(names[k] + ': ' + p.get(k));
    return parts.join('; ');
  }
  // The slip: every unit in store order, one <tbody> per unit so no unit splits across pages.
  function slipHtml(r, request, heading) {
    let html = '<div class="slip-head"><div>PHÒNG ĐỌC LƯU TRỮ</div><h2>PHIẾU LẤY HỒ SƠ</h2></div><div class="slip-meta">' +
               heading + '<span>Thời gian lập:</span><span id="phieu-thoi-gian">' + esc(nowText()) + '</span>' +
               '<span>Người lập:</span><span id="phieu-nguoi">' + esc(me && me.user ? me.user : 'khách') + '</span>' +
               '<span>Số hồ sơ:</span><span id="phieu-so">' + r.total_units + ' hồ sơ, ' + r.total_documents + ' văn bản</span></div>';
    html += '<table class="slip"><thead><tr><th>STT</th><th>Hộp</th><th>Hồ sơ</th><th>Tiêu đề hồ sơ</th><th>Thời gian</th><th>Văn bản</th></tr></thead>';
    r.units.forEach((u, i) => {
      let docs = '<table>';
      for (const d of u.documents) {
        docs += '<tr><td>' + esc(d.number || 'không số') + ' ' + secrecy(d.secrecy) + '</td><td>' + esc(showDate(d.date)) +
                '</td><td>' + esc(d.type || '') + '</td><td>' + esc(d.title || d.file) + '</td><td>' + d.pages + ' tr.</td></tr>';
      }
      docs += '</table>';
      html += '<tbody class="unit"><tr data-code="' + esc(u.code || '') + '"><td>' + (i + 1) + '</td><td>' + esc(box(u.box)) +
              '</td><td>' + esc(u.code || 'không rõ') + '</td><td>' + esc(u.title || '') + '</td><td>' +
              esc(span(u.date_from, u.date_to)) + '</td><td class="docs">' + docs + '</td></tr></tbody>';
    });
    html += '</table><div class="sign"><div><p>Người yêu cầu</p></div><div><p>Người giao hồ sơ</p></div></div>';
    return html;
  }

  async function showSlip(p) {
    await whoami();
    const api = new URLSearchParams(p);
    api.delete('muc-dich');
    main().innerHTML = '<p class="summary">Đang lập phiếu…</p>';
    const r = await call('GET', '/api/pull-list?' + api);
    const csv = new URLSearchParams(api); csv.set('format', 'csv');
    let html = '<div class="desk-tools tools"><button type="button" id="in-phieu">In phiếu</button>' +
               '<a class="button plain" href="/api/pull-list?' + csv + '" download="phieu-lay-ho-so.csv">Xuất CSV</a></div>';
    if (me.may_keep_requests) {
      html += '<form id="them-vao" class="desk-form desk-tools"><label for="yc-so">Thêm cả phiếu vào yêu cầu số</label>' +
              '<span><input id="yc-so" name="so" inputmode="numeric" size="6" required> <button type="submit">Thêm</button></span></form>';
    }
    html += slipHtml(r, null, '<span>Yêu cầu tra cứu:</span><span>' + esc(describe(p)) + '</span>' +
                     '<span>Mục đích:</span><span><input id="muc-dich" aria-label="Mục đích" value="' + esc(p.get('muc-dich') || '') + '"></span>');
    main().innerHTML = html;
    $('#in-phieu').addEventListener('click', () => window.print());
    const form = $('#them-vao');
    if (form) form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const units = r.units.filter((u) => u.code).map((u) => u.code);
        const docs = [];
        for (const u of r.units) if (!u.code) for (const d of u.documents) docs.push(d.id);
        const n = $('#yc-so').value.trim();
        await call('POST', '/api/requests/' + encodeURIComponent(n) + '/items', {units, documents: docs});
        location.hash = '#yeucau/' + n;
      } catch (e) { alert(e.message); }
    });
  }

  async function showRequests() {
    const r = await call('GET', '/api/requests');
    const today = new Date().toISOString().slice(0, 10);
    let html = '<h2>Yêu cầu khai thác</h2><form id="yc-moi" class="desk-form">' +
               '<label for="yc-nguoi">Người yêu cầu</label><input id="yc-nguoi" name="requester" required>' +
               '<label for="yc-coquan">Cơ quan, đơn vị</label><input id="yc-coquan" name="organisation">' +
               '<label for="yc-mucdich">Mục đích</label><input id="yc-mucdich" name="purpose" required>' +
               '<label for="yc-ngay">Ngày yêu cầu</label><input id="yc-ngay" name="date" type="date" value="' + today + '">' +
               '<span></span><span><button type="submit" id="yc-tao">Tạo yêu cầu</button></span></form>';
    html += '<table class="responsive" id="ds-yeu-cau"><thead><tr><th>Số</th><th>Ngày</th><th>Người yêu cầu</th><th>Cơ quan</th><th>Mục đích</th>' +
            '<th>Hồ sơ</th><th>Văn bản</th><th>Tình trạng</th></tr></thead><tbody>';
    for (const q of r.requests) {
      html += '<tr><td data-label="Số"><a href="#yeucau/' + q.id + '">' + q.id + '</a></td><td data-label="Ngày">' + esc(showDate(q.date)) +
              '</td><td data-label="Người yêu cầu">' + esc(q.requester) + '</td><td data-label="Cơ quan">' + esc(q.organisation) +
              '</td><td data-label="Mục đích">' + esc(q.purpose) + '</td><td data-label="Hồ sơ">' + q.units + '</td><td data-label="Văn bản">' +
              q.documents + '</td><td data-label="Tình trạng" class="status-' + q.status + '">' + STATUS[q.status] + '</td></tr>';
    }
    main().innerHTML = html + '</tbody></table><p><a href="#baocao">Báo cáo khai thác theo kỳ</a></p>';
    $('#yc-moi').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const f = ev.target;
      try {
        const q = await call('POST', '/api/requests', {requester: f.requester.value, organisation: f.organisation.value,
                                                        purpose: f.purpose.value, date: f.date.value});
        location.hash = '#yeucau/' + q.id;
      } catch (e) { alert(e.message); }
    });
  }

  async function showRequest(id) {
    const q = await call('GET', '/api/requests/' + id);
    let html = '<h2>Yêu cầu khai thác số <span id="yc-id">' + q.id + '</span></h2><div class="meta">' +
               '<span>Người yêu cầu: <b>' + esc(q.requester) + '</b></span><span>Cơ quan: ' + esc(q.organisation) + '</span>' +
               '<span>Mục đích: ' + esc(q.purpose) + '</span><span>Ngày: ' + esc(showDate(q.date)) + '</span>' +
               '<span>Tình trạng: <b id="yc-tinh-trang" class="status-' + q.status + '">' + STATUS[q.status] + '</b></span>' +
               '<span>' + q.units + ' hồ sơ, ' + q.documents + ' văn bản</span></div>';
    html += '<div class="tools desk-tools"><a class="button plain" id="yc-in" href="#yeucau/' + q.id + '/phieu">In phiếu</a>' +
            '<button type="button" id="yc-giao">Giao tất cả</button><button type="button" id="yc-tra" class="plain">Nhận lại tất cả</button>' +
            '<a class="button plain" href="#tim">Thêm từ tìm kiếm</a></div>';
    html += '<table class="responsive" id="yc-muc"><thead><tr><th>Hộp</th><th>Hồ sơ / văn bản</th><th>Tiêu đề</th><th>Giao</th><th>Nhận lại</th></tr></thead><tbody>';
    for (const it of q.items) {
      const who = (at, by) => at ? esc(at.replace('T', ' ').replace('Z', ' UTC')) + ' (' + esc(by) + ')' : '—';
      html += '<tr><td data-label="Hộp">' + esc(box(it.box)) + '</td><td data-label="Mục">' +
              (it.kind === 'unit' ? '<a href="' + unitLink(it.code) + '">' + esc(it.code) + '</a>'
                                  : esc(it.number || 'không số') + ' ' + secrecy(it.secrecy) + (it.code ? ' — ' + esc(it.code) : '')) +
              '</td><td data-label="Tiêu đề">' + esc(it.title || '') + '</td><td data-label="Giao">' + who(it.handed_over_at, it.handed_over_by) +
              '</td><td data-label="Nhận lại">' + who(it.returned_at, it.returned_by) + '</td></tr>';
    }
    html += '</tbody></table><h3>Nhật ký</h3><ul id="yc-nhat-ky">';
    for (const h of q.history) html += '<li>' + esc(h.at) + ' · ' + esc(h.user) + ' · ' + esc(ACTION[h.action] || h.action) + ' ' + esc(h.detail) + '</li>';
    main().innerHTML = html + '</ul>';
    const mark = (what) => async () => {
      try { await call('POST', '/api/requests/' + q.id + '/' + what, {}); await showRequest(id); } catch (e) { alert(e.message); }
    };
    $('#yc-giao').addEventListener('click', mark('handover'));
    $('#yc-tra').addEventListener('click', mark('return'));
  }

  async function showRequestSlip(id) {
    await whoami();
    const r = await call('GET', '/api/requests/' + id + '/slip');
    const q = r.request;
    main().innerHTML = '<div class="desk-tools tools"><button type="button" id="in-phieu">In phiếu</button></div>' +
        slipHtml(r, q, '<span>Yêu cầu khai thác:</span><span>Số ' + q.id + ' ngày ' + esc(showDate(q.date)) + '</span>' +
                       '<span>Người yêu cầu:</span><span>' + esc(q.requester) + (q.organisation ? ' — ' + esc(q.organisation) : '') + '</span>' +
                       '<span>Mục đích:</span><span>' + esc(q.purpose) + '</span>');
    $('#in-phieu').addEventListener('click', () => window.print());
  }

  async function showReport(p) {
    const period = p.get('period') === 'year' ? 'year' : 'month';
    const api = new URLSearchParams({period});
    if (p.get('from')) api.set('from', p.get('from'));
    if (p.get('to')) api.set('to', p.get('to'));
    const r = await call('GET', '/api/requests-report?' + api);
    const csv = new URLSearchParams(api); csv.set('format', 'csv');
    let html = '<h2>Báo cáo khai thác tài liệu</h2><form id="bc" class="desk-form"><label for="bc-ky">Kỳ</label><select id="bc-ky" name="period">' +
               '<option value="month"' + (period === 'month' ? ' selected' : '') + '>Tháng</option><option value="year"' +
               (period === 'year' ? ' selected' : '') + '>Năm</option></select>' +
               '<label for="bc-tu">Từ ngày</label><input id="bc-tu" name="from" type="date" value="' + esc(p.get('from') || '') + '">' +
               '<label for="bc-den">Đến ngày</label><input id="bc-den" name="to" type="date" value="' + esc(p.get('to') || '') + '"></form>' +
               '<div class="tools desk-tools"><a class="button plain" href="/api/requests-report?' + csv + '" download="bao-cao-khai-thac.csv">Xuất CSV</a>' +
               '<button type="button" id="in-bc" class="plain">In</button></div>';
    html += '<table id="bao-cao"><thead><tr><th>' + (period === 'year' ? 'Năm' : 'Tháng') + '</th><th>Số lượt yêu cầu</th><th>Đã phục vụ</th>' +
            '<th>Tài liệu</th><th>Đơn vị bảo quản</th></tr></thead><tbody>';
    const row = (x, label) => '<tr><td>' + esc(label) + '</td><td>' + x.requests + '</td><td>' + x.served + '</td><td>' + x.documents + '</td><td>' + x.units + '</td></tr>';
    for (const x of r.rows) html += row(x, x.period);
    html += '</tbody><tfoot>' + row(r.total, 'Tổng') + '</tfoot></table>';
    main().innerHTML = html;
    $('#bc').addEventListener('change', (ev) => {
      const q = new URLSearchParams();
      for (const el of ev.currentTarget.elements) if (el.value) q.set(el.name, el.value);
      location.hash = '#baocao?' + q;
    });
    $('#in-bc').addEventListener('click', () => window.print());
  }

  // Called by app.js's router: true when the path is one of the desk's.
  window.LuutruDesk = {
    async route(path, p) {
      let m;
      if (path === '' || path === 'duyet') await showBrowse();
      else if (path === 'phieu') await showSlip(p);
      else if (path === 'yeucau') await showRequests();
      else if ((m = /^yeucau\/(\d+)\/phieu$/.exec(path))) await showRequestSlip(m[1]);
      else if ((m = /^yeucau\/(\d+)$/.exec(path))) await showRequest(m[1]);
      else if (path === 'baocao') await showReport(p);
      else return false;
      return true;
    },
  };
})();
)luutru";
}

}  // namespace luutru::serve
