/**
 * Shingle sets kept for the whole run (the detector verifies against them until the end) share large
 * chunks instead of each owning an ArrayBuffer: a buffer per set costs an allocation, a GC-tracked
 * extension and external-memory accounting per document, which made V8 start old-space collections
 * over and over. A set is a view into a chunk; a chunk is never reused, so views stay valid. Not for sets
 * that move between threads (transferring a view's buffer would move the whole chunk).
 */
export class SetSlab {
  private chunk = new Uint32Array(0);
  private top = 0;

  /** @param chunkLength values per chunk; a larger set gets a chunk of its own size. */
  constructor(private readonly chunkLength = 1 << 20) {}

  /** A copy of `src[0, n)` in the slab. */
  copy(src: Uint32Array, n: number): Uint32Array {
    if (this.top + n > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(this.chunkLength, n));
      this.top = 0;
    }
    const out = this.chunk.subarray(this.top, this.top + n);
    out.set(src.subarray(0, n));
    this.top += n;
    return out;
  }
}
