/**
 * Where LSH band keys live. The in-memory store serves a single scan; persistent stores (LMDB for the
 * nightly on-disk index, Redis for a shared one) implement the same four calls. Batching is the store's
 * business: callers hand over whole batches and never see backend options.
 */

export interface IndexMeta {
  /** `paramsId` of the parameters that made the signatures; opening with others is `E_PARAMS_MISMATCH`. */
  readonly paramsId: string;
  readonly bands: number;
  readonly rows: number;
  readonly hashes: number;
  /** Documents indexed so far; the next document gets this dense id. */
  readonly documents: number;
}

/** Doc ids stored under each looked-up key, in compressed-row form: key i's ids are ids[offsets[i]..offsets[i+1]). */
export interface KeyHits {
  readonly offsets: Uint32Array;
  readonly ids: Uint32Array;
}

export interface BandStore {
  meta(): Promise<IndexMeta | undefined>;
  setMeta(meta: IndexMeta): Promise<void>;
  /** Stores `bands` keys per document, laid out document-major (`keys[d * bands + t]`). */
  putBatch(docIds: Uint32Array, keys: Float64Array): Promise<void>;
  /** Looks up keys laid out document-major as in `putBatch`; band t's key is searched in band t only. */
  lookup(keys: Float64Array): Promise<KeyHits>;
  close(): Promise<void>;
}
