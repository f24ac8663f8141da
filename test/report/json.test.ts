import { z } from 'zod';
import { scan } from '../../src/scan.js';
import { corpusDir } from '../helpers/cli.js';

/** The version-1 contract from the README, checked strictly on required keys. */
const pairSchema = z.object({
  a: z.string(),
  b: z.string(),
  jaccard: z.number().min(0).max(1),
  containment_ab: z.number().min(0).max(1),
  containment_ba: z.number().min(0).max(1),
  exact: z.boolean().optional(),
});
const reportSchema = z.object({
  version: z.literal(1),
  params: z.record(z.string(), z.unknown()),
  documents: z.array(
    z.object({
      id: z.string(),
      path: z.string(),
      chars: z.number().int().nonnegative(),
      title: z.string().optional(),
      outlet: z.string().optional(),
      published: z.string().optional(),
    }),
  ),
  clusters: z.array(
    z.object({
      id: z.string(),
      members: z.array(z.string()).min(2),
      representative: z.string(),
      pairs: z.array(pairSchema).min(1),
    }),
  ),
  stats: z.object({
    documents: z.number().int(),
    candidates: z.number().int(),
    verified_pairs: z.number().int(),
    clusters: z.number().int(),
    seconds: z.number().nonnegative(),
  }),
});

describe('JSON report contract', () => {
  test('the seed scan satisfies the schema, and ids cross-reference', async () => {
    const report = await scan([corpusDir]);
    const parsed = reportSchema.parse(JSON.parse(JSON.stringify(report)));
    const ids = new Set(parsed.documents.map((d) => d.id));
    for (const c of parsed.clusters) {
      expect(c.members).toContain(c.representative);
      for (const m of c.members) expect(ids.has(m)).toBe(true);
      for (const p of c.pairs) expect(c.members).toEqual(expect.arrayContaining([p.a, p.b]));
    }
    expect(parsed.stats.clusters).toBe(parsed.clusters.length);
    expect(parsed.stats.documents).toBe(parsed.documents.length);
    expect(parsed.params.id).toMatch(/^[0-9a-f]{16}$/);
  });

  test('cluster ids are stable across runs', async () => {
    const [a, b] = [await scan([corpusDir]), await scan([corpusDir])];
    expect(a.clusters.map((c) => c.id)).toEqual(b.clusters.map((c) => c.id));
  });

  test('stripped boilerplate is recorded as offsets with reasons', async () => {
    const report = await scan([corpusDir]);
    const d000 = report.documents.find((d) => d.id.startsWith('000_'))!;
    expect(d000.stripped?.some(([, , reason]) => reason.startsWith('footer'))).toBe(true);
  });
});

describe('links between clusters', () => {
  test('a copy pair across clusters is listed with the cluster of each side (null: in none)', async () => {
    const { buildReport } = await import('../../src/report/json.js');
    const { resolveParams } = await import('../../src/params.js');
    const doc = (id: number) => ({ id, key: `d${id}`, path: 'x.jsonl', chars: 900, stripped: [] });
    const pair = (a: number, b: number, c: number) => ({ a, b, jaccard: c / 2, containsAinB: c, containsBinA: c / 2 });
    const report = buildReport({
      params: resolveParams({}),
      docs: [0, 1, 2, 3, 4].map(doc),
      clusters: [
        { id: 'cA', members: [0, 1], representative: 0, pairs: [pair(0, 1, 0.9)] },
        { id: 'cB', members: [2, 3], representative: 2, pairs: [pair(2, 3, 0.9)] },
      ],
      links: [pair(1, 2, 0.95), pair(3, 4, 0.92)],
      templates: [{ id: 't1', members: [0, 4], representative: 0, pairs: [pair(0, 4, 0.8)] }],
      templateLinks: [pair(4, 1, 0.7)],
      partialLinks: [pair(0, 3, 0.6)],
      issues: [],
      candidates: 4,
      verifiedPairs: 4,
      exactDuplicates: 0,
      seconds: 0,
    });
    expect(report.links?.map((l) => [l.kind, l.a, l.b, l.containment_ab, ...l.clusters])).toEqual([
      ['copy', 'd1', 'd2', 0.95, 'cA', 'cB'],
      ['copy', 'd3', 'd4', 0.92, 'cB', null],
      ['template', 'd4', 'd1', 0.7, 't1', null],
      ['partial', 'd0', 'd3', 0.6, 'cA', 'cB'],
    ]);
  });
});
