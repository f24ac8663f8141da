import { fmix32, fnv1a, mixRound } from './hash32.js';

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

export function shingleHashes(text: string, kind: ShingleKind, size: number, seed: number): Uint32Array {
  const raw = kind === 'char' ? charShingles(text, size, seed) : wordShingles(text, size, seed);
  return sortUnique(raw);
}

function charShingles(text: string, n: number, seed: number): Uint32Array {
  const units = new Uint16Array(text.length);
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE) units[len++] = c;
  }
  if (len === 0) return new Uint32Array(0);
  if (len < n) return Uint32Array.of(fmix32(hashUnits(units, 0, len) ^ seed));
  // BASE^(n-1), to take the outgoing unit off the rolling hash
  let top = 1;
  for (let k = 1; k < n; k++) top = Math.imul(top, BASE);
  const out = new Uint32Array(len - n + 1);
  let h = hashUnits(units, 0, n);
  out[0] = fmix32(h ^ seed);
  for (let i = n; i < len; i++) {
    h = (Math.imul(h - Math.imul(units[i - n], top), BASE) + units[i]) | 0;
    out[i - n + 1] = fmix32(h ^ seed);
  }
  return out;
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
  a.sort();
  let w = 0;
  for (let r = 0; r < a.length; r++) if (r === 0 || a[r] !== a[w - 1]) a[w++] = a[r];
  return a.subarray(0, w);
}
