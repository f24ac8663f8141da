import { createHash } from 'node:crypto';
import type { DiffRun, WordDiff } from '../../src/report/diff-types.js';
import { escapeHtml, jsonForScript } from '../../src/report/html-escape.js';
import {
  compactRuns,
  duplicatesRemoved,
  histogram,
  indexDocuments,
  maxContainments,
  outletMatrix,
  sortClusters,
} from '../../src/report/report-model.js';
import { renderHtml } from '../../src/report/html.js';
import type { ReportCluster, ReportDocument, ScanReport } from '../../src/report/report-types.js';

const XSS_TITLE = 'عاجل <script>alert(1)</script> <img src=x onerror=alert(1)>';

const doc = (id: string, outlet: string, published?: string, title?: string): ReportDocument => ({
  id, path: id, chars: 10, outlet, ...(published ? { published } : {}), ...(title ? { title } : {}),
});
const pair = (a: string, b: string, c: number) => ({ a, b, jaccard: c, containment_ab: c, containment_ba: c / 2 });
const cluster = (id: string, members: string[], extra: Partial<ReportCluster> = {}): ReportCluster => ({
  id, members, representative: members[0]!, pairs: members.slice(1).map((m) => pair(members[0]!, m, 0.9)), ...extra,
});
const run = (op: DiffRun['op'], text: string): DiffRun => ({ op, text, words: text.split(/\s+/).length, start: 0, end: 0 });

function fixture(): ScanReport {
  return {
    version: 1,
    params: { paramsId: 'p1' },
    documents: [
      doc('a1', 'وكالة', '2015-08-01', 'قديم'), doc('a2', 'جريدة', '2015-08-01'),
      doc('b1', 'وكالة', '2015-08-05', XSS_TITLE), doc('b2', 'موقع', '2015-08-05'),
      doc('c1', 'وكالة', '2015-08-02'), doc('c2', 'جريدة'), doc('c3', 'موقع'),
    ],
    clusters: [cluster('A', ['a1', 'a2']), cluster('B', ['b1', 'b2']), cluster('C', ['c1', 'c2', 'c3'])],
    stats: { documents: 7, candidates: 9, verified_pairs: 4, clusters: 3, seconds: 12.34, skipped: { empty: 2, binary: 1 } },
  };
}

const diffOf = (a: string, b: string): WordDiff => ({
  a, b, runs: [run('equal', 'نص'), run('delete', '<b>حذف</b>'), run('insert', 'إضافة')], stats: { equal: 1, inserted: 1, deleted: 1 },
});
interface PageData { clusters: { id: string; n: number; title?: string; q: string }[]; details: string[] }
const dataOf = (html: string): PageData =>
  JSON.parse(/<script type="application\/json" id="sada-data">(.*?)<\/script>/s.exec(html)![1]!) as PageData;
const render = (report = fixture()): string =>
  renderHtml({ report, texts: new Map([['b2', '<img src=x onerror=alert(1)> نص']]), diff: diffOf, title: 'sada — <test>' });

