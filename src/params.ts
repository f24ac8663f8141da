import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SadaError } from './errors.js';
import type { FieldMap } from './io/fields.js';

/**
 * All tunables in one validated, frozen object, nested by stage; each stage takes its own slice.
 * Defaults are measured, not guessed: see docs/tuning.md for the numbers behind each.
 */
export const paramsSchema = z
  .object({
    io: z
      .object({
        /** File extensions discovery picks up in directories (a `.gz` of any of them too). */
        extensions: z.array(z.string().min(1)).default(['txt', 'md', 'jsonl', 'ndjson', 'json', 'zip', 'warc', 'wet']),
        /** A single record larger than this is skipped as `too_large`. @default 50 MiB */
        maxRecordBytes: z.number().int().positive().default(50 * 1024 * 1024),
        /** A gzip stream or zip entry inflating past this is cut off as `too_large`. @default 4 GiB */
        maxInflatedBytes: z.number().int().positive().default(4 * 1024 * 1024 * 1024),
        /** Inflated/compressed above this ratio is refused as a compression bomb. @default 100 */
        maxInflateRatio: z.number().positive().default(100),
        /** Record field names (`--id-field` …); unset roles use the defaults in io/fields.ts. */
        fields: z
          .object({ id: z.string(), text: z.string(), title: z.string(), outlet: z.string(), date: z.string() })
          .partial()
          .default({}),
      })
      .prefault({}),
    text: z
      .object({
        /** Cut outlet boilerplate (source footers, tag lines, related-link blocks) before comparing. @default true */
        stripBoilerplate: z.boolean().default(true),
        /** Bodies with fewer normalised characters are reported `too_short` and not indexed. @default 40 */
        minChars: z.number().int().nonnegative().default(40),
      })
      .prefault({}),
    sketch: z
      .object({
        /**
         * `char`: n-grams of characters over the normalised body with spaces removed — robust to split
         * names (بيونغيانغ/بيونغ يانغ) and clitics; `word`: n-grams of normalised words. @default char
         */
        shingle: z.enum(['char', 'word']).default('char'),
        /** n of the n-grams. @default 7 for char, 5 for word */
        size: z.number().int().min(1).max(32).optional(),
        /**
         * MinHash values per signature (one-permutation hashing bins). 256, not 128: with 2-row bands it allows
         * 128 bands, which lifts LSH candidate recall at containment ≥ 0.9 on SaudiNewsNet from 0.980 (32×2)
         * to 0.994 for 2.3× the candidates (docs/tuning.md). @default 256
         */
        hashes: z.number().int().min(16).max(1024).default(256),
        /** Seed of every hash function; signatures made with other seeds are not comparable. */
        seed: z.number().int().nonnegative().default(0x5ada),
      })
      .prefault({}),
    index: z
      .object({
        /**
         * Jaccard at which the LSH S-curve is placed (bands × rows chosen to minimise weighted misses). With
         * the containment index on, LSH only has to find the pairs the index is not built for, those passing
         * `match.threshold` on Jaccard: 0.5 gives 42 bands × 4 rows, and the two together reach candidate
         * recall 0.997 of the verified truth with 57k candidates on SaudiNewsNet, where 128 × 2 bands reached
         * 0.992 with 360k (docs/tuning.md, round 7). Without the index LSH must also catch short items inside
         * long pages (containment 0.95 at Jaccard 0.1), so the curve sits low: 0.15 gives 128 × 2.
         * @default 0.5 with the containment index, 0.15 without
         */
        threshold: z.number().gt(0).lt(1).optional(),
        bands: z.number().int().positive().optional(),
        rows: z.number().int().positive().optional(),
        /**
         * Also find candidates by containment (index/sample-index.ts: inverted index over 1-in-16 sampled
         * shingles, 1-in-4 for short items): LSH estimates Jaccard and misses a short item inside a long page.
         * With it, LSH needs few bands (`threshold`): candidate recall of the verified truth on SaudiNewsNet
         * 0.997 from 57k candidates; LSH alone at 128 × 2 bands, 0.936 from 349k (docs/tuning.md, round 7).
         * @default true
         */
        containment: z.boolean().default(true),
      })
      .prefault({}),
    match: z
      .object({
        /** Keep a verified pair whose exact Jaccard reaches this. @default 0.5 */
        threshold: z.number().min(0).max(1).default(0.5),
        /**
         * …or whose larger containment reaches this. 0.5, not 0.6: hand-judged rewrites of one release sit at
         * 0.54–0.6, and the template guard, not this threshold, keeps templated items and partial reuse out of
         * clusters (docs/tuning.md). @default 0.5
         */
        containment: z.number().min(0).max(1).default(0.5),
        /**
         * How a verified pair is judged copy, template or partial reuse: 'model', the learned verdict
         * (match/pair-model.ts) over the template guard's measurements, agreeing 0.89 with readers on 180 pairs
         * judged after it was fitted, where the hand rules agree 0.86; 'rules', the hand rules alone, each a
         * threshold one can read (docs/tuning.md, round 12). @default 'model'
         */
        verdicts: z.enum(['model', 'rules']).default('model'),
      })
      .prefault({}),
  })
  .strict();

