import type { Candidate } from '../records.js';

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
   * (an estimate of the larger containment, kept below the match boundary of 0.5 for sampling noise).
   * @default 0.4
   */
  readonly minShare: number;
  /** …and at least this many samples are shared (a common formula alone is no candidate). @default 3 */
  readonly minShared: number;
  /**
   * A sample held by more documents than this is a formula («خادم الحرمين الشريفين»), not content: it is
   * not walked and leaves the new document's share. 200: candidate recall of the verified truth 0.992
   * (400: 0.994, 1000: 0.996, each slower; docs/tuning.md round 4). @default 200
   */
  readonly maxPosting: number;
  /** …the same for a short item's fine samples and for a page's probes into the short items (few). @default 1600 */
  readonly maxShortPosting: number;
}

export const defaultSampleShape: SampleShape = {
  coarseMask: 15,
  fineMask: 3,
  shortShingles: 128,
  minShare: 0.4,
  minShared: 3,
  maxPosting: 200,
  maxShortPosting: 1600,
};

/** Hash → chain of documents, newest first, in typed arrays (no Map, no per-key objects). */
class Postings {
  private keys = new Uint32Array(1 << 14);
  private heads = new Int32Array(1 << 14).fill(-1);
  private counts = new Int32Array(1 << 14);
  private used = 0;
  doc = new Int32Array(1 << 14);
  next = new Int32Array(1 << 14);
  private posts = 0;

  /** Newest posting of `h` (−1: none), or −2 when more than `limit` documents have it (a formula, not content). */
  head(h: number, limit: number): number {
    const i = this.slot(h);
    return this.counts[i] > limit ? -2 : this.heads[i];
  }

  add(h: number, docId: number): void {
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    if (this.posts === this.doc.length) {
      const doc = new Int32Array(this.posts * 2);
      const next = new Int32Array(this.posts * 2);
      doc.set(this.doc);
      next.set(this.next);
      this.doc = doc;
      this.next = next;
    }
    const i = this.slot(h);
    if (this.heads[i] === -1) {
      this.keys[i] = h;
      this.used++;
    }
    const p = this.posts++;
    this.doc[p] = docId;
    this.next[p] = this.heads[i];
    this.heads[i] = p;
    this.counts[i]++;
  }

  private slot(h: number): number {
    const mask = this.keys.length - 1;
    // shingle hashes are already mixed (fmix32), but sampled ones share their low bits (all 0): slot on the
    // bits above them, or every key would crowd into a quarter of the table
    let i = (h >>> 4) & mask;
    // hash 0 is a valid key: an empty slot is told by its head, not its key
    while (this.heads[i] !== -1 && this.keys[i] !== h) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, heads, counts } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.heads = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Int32Array(keys.length * 2);
    for (let j = 0; j < keys.length; j++) {
      if (heads[j] === -1) continue;
      const i = this.slot(keys[j]);
      this.keys[i] = keys[j];
      this.heads[i] = heads[j];
      this.counts[i] = counts[j];
    }
  }
}

/**
 * Containment candidates, which MinHash LSH cannot give: LSH estimates Jaccard, and a 300-word wire item
 * inside a 3,000-word page has Jaccard 0.1 at containment 1. Samples are content-defined (a shingle hash
 * whose low bits are 0 is sampled in every document that has it), so shared samples / the smaller sample
 * count estimates the larger containment directly (docs/tuning.md, round 4).
 *
 * - pages compare coarse samples (1 in 16) with earlier pages;
 * - a short item (a caption, a one-line brief: ~2 coarse samples, too few to count) compares its fine
 *   samples (1 in 4) with every earlier document's;
 * - a page probes all its shingles into the short items indexed whole, which counts their intersection
 *   exactly.
 */
