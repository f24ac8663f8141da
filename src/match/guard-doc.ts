/**
 * The per-document half of the template guard (template-guard.ts): everything it keeps of one body that
 * needs no corpus statistics. Pure, so `--workers N` computes it beside the sketch and the main thread only
 * counts document frequencies and files the result (a worker sends these arrays, not the text).
 */
import { bloomBitsPerWord, counterValue, emptyBloom, step } from './guard-words.js';
import { coreStart, FNV_OFFSET, FNV_PRIME, wordHash } from './headline.js';
import { SetTable } from '../sketch/set-table.js';
import type { Uint32Slab } from '../sketch/uint32-slab.js';

export interface GuardDoc {
  /** The body's distinct words (hashes, first-seen order): each counts once towards document frequency. */
  readonly words: Uint32Array;
  /** Bit i set: `words[i]` contains a digit (always a slot, whatever its frequency). */
  readonly digits: Uint32Array;
  /** The first `leadWords` word hashes in order, repeats included (substitutions read word contexts). */
  readonly lead: Uint32Array;
  /** Per lead word: its counter value (see `counterValue`), or 0. */
  readonly counters: Uint32Array;
  /**
   * Bit i set: `lead[i]` is the word's first occurrence in the lead. The guard's shares count each lead word
   * once; finding repeats with `lead.indexOf` per word, a runtime call each, was half of `classify`.
   */
  readonly leadFirst: Uint32Array;
  /** Bloom filter over the distinct words and their cores (~12 bits a word, 3 probes). */
  readonly bloom: Uint32Array;
  /** 53-bit hash of the whole word sequence: bodies equal word for word share one guard record. */
  readonly key: number;
}

/**
 * Per-thread scratch: the words seen in the current body (open addressing, 0 = empty). A body uses only as
 * many entries as its length calls for, cleared before it: probing a table sized for the longest body seen
 * so far spreads an ordinary body's words over more cache lines than it has words.
 */
let seen = new Uint32Array(1 << 12);
let scratch = new Uint32Array(4096);
let digitScratch = new Uint8Array(4096);
let leadScratch = new Uint32Array(64);
let counterScratch = new Uint32Array(64);
let firstScratch = new Uint8Array(64);

/** Marks `h` (never 0) seen in this body; returns whether it was already. */
function seenBefore(h: number, mask: number): boolean {
  let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
  for (;;) {
    const k = seen[i];
    if (k === h) return true;
    if (k === 0) {
      seen[i] = h;
      return false;
    }
    i = (i + 1) & mask;
  }
}

/** flag: 1 a word with a digit, 2 a word without, 0 a core (Bloom filter only). */
function push(at: number, h: number, flag: number): void {
  if (at === scratch.length) {
    const grown = new Uint32Array(at * 2);
    grown.set(scratch);
    scratch = grown;
    const flags = new Uint8Array(at * 2);
    flags.set(digitScratch);
    digitScratch = flags;
  }
  scratch[at] = h;
  digitScratch[at] = flag;
}

/**
 * Where `guardDocOf` puts a record's two arrays: what the guard keeps (`kept`) and what it only counts
 * (`counted`, words and digit flags). Both come zeroed.
 */
export interface GuardDocArrays {
  kept(n: number): Uint32Array;
  counted(n: number): Uint32Array;
}

/** A buffer each. */
const ownBuffers: GuardDocArrays = { kept: (n) => new Uint32Array(n), counted: (n) => new Uint32Array(n) };

/** Both arrays in `slab` (a worker's batch: see sketch-worker.ts; the receiver's `GuardDocArena.file` copies out). */
export function slabArrays(slab: Uint32Slab): GuardDocArrays {
  return { kept: (n) => slab.zeros(n), counted: (n) => slab.zeros(n) };
}

/** What the guard keeps of a body for pair classification (`GuardDoc` without what it only counts). */
export type GuardWords = Pick<GuardDoc, 'lead' | 'counters' | 'leadFirst' | 'bloom'>;