/** Where the LSH S-curve sits by default, by whether the containment index runs beside it (see `index.threshold`). */
export const defaultLshThreshold = { withContainmentIndex: 0.5, alone: 0.15 } as const;

export type ParamsInput = z.input<typeof paramsSchema>;

export interface Params {
  readonly io: {
    readonly extensions: readonly string[];
    readonly maxRecordBytes: number;
    readonly maxInflatedBytes: number;
    readonly maxInflateRatio: number;
    readonly fields: FieldMap;
  };
  readonly text: { readonly stripBoilerplate: boolean; readonly minChars: number };
  readonly sketch: { readonly shingle: 'char' | 'word'; readonly size: number; readonly hashes: number; readonly seed: number };
  readonly index: { readonly threshold: number; readonly bands: number; readonly rows: number; readonly containment: boolean };
  readonly match: { readonly threshold: number; readonly containment: number; readonly verdicts: 'model' | 'rules' };
}

/** Validates once at the edge, fills defaults and derived values, and freezes. */
export function resolveParams(input: ParamsInput = {}): Params {
  const parsed = paramsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SadaError('E_PARAMS', `invalid parameter ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const p = parsed.data;
  const size = p.sketch.size ?? (p.sketch.shingle === 'char' ? 7 : 5);
  const threshold = p.index.threshold ?? (p.index.containment ? defaultLshThreshold.withContainmentIndex : defaultLshThreshold.alone);
  const { bands, rows } = chooseBands(threshold, p.sketch.hashes, p.index.bands, p.index.rows);
  return deepFreeze({
    io: p.io,
    text: p.text,
    sketch: { ...p.sketch, size },
    index: { threshold, bands, rows, containment: p.index.containment },
    match: p.match,
  });
}

function chooseBands(threshold: number, hashes: number, bands?: number, rows?: number): { bands: number; rows: number } {
  if (bands !== undefined && rows !== undefined) {
    if (bands * rows > hashes) {
      throw new SadaError('E_PARAMS', `index.bands × index.rows (${bands}×${rows}) exceeds sketch.hashes (${hashes})`);
    }
    return { bands, rows };
  }
  if (bands !== undefined || rows !== undefined) {
    throw new SadaError('E_PARAMS', 'give both index.bands and index.rows, or neither to derive them from index.threshold');
  }
  return optimalBands(threshold, hashes);
}

/** Probability that two documents with Jaccard `s` share at least one band: 1 − (1 − s^r)^b. */
export function collisionProbability(s: number, bands: number, rows: number): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

function integrate(f: (x: number) => number, a: number, b: number): number {
  const steps = 200;
  const h = (b - a) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(a + (i + 0.5) * h) * h;
  return sum;
}

/**
 * bands × rows minimising the area of false positives below the threshold plus false negatives above it
 * (MMDS §3.4.3; datasketch `_optimal_param`), with misses weighted 9:1 because every candidate is verified
 * exactly anyway — a false positive costs one set comparison, a false negative loses a copy for good.
 */
export function optimalBands(threshold: number, hashes: number, fnWeight = 0.9): { bands: number; rows: number } {
  // ~1,500 (bands, rows) shapes × 400 integrand points for 256 hashes: tens of milliseconds, and every
  // resolveParams() call (one per diff in a report) would pay it again
  const key = `${threshold}/${hashes}/${fnWeight}`;
  const known = optimalBandsCache.get(key);
  if (known) return known;
  const found = searchBands(threshold, hashes, fnWeight);
  optimalBandsCache.set(key, found);
  return found;
}

/**
 * The search's answer for the default parameters, so a process does not spend ~85 ms finding it again
 * (most of a small `sada diff` or `sada scan`); test/index/lsh-index.test.ts checks it against `searchBands`.
 */
export const precomputedBands: Readonly<Record<string, { readonly bands: number; readonly rows: number }>> = {
  '0.15/256/0.9': { bands: 128, rows: 2 },
  '0.5/256/0.9': { bands: 42, rows: 4 },
};

const optimalBandsCache = new Map<string, { bands: number; rows: number }>(Object.entries(precomputedBands).map(([k, v]) => [k, { ...v }]));

/** The uncached search behind `optimalBands`. */
export function searchBands(threshold: number, hashes: number, fnWeight: number): { bands: number; rows: number } {
  let best = { bands: 1, rows: 1, error: Infinity };
  for (let bands = 1; bands <= hashes; bands++) {
    const maxRows = Math.floor(hashes / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const fp = integrate((s) => collisionProbability(s, bands, rows), 0, threshold);
      const fn = integrate((s) => 1 - collisionProbability(s, bands, rows), threshold, 1);
      const error = (1 - fnWeight) * fp + fnWeight * fn;
      if (error < best.error) best = { bands, rows, error };
    }
  }
  return { bands: best.bands, rows: best.rows };
}

/** Hash of everything that changes signatures or band keys: goes into index meta and every report. */
export function paramsId(p: Params): string {
  const sig = { sketch: p.sketch, index: { bands: p.index.bands, rows: p.index.rows }, text: p.text };
  return createHash('sha256').update(JSON.stringify(sig)).digest('hex').slice(0, 16);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
