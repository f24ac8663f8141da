/**
 * Hash → the documents that hold it, for the containment index (sample-index.ts). Walking postings is its
 * inner loop, so each key's documents sit in one contiguous block, read front to back: the linked chains
 * this replaces cost two dependent cache misses per posting (24.7 M steps took ~10 s on SaudiNewsNet).
 *
 * Layout, all typed arrays (no Map, no per-key objects):
 * - `slots`: open addressing, 3 int32 per key — key, count, ref. A key held by one document keeps that
 *   document in `ref` (most sampled shingles occur once: no block at all); from two documents on, `ref` is
 *   the offset of its block in `pool`;
 * - `pool`: blocks of 4, 8, 16 … ids, doubled when full; a freed block goes on a free list per size and is
 *   reused by the next key that grows into that size, so the pool stays near the live postings;
 * - beyond `keep` documents a key is a formula nobody walks (callers' limits are ≤ `keep`): its block is
 *   freed and only its count grows.
 */
export class Postings {
  /** key, count, ref per slot; count 0 marks an empty slot (hash 0 is a valid key). */
  slots = new Int32Array(3 << 12);
  pool = new Int32Array(1 << 14);
  private mask = (1 << 12) - 1;
  private used = 0;
  private top = 0;
  /** Free block lists by size class (block of 4 << c ids); the next link is the block's first id. */
  private readonly free = new Int32Array(32).fill(-1);

  constructor(private readonly keep: number) {}

  /**
   * The slot (an offset into `slots`) holding `h`, or, when no slot does, −1 − the empty slot where it
   * would go (negative either way: callers that only read test `< 0`).
   */
  find(h: number): number {
    const slots = this.slots;
    const key = h | 0;
    // shingle hashes are already mixed (fmix32), but sampled ones share their low bits (all 0): slot on the
    // bits above them, or every key would crowd into a fraction of the table
    for (let i = (h >>> 4) & this.mask; ; i = (i + 1) & this.mask) {
      const s = i * 3;
      if (slots[s + 1] === 0) return -1 - s;
      if (slots[s] === key) return s;
    }
  }

  /** Makes room for `n` more keys now, so slots `find` gives stay valid through the next `n` `addAt`s. */
  reserve(n: number): void {
    while ((this.used + n) * 2 > this.mask + 1) this.grow();
  }

  add(h: number, docId: number): void {
    this.reserve(1);
    this.addAt(this.find(h), h, docId);
  }

  /**
   * `add`, given what `find(h)` returned since the last `reserve` (saves probing the table twice when a
   * document's samples are looked up, then added). A key added since may have taken the empty slot
   * found: probing goes on from there.
   */
  addAt(found: number, h: number, docId: number): void {
    const slots = this.slots;
    const key = h | 0;
    let s = found;
    if (s < 0) {
      s = -1 - s;
      while (slots[s + 1] !== 0 && slots[s] !== key) s = ((s / 3 + 1) & this.mask) * 3;
    }
    const c = slots[s + 1];
    if (c === 0) {
      slots[s] = key;
      slots[s + 1] = 1;
      slots[s + 2] = docId;
      this.used++;
      return;
    }
    slots[s + 1] = c + 1;
    if (c > this.keep) return;
    if (c === this.keep) {
      // one more than any walk's limit: never read again
      if (c > 1) this.release(slots[s + 2], c);
      slots[s + 2] = -1;
      return;
    }
    if (c === 1) {
      const b = this.alloc(0);
      this.pool[b] = slots[s + 2];
      this.pool[b + 1] = docId;
      slots[s + 2] = b;
      return;
    }
    let b = slots[s + 2];
    if (c >= 4 && (c & (c - 1)) === 0) {
      // full: move to a block twice the size
      const nb = this.alloc(31 - Math.clz32(c) - 1);
      // a loop, not copyWithin: most blocks moved hold 4 or 8 ids, less than the builtin's call costs
      const pool = this.pool;
      for (let k = 0; k < c; k++) pool[nb + k] = pool[b + k];
      this.release(b, c);
      b = nb;
      slots[s + 2] = b;
    }
    this.pool[b + c] = docId;
  }

  /** A block of `4 << cls` ids. */
  private alloc(cls: number): number {
    const f = this.free[cls];
    if (f >= 0) {
      this.free[cls] = this.pool[f];
      return f;
    }
    const size = 4 << cls;
    if (this.top + size > this.pool.length) {
      const pool = new Int32Array(Math.max(this.pool.length * 2, this.top + size));
      pool.set(this.pool.subarray(0, this.top));
      this.pool = pool;
    }
    const b = this.top;
    this.top += size;
    return b;
  }

  /** Returns the block of a key holding `count` (≥ 2) ids to its size's free list. */
  private release(b: number, count: number): void {
    const cls = count <= 4 ? 0 : 30 - Math.clz32(count - 1);
    this.pool[b] = this.free[cls];
    this.free[cls] = b;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 3);
    for (let s = 0; s < old.length; s += 3) {
      if (old[s + 1] === 0) continue;
      let i = (old[s] >>> 4) & this.mask;
      while (this.slots[i * 3 + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[i * 3] = old[s];
      this.slots[i * 3 + 1] = old[s + 1];
      this.slots[i * 3 + 2] = old[s + 2];
    }
  }

  /** Keys held. */
  get size(): number {
    return this.used;
  }

  /** Bytes held (slots and pool, free blocks included). */
  get bytes(): number {
    return this.slots.byteLength + this.pool.byteLength;
  }
}