describe('escaping', () => {
  test.each([
    ['ampersand', 'a & b', 'a &amp; b'],
    ['tags', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['quotes', `"x" 'y'`, '&quot;x&quot; &#39;y&#39;'],
    ['arabic unchanged', 'خبر عاجل', 'خبر عاجل'],
  ])('escapeHtml: %s', (_rule, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  test('jsonForScript leaves no way out of a script element and round-trips', () => {
    const value = { t: '</script><!-- & \u2028\u2029 >' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  test('article strings never reach the page as markup', () => {
    const html = render();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>sada — &lt;test&gt;</title>');
    expect(dataOf(html).clusters.map((c) => c.title)).toContain(XSS_TITLE);
    // The inline script and one data block; nothing else opens a script.
    expect(html.match(/<script/g)).toHaveLength(2);
  });
});

describe('page shell', () => {
  const html = render();

  test('is Arabic, right-to-left, with an Arabic font stack', () => {
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/font: [^;]*"Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", sans-serif/);
  });

  test('CSP forbids remote loads and allows exactly the inline script and style by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    expect(csp).not.toContain('unsafe-inline');
    const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(csp).toContain(`style-src ${sha(style)}`);
  });

  test('summary shows totals, duplicates removed, time and skipped counts', () => {
    expect(html).toMatch(/<dt>النسخ المكررة المحذوفة<\/dt><dd>4<\/dd>/);
    expect(html).toContain('<dt>الزمن (ثانية)</dt><dd>12.3</dd>');
    expect(html).toContain('<dt>المتخطاة: empty</dt><dd>2</dd>');
    expect(html).toContain('<dt>المتخطاة: binary</dt><dd>1</dd>');
  });

  test('clusters and diffs are data, not markup: the script builds them when listed or opened', () => {
    expect(html).not.toContain('<del');
    expect(html).not.toContain('<details class="cluster"');
    const detail = JSON.parse(dataOf(html).details[1]!) as { diffs: { segments: string[][] }[]; members: { text?: string }[] };
    expect(detail.diffs[0]!.segments).toEqual([['e', 'نص'], ['d', '<b>حذف</b>'], ['i', 'إضافة']]);
    expect(detail.members[1]!.text).toBe('<img src=x onerror=alert(1)> نص');
  });

  test('renders the same bytes for the same input', () => {
    expect(render()).toBe(html);
  });

  test('clusters appear largest first, then most recent', () => {
    expect(dataOf(html).clusters.map((c) => [c.id, c.n])).toEqual([['C', 3], ['B', 2], ['A', 2]]);
  });

  test('a report without clusters still renders', () => {
    const empty = { ...fixture(), clusters: [] };
    expect(render(empty)).toContain('لم يُعثر على أخبار مكررة.');
  });
});

describe('report model', () => {
  const report = fixture();
  const docs = indexDocuments(report);

  test('sorts by size, then latest published, then id', () => {
    const extra = cluster('0', ['c2', 'c3']);
    expect(sortClusters([...report.clusters, extra], docs).map((c) => c.id)).toEqual(['C', 'B', 'A', '0']);
  });

  test('duplicates removed is members − 1 summed over clusters', () => {
    expect(duplicatesRemoved(report.clusters)).toBe(1 + 1 + 2);
  });

  test('histogram puts each max containment in one of 10 bins, 1.0 in the last', () => {
    expect(histogram([0, 0.05, 0.1, 0.55, 0.999, 1, 1])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
    expect(maxContainments([{ ...cluster('x', ['a', 'b']), pairs: [{ ...pair('a', 'b', 0.3), containment_ba: 0.8 }] }])).toEqual([0.8]);
  });

  test('outlet matrix counts pairs symmetrically without provenance', () => {
    const m = outletMatrix(report.clusters, docs);
    expect(m.mode).toBe('co-occurrence');
    const at = (x: string, y: string) => m.counts[m.outlets.indexOf(x)]![m.outlets.indexOf(y)];
    expect(at('وكالة', 'جريدة')).toBe(2);
    expect(at('جريدة', 'وكالة')).toBe(2);
  });

  test('outlet matrix uses copied relations, source to copier, when present', () => {
    const prov = { from: 'a2', to: 'a1', relation: 'copied' as const, confidence: 0.9, evidence: [] };
    const m = outletMatrix([cluster('A', ['a1', 'a2'], { provenance: [prov] })], docs);
    expect(m.mode).toBe('copied');
    expect(m.counts[m.outlets.indexOf('جريدة')]![m.outlets.indexOf('وكالة')]).toBe(1);
    expect(m.counts[m.outlets.indexOf('وكالة')]![m.outlets.indexOf('جريدة')]).toBe(0);
  });

  test('compactRuns folds long equal runs and keeps context on both sides', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${i}`);
    const segs = compactRuns([run('equal', words.join(' ')), run('insert', 'x')], 3, 4);
    expect(segs).toEqual([
      { op: 'equal', text: 'w0 w1 w2' },
      { op: 'skip', text: words.slice(3, 27).join(' '), words: 24 },
      { op: 'equal', text: 'w27 w28 w29' },
      { op: 'insert', text: 'x' },
    ]);
    expect(compactRuns([run('equal', 'a b c')], 3, 4)).toEqual([{ op: 'equal', text: 'a b c' }]);
  });
});

describe('full texts', () => {
  const detailsOf = (html: string) =>
    dataOf(html).details.map((d) => JSON.parse(d) as { members: { id: string; text?: string }[]; diffs: { segments?: unknown[] }[] });
  test('members carry their texts by default; with fullTexts off only the diffs remain', () => {
    const texts = new Map([['b2', 'نص كامل للخبر']]);
    const withTexts = detailsOf(renderHtml({ report: fixture(), texts, diff: diffOf }));
    const without = detailsOf(renderHtml({ report: fixture(), texts, diff: diffOf, fullTexts: false }));
    const member = (d: typeof withTexts) => d.flatMap((c) => c.members).find((m) => m.id === 'b2')!;
    expect(member(withTexts).text).toBe('نص كامل للخبر');
    expect(member(without).text).toBeUndefined();
    expect(without.flatMap((c) => c.diffs)).toEqual(withTexts.flatMap((c) => c.diffs));
  });
});
