/**
 * A learned verdict for a verified pair: multinomial logistic regression over the template guard's own
 * measurements (template-guard.ts `features`), fitted to the hand-judged SaudiNewsNet pairs by
 * `node bench/eval/fit-pair-model.mjs`, which writes `pair-model-weights.ts`.
 *
 * Why learned: each of the guard's rules (slot agreement, larger lead, headline swaps, follow-ups days apart)
 * is right more often than not, but they are thresholds on one measurement at a time, and ten rounds of
 * tuning them by hand stopped at 0.88 agreement with a reader. Weighing the same measurements together agrees
 * 0.90 cross-validated, and 0.90 on 360 pairs judged after the fit where the rules agree 0.83; two readers of
 * such pairs agree 0.95–0.97 with each other (docs/tuning.md, rounds 12–13).
 */

/** What the model reads of a pair; every field is one the guard's rules read too. */
export interface PairFeatures {
  /** Larger and smaller containment, and Jaccard, of the exact shingle sets. */
  readonly containment: number;
  readonly smallerContainment: number;
  readonly jaccard: number;
  /** Lead slot agreement, the smaller and the larger of the two directions (1 when a lead has no slots). */
  readonly slotMin: number;
  readonly slotMax: number;
  /** Share of the larger document's lead words found in the smaller, and the other way round. */
  readonly largerLead: number;
  readonly smallerLead: number;
  /** Counter substitutions in the leads: spelled-out counters only, and digits too. */
  readonly substitutions: number;
  readonly substitutionsWithDigits: number;
  /** Headline evidence (0 / 1; agreement 0.5 when a headline is missing). */
  readonly headlineSwap: number;
  readonly headlineCounters: number;
  readonly recurringHeadline: number;
  readonly headlineAgreement: number;
  /** Days between the publication dates, 0 when either is unknown. */
  readonly daysApart: number;
  /** Most distinct days a shared opening 4-gram opened a body on (capped at 8; 0 when none is shared). */
  readonly frameDays: number;
  /** Share of the larger / smaller document's first 12 words found in the other. */
  readonly largerOpening: number;
  readonly smallerOpening: number;
  /** Both headlines give numbers in digits, none in common (a running count of another day, or a rounded figure). */
  readonly headlineNumbers: number;
}

/** The model's three verdicts, as the hand-judged pairs are scored: partial reuse and unrelated are `other`. */
export type ModelVerdict = 'copy' | 'template' | 'other';
export const modelVerdicts: readonly ModelVerdict[] = ['copy', 'template', 'other'];

/**
 * Feature vector in the model's column order: the first fourteen fields above, then the log of the size ratio
 * (from the two containments), the gap capped at 5 days, whether it is 2 days or more, whether containment is
 * ≥ 0.9, the frame days scaled to 0–1, whether a frame of 3 days or more is shared across days (a bulletin of
 * another day: templates the hand rules missed at 0.56–0.85), the two opening shares, and whether the headlines'
 * numbers differ (last: added in round 13).
 */
export function featureVector(f: PairFeatures): number[] {
  const sizeRatio = f.smallerContainment > 0 ? Math.log(f.containment / f.smallerContainment) : 0;
  return [
    f.containment,
    f.smallerContainment,
    f.jaccard,
    f.slotMin,
    f.slotMax,
    f.largerLead,
    f.smallerLead,
    f.substitutions,
    f.substitutionsWithDigits,
    f.headlineSwap,
    f.headlineCounters,
    f.recurringHeadline,
    f.headlineAgreement,
    f.daysApart,
    sizeRatio,
    Math.min(f.daysApart, 5) / 5,
    f.daysApart >= 2 ? 1 : 0,
    f.containment >= 0.9 ? 1 : 0,
    f.frameDays / 8,
    f.frameDays >= 3 && f.daysApart >= 1 ? 1 : 0,
    f.largerOpening,
    f.smallerOpening,
    f.headlineNumbers,
  ];
}

/** A fitted model: standardisation of each column, then one weight row per verdict (bias last). */
export interface PairModel {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** `weights[k]` scores verdict `modelVerdicts[k]`: columns, then the bias. */
  readonly weights: readonly (readonly number[])[];
}

/** The verdict scoring highest. */
export function predictVerdict(model: PairModel, x: readonly number[]): ModelVerdict {
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < model.weights.length; k++) {
    const w = model.weights[k];
    let s = w[x.length];
    for (let j = 0; j < x.length; j++) s += (w[j] * (x[j] - model.mean[j])) / model.scale[j];
    if (s > bestScore) {
      bestScore = s;
      best = k;
    }
  }
  return modelVerdicts[best];
}

/**
 * Fits a model by full-batch gradient descent on the softmax loss with an L2 penalty `lambda` (not on the
 * biases). Deterministic: zero start, fixed steps, rows in the order given.
 */
export function fitPairModel(xs: readonly (readonly number[])[], ys: readonly ModelVerdict[], lambda = 1, steps = 600, rate = 0.3): PairModel {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j] += x[j] / n;
  for (const x of xs) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) + 1e-9;
  const z = xs.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  const y = ys.map((v) => modelVerdicts.indexOf(v));
  const K = modelVerdicts.length;
  const w = Array.from({ length: K }, () => new Array<number>(d + 1).fill(0));
  const p = new Array<number>(K);
  for (let step = 0; step < steps; step++) {
    const g = Array.from({ length: K }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = w[k][d];
        for (let j = 0; j < d; j++) s += w[k][j] * z[i][j];
        p[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += (p[k] = Math.exp(p[k] - max));
      for (let k = 0; k < K; k++) {
        const err = p[k] / sum - (y[i] === k ? 1 : 0);
        for (let j = 0; j < d; j++) g[k][j] += err * z[i][j];
        g[k][d] += err;
      }
    }
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < d; j++) w[k][j] -= (rate * (g[k][j] + lambda * w[k][j])) / n;
      w[k][d] -= (rate * g[k][d]) / n;
    }
  }
  return { mean, scale, weights: w };
}