/**
 * The guard's kept records by document id (`TemplateGuard`; it counts words without keeping them). A
 * record made here (`kept`) is written straight into a slab chunk as one block — lead, counters, first-
 * occurrence bits, Bloom filter — and one made elsewhere (a worker's) is copied there; four int32 a document
 * say where, so no object is kept per document: the object and four views it took were ~450 bytes of V8 heap
 * a document, two fifths of what a scan kept. `words` makes them on demand; the last two are cached, as
 * classifying a pair reads both records several times. Counted arrays reuse one scratch array, valid until
 * the next record.
 */
export class GuardDocArena implements GuardDocArrays {
  private readonly blocks = new SetTable();
  /** Lead length per id (the block's other parts follow from it and the block's length). */
  private leadLengths = new Int32Array(1024);
  private scratch = new Uint32Array(4096);
  private cached: [number, GuardWords | undefined, number, GuardWords | undefined] = [-1, undefined, -1, undefined];

  kept(n: number): Uint32Array {
    return this.blocks.writer.zeros(n);
  }

  counted(n: number): Uint32Array {
    if (this.scratch.length < n) this.scratch = new Uint32Array(Math.max(n, this.scratch.length * 2));
    const view = this.scratch.subarray(0, n);
    view.fill(0);
    return view;
  }

  /**
   * Files `g` as document `id`'s: `inPlace` when `guardDocOf` made it on this arena, last (its block is
   * already in the slab), else it is copied in. The empty filter is not stored (a block without one reads
   * back as `emptyBloom`).
   */
  file(id: number, g: GuardDoc, inPlace: boolean): void {
    const n = g.lead.length;
    const length = 2 * n + g.leadFirst.length + (g.bloom === emptyBloom ? 0 : g.bloom.length);
    let block: Uint32Array;
    if (inPlace) block = new Uint32Array(g.lead.buffer, g.lead.byteOffset, length);
    else {
      block = this.blocks.writer.zeros(length);
      block.set(g.lead, 0);
      block.set(g.counters, n);
      block.set(g.leadFirst, 2 * n);
      if (g.bloom !== emptyBloom) block.set(g.bloom, 2 * n + g.leadFirst.length);
    }
    this.blocks.keep(id, block);
    this.setLead(id, n);
  }

  /** Document `id` shares document `original`'s record (the same words in the same order). */
  alias(id: number, original: number): void {
    this.blocks.alias(id, original);
    this.setLead(id, original < this.leadLengths.length ? this.leadLengths[original] : 0);
  }

  /** Document `id`'s record, or undefined when none was filed. */
  words(id: number): GuardWords | undefined {
    const c = this.cached;
    if (c[0] === id) return c[1];
    if (c[2] === id) return c[3];
    const block = this.blocks.get(id);
    let words: GuardWords | undefined;
    if (block !== undefined) {
      const n = this.leadLengths[id];
      const f = (n + 31) >>> 5;
      words = {
        lead: block.subarray(0, n),
        counters: block.subarray(n, 2 * n),
        leadFirst: block.subarray(2 * n, 2 * n + f),
        bloom: block.length === 2 * n + f ? emptyBloom : block.subarray(2 * n + f),
      };
    }
    this.cached = [id, words, c[0], c[1]];
    return words;
  }

  /** Records `id`'s lead length; filing drops the cache. */
  private setLead(id: number, n: number): void {
    if (id >= this.leadLengths.length) {
      const grown = new Int32Array(Math.max(id + 1, this.leadLengths.length * 2));
      grown.set(this.leadLengths);
      this.leadLengths = grown;
    }
    this.leadLengths[id] = n;
    this.cached = [-1, undefined, -1, undefined];
  }
}

/**
 * What the guard keeps of a normalised body (tokens separated by single spaces). `words` holds distinct
 * whole words; the Bloom filter holds them and their cores (without و/ب/ل/ال…, so a headline's «بالقصيم» is
 * found in «منطقة القصيم»).
 */
