/**
 * (hash, document) postings that are written for every document but read rarely: the containment index's
 * fine-only samples, which only short items probe (146 of 19k documents on SaudiNewsNet, none in the
 * synthetic corpus). A hash table pays a cache miss on every write (~1 s of the index's 2.3 s on
 * SaudiNewsNet; 16.7 M writes into a 384 MB table on 100k synthetic documents); here a write is an append
 * to a chunk, and chunks are sorted into runs (radix, sequential) only when a probe comes. Runs then merge
 * size-tiered (a run at most half the size of the one before it, past the first `freeRuns`), so a probe
 * binary-searches O(log n) runs and a posting is merged O(log n) times — and never, when nothing probes.
 * 8 bytes a posting, no table.
 *
 * Runs are ordered on 11 bits of the key only (`bucket`), in one radix pass, and a probe scans its
 * bucket in each run for the key: a run of 2 M postings has ~1,000 a bucket, while sorting on the whole
 * key took three passes, ~half of the index's time on short items on SaudiNewsNet (probes are few).
 */
export class SortedRuns {
  private keys = new Uint32Array(1 << 8);
  private docs = new Int32Array(1 << 8);
  private waiting = 0;
  /** Sorted runs, oldest first; unsorted chunks come after them, oldest first. */
  private readonly runKeys: Uint32Array[] = [];
  private readonly runDocs: Int32Array[] = [];
  private sorted = 0;
  /** The last `count`ed key, and per run the range of its bucket: [from, to). */
  private probed = 0;
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  /** A chunk holds at most this many postings (8 MB). */
  private static readonly chunk = 1 << 20;
  /** Runs that may stand unmerged whatever their sizes: a probe's binary searches are cheap next to merging. */
  private static readonly freeRuns = 16;

  add(h: number, docId: number): void {
    if (this.waiting === this.keys.length) {
      if (this.waiting >= SortedRuns.chunk) this.cut();
      else {
        const keys = new Uint32Array(this.keys.length * 2);
        const docs = new Int32Array(this.keys.length * 2);
        keys.set(this.keys);
        docs.set(this.docs);
        this.keys = keys;
        this.docs = docs;
      }
    }
    this.keys[this.waiting] = h;
    this.docs[this.waiting] = docId;
    this.waiting++;
  }

  /** How many documents hold `h`; their ids are then read with `walk`. */
  count(h: number): number {
    if (this.waiting > 0) this.cut();
    if (this.sorted < this.runKeys.length) this.sortChunks();
    const key = h >>> 0;
    const b = bucket(key);
    this.probed = key;
    let n = 0;
    for (let r = 0; r < this.runKeys.length; r++) {
      const keys = this.runKeys[r];
      const lo = lowerBound(keys, b);
      let hi = lo;
      for (; hi < keys.length && bucket(keys[hi]) === b; hi++) if (keys[hi] === key) n++;
      this.from[r] = lo;
      this.to[r] = hi;
    }
    return n;
  }

  /**
   * After `count(h)`: adds one to `counts[o * stride]` for each document o holding `h`, listing first
   * meetings (count was 0) in `touched` from `t`; returns the new `t`. With `base`, a count below it reads
   * as `base` (counts of an earlier pass, not cleared) and a document is listed when its count reaches
   * `base + at` (sample-index.ts).
   */
  walk(counts: Int32Array, stride: number, touched: Int32Array, t: number, base = 0, at = 1): number {
    const mark = base + at;
    const key = this.probed;
    for (let r = 0; r < this.runKeys.length; r++) {
      const keys = this.runKeys[r];
      const docs = this.runDocs[r];
      for (let p = this.from[r], end = this.to[r]; p < end; p++) {
        if (keys[p] !== key) continue;
        const o = docs[p];
        const v = Math.max(counts[o * stride], base) + 1;
        counts[o * stride] = v;
        if (v === mark) touched[t++] = o;
      }
    }
    return t;
  }

  /** Bytes held. */
  get bytes(): number {
    let n = this.keys.byteLength + this.docs.byteLength;
    for (let r = 0; r < this.runKeys.length; r++) n += this.runKeys[r].byteLength + this.runDocs[r].byteLength;
    return n;
  }

  /** Moves the waiting postings into an unsorted chunk. */
  private cut(): void {
    this.runKeys.push(this.keys.slice(0, this.waiting));
    this.runDocs.push(this.docs.slice(0, this.waiting));
    this.waiting = 0;
  }

