import type { Pair } from '../records.js';

/** Size of the intersection of two sorted, de-duplicated hash sets (a merge walk): the slow reference. */
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
  return pairFromCounts(aId, a.length, bId, b.length, intersectionSize(a, b));
}

/** The pair record for set sizes and an exact intersection size (one place for the arithmetic). */
export function pairFromCounts(aId: number, aSize: number, bId: number, bSize: number, inter: number): Pair {
  const union = aSize + bSize - inter;
  return {
    a: aId,
    b: bId,
    jaccard: union === 0 ? 0 : inter / union,
    containsAinB: aSize === 0 ? 0 : inter / aSize,
    containsBinA: bSize === 0 ? 0 : inter / bSize,
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

/**
 * The smallest intersection size at which two sets of these sizes match, or `min(aSize, bSize) + 1` when
 * none does. `isMatch` is monotone in the intersection (Jaccard and both containments only grow with it,
 * and correctly rounded division keeps that order), so a binary search over the same float arithmetic as
 * `pairFromCounts` gives the exact boundary — no tolerance, no pair decided differently.
 */
export function minMatchingIntersection(aSize: number, bSize: number, t: VerifyThresholds): number {
  let lo = 0;
  let hi = Math.min(aSize, bSize) + 1; // isMatch(hi) is taken as true
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isMatch(pairFromCounts(0, aSize, 1, bSize, mid), t)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A sorted set prepared for many membership probes: a bucket directory over its top bits, so a probe reads
 * one directory slot and about one element instead of walking a merge (hash values are uniform, so buckets
 * hold ~1 element each). Verification builds one per new document and probes every older candidate into it.
 * Buffers are owned by the instance and reused from document to document.
 */
export class SetProbe {
  /** One bit per 2^-18 slice of the hash range: a clear bit proves absence with one load (see `intersect`). */
  private readonly bits = new Int32Array(1 << 13);
  private dir = new Uint32Array(2);
  private set: Uint32Array = new Uint32Array(0);
  private shift = 31;

  /** Prepares `b` (sorted, distinct) for probing; it is kept by reference until the next `reset`. */
  reset(b: Uint32Array): void {
    this.set = b;
    let bits = 1;
    while (bits < 16 && 1 << bits < b.length) bits++;
    const buckets = 1 << bits;
    this.shift = 32 - bits;
    if (this.dir.length < buckets + 1) this.dir = new Uint32Array(Math.max(buckets + 1, this.dir.length * 2));
    const dir = this.dir;
    const shift = this.shift;
    // dir[k] = how many elements lie in buckets below k: counted, then summed (branch-free, where walking
    // `b` against each bucket mispredicted on every bucket boundary)
    dir.fill(0, 0, buckets + 1);
    for (let i = 0; i < b.length; i++) dir[(b[i] >>> shift) + 1]++;
    for (let k = 0; k < buckets; k++) dir[k + 1] += dir[k];
    const bm = this.bits;
    bm.fill(0);
    for (let i = 0; i < b.length; i++) {
      const x = b[i];
      bm[x >>> 19] |= 1 << ((x >>> 14) & 31);
    }
  }

  /**
   * |a ∩ b| for sorted, distinct `a`, or −1 as soon as it can no longer reach `atLeast` (the probes left
   * could not make up the difference). With `atLeast` 0 the count is always exact.
   */
  intersect(a: Uint32Array, atLeast: number): number {
    const dir = this.dir;
    const b = this.set;
    const bm = this.bits;
    const shift = this.shift;
    const la = a.length;
    const lb = b.length;
    // the walk may stop once n + (la − i) < atLeast, i.e. i > la + n − atLeast
    let stopAt = la - atLeast;
    let n = 0;
    for (let i = 0; i < la; i++) {
      if (i > stopAt) return -1;
      const x = a[i];
      // …or once n + |b ∩ [x, ∞)| < atLeast: b's elements from x's bucket on bound that. When a is the
      // larger set the first bound hardly bites (a 3,000-shingle page against a 300-shingle item walks
      // ~2,850 steps), this one stops about where the smaller set runs out of hope
      if ((i & 31) === 31 && n + lb - dir[x >>> shift] < atLeast) return -1;
      // most probes of an unrelated candidate miss: the bitmap (≤ 2% false hits at 2,000 shingles) answers
      // them with one well-predicted branch; only hits go on to the directory for the exact check
      if ((bm[x >>> 19] & (1 << ((x >>> 14) & 31))) === 0) continue;
      const k = x >>> shift;
      let p = dir[k];
      const e = dir[k + 1];
      while (p < e && b[p] < x) p++;
      if (p < e && b[p] === x) {
        n++;
        stopAt++;
      }
    }
    return n >= atLeast ? n : -1;
  }
}
