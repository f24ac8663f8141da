import { Uint32Slab } from './uint32-slab.js';

/**
 * Per-document arrays kept to the end of a run (shingle sets), by dense id, in the chunks of a slab with
 * three int32 a document saying where: no object per document. A view per document held in a JS array was
 * ~100 bytes of V8 heap each (the array's contents are off-heap), a tenth of the heap a scan kept per
 * document, and one more object for every full collection to trace. `get` makes a view on demand: short-lived,
 * for the young generation.
 */
export class SetTable {
  private readonly slab: Uint32Slab;
  /** chunk, offset, length per id; chunk −1: no array. */
  private where = new Int32Array(3 * 1024).fill(-1);

  /** @param chunkLength values per slab chunk (see Uint32Slab). */
  constructor(chunkLength = 1 << 20) {
    this.slab = new Uint32Slab(chunkLength);
  }

  /** Room for an array of `n` values, to write into at `offset` (then `keep`); see Uint32Slab. */
  get writer(): Uint32Slab {
    return this.slab;
  }

  /** Files `view`, which must be the last array taken from `writer`, as document `id`'s. */
  keep(id: number, view: Uint32Array): void {
    this.grow(id);
    this.where[3 * id] = this.slab.chunkIndex;
    this.where[3 * id + 1] = view.byteOffset >>> 2;
    this.where[3 * id + 2] = view.length;
  }

  /** Copies `a` in as document `id`'s. */
  copy(id: number, a: Uint32Array): void {
    this.keep(id, this.slab.copy(a));
  }

  /** Document `id` shares document `original`'s array. */
  alias(id: number, original: number): void {
    const from = 3 * original < this.where.length ? this.where.slice(3 * original, 3 * original + 3) : [-1, 0, 0];
    this.grow(id);
    this.where.set(from, 3 * id);
  }

  /** Document `id`'s array (a fresh view), or undefined when none was filed. */
  get(id: number): Uint32Array | undefined {
    if (3 * id >= this.where.length) return undefined;
    const c = this.where[3 * id];
    if (c < 0) return undefined;
    const at = this.where[3 * id + 1];
    return this.slab.chunkAt(c).subarray(at, at + this.where[3 * id + 2]);
  }

  /** Bytes of the arrays filed (an alias counts again). */
  get bytes(): number {
    let n = 0;
    for (let o = 0; o < this.where.length; o += 3) if (this.where[o] >= 0) n += 4 * this.where[o + 2];
    return n;
  }

  /** Length of document `id`'s array, 0 when none. */
  length(id: number): number {
    return 3 * id < this.where.length && this.where[3 * id] >= 0 ? this.where[3 * id + 2] : 0;
  }

  private grow(id: number): void {
    if (3 * id < this.where.length) return;
    const grown = new Int32Array(Math.max(3 * (id + 1), this.where.length * 2)).fill(-1);
    grown.set(this.where);
    this.where = grown;
  }
}