export function guardDocOf(normalised: string, leadWords: number, arrays: GuardDocArrays = ownBuffers): GuardDoc {
  const len = normalised.length;
  // under half full: at most one word per character pair
  let size = 256;
  while (size < len + 2) size *= 2;
  if (seen.length < size) seen = new Uint32Array(size);
  else seen.fill(0, 0, size);
  const mask = size - 1;
  if (leadScratch.length < leadWords) {
    leadScratch = new Uint32Array(leadWords);
    counterScratch = new Uint32Array(leadWords);
    firstScratch = new Uint8Array(leadWords);
  }
  let leadN = 0;
  // scratch: distinct words and their cores, in the order the Bloom filter takes them
  let n = 0;
  let distinct = 0;
  // two independent sequence hashes make a 53-bit key
  let s1 = 0x811c9dc5;
  let s2 = 0x9747b28c;
  let s = 0;
  let digit = false;
  // each word's hash is taken as the scan passes its letters: wordHash(normalised, s, i) without a second pass
  let wh = FNV_OFFSET;
  for (let i = 0; i <= len; i++) {
    const c = i === len ? 0x20 : normalised.charCodeAt(i);
    if (c !== 0x20) {
      wh = Math.imul(wh ^ c, FNV_PRIME);
      if (c >= 0x30 && c <= 0x39) digit = true;
      continue;
    }
    if (i > s) {
      const h = wh >>> 0 || 1;
      s1 = Math.imul(s1 ^ h, 0x01000193);
      s2 = Math.imul(s2 ^ h, 0x5bd1e995) ^ (s2 >>> 13);
      const first = !seenBefore(h, mask);
      if (first) {
        push(n++, h, digit ? 1 : 2);
        distinct++;
        const cs = coreStart(normalised, s, i);
        if (cs > s) push(n++, wordHash(normalised, cs, i), 0);
      }
      if (leadN < leadWords) {
        leadScratch[leadN] = h;
        // the lead is where the body starts: first in the body is first in the lead
        firstScratch[leadN] = first ? 1 : 0;
        counterScratch[leadN++] = counterValue(normalised, s, i, h, digit);
      }
    }
    s = i + 1;
    digit = false;
    wh = FNV_OFFSET;
  }
  // two buffers, not six: what the main thread keeps of a body (lead, counters, filter), and what it drops
  // once counted (words, digit flags). Allocating an ArrayBuffer, and moving it from a worker, costs per buffer.
  const bloomLength = n === 0 ? 0 : Math.ceil(Math.max(32, n * bloomBitsPerWord) / 32);
  const firstLength = (leadN + 31) >>> 5;
  const kept = arrays.kept(2 * leadN + firstLength + bloomLength);
  const counted = arrays.counted(distinct + ((distinct + 31) >>> 5));
  const lead = kept.subarray(0, leadN);
  const counters = kept.subarray(leadN, 2 * leadN);
  const leadFirst = kept.subarray(2 * leadN, 2 * leadN + firstLength);
  const bloom = n === 0 ? emptyBloom : kept.subarray(2 * leadN + firstLength);
  const words = counted.subarray(0, distinct);
  const digits = counted.subarray(distinct);
  for (let j = 0; j < leadN; j++) {
    lead[j] = leadScratch[j];
    counters[j] = counterScratch[j];
    leadFirst[j >>> 5] |= firstScratch[j] << (j & 31);
  }
  const m = bloom.length * 32;
  for (let j = 0, w = 0; j < n; j++) {
    const h = scratch[j];
    const flag = digitScratch[j];
    if (flag !== 0) {
      if (flag === 1) digits[w >>> 5] |= 1 << (w & 31);
      words[w++] = h;
    }
    if (bloom === emptyBloom) continue;
    const st = step(h);
    for (let k = 0, x = h; k < 3; k++, x = (x + st) >>> 0) {
      const bit = x % m;
      bloom[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  const key = (s1 >>> 0) * 2097152 + ((s2 >>> 0) & 0x1fffff);
  return { words, digits, lead, counters, leadFirst, bloom, key };
}
