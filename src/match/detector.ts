import xxhash from 'xxhash-wasm';
import type { Params } from '../params.js';
import { paramsId } from '../params.js';
import type { Body, Pair, Signature } from '../records.js';
import { LshIndex } from '../index/lsh-index.js';
import { MemoryBandStore } from '../index/memory-store.js';
import type { BandStore } from '../index/store.js';
import { createMinHasher } from '../sketch/minhash.js';
import { shingleHashes } from '../sketch/shingle.js';
import { comparePair, isMatch } from './verify.js';

type Hasher = Awaited<ReturnType<typeof xxhash>>;

export interface DetectorCounts {
  readonly candidates: number;
  readonly verified: number;
  readonly exactDuplicates: number;
}

/**
 * The streaming core: bodies go in one at a time; exact duplicates are caught by an xxhash fingerprint of
 * the normalised body (and never grow the index), the rest are shingled, signed, added to the LSH index in
 * batches, and every candidate pair is verified exactly on the shingle sets. Matched pairs accumulate.
 */
export class Detector {
  readonly pairs: Pair[] = [];
  private readonly shingles: Uint32Array[] = [];
  private readonly fingerprints = new Map<string, number>();
  private batch: Signature[] = [];
  private candidates = 0;
  private verified = 0;
  private exactDuplicates = 0;
  private readonly minhash: (s: Uint32Array, out: Uint32Array) => void;

  private constructor(
    private readonly p: Params,
    private readonly index: LshIndex,
    private readonly hasher: Hasher,
    private readonly batchSize: number,
  ) {
    this.minhash = createMinHasher(p.sketch.hashes, p.sketch.seed);
  }

  static async create(p: Params, store: BandStore = new MemoryBandStore(), batchSize = 512): Promise<Detector> {
    const index = await LshIndex.open(store, {
      bands: p.index.bands,
      rows: p.index.rows,
      hashes: p.sketch.hashes,
      paramsId: paramsId(p),
    });
    return new Detector(p, index, await xxhash(), batchSize);
  }

  /** Exact set size of a document's shingles (after `add`). */
  shingleCount(docId: number): number {
    return this.shingles[docId]?.length ?? 0;
  }

  async add(body: Body): Promise<void> {
    const id = body.docId;
    const text = body.normalised.text;
    const fingerprint = this.hasher.h64ToString(text);
    const original = this.fingerprints.get(fingerprint);
    if (original !== undefined) {
      this.exactDuplicates++;
      this.shingles[id] = this.shingles[original];
      const n = this.shingles[id].length;
      this.pairs.push({ a: original, b: id, jaccard: 1, containsAinB: n ? 1 : 0, containsBinA: n ? 1 : 0, exact: true });
      return;
    }
    this.fingerprints.set(fingerprint, id);
    const { shingle, size, seed, hashes } = this.p.sketch;
    const set = shingleHashes(text, shingle, size, seed);
    this.shingles[id] = set;
    const values = new Uint32Array(hashes);
    this.minhash(set, values);
    this.batch.push({ docId: id, values });
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /** Indexes what is batched and verifies its candidates. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const found = await this.index.addBatch(this.batch);
    this.batch = [];
    this.candidates += found.length;
    for (const c of found) {
      const pair = comparePair(c.a, this.shingles[c.a], c.b, this.shingles[c.b]);
      this.verified++;
      if (isMatch(pair, this.p.match)) this.pairs.push(pair);
    }
  }

  async finish(): Promise<DetectorCounts> {
    await this.flush();
    await this.index.close();
    return { candidates: this.candidates, verified: this.verified, exactDuplicates: this.exactDuplicates };
  }
}
