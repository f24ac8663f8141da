import type { Pair } from '../records.js';

/** Size of the intersection of two sorted, de-duplicated hash sets (a merge walk). */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Exact Jaccard and both containments of two shingle sets. */
export function comparePair(aId: number, a: Uint32Array, bId: number, b: Uint32Array): Pair {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return {
    a: aId,
    b: bId,
    jaccard: union === 0 ? 0 : inter / union,
    containsAinB: a.length === 0 ? 0 : inter / a.length,
    containsBinA: b.length === 0 ? 0 : inter / b.length,
  };
}

export interface VerifyThresholds {
  /** Keep when exact Jaccard reaches this. */
  readonly threshold: number;
  /** …or when the larger containment reaches this. */
  readonly containment: number;
}

/** Whether a verified pair is a copy: enough overlap either as a whole or of one inside the other. */
export function isMatch(p: Pair, t: VerifyThresholds): boolean {
  return p.jaccard >= t.threshold || Math.max(p.containsAinB, p.containsBinA) >= t.containment;
}
