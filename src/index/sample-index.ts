import type { Candidate } from '../records.js';
import { Postings } from './postings.js';
import { PartitionedRuns } from './sorted-runs.js';

/** Shape of the containment index. */
export interface SampleShape {
  /** Coarse sample: a shingle hash with `hash & coarseMask` 0 (15: 1 in 16) is compared between pages. @default 15 */
  readonly coarseMask: number;
  /** Fine sample (3: 1 in 4), indexed for every document and queried by short items only. @default 3 */
  readonly fineMask: number;
  /** Documents with fewer shingles are short items: they query the fine sample and are indexed whole. @default 128 */
  readonly shortShingles: number;
  /**
   * Two documents are candidates when their shared samples reach this share of the smaller sample set
   * (an estimate of the larger containment, kept below the match boundary of 0.5 for sampling noise: a
   * 600-shingle page has ~37 coarse samples, so a true 0.5 reads 0.5 ± 0.08). 0.3, not 0.4, since LSH
   * bands were cut to 42 × 4 and the index carries the containment pairs alone (docs/tuning.md, round 7).
   * @default 0.3
   */
  readonly minShare: number;
  /** …and at least this many samples are shared (a common formula alone is no candidate). @default 3 */
  readonly minShared: number;
  /**
   * A sample held by more documents than this is a formula («خادم الحرمين الشريفين»), not content: it is
   * not walked and leaves the new document's share. With 42 × 4 LSH bands and `minShare` 0.3, candidate
   * recall of the verified truth is 0.9946 at 400 and 0.9968 at 800 (docs/tuning.md, round 7). It bounds a
   * document's walk (samples × this), so time stays linear in the corpus. @default 800
   */
  readonly maxPosting: number;
  /** …the same for a short item's fine samples and for a page's probes into the short items (few). @default 1600 */
  readonly maxShortPosting: number;
}

export const defaultSampleShape: SampleShape = {
  coarseMask: 15,
  fineMask: 3,
  shortShingles: 128,
  minShare: 0.3,
  minShared: 3,
  maxPosting: 800,
  maxShortPosting: 1600,
};

/**
 * Containment candidates, which MinHash LSH cannot give: LSH estimates Jaccard, and a 300-word wire item
 * inside a 3,000-word page has Jaccard 0.1 at containment 1. Samples are content-defined (a shingle hash
 * whose low bits are 0 is sampled in every document that has it), so shared samples / the smaller sample
 * count estimates the larger containment directly (docs/tuning.md, round 4).
 *
 * - pages compare coarse samples (1 in 16) with earlier pages;
 * - a short item (a caption, a one-line brief: ~2 coarse samples, too few to count) compares its fine
 *   samples (1 in 4) with every earlier document's;
 * - a page probes its fine samples into a table of the short items' fine samples (items that came first).
 */
export class SampleIndex {
  /**
   * Fine samples of every document, in two parts: the coarse ones (a subset of the fine, so their postings
   * hold every document), which every page probes, in a hash table; the rest, which only short items probe,
   * in sorted runs (cheap to write, slower to read). What a key finds is the same as in one table.
   */
  private readonly coarseSampled: Postings;
  private readonly fineSampled = new PartitionedRuns();
  /**
   * The sets of the documents whose fine-only samples are not in `fineSampled` yet (ids from
   * `indexedUpTo` on): they are put there when a short item first needs them, so a corpus without short
   * items never pays for them (8 bytes a sample), and one with a few pays once, in bulk. Held here unless
   * the caller keeps the sets and gives `setOf` (then nothing is held: see set-table.ts on views).
   */
  private pending: (Uint32Array | undefined)[] = [];
  private indexedUpTo = 0;
  /** Fine samples of the short items. */
  private readonly short: Postings;
  /**
   * One bit per top 16 bits of the short items' fine samples (8 KB, stays in L1): every page probes all its
   * fine samples into `short` and ~98% find nothing (5.8 M probes on SaudiNewsNet); a clear bit says so
   * without reading the table.
   */
  private readonly shortBits = new Int32Array(1 << 11);
  /** Samples skipped by the last `walk` calls as formulas (held by more documents than the limit). */
  private formulas = 0;
  /**
   * Per document, 4 int32 side by side (one cache line for what a walk reads about a document): a tally,
   * then its coarse samples, fine samples and shingles. The tally is `base` + the samples shared with the
   * document being added, or anything below `base` for none: each pass of walks takes a new `base` above
   * every tally written so far, so tallies need no clearing. Two thirds of the documents a page meets
   * share only one or two samples (34 M of 51 M postings walked on SaudiNewsNet, 3.4 M reach `minShared`):
   * clearing and judging each was a fifth of the index's time.
   */
  private docs = new Int32Array(4 * 1024);
  private base = 1;
  /** Documents whose tally reached the current pass's mark (`minShared` for pages), in that order. */
  private touched = new Int32Array(1024);
  /** The fine samples of the document being added (one pass over its set instead of four). */
  private samples = new Uint32Array(1024);
  /** Slots of its coarse samples in `coarseSampled`. */
  private slots = new Int32Array(1024);
  /** A pending set's fine-only samples (`indexPending`). */
  private fineOnly = new Uint32Array(1024);

