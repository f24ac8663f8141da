import type { BandStore, IndexMeta, KeyHits } from './store.js';

/**
 * In-memory band store: per band, an open-addressing table (typed arrays, no Map) from key to the last
 * document stored under it, and one chain array linking each (document, band) to the previous document
 * with the same key. About 28 bytes per document-band at load ≤ 0.5 — a JS Map costs 60–80, and a single
 * Map cannot exceed 2^24 entries (1M documents × 25 bands would).
 */
export class MemoryBandStore implements BandStore {
  private metaValue: IndexMeta | undefined;
  private tables: BandTable[] = [];
  private chain = new Int32Array(0);
  private bands = 0;
  /**
   * The last `putBatch`: its key array and ids, and per (document, band) the index of the batch-mate that
   * replaced it as head of its key (−1: none). `lookup` of that same key array (LshIndex puts a batch, then
   * looks it up) finds each key's head from these instead of probing 128 tables again: a cache miss saved
   * per document-band.
   */
  private lastKeys: Float64Array | undefined;
  private lastIds: Uint32Array = new Uint32Array(0);
  private newer = new Int32Array(0);
  private batchIndex = new Int32Array(0);
  private maxStored = -1;

  /** Longest chain followed per key: a degenerate key (boilerplate-only pages) must not go quadratic. */
  constructor(private readonly maxBucket = 2000) {}

  async meta(): Promise<IndexMeta | undefined> {
    return this.metaValue;
  }

  async setMeta(meta: IndexMeta): Promise<void> {
    if (this.bands === 0) {
      this.bands = meta.bands;
      this.tables = Array.from({ length: meta.bands }, () => new BandTable());
    }
    this.metaValue = meta;
  }

  async putBatch(docIds: Uint32Array, keys: Float64Array): Promise<void> {
    const b = this.bands;
    const n = docIds.length;
    let minId = 0xffffffff;
    let maxId = 0;
    for (let i = 0; i < n; i++) {
      minId = Math.min(minId, docIds[i]);
      maxId = Math.max(maxId, docIds[i]);
    }
    this.ensureChain((maxId + 1) * b);
    // LshIndex's ids grow from batch to batch; a caller whose ids do not gets the probing lookup
    const fast = n > 0 && minId > this.maxStored;
    const span = fast ? maxId - minId + 1 : 0;
    if (this.batchIndex.length < span) this.batchIndex = new Int32Array(Math.max(span, this.batchIndex.length * 2));
    const at = this.batchIndex;
    at.fill(-1, 0, span);
    if (this.newer.length < n * b) this.newer = new Int32Array(Math.max(n * b, this.newer.length * 2));
    const newer = this.newer;
    newer.fill(-1, 0, n * b);
    if (fast) for (let i = 0; i < n; i++) at[docIds[i] - minId] = i;
    const chain = this.chain;
    // band by band (bands are independent): one table's pages stay hot through the batch, and the
    // misses of successive puts overlap, where document by document every put jumped to another table
    for (let t = 0; t < b; t++) {
      const table = this.tables[t];
      table.reserve(n);
      table.warm(keys, t, b, n);
      for (let i = 0; i < n; i++) {
        const d = docIds[i];
        const prev = table.put(keys[i * b + t], d);
        chain[d * b + t] = prev;
        // the head this replaces is a batch-mate (all ids stored before are below minId): remember who replaced it
        if (fast && prev >= minId) newer[at[prev - minId] * b + t] = i;
      }
    }
    this.lastKeys = fast ? keys : undefined;
    this.lastIds = docIds;
    this.maxStored = Math.max(this.maxStored, maxId);
  }

