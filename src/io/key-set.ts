import { fmix32, fnv1a } from '../sketch/hash32.js';

/**
 * The set of record keys seen so far, as 64-bit hashes in an open-addressing table of typed arrays: eight
 * bytes a key off the JS heap, where a `Set<string>` of URLs costs ~110 bytes each on it (a crawl of a
 * million records). Two different keys with one 64-bit hash would be taken for a repeat (and the second
 * renamed `#2`): odds about n²/2⁶⁵, 3·10⁻⁸ for a million keys.
 */
export class KeySet {
  private lo = new Uint32Array(1 << 12);
  private hi = new Uint32Array(1 << 12);
  private size = 0;

  /** Adds `key`; false when it was there already. */
  add(key: string): boolean {
    // two FNV passes with different seeds, each finalised, make the 64 bits; 0/0 marks an empty slot
    const a = fmix32(fnv1a(key, 0, key.length)) | 1;
    const b = fmix32(fnv1a(key, 0, key.length, 0x9747b28c));
    const mask = this.lo.length - 1;
    for (let s = (a ^ b) & mask; ; s = (s + 1) & mask) {
      if (this.lo[s] === 0) {
        this.lo[s] = a;
        this.hi[s] = b;
        if (++this.size * 2 > this.lo.length) this.grow();
        return true;
      }
      if (this.lo[s] === a >>> 0 && this.hi[s] === b) return false;
    }
  }

  private grow(): void {
    const { lo, hi } = this;
    this.lo = new Uint32Array(lo.length * 2);
    this.hi = new Uint32Array(hi.length * 2);
    const mask = this.lo.length - 1;
    for (let i = 0; i < lo.length; i++) {
      if (lo[i] === 0) continue;
      let s = (lo[i] ^ hi[i]) & mask;
      while (this.lo[s] !== 0) s = (s + 1) & mask;
      this.lo[s] = lo[i];
      this.hi[s] = hi[i];
    }
  }
}
