/**
 * The inline stylesheet and script of the HTML report. Both are fixed strings so the page's CSP can allow
 * them by sha256 hash. The script builds every node from article data with textContent / createElement,
 * never innerHTML: crawled text is untrusted.
 */

import { jsonForScript } from './html-escape.js';
import { LABELS } from './html-labels.js';

export const CLIENT_CSS = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfc; --muted: #5f6368; --line: #d9d9d6; --card: #f3f3f0;
  --ins-bg: #d8f5dc; --ins-fg: #0b4f1c; --del-bg: #fde2e0; --del-fg: #8a1111; --accent: #0b5cad; --stripped: #8d8d8d; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8e6; --bg: #161616; --muted: #a8a8a8; --line: #3a3a3a; --card: #222;
  --ins-bg: #12391d; --ins-fg: #bff0c8; --del-bg: #451918; --del-fg: #ffc9c4; --accent: #7fb6ff; --stripped: #777; } }
* { box-sizing: border-box; }
html { scroll-padding-top: 4rem; }
body { margin: 0; padding: 1.5rem clamp(0.75rem, 3vw, 2.5rem) 4rem; color: var(--fg); background: var(--bg);
  font: 17px/1.75 "Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; } h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; } h3, h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.muted { color: var(--muted); font-size: 0.9em; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.6rem; margin: 0; }
.cards div { background: var(--card); border-radius: 6px; padding: 0.5rem 0.8rem; }
.cards dt { color: var(--muted); font-size: 0.85em; } .cards dd { margin: 0; font-size: 1.35rem; font-weight: 600; }
pre { direction: ltr; text-align: left; overflow-x: auto; background: var(--card); padding: 0.6rem; font-size: 0.8rem; }
.charts { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
.charts figure { margin: 0; max-width: 100%; overflow-x: auto; } figcaption { font-weight: 600; margin-bottom: 0.3rem; }
.chart { direction: ltr; font-size: 11px; fill: var(--fg); }
.chart .bar { fill: var(--accent); } .chart .axis { stroke: var(--muted); } .chart .tick, .chart .label { fill: var(--muted); }
.chart .outlet { font-size: 12px; } .chart .cell { stroke: var(--bg); }
.chart .l0 { fill: var(--card); } .chart .l1 { fill: #cfe0f5; } .chart .l2 { fill: #9fc1ea; } .chart .l3 { fill: #5b95d6; }
.chart .l4 { fill: #2a6bb8; } .chart .l5 { fill: #0d3f7a; }
.chart .cell-count { fill: #0d2038; } .chart .cell-count.l4, .chart .cell-count.l5 { fill: #fff; }
.filter { position: sticky; top: 0; z-index: 1; display: flex; gap: 1rem; align-items: center; padding: 0.5rem 0; background: var(--bg); }
.filter input { flex: 1; max-width: 36rem; font: inherit; padding: 0.35rem 0.7rem; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); }
details.cluster { border: 1px solid var(--line); border-radius: 8px; margin: 0.5rem 0; background: var(--bg); }
details.cluster > summary { cursor: pointer; padding: 0.5rem 0.8rem; display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; align-items: baseline; }
details.cluster[open] > summary { border-bottom: 1px solid var(--line); background: var(--card); }
.size { display: inline-block; min-width: 2.2em; text-align: center; border-radius: 1em; background: var(--accent); color: var(--bg); font-weight: 700; }
.ctitle { font-weight: 600; flex: 1 1 20rem; overflow-wrap: anywhere; }
.outlets, .date { color: var(--muted); font-size: 0.9em; }
.id { direction: ltr; unicode-bidi: isolate; font: 0.8rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); overflow-wrap: anywhere; }
.cluster-body { padding: 0.4rem 0.9rem 0.9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
th, td { text-align: start; vertical-align: top; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--line); }
td.title-cell { overflow-wrap: anywhere; min-width: 12rem; }
.rep-mark { color: var(--accent); font-size: 0.8em; font-weight: 700; }
button { font: inherit; font-size: 0.85em; cursor: pointer; border: 1px solid var(--line); background: var(--card); color: var(--fg);
  border-radius: 4px; padding: 0 0.5rem; }
.fulltext { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); padding: 0.6rem; border-radius: 4px; }
.stripped { color: var(--stripped); }
.prov li { margin: 0.2rem 0; } .prov ul { margin: 0.1rem 0 0.3rem; font-size: 0.9em; color: var(--muted); }
.rel { border-radius: 4px; padding: 0 0.35rem; background: var(--card); font-size: 0.9em; } .arrow { color: var(--accent); font-weight: 700; }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; border-inline-start: 3px solid var(--line); padding-inline-start: 0.8rem; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 0.35em; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; text-decoration-thickness: 1.5px; }
#more { display: block; margin: 1rem auto; padding: 0.3rem 1.5rem; } #more[hidden] { display: none; }
button.skip { color: var(--muted); border-style: dashed; margin: 0 0.2rem; }
.templates li { margin: 0.25rem 0; }
`;

// Kept as ES2017 with no template literals so it runs unchanged in any current browser.
const SCRIPT_BODY = String.raw`
  'use strict';
  function byId(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) { var c = arguments[i]; parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } return parent; }
  function auto(e) { e.dir = 'auto'; return e; }
  function ltr(text) { var b = el('bdi', '', text); b.dir = 'ltr'; return b; }
  function fill(t, v) { return t.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? String(v[k]) : m; }); }
  // Arabic-aware matching: ignore case, harakat, tatweel and alef/ya/ta-marbuta spelling variants.
  function norm(s) {
    return String(s).toLowerCase().replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627').replace(/\u0649/g, '\u064A').replace(/\u0629/g, '\u0647');
  }

  var DATA = JSON.parse(byId('sada-data').textContent);
  var index = DATA.clusters.map(function (c) { return norm(c.q); });
  var list = byId('clusters');
  var moreBtn = byId('more');
  var input = byId('filter');
  var shown = byId('filter-count');
  // Only PAGE cluster lines exist in the DOM at first; more are added as the reader scrolls, so 10k
  // clusters cost what 100 do. Elements are kept once made, so filtering keeps opened clusters as they were.
  var PAGE = 100;
  var made = [];
  var matches = DATA.clusters.map(function (c, i) { return i; });
  var listed = 0;
  var timer = 0;

  function clusterEl(i) {
    if (made[i]) return made[i];
    var c = DATA.clusters[i];
    var d = el('details', 'cluster');
    d.id = 'c' + i;
    var size = el('span', 'size', c.n);
    size.title = fill(L.membersCount, { n: c.n });
    var outlets = el('span', 'outlets');
    c.outlets.forEach(function (o, k) { if (k) add(outlets, '\u060C '); add(outlets, el('bdi', '', o)); });
    if (c.more) add(outlets, ' +' + c.more);
    add(d, add(el('summary'), size, ' ', auto(el('span', 'ctitle', c.title || L.untitled)), ' ', outlets, ' ',
      el('span', 'date', c.date), ' ', el('span', 'id', c.id)));
    add(d, add(el('div', 'cluster-body'), el('p', 'muted', L.loading)));
    made[i] = d;
    return d;
  }
  function listMore() {
    var end = Math.min(matches.length, listed + PAGE);
    var frag = document.createDocumentFragment();
    for (; listed < end; listed++) frag.appendChild(clusterEl(matches[listed]));
    list.appendChild(frag);
    moreBtn.hidden = listed >= matches.length;
  }
  function applyFilter() {
    var terms = norm(input.value).split(/\s+/).filter(Boolean);
    matches = [];
    for (var i = 0; i < index.length; i++) {
      if (terms.every(function (t) { return index[i].indexOf(t) >= 0; })) matches.push(i);
    }
    list.textContent = '';
    listed = 0;
    listMore();
    shown.textContent = fill(L.shown, { n: matches.length, total: index.length });
  }
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilter, 80); });
  moreBtn.addEventListener('click', listMore);
  if (window.IntersectionObserver) {
    new IntersectionObserver(function (entries) { if (entries[0].isIntersecting) listMore(); }, { rootMargin: '600px' }).observe(moreBtn);
  }
  listMore();

  function fullText(m) {
    var box = el('div', 'fulltext');
    box.dir = 'auto';
    var spans = (m.stripped || []).slice().sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) return;
      add(box, m.text.slice(at, s[0]));
      var g = el('span', 'stripped', m.text.slice(s[0], s[1]));
      g.title = s[2];
      box.appendChild(g);
      at = s[1];
    });
    add(box, m.text.slice(at));
    return box;
  }

  function membersTable(data) {
    var wrap = el('div', 'table-wrap');
    var table = add(wrap, el('table')).firstChild;
    var head = add(el('tr'), el('th', '', L.outlet), el('th', '', L.date), el('th', '', L.title), el('th', '', L.id), el('th'));
    add(table, add(el('thead'), head));
    var body = add(table, el('tbody')).lastChild;
    data.members.forEach(function (m) {
      var title = el('td', 'title-cell');
      var t = add(title, el('span', '', m.title || L.untitled)).firstChild;
      t.dir = 'auto';
      if (m.rep) add(title, ' ', el('span', 'rep-mark', L.representative));
      var idCell = add(el('td'), el('span', 'id', m.id));
      var action = el('td');
      var row = add(el('tr'), add(el('td'), el('bdi', '', m.outlet || '')), el('td', 'date', m.date || ''), title, idCell, action);
      body.appendChild(row);
      if (typeof m.text !== 'string') return;
      var btn = add(action, el('button', '', L.showText)).firstChild;
      btn.type = 'button';
      var textRow = null;
      btn.addEventListener('click', function () {
        if (!textRow) {
          var cell = el('td');
          cell.colSpan = 5;
          if (m.stripped && m.stripped.length) add(cell, el('p', 'muted', L.strippedNote));
          textRow = add(el('tr'), add(cell, fullText(m)));
          row.parentNode.insertBefore(textRow, row.nextSibling);
        } else textRow.hidden = !textRow.hidden;
      });
    });
    return wrap;
  }

  function docLabel(data, id) {
    var m = data.members.filter(function (x) { return x.id === id; })[0];
    var b = el('bdi', '', (m && m.outlet) || id);
    b.title = id;
    return b;
  }

  function provenance(data) {
    var list = el('ul', 'prov');
    data.provenance.forEach(function (p) {
      var li = add(el('li'), docLabel(data, p.from), ' ', el('span', 'arrow', '\u2190'), ' ', docLabel(data, p.to), ' ',
        el('span', 'rel', L.relations[p.relation] || p.relation), ' ',
        el('span', 'muted', L.confidence + ' ' + Number(p.confidence).toFixed(2)));
      if (p.source) add(li, ' ', el('span', 'muted', L.via + ' '), el('bdi', '', p.source));
      if (p.evidence.length) {
        var ev = add(li, el('ul')).lastChild;
        p.evidence.forEach(function (e) {
          var li2 = add(el('li'), el('bdi', '', e.kind), ': ', el('bdi', '', e.detail));
          li2.dir = 'ltr'; // evidence is written in English (quoting Arabic inside): read left to right
          if (typeof e.weight === 'number') add(li2, ' ', ltr((e.weight > 0 ? '+' : '') + e.weight.toFixed(2)));
          ev.appendChild(li2);
        });
      }
      list.appendChild(li);
    });
    return list;
  }

  function diffBlock(data, d) {
    var box = el('div', 'diff-pair');
    add(box, add(el('h4'), docLabel(data, d.a), ' ', el('span', 'arrow', '\u2190'), ' ', docLabel(data, d.b)));
    if (!d.segments) return add(box, el('p', 'muted', L.textMissing));
    add(box, el('p', 'muted', fill(L.diffStats, { ins: d.stats.inserted, del: d.stats.deleted, eq: d.stats.equal })));
    var text = el('div', 'diff');
    text.dir = 'auto';
    d.segments.forEach(function (s, i) {
      if (i > 0) add(text, ' ');
      if (s[0] === 'e') add(text, s[1]);
      // dir=auto isolates each change, so a Latin or markup-like run can't reorder its Arabic neighbours.
      else if (s[0] === 'i') add(text, auto(el('ins', '', s[1])));
      else if (s[0] === 'd') add(text, auto(el('del', '', s[1])));
      else {
        var b = el('button', 'skip', fill(L.unchanged, { n: s[2] }));
        b.type = 'button';
        b.addEventListener('click', function () { b.replaceWith(document.createTextNode(s[1])); });
        text.appendChild(b);
      }
    });
    return add(box, text);
  }

  function linkList(data, links, className) {
    var list = el('ul', className);
    links.forEach(function (l) {
      var title = el('bdi', '', l.title || l.other);
      title.title = l.other;
      list.appendChild(add(el('li'), docLabel(data, l.member), ' ', el('span', 'arrow', '\u2194'), ' ', title, ' ',
        el('span', 'muted', fill(L.linkDetail, { cluster: l.cluster || L.noCluster, c: Number(l.c).toFixed(2) }))));
    });
    return list;
  }

  function render(details) {
    var data = JSON.parse(DATA.details[Number(details.id.slice(1))]);
    var body = details.querySelector('.cluster-body');
    body.textContent = '';
    add(body, el('h3', '', L.members), membersTable(data));
    if (data.provenance && data.provenance.length) add(body, el('h3', '', L.provenance), provenance(data));
    var links = data.links || [];
    var copies = links.filter(function (l) { return !l.partial; });
    var partial = links.filter(function (l) { return l.partial; });
    if (copies.length) add(body, el('h3', '', L.links), linkList(data, copies, 'links'));
    if (partial.length) add(body, el('h3', '', L.partialLinks), linkList(data, partial, 'links partial'));
    if (data.diffs.length) add(body, el('h3', '', L.diff));
    data.diffs.forEach(function (d) { body.appendChild(diffBlock(data, d)); });
    if (data.omitted > 0) add(body, el('p', 'muted', fill(L.moreMembers, { n: data.omitted })));
  }
  // Details are rendered on first open only, so a report with 10k clusters loads as fast as one with ten.
  document.addEventListener('toggle', function (ev) {
    var d = ev.target;
    if (d.classList && d.classList.contains('cluster') && d.open && !d.hasAttribute('data-rendered')) {
      d.setAttribute('data-rendered', '');
      render(d);
    }
  }, true);
  // Deep links (#c42) open that cluster even when it is beyond the first page.
  var deep = /^#c(\d+)$/.exec(location.hash);
  if (deep && Number(deep[1]) < index.length) {
    while (listed <= Number(deep[1])) listMore();
    made[Number(deep[1])].open = true;
    made[Number(deep[1])].scrollIntoView();
  }
`;

const CLIENT_LABELS = {
  ...LABELS,
  relations: { copied: LABELS.relationCopied, 'common-source': LABELS.relationCommonSource, unknown: LABELS.relationUnknown },
};

export const CLIENT_JS = `(function () {\n  var L = ${jsonForScript(CLIENT_LABELS)};${SCRIPT_BODY}})();\n`;
