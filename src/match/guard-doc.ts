/**
 * The per-document half of the template guard (template-guard.ts): everything it keeps of one body that
 * needs no corpus statistics. Pure, so `--workers N` computes it beside the sketch and the main thread only
 * counts document frequencies and files the result (a worker sends these arrays, not the text).
 */
import { bloomBitsPerWord, counterValue, emptyBloom, step } from './guard-words.js';
import { coreStart, FNV_OFFSET, FNV_PRIME, wordHash } from './headline.js';
import { Uint32Slab } from '../sketch/uint32-slab.js';

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

/** Both arrays in `slab` (a worker's batch: see sketch-worker.ts; the receiver's `GuardDocArena.keep` copies out). */
export function slabArrays(slab: Uint32Slab): GuardDocArrays {
  return { kept: (n) => slab.zeros(n), counted: (n) => slab.zeros(n) };
}

/**
 * For records filed on the thread that made them (`TemplateGuard.add`; the guard keeps lead, counters and filter,
 * and counts words without keeping them): kept arrays share the chunks of a slab, and the counted ones
 * reuse one scratch array, valid until the next record. Two ArrayBuffers fewer a document.
 */
export class GuardDocArena implements GuardDocArrays {
  private readonly slab = new Uint32Slab();
  private scratch = new Uint32Array(4096);

  kept(n: number): Uint32Array {
    this.slab.room(n);
    return this.slab.take(n);
  }

  /** What the guard keeps of a record made elsewhere, copied into the slab. */
  keep(g: GuardDoc): Pick<GuardDoc, 'lead' | 'counters' | 'leadFirst' | 'bloom'> {
    const bloom = g.bloom.length === 0 ? g.bloom : this.slab.copy(g.bloom);
    return { lead: this.slab.copy(g.lead), counters: this.slab.copy(g.counters), leadFirst: this.slab.copy(g.leadFirst), bloom };
  }

  counted(n: number): Uint32Array {
    if (this.scratch.length < n) this.scratch = new Uint32Array(Math.max(n, this.scratch.length * 2));
    const view = this.scratch.subarray(0, n);
    view.fill(0);
    return view;
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
