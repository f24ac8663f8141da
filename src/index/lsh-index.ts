import { SadaError } from '../errors.js';
import type { Candidate, Signature } from '../records.js';
import { bandKeys } from './band-keys.js';
import type { BandStore, IndexMeta } from './store.js';

export interface LshShape {
  readonly bands: number;
  readonly rows: number;
  readonly hashes: number;
  readonly paramsId: string;
}

/**
 * MinHash LSH over a `BandStore`: documents are added in batches, and each batch returns the candidate
 * pairs it forms with everything indexed before it and with itself. Ids must grow from batch to batch.
 */
export class LshIndex {
  private stamp = new Int32Array(1024).fill(-1);
  private documents: number;

  private constructor(
    private readonly store: BandStore,
    private readonly shape: LshShape,
    meta: IndexMeta,
  ) {
    this.documents = meta.documents;
  }

  /** Opens a store, refusing one built with other parameters (its band keys would never match ours). */
  static async open(store: BandStore, shape: LshShape): Promise<LshIndex> {
    const existing = await store.meta();
    if (existing && existing.paramsId !== shape.paramsId) {
      throw new SadaError(
        'E_PARAMS_MISMATCH',
        `index was built with parameters ${existing.paramsId}, this run uses ${shape.paramsId}`,
        { hint: 'use the same sketch/index parameters as the run that created the index, or a new index' },
      );
    }
    const meta: IndexMeta = existing ?? { ...shape, documents: 0 };
    await store.setMeta(meta);
    return new LshIndex(store, shape, meta);
  }

  /** Next dense id for a new document. */
  get size(): number {
    return this.documents;
  }

  async addBatch(signatures: readonly Signature[]): Promise<Candidate[]> {
    const { bands, rows } = this.shape;
    const n = signatures.length;
    if (n === 0) return [];
    const docIds = new Uint32Array(n);
    const keys = new Float64Array(n * bands);
    for (let i = 0; i < n; i++) {
      docIds[i] = signatures[i].docId;
      bandKeys(signatures[i].values, bands, rows, keys, i * bands);
    }
    await this.store.putBatch(docIds, keys);
    const hits = await this.store.lookup(keys);
    const maxId = docIds.reduce((m, d) => Math.max(m, d), 0);
    this.ensureStamp(maxId + 1);
    const out: Candidate[] = [];
    for (let i = 0; i < n; i++) {
      const d = docIds[i];
      this.stamp[d] = d;
      for (let k = i * bands; k < (i + 1) * bands; k++) {
        for (let h = hits.offsets[k]; h < hits.offsets[k + 1]; h++) {
          const other = hits.ids[h];
          // a batch-mate finds d as well: keep each pair once, from its larger id
          if (other < d && this.stamp[other] !== d) {
            this.stamp[other] = d;
            out.push({ a: other, b: d });
          }
        }
      }
    }
    this.documents = Math.max(this.documents, maxId + 1);
    await this.store.setMeta({ ...this.shape, documents: this.documents });
    return out;
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private ensureStamp(size: number): void {
    if (size <= this.stamp.length) return;
    const grown = new Int32Array(Math.max(size, this.stamp.length * 2)).fill(-1);
    grown.set(this.stamp);
    this.stamp = grown;
  }
}