  /** Sorts the chunks into runs by bucket (stable: a key's documents stay in arrival order), merging as it goes. */
  private sortChunks(): void {
    const keys = this.runKeys.splice(this.sorted);
    const docs = this.runDocs.splice(this.sorted);
    for (let c = 0; c < keys.length; c++) {
      const n = keys[c].length;
      const k2 = new Uint32Array(n);
      const d2 = new Int32Array(n);
      radixPass(keys[c], docs[c], bucketShift, k2, d2);
      this.runKeys.push(k2);
      this.runDocs.push(d2);
      for (let r = this.runKeys.length - 1; r >= SortedRuns.freeRuns && this.runKeys[r - 1].length <= 2 * this.runKeys[r].length; r--) {
        this.mergeLast();
      }
    }
    this.sorted = this.runKeys.length;
    if (this.from.length < this.runKeys.length) {
      this.from = new Int32Array(this.runKeys.length * 2);
      this.to = new Int32Array(this.runKeys.length * 2);
    }
  }

  /** Merges the last two runs; in a bucket the older run's documents come first (arrival order). */
  private mergeLast(): void {
    const bk = this.runKeys.pop() as Uint32Array;
    const bd = this.runDocs.pop() as Int32Array;
    const ak = this.runKeys.pop() as Uint32Array;
    const ad = this.runDocs.pop() as Int32Array;
    const keys = new Uint32Array(ak.length + bk.length);
    const docs = new Int32Array(ak.length + bk.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < ak.length && j < bk.length) {
      if (bucket(bk[j]) < bucket(ak[i])) {
        keys[o] = bk[j];
        docs[o++] = bd[j++];
      } else {
        keys[o] = ak[i];
        docs[o++] = ad[i++];
      }
    }
    for (; i < ak.length; i++, o++) {
      keys[o] = ak[i];
      docs[o] = ad[i];
    }
    for (; j < bk.length; j++, o++) {
      keys[o] = bk[j];
      docs[o] = bd[j];
    }
    this.runKeys.push(keys);
    this.runDocs.push(docs);
  }
}

/** One stable counting-sort pass of (keys, docs) on the 11 key bits from `shift`. */
function radixPass(keys: Uint32Array, docs: Int32Array, shift: number, outKeys: Uint32Array, outDocs: Int32Array): void {
  const counts = new Int32Array(2049);
  const n = keys.length;
  for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & 2047) + 1]++;
  for (let b = 1; b < 2049; b++) counts[b] += counts[b - 1];
  for (let i = 0; i < n; i++) {
    const at = counts[(keys[i] >>> shift) & 2047]++;
    outKeys[at] = keys[i];
    outDocs[at] = docs[i];
  }
}

/**
 * Key bits a run is ordered on: above a fine sample's low bits (always 0) and below `PartitionedRuns`'
 * top bits (one value a part).
 */
const bucketShift = 13;

function bucket(key: number): number {
  return (key >>> bucketShift) & 2047;
}

/** First index whose key's bucket is ≥ `b` in a run. */
function lowerBound(keys: Uint32Array, b: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bucket(keys[mid]) < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `SortedRuns` split 256 ways on the top bits of the hash. A probe sorts only the waiting postings of the
 * parts its samples fall in (a short item's ~25 fine-only samples touch ~10% of them), so each part is
 * sorted every ~10 probes instead of every probe, its runs stay few, and they rarely need merging
 * (SaudiNewsNet: 146 probes; 24.7 M merged postings for 4.7 M without the split).
 */
export class PartitionedRuns {
  private readonly parts = Array.from({ length: 256 }, () => new SortedRuns());
  private last: SortedRuns = this.parts[0];

  add(h: number, docId: number): void {
    this.parts[h >>> 24].add(h, docId);
  }

  /** How many documents hold `h`; their ids are then read with `walk`. */
  count(h: number): number {
    this.last = this.parts[h >>> 24];
    return this.last.count(h);
  }

  /** As `SortedRuns.walk`, for the key last `count`ed. */
  walk(counts: Int32Array, stride: number, touched: Int32Array, t: number, base = 0, at = 1): number {
    return this.last.walk(counts, stride, touched, t, base, at);
  }

  get bytes(): number {
    let n = 0;
    for (const p of this.parts) n += p.bytes;
    return n;
  }
}
