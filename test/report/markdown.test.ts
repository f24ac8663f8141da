import type { DiffRun, WordDiff } from '../../src/report/diff-types.js';
import { escapeMarkdown, renderMarkdown } from '../../src/report/markdown.js';
import type { ReportDocument, ScanReport } from '../../src/report/report-types.js';

const XSS_TITLE = 'عاجل <script>alert(1)</script> <img src=x onerror=alert(1)>';

const doc = (id: string, outlet: string, published: string, title: string): ReportDocument => ({
  id, path: id, chars: 10, outlet, published, title,
});
const run = (op: DiffRun['op'], text: string): DiffRun => ({ op, text, words: text.split(/\s+/).length, start: 0, end: 0 });
const LONG = Array.from({ length: 30 }, (_, i) => `كلمة${i}`).join(' ');

const REPORT: ScanReport = {
  version: 1,
  params: {},
  documents: [
    doc('x/1', 'وكالة | الأنباء', '2015-08-04T09:15:00Z', XSS_TITLE),
    doc('x/2', 'جريدة_الغد', '2015-08-04', 'عنوان *مهم* [رابط](http://e.x) `كود` # ~~'),
    doc('y/1', 'الرياضي', '2015-08-01', 'كرة القدم'),
    doc('y/2', 'الملاعب', '2015-08-01', 'مباراة'),
  ],
  clusters: [
    { id: 'k-y', members: ['y/1', 'y/2'], representative: 'y/1',
      pairs: [{ a: 'y/1', b: 'y/2', jaccard: 0.5, containment_ab: 0.55, containment_ba: 0.6 }] },
    { id: 'k-x', members: ['x/2', 'x/1'], representative: 'x/1',
      pairs: [{ a: 'x/1', b: 'x/2', jaccard: 0.9, containment_ab: 0.95, containment_ba: 1 }],
      provenance: [{ from: 'x/1', to: 'x/2', relation: 'copied', confidence: 0.875, source: 'واس',
        evidence: [{ kind: 'time', detail: 'أسبق بساعة', weight: 0.5 }, { kind: 'byline', detail: '<b>x</b>' }] }] },
  ],
  stats: { documents: 4, candidates: 3, verified_pairs: 2, clusters: 2, seconds: 0.5, skipped: { not_arabic: 3 } },
};

const DIFFS = new Map<string, WordDiff>([
  ['x/1|x/2', { a: 'x/1', b: 'x/2', stats: { equal: 32, inserted: 1, deleted: 1 },
    runs: [run('equal', '1. أعلنت'), run('delete', 'الثلاثاء'), run('insert', 'الأربعاء <script>'), run('equal', LONG)] }],
]);
const md = renderMarkdown({ report: REPORT, texts: new Map(), diff: (a, b) => DIFFS.get(`${a}|${b}`), title: 'sada — 2015-08-04' });

describe('escapeMarkdown', () => {
  test.each([
    ['html tags become entities', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['ampersand', 'A & B', 'A &amp; B'],
    ['table pipe', 'a | b', 'a \\| b'],
    ['emphasis', '*x* _y_', '\\*x\\* \\_y\\_'],
    ['code and links', '`c` [l](u)', '\\`c\\` \\[l\\](u)'],
    ['heading, strikethrough, math', '# ~~a~~ $x$', '\\# \\~\\~a\\~\\~ \\$x\\$'],
    ['backslash', 'a\\b', 'a\\\\b'],
    ['line breaks fold to spaces', 'سطر\n\nسطر', 'سطر سطر'],
    ['arabic unchanged', 'خبر عاجل', 'خبر عاجل'],
  ])('%s', (_rule, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('renderMarkdown', () => {
  test('article text never becomes HTML or Markdown', () => {
    expect(md).not.toMatch(/<script|<img|<b>/);
    expect(md).toContain('عاجل &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('عنوان \\*مهم\\* \\[رابط\\](http://e.x) \\`كود\\` \\# \\~\\~');
  });

  test('summary table has totals, duplicates removed, time and skipped counts', () => {
    expect(md).toContain('| Documents | 4 |');
    expect(md).toContain('| Duplicates removed | 2 |');
    expect(md).toContain('| Time (s) | 0.5 |');
    expect(md).toContain('| Skipped: not\\_arabic | 3 |');
  });

  test('the summary counts links by kind when the report has them', () => {
    expect(md).not.toContain('| Links (');
    const pair = { a: 'x', b: 'y', jaccard: 0.3, containment_ab: 0.9, containment_ba: 0.3 };
    const links = [{ ...pair, kind: 'copy' as const, clusters: [null, null] as const }, { ...pair, kind: 'template' as const, clusters: [null, null] as const }, { ...pair, kind: 'copy' as const, clusters: [null, null] as const }, { ...pair, kind: 'partial' as const, clusters: [null, null] as const }];
    const withLinks = renderMarkdown({ report: { ...REPORT, links }, texts: new Map(), diff: () => undefined });
    expect(withLinks).toContain('| Links (copy / template / partial reuse; in the JSON) | 2 / 1 / 1 |');
  });

  test('histogram table counts max containment per pair', () => {
    expect(md).toContain('| 0.6–0.7 | 1 |');
    expect(md).toContain('| 0.9–1.0 | 1 |');
  });

  test('clusters are sorted by size then recency, representative first', () => {
    const x = md.indexOf('### 1. عاجل');
    const y = md.indexOf('### 2. كرة القدم');
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(x);
    expect(md).toMatch(/\| ★ \| وكالة \\\| الأنباء \| 2015-08-04 09:15 \| عاجل .*\| x\/1 \|\n\|  \| جريدة\\_الغد \|/);
  });

  test('escaped pipes keep every members row at five cells', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('|') && / [xy]\/\d \|$/.test(l));
    expect(rows.length).toBe(4);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(5);
  });

  test('provenance lines name both ends, relation, confidence, source and evidence', () => {
    expect(md).toContain(
      '- وكالة \\| الأنباء (x/1) → جريدة\\_الغد (x/2): copied, confidence 0.88, via واس. ' +
        'Evidence: time: أسبق بساعة (+0.50); byline: &lt;b&gt;x&lt;/b&gt;',
    );
  });

  test('diff marks deletions and insertions and folds long unchanged runs', () => {
    expect(md).toContain('~~الثلاثاء~~ **الأربعاء &lt;script&gt;**');
    expect(md).toMatch(/كلمة7 \*… 14 words unchanged …\* كلمة22/);
    // "1." at the start of the quoted diff would make an ordered list.
    expect(md).toContain('> 1\\. أعلنت');
  });

  test('a missing text is reported, not rendered', () => {
    expect(md).toContain('*Diff* الرياضي (y/1) → الملاعب (y/2): text unavailable.');
  });
});
