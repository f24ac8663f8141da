import { readFileSync } from 'node:fs';
import { inferProvenance, type ProvenancePair } from '../../src/provenance/direction.js';
import type { ProvenanceDoc } from '../../src/provenance/evidence.js';
import { outletMatrix } from '../../src/provenance/outlet-matrix.js';

const corpus = (name: string): string => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');

/** Record builder: a document with the body length taken from its text. */
const doc = (key: string, text: string, extra: Partial<ProvenanceDoc> = {}): ProvenanceDoc => ({ key, text, bodyChars: text.length, ...extra });

/** Slow reference: word 4-shingle containment on lightly cleaned text (the real shingler lives in src/sketch). */
function pairOf(a: ProvenanceDoc, b: ProvenanceDoc): ProvenancePair {
  const sh = (t: string): Set<string> => {
    const w = t.replace(/[\u064B-\u065F\u0640]/g, '').replace(/[^\u0621-\u064A0-9\s]/g, ' ').split(/\s+/).filter(Boolean);
    return new Set(w.slice(0, Math.max(0, w.length - 3)).map((_, i) => w.slice(i, i + 4).join(' ')));
  };
  const sa = sh(a.text);
  const sb = sh(b.text);
  let both = 0;
  for (const x of sa) if (sb.has(x)) both++;
  return { a: a.key, b: b.key, jaccard: both / (sa.size + sb.size - both), containment_ab: both / sa.size, containment_ba: both / sb.size };
}

const BODY = 'أصدر مجلس الوزراء قرارا بتنظيم هيئة النقل العامة وتحديد مهامها في المدن والمحافظات كافة. ' +
  'وأوضح البيان أن الهيئة ستتولى الإشراف على خدمات النقل العام ووضع المعايير اللازمة لتشغيلها.';
const SPA_TEXT = `الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n${BODY}\nوأضاف البيان أن القرار يدخل حيز التنفيذ فورا.`;
const SABQ_TEXT = `واس- الرياض: ${BODY}`;
const PLAIN_TEXT = BODY;

describe('inferProvenance', () => {
  test.each([
    ['outlet `was` is SPA', { outlet: 'was' }, { outlet: 'sabq' }],
    ['SPA dated dateline alone (no outlets)', {}, {}],
    ['SPA dateline beats a reprint published earlier', { publishedAt: '2015-08-10T12:00:00' }, { publishedAt: '2015-08-10T09:00:00' }],
  ])('SPA → reprint: %s', (_rule, spaExtra, copyExtra) => {
    const spa = doc('spa', SPA_TEXT, spaExtra);
    for (const copy of [doc('sabq', SABQ_TEXT, copyExtra), doc('plain', PLAIN_TEXT, copyExtra)]) {
      const [p] = inferProvenance([spa, copy], [pairOf(copy, spa)]);
      expect(p).toMatchObject({ from: 'spa', to: copy.key, relation: 'copied', source: 'spa' });
      expect(p.confidence).toBeGreaterThan(0.3);
    }
  });

  test('both credit the same agency and neither is it → common-source with source', () => {
    const a = doc('a', `القاهرة (رويترز) - ${BODY}`);
    const b = doc('b', `${BODY}\n(رويترز)`);
    const [p] = inferProvenance([a, b], [pairOf(a, b)]);
    expect(p).toMatchObject({ relation: 'common-source', source: 'reuters' });
    expect(p.evidence.some((e) => e.kind === 'attribution' && e.detail.includes('both credit Reuters'))).toBe(true);
  });

  test('a source line naming the other outlet → copied from it', () => {
    const orig = doc('orig', BODY, { outlet: 'skynewsarabia' });
    const copy = doc('copy', `${BODY}\nالمصدر: سكاي نيوز عربية`, { outlet: 'someblog' });
    const [p] = inferProvenance([copy, orig], [pairOf(copy, orig)]);
    expect(p).toMatchObject({ from: 'orig', to: 'copy', relation: 'copied' });
    expect(p.confidence).toBeGreaterThan(0.8);
  });

  test('earlier publication and a truncated copy', () => {
    const long = doc('long', `${BODY} وأشار إلى أن الهيئة ستعمل مع الجهات المعنية لتطوير شبكة الحافلات في العاصمة.`, { publishedAt: '2015-08-01' });
    const short = doc('short', BODY, { publishedAt: '2015-08-03' });
    const [p] = inferProvenance([long, short], [pairOf(short, long)]);
    expect(p).toMatchObject({ from: 'long', to: 'short', relation: 'copied' });
    expect(p.evidence.map((e) => e.kind).sort()).toEqual(['containment', 'time']);
    expect(p.evidence.every((e) => (e.weight ?? 0) > 0)).toBe(true);
  });

  test('no signal at all → unknown', () => {
    const a = doc('a', BODY);
    const b = doc('b', BODY);
    expect(inferProvenance([a, b], [pairOf(a, b)])[0]).toMatchObject({ relation: 'unknown', confidence: 0 });
  });

  test('a pair naming a missing document → unknown with a reason', () => {
    const [p] = inferProvenance([doc('a', BODY)], [{ a: 'a', b: 'zz', jaccard: 1, containment_ab: 1, containment_ba: 1 }]);
    expect(p).toMatchObject({ relation: 'unknown', evidence: [{ kind: 'missing' }] });
  });

  test('corpus 000 ↔ 004: two rewrites of the same wire story → common-source, no named source', () => {
    const d0 = doc('000', corpus('000_b86daad347500d15.txt'));
    const d4 = doc('004', corpus('004_17c881bf89d1ecee.txt'));
    const pair = pairOf(d0, d4);
    // Each holds much the other lacks: 004 has the analyst's quotes and Kursk, 000 a related-news block.
    expect(Math.max(pair.containment_ab, pair.containment_ba)).toBeLessThan(0.6);
    const [p] = inferProvenance([d0, d4], [pair]);
    expect(p.relation).toBe('common-source');
    expect(p.source).toBeUndefined();
    expect(p.confidence).toBeLessThan(0.6);
    const details = p.evidence.map((e) => e.detail).join('\n');
    expect(details).toContain('المصدر: سكاي نيوز عربية');
    expect(details).toContain('KCNA');
  });
});

describe('outletMatrix', () => {
  test('counts copied edges by direction and common-source edges symmetrically', () => {
    const docs = new Map([['s', { outlet: 'was' }], ['q', { outlet: 'sabq' }], ['r', { outlet: 'alriyadh' }], ['x', {}]]);
    const clusters = [
      { provenance: [
        { from: 's', to: 'q', relation: 'copied' as const, confidence: 0.9, evidence: [] },
        { from: 's', to: 'r', relation: 'copied' as const, confidence: 0.9, evidence: [] },
        { from: 'q', to: 'r', relation: 'common-source' as const, confidence: 0.6, source: 'spa', evidence: [] },
        { from: 'q', to: 'x', relation: 'unknown' as const, confidence: 0, evidence: [] },
      ] },
      { provenance: [{ from: 's', to: 'x', relation: 'copied' as const, confidence: 0.5, evidence: [] }] },
      {},
    ];
    const m = outletMatrix(clusters, docs);
    expect(m.outlets).toEqual(['(unknown)', 'alriyadh', 'sabq', 'was']);
    expect(m.matrix[3]).toEqual([1, 1, 1, 0]);
    expect(m.commonSource[1][2]).toBe(1);
    expect(m.commonSource[2][1]).toBe(1);
    expect(m.matrix.flat().reduce((x, y) => x + y)).toBe(3);
  });
});
