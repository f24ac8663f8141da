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
    const maxId = docIds.reduce((m, d) => Math.max(m, d), 0);
    this.ensureChain((maxId + 1) * b);
    for (let i = 0; i < docIds.length; i++) {
      const d = docIds[i];
      for (let t = 0; t < b; t++) this.chain[d * b + t] = this.tables[t].put(keys[i * b + t], d);
    }
  }

  async lookup(keys: Float64Array): Promise<KeyHits> {
    const b = this.bands;
    const offsets = new Uint32Array(keys.length + 1);
    let ids = new Uint32Array(Math.max(16, keys.length * 2));
    let n = 0;
    for (let i = 0; i < keys.length; i++) {
      const t = i % b;
      let d = this.tables[t].get(keys[i]);
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
    return { offsets, ids: ids.subarray(0, n) };
  }

  async close(): Promise<void> {
    this.tables = [];
    this.chain = new Int32Array(0);
  }

  private ensureChain(size: number): void {
    if (size <= this.chain.length) return;
    const grown = new Int32Array(Math.max(size, this.chain.length * 2, 1024));
    grown.set(this.chain);
    this.chain = grown;
  }
}

const EMPTY = -1;

/** Open addressing with linear probing; keys are exact 53-bit numbers, values the latest doc id. */
class BandTable {
  private keys = new Float64Array(1024);
  private heads = new Int32Array(1024).fill(EMPTY);
  private size = 0;

  /** Stores `doc` under `key` and returns the previous head (−1 if none). */
  put(key: number, doc: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const slot = this.find(key);
    const prev = this.heads[slot];
    if (prev === EMPTY) {
      this.keys[slot] = key;
      this.size++;
    }
    this.heads[slot] = doc;
    return prev;
  }

  get(key: number): number {
    return this.heads[this.find(key)];
  }

  private find(key: number): number {
    const mask = this.keys.length - 1;
    // the low 32 bits of a key are already a full-avalanche hash
    let slot = (key % 4294967296) & mask;
    while (this.heads[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.heads = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] !== EMPTY) {
        const slot = this.find(oldKeys[i]);
        this.keys[slot] = oldKeys[i];
        this.heads[slot] = oldHeads[i];
      }
    }
  }
}
