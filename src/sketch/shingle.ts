import { Buffer } from 'node:buffer';
import { fmix32, fnv1a, mixRound } from './hash32.js';
import type { Uint32Slab } from './uint32-slab.js';

/**
 * Shingles of a normalised body as sorted, de-duplicated 32-bit hashes — the exact set verification
 * compares, and the input of MinHash.
 *
 * `char` n-grams run over the text with spaces removed: on the seed pair 000~004 this lifts Jaccard from
 * 0.20 (word 5-grams, whole pages) to 0.47 after normalisation and stripping, because one-letter edits and
 * split names (بيونغيانغ/بيونغ يانغ) break n characters' worth of shingles instead of n words' worth.
 */
export type ShingleKind = 'char' | 'word';

const SPACE = 0x20;
/** Odd multiplier of the rolling polynomial hash (mod 2^32). */
const BASE = 0x01000193;

/** With `slab`, char shingle sets are views into it (see uint32-slab.ts); else each has its own buffer. */
export function shingleHashes(text: string, kind: ShingleKind, size: number, seed: number, slab?: Uint32Slab): Uint32Array {
  if (kind === 'word') return sortUnique(wordShingles(text, size, seed));
  const n = charShingles(text, size, seed);
  return sortedUniqueCopy(hashScratch, n, slab);
}

/** Per-process scratch, grown as needed: shingling allocates only its result. */
let unitScratch: Uint16Array = new Uint16Array(8192);
/** The same memory as bytes, for `Buffer.write`. */
let unitBytes: Buffer = Buffer.from(unitScratch.buffer);
let hashScratch: Uint32Array = new Uint32Array(8192);

/** UTF-16LE bytes read as a Uint16Array are the code units only on a little-endian host. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Writes the char n-gram hashes of `text` into `hashScratch` and returns how many. */
function charShingles(text: string, n: number, seed: number): number {
  if (unitScratch.length < text.length) {
    unitScratch = new Uint16Array(Math.max(text.length, unitScratch.length * 2));
    unitBytes = Buffer.from(unitScratch.buffer);
  }
  const units = unitScratch;
  // a native copy of the code units (lone surrogates included): charCodeAt checks the string's
  // representation on every call and cost more than hashing
  if (!LITTLE_ENDIAN || unitBytes.write(text, 0, 'utf16le') !== text.length * 2) {
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  }
  // spaces dropped branch-free (one unit in ~6, at no regular stride: a branch on it mispredicts);
  // (c ^ SPACE) + 0xffff reaches bit 16 unless c is a space
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = units[i];
    units[len] = c;
    len += ((c ^ SPACE) + 0xffff) >>> 16;
  }
  if (len === 0) return 0;
  if (hashScratch.length < len) hashScratch = new Uint32Array(Math.max(len, hashScratch.length * 2));
  const out = hashScratch;
  if (len < n) {
    out[0] = fmix32(hashUnits(units, 0, len) ^ seed);
    return 1;
  }
  // BASE^(n-1), to take the outgoing unit off the rolling hash
  let top = 1;
  for (let k = 1; k < n; k++) top = Math.imul(top, BASE);
  let h = hashUnits(units, 0, n);
  out[0] = fmix32(h ^ seed);
  for (let i = n; i < len; i++) {
    h = (Math.imul(h - Math.imul(units[i - n], top), BASE) + units[i]) | 0;
    out[i - n + 1] = fmix32(h ^ seed);
  }
  return len - n + 1;
}

function hashUnits(units: Uint16Array, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, BASE) + units[i]) | 0;
  return h;
}

function wordShingles(text: string, n: number, seed: number): Uint32Array {
  const tokens: number[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === SPACE) {
      if (i > s) tokens.push(fnv1a(text, s, i));
      s = i + 1;
    }
  }
  if (tokens.length === 0) return new Uint32Array(0);
  const count = Math.max(1, tokens.length - n + 1);
  const width = Math.min(n, tokens.length);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = seed ^ width;
    for (let k = 0; k < width; k++) h = mixRound(h, tokens[i + k]);
    out[i] = fmix32(h ^ width);
  }
  return out;
}

/** Sorts in place and drops repeats; the returned view shares the buffer. */
export function sortUnique(a: Uint32Array): Uint32Array {
  const sorted = sortedUniqueCopy(a, a.length, undefined);
  a.set(sorted);
  return a.subarray(0, sorted.length);
}

let bucketed: Uint32Array = new Uint32Array(8192);
let starts: Int32Array = new Int32Array(1 << 17);

/**
 * The distinct values of `src[0, n)`, sorted, in a new array of exactly their number. Shingle hashes are
 * uniform, so one counting pass on the top bits (about one value per two buckets) leaves runs of one or two
 * to order by insertion: ~3× faster than `TypedArray.prototype.sort` (a comparison sort, ~35 ns per element
 * on shingle sets here) and no allocation but the result.
 */
function sortedUniqueCopy(src: Uint32Array, n: number, slab: Uint32Slab | undefined): Uint32Array {
  if (n === 0) return new Uint32Array(0);
  // twice as many buckets as values: fewer values share a bucket, so fewer take the insertion path below
  // (a mispredicted branch each); the extra buckets cost one cheap sequential pass
  let bits = 2;
  while (bits < 17 && 1 << (bits - 1) < n) bits++;
  const buckets = 1 << bits;
  const shift = 32 - bits;
  if (bucketed.length < n) bucketed = new Uint32Array(Math.max(n, bucketed.length * 2));
  const dst = bucketed;
  const at = starts;
  at.fill(0, 0, buckets);
  for (let i = 0; i < n; i++) at[src[i] >>> shift]++;
  // exclusive prefix sums carried in a register: `at[k + 1] += at[k]` waited on its own store every bucket
  for (let k = 0, sum = 0; k < buckets; k++) {
    const c = at[k];
    at[k] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const v = src[i];
    dst[at[v >>> shift]++] = v;
  }
  // values are now ordered by bucket. Most exceed the last one kept (kept in a register, not reloaded
  // after its store); the rest, a repeat or an inversion within a bucket, go the slow way: insertion,
  // which only moves within the bucket, dropping repeats. They are written where they are kept, from `o`:
  // the slab (no copy), or the front of the scratch itself (then sliced)
  const out = slab === undefined ? dst : slab.room(n);
  const o = slab === undefined ? 0 : slab.offset;
  let w = o + 1;
  let last = dst[0];
  out[o] = last;
  for (let i = 1; i < n; i++) {
    const v = dst[i];
    if (v > last) {
      out[w++] = v;
      last = v;
      continue;
    }
    if (v === last) continue;
    let j = w - 2;
    while (j >= o && out[j] > v) j--;
    if (j >= o && out[j] === v) continue;
    for (let k = w; k > j + 1; k--) out[k] = out[k - 1];
    out[j + 1] = v;
    w++;
  }
  return slab === undefined ? dst.slice(0, w) : slab.take(w - o);
}
