import type { Normalised } from '../records.js';
import { charTable, DROP, MULTI, SPACE } from './char-table.js';
import { unitsToString } from './utf16.js';

const SPACE_UNIT = 0x20;

/**
 * Normalises Arabic (and any) text in one pass over its UTF-16 units: NFKC per character, drops
 * invisible controls, tatweel and diacritics, folds letter variants (أإآٱ→ا, ى/ی→ي, ک→ك, ة→ه, ؤ→و, ئ→ي),
 * Arabic-Indic/Persian digits → ASCII, lowercases Latin, and turns whitespace and punctuation into single
 * spaces. The result is a sequence of words separated by one space, with no leading or trailing space.
 *
 * `toOriginal[i]` maps normalised unit i to the offset of the original unit it came from, so a diff over
 * normalised words can show the original words; `toOriginal[text.length]` is the original end.
 *
 * `ranges` restrict the pass to slices of `original` (kept body parts; offsets still refer to `original`);
 * a range boundary separates words.
 */
export function normaliseText(original: string, ranges: readonly (readonly [number, number])[] = [[0, original.length]]): Normalised {
  const n = normaliseInto(original, ranges, true);
  const toOriginal = new Uint32Array(n + 1);
  toOriginal.set(mapScratch.subarray(0, n));
  toOriginal[n] = n > 0 ? endOfLastUnit(original, mapScratch[n - 1]) : (ranges[0]?.[0] ?? 0);
  return { text: unitsToString(unitScratch, n), toOriginal };
}

/**
 * `normaliseText` for the scan's hot path: the same text, with the offset map built only if something reads
 * it (a diff or a report view; the detector never does). Skips a 4-byte-per-character array per document.
 */
export function normaliseLazily(original: string, ranges: readonly (readonly [number, number])[] = [[0, original.length]]): Normalised {
  const n = normaliseInto(original, ranges, false);
  const text = unitsToString(unitScratch, n);
  let map: Uint32Array | undefined;
  return {
    text,
    get toOriginal(): Uint32Array {
      map ??= normaliseText(original, ranges).toOriginal;
      return map;
    },
  };
}

/**
 * The first units of a slice's normalised text: at most `limit` + 1 of them, so a caller learns from a result
 * longer than `limit` that the slice goes on, without normalising all of it (boilerplate markers are tested on
 * line prefixes: boilerplate.ts).
 */
export function normalisedPrefix(original: string, start: number, end: number, limit: number): string {
  return unitsToString(unitScratch, normaliseInto(original, [[start, end]], false, limit + 1));
}

/** Scratch of the normaliser, grown as needed and reused: one pass allocates nothing but its string. */
let unitScratch: Uint16Array = new Uint16Array(16384);
let mapScratch: Uint32Array = new Uint32Array(16384);

/**
 * Normalises `ranges` of `original` into `unitScratch` (and `mapScratch` when `withMap`); returns the length.
 * Stops once `limit` units are written (a prefix: the same units a whole pass starts with).
 */
function normaliseInto(original: string, ranges: readonly (readonly [number, number])[], withMap: boolean, limit = Infinity): number {
  const { table, multiUnitFolds } = charTable();
  let total = 0;
  for (const [s, e] of ranges) total += e - s;
  const cap = total * 2 + 1; // MULTI expansions can grow text; ligatures are at most 2× here
  if (unitScratch.length < cap) {
    unitScratch = new Uint16Array(Math.max(cap, unitScratch.length * 2));
    mapScratch = new Uint32Array(unitScratch.length);
  }
  let out = unitScratch;
  let map = mapScratch;
  let n = 0;
  let pendingSpace = false;
  let spaceAt = 0; // the separator maps to where the gap between two words starts
  for (let r = 0; r < ranges.length; r++) {
    const from = ranges[r][0];
    const to = ranges[r][1];
    if (n > 0 && !pendingSpace) {
      pendingSpace = true;
      spaceAt = from;
    }
    for (let i = from; i < to && n < limit; i++) {
      const v = table[original.charCodeAt(i)];
      if (v === DROP) continue;
      if (v === SPACE) {
        if (!pendingSpace && n > 0) {
          pendingSpace = true;
          spaceAt = i;
        }
        continue;
      }
      if (pendingSpace) {
        out[n] = SPACE_UNIT;
        if (withMap) map[n] = spaceAt;
        n++;
        pendingSpace = false;
      }
      if (v === MULTI) {
        const units = multiUnitFolds.get(original.charCodeAt(i))!;
        if (n + units.length + 2 >= out.length) [out, map] = grow(n);
        for (let k = 0; k < units.length; k++) {
          out[n] = units[k];
          if (withMap) map[n] = i;
          n++;
        }
        continue;
      }
      if (n + 2 >= out.length) [out, map] = grow(n);
      out[n] = v;
      if (withMap) map[n] = i;
      n++;
    }
  }
  return n;
}
/** End offset of the original character at `start`, past any diacritics that were dropped after it. */
function endOfLastUnit(original: string, start: number): number {
  const { table } = charTable();
  let e = start + 1;
  while (e < original.length && table[original.charCodeAt(e)] === DROP) e++;
  return e;
}

function grow(n: number): [Uint16Array, Uint32Array] {
  const o = new Uint16Array(unitScratch.length * 2);
  o.set(unitScratch.subarray(0, n));
  const m = new Uint32Array(o.length);
  m.set(mapScratch.subarray(0, n));
  unitScratch = o;
  mapScratch = m;
  return [o, m];
}

/** One normalised word: its text and its span in the ORIGINAL text. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits a normalised text into words, each carrying its original span (diacritics after it included). */
export function wordsOf(n: Normalised, original: string): Word[] {
  const words: Word[] = [];
  const t = n.text;
  let s = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t.charCodeAt(i) === SPACE_UNIT) {
      if (i > s) {
        words.push({ text: t.slice(s, i), start: n.toOriginal[s], end: endOfLastUnit(original, n.toOriginal[i - 1]) });
      }
      s = i + 1;
    }
  }
  return words;
}