  /**
   * @param setOf the set a document was added with (undefined for ids never added), when the caller keeps
   *   them: the index then holds no reference to them.
   */
  constructor(
    private readonly shape: SampleShape = defaultSampleShape,
    private readonly setOf?: (docId: number) => Uint32Array | undefined,
  ) {
    // postings beyond the largest walk limit are never read: not kept
    const keep = Math.max(shape.maxPosting, shape.maxShortPosting);
    this.coarseSampled = new Postings(keep);
    this.short = new Postings(keep);
  }

  /**
   * Indexes document `docId` (ids must grow) with its sorted shingle set and appends its candidates among
   * the documents indexed before it to `out`, as pairs `{ a: earlier, b: docId }`, earlier ids ascending.
   * The set (or, with `setOf`, the caller's) is read again when a later short item indexes it: it must not
   * change (the detector keeps every set unchanged for verification anyway).
   */
  add(docId: number, set: Uint32Array, out: Candidate[]): void {
    const { coarseMask, fineMask, shortShingles, minShare, minShared, maxPosting, maxShortPosting } = this.shape;
    this.ensureDocs(docId + 1);
    const isShort = set.length < shortShingles;
    if (this.samples.length < set.length) {
      this.samples = new Uint32Array(Math.max(set.length, this.samples.length * 2));
      this.slots = new Int32Array(this.samples.length);
    }
    const samples = this.samples;
    let nc = 0;
    let nf = 0;
    // branch-free (a sample is 1 in 4, a branch on it mispredicts): x − 1 >>> 31 is 1 when x is 0
    const bothMask = coarseMask | fineMask;
    for (let i = 0; i < set.length; i++) {
      const h = set[i];
      samples[nf] = h;
      nf += ((h & fineMask) - 1) >>> 31;
      nc += ((h & bothMask) - 1) >>> 31;
    }
    const docs = this.docs;
    this.formulas = 0;
    let t = 0;
    // a tally grows by at most one a sample walked: nf + 1 above base is free for the next pass
    let base = this.newBase(nf + 1);
    // below minShared a document is no candidate: listing it only when it gets there skips the many met once
    const mark = base + Math.max(1, minShared);
    // short items are few and have few samples: they may walk further back (and walk fine samples too)
    const limit = isShort ? maxShortPosting : maxPosting;
    // first find every coarse sample's slot, then walk: the finds are independent cache misses the CPU
    // overlaps when nothing else is in the loop; walking between them serialises them
    const slots = this.slots;
    this.coarseSampled.reserve(nc);
    let ns = 0;
    for (let i = 0; i < nf; i++) {
      const h = samples[i];
      if ((h & coarseMask) === 0) slots[ns++] = this.coarseSampled.find(h);
    }
    for (let i = 0; i < ns; i++) t = this.walk(this.coarseSampled, slots[i], limit, base, mark, t);
    if (isShort) {
      this.indexPending(docId);
      for (let i = 0; i < nf; i++) {
        const h = samples[i];
        if ((h & coarseMask) === 0) continue;
        const n = this.fineSampled.count(h);
        if (n > limit) this.formulas++;
        else if (n > 0) t = this.fineSampled.walk(docs, 4, this.touched, t, base, mark - base);
      }
    }
    const frame = this.formulas;
    const touched = this.touched;
    const first = out.length;
    for (let i = 0; i < t; i++) {
      const o = touched[i] * 4;
      const shared = docs[o] - base;
      // a page meets short items below, exactly; a short item meets everything on fine samples
      const oShort = docs[o + 3] < shortShingles;
      if (!isShort && oShort) continue;
      // formula samples were not walked: they count on neither side of this document's share
      const smaller = isShort ? Math.min(nf - frame, docs[o + 2]) : Math.min(nc - frame, docs[o + 1]);
      if (shared >= minShared && shared >= minShare * smaller) out.push({ a: touched[i], b: docId });
    }
    if (!isShort && this.short.size > 0) {
      t = 0;
      base = this.newBase(nf + 1);
      const bits = this.shortBits;
      for (let i = 0; i < nf; i++) {
        const h = samples[i];
        if ((bits[h >>> 21] & (1 << ((h >>> 16) & 31))) === 0) continue;
        // every short item met is judged: one with fewer than minShared fine samples may still be a candidate
        t = this.walk(this.short, this.short.find(h), maxShortPosting, base, base + 1, t);
      }
      for (let i = 0; i < t; i++) {
        const o = touched[i] * 4;
        const shared = docs[o] - base;
        const nfo = docs[o + 2];
        if (shared >= Math.min(minShared, nfo) && shared >= minShare * nfo) out.push({ a: touched[i], b: docId });
      }
    }
    if (out.length - first > 1) {
      const mine = out.splice(first).sort((x, y) => x.a - y.a);
      for (const c of mine) out.push(c);
    }
    docs[docId * 4 + 1] = nc;
    docs[docId * 4 + 2] = nf;
    docs[docId * 4 + 3] = set.length;
    for (let i = 0, j = 0; i < nf; i++) {
      const h = samples[i];
      if ((h & coarseMask) === 0) this.coarseSampled.addAt(slots[j++], h, docId);
      if (isShort) {
        this.short.add(h, docId);
        this.shortBits[h >>> 21] |= 1 << ((h >>> 16) & 31);
      }
    }
    if (this.setOf === undefined) this.pending[docId] = set;
  }

