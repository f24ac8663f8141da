/**
 * LSH candidate generation simulated on the real kernels (OPH MinHash + band keys from dist/), for
 * sweeping bands × rows × hashes without building the detector: counts candidates and which truth pairs
 * they cover. Same band-key function as the index, so the numbers are the index's.
 */
import { bandKeys } from '../../dist/index/band-keys.js';
import { createMinHasher } from '../../dist/sketch/minhash.js';

/** OPH signatures of every set. */
export function signAll(sets, hashes, seed) {
  const minhash = createMinHasher(hashes, seed);
  return sets.map((s) => {
    const out = new Uint32Array(hashes);
    minhash(s, out);
    return out;
  });
}

/**
 * Candidate pairs of an LSH index with `bands` × `rows` over `sigs`, returned as a per-document list of
 * earlier partners (`partners[d]` holds o < d). Documents whose shingle sets are identical are one
 * candidate by fingerprint in the detector; here they collide in every band anyway.
 */
export function candidates(sigs, bands, rows) {
  const n = sigs.length;
  const tables = Array.from({ length: bands }, () => new Map());
  const keys = new Float64Array(bands);
  const stamp = new Int32Array(n).fill(-1);
  const partners = new Array(n);
  let count = 0;
  for (let d = 0; d < n; d++) {
    bandKeys(sigs[d], bands, rows, keys, 0);
    const mine = [];
    stamp[d] = d;
    for (let t = 0; t < bands; t++) {
      const table = tables[t];
      const k = keys[t];
      let bucket = table.get(k);
      if (bucket === undefined) table.set(k, (bucket = []));
      for (const o of bucket) {
        if (stamp[o] !== d) {
          stamp[o] = d;
          mine.push(o);
        }
      }
      bucket.push(d);
    }
    partners[d] = mine;
    count += mine.length;
  }
  return { partners, count };
}
