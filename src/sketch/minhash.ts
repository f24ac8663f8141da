import { fmix32, seededStream } from './hash32.js';

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification (Shrivastava 2017):
 * each shingle hash is mixed once and lands in one of k bins; a bin keeps its minimum. Empty bins borrow
 * from a filled bin chosen by a fixed probe sequence, so two documents borrow identically. One hash per
 * shingle instead of k makes it ~k× cheaper than classic MinHash at the same estimator variance for
 * documents with many more shingles than bins.
 *
 * Prepared once, returns a hot function that writes into a caller-owned buffer.
 */
export function createMinHasher(hashes: number, seed: number): (shingles: Uint32Array, out: Uint32Array) => void {
  const next = seededStream(seed ^ 0x6d696e68);
  const mixSeed = next();
  const filled = new Uint8Array(hashes);
  // Probe sequences for densification, precomputed: bin i tries probe[i * maxProbes + t].
  const maxProbes = 64;
  const probe = new Uint16Array(hashes * maxProbes);
  for (let i = 0; i < hashes; i++) {
    for (let t = 0; t < maxProbes; t++) {
      probe[i * maxProbes + t] = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(t + 1, 0x85ebca77) ^ mixSeed) % hashes;
    }
  }
  const binTracked = (shingles: Uint32Array, out: Uint32Array): number => {
    out.fill(0xffffffff);
    filled.fill(0);
    let nfilled = 0;
    for (let j = 0; j < shingles.length; j++) {
      const h = fmix32(shingles[j] ^ mixSeed);
      const bin = ((h >>> 16) * hashes) >>> 16;
      if (filled[bin] === 0) {
        filled[bin] = 1;
        nfilled++;
        out[bin] = h;
      } else if (h < out[bin]) out[bin] = h;
    }
    return nfilled;
  };
  return (shingles, out) => {
    out.fill(0xffffffff);
    // Branch-free: a bin keeps Math.min of what lands in it (~30% faster than testing `filled` and the
    // current minimum per shingle), and a bin is filled when it holds less than the initial all-ones. A
    // hash of all ones would be a filled bin that looks empty: then the shingles are binned again, tracking
    // `filled` per shingle (one document in 2^32 / its shingle count).
    let allOnes = 0;
    for (let j = 0; j < shingles.length; j++) {
      // fmix32, written out to stay in int32 until the minimum (~10% faster here than the call's uint32)
      let h = shingles[j] ^ mixSeed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      // bin from the high 16 bits scaled to [0, hashes): no modulo bias, any k
      const bin = ((h >>> 16) * hashes) >>> 16;
      allOnes |= h === -1 ? 1 : 0;
      out[bin] = Math.min(out[bin], h >>> 0);
    }
    let nfilled = 0;
    if (allOnes === 0) {
      for (let i = 0; i < hashes; i++) {
        const f = out[i] !== 0xffffffff ? 1 : 0;
        filled[i] = f;
        nfilled += f;
      }
    } else nfilled = binTracked(shingles, out);
    if (nfilled === 0 || nfilled === hashes) return;
    for (let i = 0; i < hashes; i++) {
      if (filled[i] === 1) continue;
      let j = -1;
      for (let t = 0; t < maxProbes && j < 0; t++) {
        const c = probe[i * maxProbes + t];
        if (filled[c] === 1) j = c;
      }
      // Very sparse signatures (a handful of shingles): a linear scan, still the same for every document.
      for (let d = 1; j < 0; d++) if (filled[(i + d) % hashes] === 1) j = (i + d) % hashes;
      out[i] = out[j];
    }
  };
}

/** Share of equal values: the MinHash estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}
