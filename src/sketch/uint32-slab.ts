/**
 * Per-document arrays kept for the whole run (shingle sets: the detector verifies against them until the
 * end; the template guard's lead and Bloom filter) share large chunks instead of each owning an
 * ArrayBuffer: an array is written straight into a chunk (no copy) and handed out as a view of it. A chunk
 * is never reused, so views stay valid, and its memory is zero until written. Peak RSS of the 12
 * SaudiNewsNet days fell ~5% (one malloc'd buffer per document). A worker packs a whole batch's arrays
 * into a slab of its own and transfers its `buffers` together (a few ArrayBuffers a batch, not a few a
 * document); the receiver `copy`s what it keeps into its own slab and lets the batch's chunks go.
 */
export class Uint32Slab {
  private chunk = new Uint32Array(0);
  private top = 0;
  private readonly chunks: Uint32Array[] = [];

  /** @param chunkLength values per chunk; a larger array gets a chunk of its own size. */
  constructor(private readonly chunkLength = 1 << 20) {}

  /** A chunk with room for `n` values from `offset` on (zeros): write the array there, then `take` it. */
  room(n: number): Uint32Array {
    // the first call always makes a chunk, so even an empty array lies in one of `chunks`
    if (this.chunks.length === 0 || this.top + n > this.chunk.length) {
      this.chunk = new Uint32Array(Math.max(this.chunkLength, n));
      this.chunks.push(this.chunk);
      this.top = 0;
    }
    return this.chunk;
  }

  /** Where the next array starts in the chunk `room` gave. */
  get offset(): number {
    return this.top;
  }

  /** `n` zeros in the slab (fresh chunk memory, never reused). */
  zeros(n: number): Uint32Array {
    this.room(n);
    return this.take(n);
  }

  /** A copy of `a` in the slab. */
  copy(a: Uint32Array): Uint32Array {
    this.room(a.length).set(a, this.top);
    return this.take(a.length);
  }

  /** The chunks written so far, oldest first (to transfer them). */
  buffers(): ArrayBuffer[] {
    return this.chunks.map((c) => c.buffer as ArrayBuffer);
  }

  /** Index in `buffers()` order of the chunk the last `take` came from (−1 before any). */
  get chunkIndex(): number {
    return this.chunks.length - 1;
  }

  /** Chunk `i` (see `chunkIndex`). */
  chunkAt(i: number): Uint32Array {
    return this.chunks[i];
  }

  /** The `n` values from `offset` (at most the room asked for), as a view kept to the end. */
  take(n: number): Uint32Array {
    const view = this.chunk.subarray(this.top, this.top + n);
    this.top += n;
    return view;
  }
}