  /** Puts the fine-only samples of the documents before `docId` not yet indexed into `fineSampled`. */
  private indexPending(docId: number): void {
    const { coarseMask, fineMask } = this.shape;
    const bothMask = coarseMask | fineMask;
    for (let d = this.indexedUpTo; d < docId; d++) {
      let set: Uint32Array | undefined;
      if (this.setOf === undefined) {
        set = this.pending[d];
        this.pending[d] = undefined;
      } else set = this.setOf(d);
      if (set === undefined) continue;
      if (this.fineOnly.length < set.length) this.fineOnly = new Uint32Array(Math.max(set.length, this.fineOnly.length * 2));
      // picked branch-free first, as in `add` (3 in 16 are picked: a branch per shingle mispredicts)
      const picked = this.fineOnly;
      let n = 0;
      for (let i = 0; i < set.length; i++) {
        const h = set[i];
        picked[n] = h;
        n += (((h & fineMask) - 1) >>> 31) - (((h & bothMask) - 1) >>> 31);
      }
      for (let i = 0; i < n; i++) this.fineSampled.add(picked[i], d);
    }
    this.indexedUpTo = docId;
  }

  /**
   * Counts one more shared sample for each document holding the key in slot `s` of `from` (−1: none) on
   * tallies from `base`, listing in `touched` from position `t` those whose tally reaches `mark`, unless
   * more than `limit` documents hold it; returns the new `t`.
   */
  private walk(from: Postings, s: number, limit: number, base: number, mark: number, t: number): number {
    if (s < 0) return t;
    const slots = from.slots;
    const n = slots[s + 1];
    if (n > limit) {
      this.formulas++;
      return t;
    }
    const docs = this.docs;
    const touched = this.touched;
    if (n === 1) {
      const o = slots[s + 2] * 4;
      const v = Math.max(docs[o], base) + 1;
      docs[o] = v;
      if (v === mark) touched[t++] = slots[s + 2];
      return t;
    }
    // branch-free: whether a tally is from this pass, and whether it reaches the mark, are coin flips to a
    // branch predictor (a mispredict per posting cost more than the rest of the step)
    const pool = from.pool;
    for (let p = slots[s + 2], end = p + n; p < end; p++) {
      const o = pool[p];
      const c = docs[o * 4];
      // c below base (an older pass): from base; (c − base) >> 31 is −1 then, else 0
      const v = c + ((base - c) & ((c - base) >> 31)) + 1;
      docs[o * 4] = v;
      touched[t] = o;
      t += ((v ^ mark) - 1) >>> 31;
    }
    return t;
  }

  /** A base for the next pass of walks, whose tallies will grow by less than `span`. */
  private newBase(span: number): number {
    if (this.base > 0x3fffffff - span) {
      // ~10 M passes on: tallies start over from 1 (all are below it once cleared)
      for (let o = 0; o < this.docs.length; o += 4) this.docs[o] = 0;
      this.base = 1;
    }
    const b = this.base;
    this.base += span;
    return b;
  }

  /** Bytes held by the index's typed arrays (the speed bench reports them). */
  get bytes(): number {
    const own = this.docs.byteLength + this.touched.byteLength + this.samples.byteLength + this.slots.byteLength;
    const scratch = this.fineOnly.byteLength + this.shortBits.byteLength;
    return this.coarseSampled.bytes + this.fineSampled.bytes + this.short.bytes + own + scratch;
  }

  private ensureDocs(size: number): void {
    if (size * 4 <= this.docs.length) return;
    const n = Math.max(size, (this.docs.length / 4) * 2);
    const docs = new Int32Array(4 * n);
    docs.set(this.docs);
    this.docs = docs;
    this.touched = new Int32Array(n);
  }
}
