import xxhash from 'xxhash-wasm';
import type { Params } from '../params.js';
import { paramsId } from '../params.js';
import type { Body, Candidate, Pair, Signature } from '../records.js';
import { LshIndex } from '../index/lsh-index.js';
import { defaultSampleShape, SampleIndex } from '../index/sample-index.js';
import { MemoryBandStore } from '../index/memory-store.js';
import type { BandStore } from '../index/store.js';
import { createMinHasher } from '../sketch/minhash.js';
import { SetTable } from '../sketch/set-table.js';
import { shingleHashes } from '../sketch/shingle.js';
import { intersectionSize, minMatchingIntersection, pairFromCounts, SetProbe } from './verify.js';

type Hasher = Awaited<ReturnType<typeof xxhash>>;

/** Milliseconds spent per stage inside the detector. */
export interface StageTimes {
  fingerprint: number;
  shingle: number;
  minhash: number;
  /** Band keys, store writes and lookups, candidate de-duplication; includes `sample`. */
  lsh: number;
  /** The containment index (index/sample-index.ts), also counted in `lsh`. */
  sample: number;
  verify: number;
}

/** The exact-duplicate fingerprint of a normalised body (64-bit xxhash, hex). */
export async function fingerprinter(): Promise<(text: string) => string> {
  const { h64ToString } = await xxhash();
  return h64ToString;
}

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
  private readonly fingerprints = new Map<string, number>();
  private batch: Signature[] = [];
  /** Containment candidates of the batched documents, grouped by newer document in id order. */
  private sampled: Candidate[] = [];
  private readonly samples: SampleIndex | undefined;
  private seen: Int32Array = new Int32Array(1024).fill(-1);
  /** Exact duplicates by id: the original's id, −1 otherwise (4 bytes a record, no pair object per copy). */
  private dupOf: Int32Array = new Int32Array(1024).fill(-1);
  private candidates = 0;
  private verified = 0;
  private exactDuplicates = 0;
  private readonly minhash: (s: Uint32Array, out: Uint32Array) => void;
  private readonly probe = new SetProbe();
  /** The shingle sets by id, kept to the end (verification, `covered`). */
  private readonly sets = new SetTable();
  /** Milliseconds per stage, accumulated when `timeStages()` was called (the speed bench reads them). */
  times: StageTimes | undefined;

  private constructor(
    private readonly p: Params,
    private readonly index: LshIndex,
    private readonly hasher: Hasher,
    private readonly batchSize: number,
  ) {
    this.minhash = createMinHasher(p.sketch.hashes, p.sketch.seed);
    this.samples = p.index.containment ? new SampleIndex(defaultSampleShape, (id) => this.sets.get(id)) : undefined;
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

  /** Starts accumulating per-stage times into `times` (a few clock reads per document). */
  timeStages(): StageTimes {
    this.times = { fingerprint: 0, shingle: 0, minhash: 0, lsh: 0, sample: 0, verify: 0 };
    return this.times;
  }

  /** Exact set size of a document's shingles (after `add`; an exact duplicate's are its original's). */
  shingleCount(docId: number): number {
    return this.sets.length(this.originalOf(docId));
  }

  /**
   * Share of document `a`'s shingles that document `b` has too (exact; exact duplicates answer with their
   * originals' sets). For dedup's drop decisions, after `finish`.
   */
  covered(a: number, b: number): number {
    const sa = this.sets.get(this.originalOf(a));
    const sb = this.sets.get(this.originalOf(b));
    if (!sa || !sb || sa.length === 0) return 0;
    return intersectionSize(sa, sb) / sa.length;
  }

  private originalOf(docId: number): number {
    const original = this.dupOf[docId] ?? -1;
    return original >= 0 ? original : docId;
  }

  /** Adds a body; resolves to the id of the earlier document with the same normalised text, or −1 when new. */
  async add(body: Body): Promise<number> {
    const t0 = this.times ? performance.now() : 0;
    const text = body.normalised.text;
    const fingerprint = this.hasher.h64ToString(text);
    if (this.fingerprints.has(fingerprint)) return this.addSketch(body.docId, fingerprint, undefined, undefined);
    const t1 = this.times ? performance.now() : 0;
    const { shingle, size, seed, hashes } = this.p.sketch;
    const set = shingleHashes(text, shingle, size, seed, this.sets.writer);
    const t2 = this.times ? performance.now() : 0;
    const values = new Uint32Array(hashes);
    this.minhash(set, values);
    if (this.times) {
      const t3 = performance.now();
      this.times.fingerprint += t1 - t0;
      this.times.shingle += t2 - t1;
      this.times.minhash += t3 - t2;
    }
    return this.file(body.docId, fingerprint, set, values, false);
  }

  /**
   * The second half of `add`, for sketches made elsewhere (worker threads): the fingerprint of the
   * normalised body (`fingerprintOf`), its shingle set and signature. Documents must arrive in id order;
   * `set` and `values` may be left out when the fingerprint was seen before (an exact duplicate).
   * Resolves to the original's id for an exact duplicate (which is only recorded, see `duplicatesOf`), else −1.
   * The set is copied (a worker's sets arrive packed with the rest of their batch, which is then let go).
   */
  async addSketch(id: number, fingerprint: string, set: Uint32Array | undefined, values: Uint32Array | undefined): Promise<number> {
    return this.file(id, fingerprint, set, values, true);
  }

  /** `addSketch`, for a set to copy into `sets` or one just written there (`add`). */
  private async file(id: number, fingerprint: string, set: Uint32Array | undefined, values: Uint32Array | undefined, copy: boolean): Promise<number> {
    const original = this.fingerprints.get(fingerprint);
    if (original !== undefined) {
      this.exactDuplicates++;
      this.dupOf = coverId(this.dupOf, id);
      this.dupOf[id] = original;
      return original;
    }
    if (set === undefined || values === undefined) throw new Error(`document ${id}: a new fingerprint needs its sketch`);
    this.fingerprints.set(fingerprint, id);
    if (copy) this.sets.copy(id, set);
    else this.sets.keep(id, set);
    this.batch.push({ docId: id, values });
    if (this.samples) {
      const t0 = this.times ? performance.now() : 0;
      this.samples.add(id, set, this.sampled);
      if (this.times) {
        const ms = performance.now() - t0;
        this.times.sample += ms;
        this.times.lsh += ms;
      }
    }
    if (this.batch.length >= this.batchSize) await this.flush();
    return -1;
  }

  /** For ids below `documents`: the original of each exact duplicate, −1 for every other id. */
  duplicatesOf(documents: number): Int32Array {
    const out = new Int32Array(documents).fill(-1);
    out.set(this.dupOf.subarray(0, Math.min(documents, this.dupOf.length)));
    return out;
  }

  /** Indexes what is batched and verifies its candidates. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const t0 = this.times ? performance.now() : 0;
    const found = this.merge(await this.index.addBatch(this.batch), this.sampled);
    this.batch = [];
    this.sampled = [];
    const t1 = this.times ? performance.now() : 0;
    this.candidates += found.length;
    // Candidates come grouped by their newer document: prepare its set once, probe each older one into it.
    // Only matches need exact values, so a walk stops as soon as the match boundary is out of reach.
    let prepared = -1;
    let b: Uint32Array = new Uint32Array(0);
    for (const c of found) {
      if (c.b !== prepared) {
        b = this.sets.get(c.b)!;
        this.probe.reset(b);
        prepared = c.b;
      }
      const aSize = this.sets.length(c.a);
      const need = minMatchingIntersection(aSize, b.length, this.p.match);
      this.verified++;
      if (need > Math.min(aSize, b.length)) continue;
      const inter = this.probe.intersect(this.sets.get(c.a)!, need);
      if (inter >= 0) this.pairs.push(pairFromCounts(c.a, aSize, c.b, b.length, inter));
    }
    if (this.times) {
      this.times.lsh += t1 - t0;
      this.times.verify += performance.now() - t1;
    }
  }

  /**
   * LSH and containment candidates of one batch, both grouped by newer document in id order, merged into
   * one list in that order with each pair once (verification prepares each newer document once).
   */
  private merge(lsh: Candidate[], sampled: Candidate[]): Candidate[] {
    if (sampled.length === 0) return lsh;
    const out: Candidate[] = [];
    let i = 0;
    let j = 0;
    while (i < lsh.length || j < sampled.length) {
      const b = j >= sampled.length || (i < lsh.length && lsh[i].b <= sampled[j].b) ? lsh[i].b : sampled[j].b;
      this.seen = coverId(this.seen, b);
      for (; i < lsh.length && lsh[i].b === b; i++) {
        this.seen[lsh[i].a] = b;
        out.push(lsh[i]);
      }
      for (; j < sampled.length && sampled[j].b === b; j++) if (this.seen[sampled[j].a] !== b) out.push(sampled[j]);
    }
    return out;
  }

  async finish(): Promise<DetectorCounts> {
    await this.flush();
    await this.index.close();
    return { candidates: this.candidates, verified: this.verified, exactDuplicates: this.exactDuplicates };
  }
}

/** `a`, or a copy at least twice as long, so that `id` is an index of it; new entries are −1. */
function coverId(a: Int32Array, id: number): Int32Array {
  if (id < a.length) return a;
  const grown = new Int32Array(Math.max(id + 1, a.length * 2)).fill(-1);
  grown.set(a);
  return grown;
}
