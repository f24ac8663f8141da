/**
 * The per-document half of the template guard (template-guard.ts): everything it keeps of one body that
 * needs no corpus statistics. Pure, so `--workers N` computes it beside the sketch and the main thread only
 * counts document frequencies and files the result (a worker sends these arrays, not the text).
 */
import { bloomBitsPerWord, counterValue, emptyBloom, step } from './guard-words.js';
import { coreStart, wordHash } from './headline.js';

export interface GuardDoc {
  /** The body's distinct words (hashes, first-seen order): each counts once towards document frequency. */
  readonly words: Uint32Array;
  /** Bit i set: `words[i]` contains a digit (always a slot, whatever its frequency). */
  readonly digits: Uint32Array;
  /** The first `leadWords` word hashes in order, repeats included (substitutions read word contexts). */
  readonly lead: Uint32Array;
  /** Per lead word: its counter value (see `counterValue`), or 0. */
  readonly counters: Uint32Array;
  /** Bloom filter over the distinct words and their cores (~12 bits a word, 3 probes). */
  readonly bloom: Uint32Array;
  /** 53-bit hash of the whole word sequence: bodies equal word for word share one guard record. */
  readonly key: number;
}

/** Per-thread scratch: the words seen in the current body (open addressing, stamped per body). */
let seenKeys = new Uint32Array(1 << 12);
let seenStamps = new Int32Array(1 << 12);
let stamp = 0;
let scratch = new Uint32Array(4096);
let digitScratch = new Uint8Array(4096);

/** Marks `h` seen in this body; returns whether it was already. */
function seenBefore(h: number): boolean {
  const mask = seenKeys.length - 1;
  let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
  for (;;) {
    if (seenStamps[i] !== stamp) {
      seenKeys[i] = h;
      seenStamps[i] = stamp;
      return false;
    }
    if (seenKeys[i] === h) return true;
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
 * What the guard keeps of a normalised body (tokens separated by single spaces). `words` holds distinct
 * whole words; the Bloom filter holds them and their cores (without و/ب/ل/ال…, so a headline's «بالقصيم» is
 * found in «منطقة القصيم»).
 */
export function guardDocOf(normalised: string, leadWords: number): GuardDoc {
  // the seen-set stays under half full: at most one entry per character pair
  if (seenKeys.length < normalised.length + 2) {
    let size = seenKeys.length;
    while (size < normalised.length + 2) size *= 2;
    seenKeys = new Uint32Array(size);
    seenStamps = new Int32Array(size);
    stamp = 0;
  }
  // stamps live in an Int32Array: start over before they would wrap (after 2^31 bodies in one thread)
  if (stamp === 0x7fffffff) {
    seenStamps.fill(0);
    stamp = 0;
  }
  stamp++;
  const lead = new Uint32Array(leadWords);
  const counters = new Uint32Array(leadWords);
  let leadN = 0;
  // scratch: distinct words and their cores, in the order the Bloom filter takes them
  let n = 0;
  let distinct = 0;
  // two independent sequence hashes make a 53-bit key
  let s1 = 0x811c9dc5;
  let s2 = 0x9747b28c;
  let s = 0;
  let digit = false;
  for (let i = 0; i <= normalised.length; i++) {
    const c = i === normalised.length ? 0x20 : normalised.charCodeAt(i);
    if (c !== 0x20) {
      if (c >= 0x30 && c <= 0x39) digit = true;
      continue;
    }
    if (i > s) {
      const h = wordHash(normalised, s, i);
      s1 = Math.imul(s1 ^ h, 0x01000193);
      s2 = Math.imul(s2 ^ h, 0x5bd1e995) ^ (s2 >>> 13);
      if (!seenBefore(h)) {
        push(n++, h, digit ? 1 : 2);
        distinct++;
        const cs = coreStart(normalised, s, i);
        if (cs > s) push(n++, wordHash(normalised, cs, i), 0);
      }
      if (leadN < leadWords) {
        lead[leadN] = h;
        counters[leadN++] = counterValue(normalised, s, i, h, digit);
      }
    }
    s = i + 1;
    digit = false;
  }
  const words = new Uint32Array(distinct);
  const digits = new Uint32Array((distinct + 31) >>> 5);
  const bits = Math.max(32, n * bloomBitsPerWord);
  const bloom = n === 0 ? emptyBloom : new Uint32Array(Math.ceil(bits / 32));
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
  return { words, digits, lead: lead.subarray(0, leadN), counters: counters.subarray(0, leadN), bloom, key };
}

/** The buffers a worker hands over with a guard record (the empty filter is shared, never moved). */
export function guardDocBuffers(g: GuardDoc): ArrayBuffer[] {
  const out = [g.words.buffer, g.digits.buffer, g.lead.buffer, g.counters.buffer] as ArrayBuffer[];
  if (g.bloom !== emptyBloom) out.push(g.bloom.buffer as ArrayBuffer);
  return out;
}
