import { fmix32, mixRound } from '../sketch/hash32.js';

/**
 * LSH band keys as exact 53-bit numbers (two independent 32-bit hashes of the band's rows, the band's
 * position mixed in). Numbers, not strings: string keys measured ~5× slower in Maps. The position is part
 * of the key so equal rows in different bands never collide (the `minhash` package's band keys ignore it).
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number, out: Float64Array, outOffset = 0): void {
  for (let t = 0; t < bands; t++) {
    let h1 = 0x1b873593 ^ t;
    let h2 = 0x5bd1e995 ^ Math.imul(t + 1, 0x9e3779b1);
    const base = t * rows;
    for (let r = 0; r < rows; r++) {
      const v = signature[base + r] | 0;
      h1 = mixRound(h1, v);
      h2 = mixRound(h2, v ^ 0x27d4eb2d);
    }
    out[outOffset + t] = (fmix32(h1) & 0x1fffff) * 4294967296 + fmix32(h2);
  }
}