export class SampleIndex {
  /** Fine samples of every document (coarse ones are a subset: their chains hold every document). */
  private readonly sampled = new Postings();
  /** Every shingle of the short items. */
  private readonly short = new Postings();
  /** Per document: coarse samples, fine samples, shingles (−1: not indexed). */
  private coarse = new Int32Array(1024).fill(-1);
  private fine = new Int32Array(1024).fill(-1);
  private size = new Int32Array(1024).fill(-1);
  private counter = new Int32Array(1024);
  private touched = new Int32Array(1024);

  constructor(private readonly shape: SampleShape = defaultSampleShape) {}

  /**
   * Indexes document `docId` (ids must grow) with its sorted shingle set and appends its candidates among
   * the documents indexed before it to `out`, as pairs `{ a: earlier, b: docId }`, earlier ids ascending.
   */
  add(docId: number, set: Uint32Array, out: Candidate[]): void {
    const { coarseMask, fineMask, shortShingles, minShare, minShared, maxPosting, maxShortPosting } = this.shape;
    this.ensureDocs(docId + 1);
    const isShort = set.length < shortShingles;
    let nc = 0;
    let nf = 0;
    for (let i = 0; i < set.length; i++) {
      if ((set[i] & fineMask) !== 0) continue;
      nf++;
      if ((set[i] & coarseMask) === 0) nc++;
    }
    const counter = this.counter;
    const touched = this.touched;
    let t = 0;
    let frame = 0;
    const walk = (from: Postings, h: number, limit: number) => {
      const head = from.head(h, limit);
      if (head === -2) frame++;
      for (let p = head; p >= 0; p = from.next[p]) {
        const o = from.doc[p];
        if (counter[o]++ === 0) touched[t++] = o;
      }
    };
    // short items are few and have few samples: they may walk further back
    const mask = isShort ? fineMask : coarseMask;
    const limit = isShort ? maxShortPosting : maxPosting;
    for (let i = 0; i < set.length; i++) if ((set[i] & mask) === 0) walk(this.sampled, set[i], limit);
    const first = out.length;
    for (let i = 0; i < t; i++) {
      const o = touched[i];
      const shared = counter[o];
      counter[o] = 0;
      // a page meets short items below, exactly; a short item meets everything on fine samples
      const oShort = this.size[o] < shortShingles;
      if (!isShort && oShort) continue;
      // formula samples were not walked: they count on neither side of this document's share
      const smaller = isShort ? Math.min(nf - frame, this.fine[o]) : Math.min(nc - frame, this.coarse[o]);
      if (shared >= minShared && shared >= minShare * smaller) out.push({ a: o, b: docId });
    }
    if (!isShort) {
      t = 0;
      for (let i = 0; i < set.length; i++) if ((set[i] & fineMask) === 0) walk(this.short, set[i], maxShortPosting);
      for (let i = 0; i < t; i++) {
        const o = touched[i];
        const shared = counter[o];
        counter[o] = 0;
        const nfo = this.fine[o];
        if (shared >= Math.min(minShared, nfo) && shared >= minShare * nfo) out.push({ a: o, b: docId });
      }
    }
    if (out.length - first > 1) {
      const mine = out.splice(first).sort((x, y) => x.a - y.a);
      for (const c of mine) out.push(c);
    }
    this.coarse[docId] = nc;
    this.fine[docId] = nf;
    this.size[docId] = set.length;
    for (let i = 0; i < set.length; i++) {
      if ((set[i] & fineMask) !== 0) continue;
      this.sampled.add(set[i], docId);
      if (isShort) this.short.add(set[i], docId);
    }
  }

  private ensureDocs(size: number): void {
    if (size <= this.coarse.length) return;
    const n = Math.max(size, this.coarse.length * 2);
    const grow = (a: Int32Array) => {
      const g = new Int32Array(n).fill(-1);
      g.set(a);
      return g;
    };
    this.coarse = grow(this.coarse);
    this.fine = grow(this.fine);
    this.size = grow(this.size);
    this.counter = new Int32Array(n);
    this.touched = new Int32Array(n);
  }
}
