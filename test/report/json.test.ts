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