  async lookup(keys: Float64Array): Promise<KeyHits> {
    const b = this.bands;
    const offsets = new Uint32Array(keys.length + 1);
    let ids = new Uint32Array(Math.max(16, keys.length * 2));
    let n = 0;
    const known = keys === this.lastKeys;
    if (known) {
      // head of each (mate, band): the last mate to put the key, resolved newest first in one pass
      const newer = this.newer;
      for (let k = keys.length - 1; k >= 0; k--) {
        const j = newer[k];
        if (j >= 0) newer[k] = newer[j * b + (k % b)] >= 0 ? newer[j * b + (k % b)] : j;
      }
    }
    for (let i = 0; i < keys.length; i++) {
      const t = i % b;
      let d: number;
      if (known) {
        const j = this.newer[i];
        d = this.lastIds[j >= 0 ? j : (i - t) / b];
      } else d = this.tables[t].get(keys[i]);
      for (let steps = 0; d >= 0 && steps < this.maxBucket; steps++) {
        if (n === ids.length) {
          const grown = new Uint32Array(ids.length * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[n++] = d;
        d = this.chain[d * b + t];
      }
      offsets[i + 1] = n;
    }
    if (known) this.lastKeys = undefined; // `newer` now holds resolved heads
    return { offsets, ids: ids.subarray(0, n) };
  }

  async close(): Promise<void> {
    this.tables = [];
    this.chain = new Int32Array(0);
    this.lastKeys = undefined;
    this.newer = new Int32Array(0);
  }

  private ensureChain(size: number): void {
    if (size <= this.chain.length) return;
    const grown = new Int32Array(Math.max(size, this.chain.length * 2, 1024));
    grown.set(this.chain);
    this.chain = grown;
  }
}

const EMPTY = -1;
const TWO_32 = 4294967296;

/**
 * Open addressing with linear probing; keys are exact 53-bit numbers, values the latest doc id. One
 * interleaved array of slots [key low 32 bits, key high bits, head] (12 bytes, as two arrays took), so a
 * probe costs one cache miss, not two.
 */
class BandTable {
  private slots = new Int32Array(1024 * 3).fill(EMPTY);
  private capacity = 1024;
  private size = 0;
  private warmed = 0;

  /** Stores `doc` under `key` and returns the previous head (−1 if none). */
  put(key: number, doc: number): number {
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    const lo = key | 0; // ToInt32 of an integer below 2^53: exactly its low 32 bits
    const hi = (key / TWO_32) | 0;
    const s = this.find(lo, hi);
    const prev = this.slots[s + 2];
    if (prev === EMPTY) {
      this.slots[s] = lo;
      this.slots[s + 1] = hi;
      this.size++;
    }
    this.slots[s + 2] = doc;
    return prev;
  }

  /** Grows now if `n` more keys would need it, so that slots `warm` touched stay where they are. */
  reserve(n: number): void {
    while ((this.size + n) * 2 > this.capacity) this.grow();
  }

  /**
   * Reads the home slot of keys[from], keys[from + stride] … (n keys) ahead of putting them: loads with
   * nothing depending on them overlap their cache misses, where each put waits on its probe before the
   * next one starts.
   */
  warm(keys: Float64Array, from: number, stride: number, n: number): void {
    const mask = this.capacity - 1;
    const slots = this.slots;
    let any = 0;
    for (let i = 0, k = from; i < n; i++, k += stride) any |= slots[((keys[k] | 0) & mask) * 3 + 2];
    this.warmed = any; // kept, so the loads are not dropped as unused
  }

  get(key: number): number {
    return this.slots[this.find(key | 0, (key / TWO_32) | 0) + 2];
  }

  /** Offset of the key's slot, or of the empty slot where it would go. */
  private find(lo: number, hi: number): number {
    const mask = this.capacity - 1;
    const slots = this.slots;
    // the low 32 bits of a key are already a full-avalanche hash
    let i = lo & mask;
    for (;;) {
      const s = i * 3;
      if (slots[s + 2] === EMPTY || (slots[s] === lo && slots[s + 1] === hi)) return s;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Int32Array(this.capacity * 3).fill(EMPTY);
    for (let s = 0; s < old.length; s += 3) {
      if (old[s + 2] === EMPTY) continue;
      const t = this.find(old[s], old[s + 1]);
      this.slots[t] = old[s];
      this.slots[t + 1] = old[s + 1];
      this.slots[t + 2] = old[s + 2];
    }
  }
}
