/**
 * A small, offset-keeping fold for pattern matching in the provenance stage. The real normaliser lives in
 * `src/text/normalise.ts`; this one only does what the lexicon and date patterns need, and keeps a map back to
 * the original so every span we report can be sliced from `Doc.text`.
 *
 * - alef forms أ إ آ ٱ → ا, ة → ه, ى → ي (writers and sites disagree on these, e.g. «أسوشيتد» / «اسوشيتد»)
 * - diacritics (U+064B–U+065F, U+0670) and tatweel (U+0640) removed, so «لـ»واس»» reads «ل»واس»»
 * - Arabic-Indic (٠–٩) and Persian (۰–۹) digits → ASCII
 * - bidi controls and zero-width characters removed (copied web text is full of them)
 * - Persian/Urdu letter forms ی ک → ي ك (the keyword line of corpus/000 carries «کوریا الشمالیة»)
 */

import { unitsToString } from '../text/utf16.js';

export interface Folded {
  readonly text: string;
  /** `toOriginal[i]` is the original offset of folded unit `i`; one extra entry marks the end. */
  readonly toOriginal: Uint32Array;
}

function foldChar(code: number): number {
  if (code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0671) return 0x0627;
  if (code === 0x0629) return 0x0647;
  if (code === 0x0649 || code === 0x06cc) return 0x064a;
  if (code === 0x06a9) return 0x0643;
  if (code >= 0x0660 && code <= 0x0669) return code - 0x0660 + 0x30;
  if (code >= 0x06f0 && code <= 0x06f9) return code - 0x06f0 + 0x30;
  return code;
}

function dropped(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

let table: Int32Array | undefined;

/** `foldChar` for every UTF-16 unit, −1 where `dropped`: one load per character in the hot loop. */
function foldTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = dropped(c) ? -1 : foldChar(c);
  return table;
}

/**
 * Fold `text` for matching; see the module comment for what changes. The offset map is built on first
 * read: most articles name no agency and carry no source line, and nothing maps their spans back.
 */
export function foldForMatch(text: string): Folded {
  if (units.length < text.length) units = new Uint16Array(Math.max(text.length, units.length * 2));
  const out = units;
  const table = foldTable();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)];
    if (f >= 0) out[n++] = f;
  }
  // one copy of the reused unit buffer into a string (a number[] and spread chunks cost most of this function)
  const folded = unitsToString(out, n);
  let map: Uint32Array | undefined;
  return {
    text: folded,
    get toOriginal(): Uint32Array {
      return (map ??= offsetMap(text, n));
    },
  };
}

/** Original offset of each of the `n` units `text` folds to, and its length as the end entry. */
function offsetMap(text: string, n: number): Uint32Array {
  if (n === text.length) return identity(n);
  const map = new Uint32Array(n + 1);
  const table = foldTable();
  let k = 0;
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] >= 0) map[k++] = i;
  map[n] = text.length;
  return map;
}

/** `[0, 1, …, n]`: a view on one shared array (nothing writes to an offset map), grown as needed. */
function identity(n: number): Uint32Array {
  if (identityMap.length <= n) {
    identityMap = new Uint32Array(Math.max(n + 1, identityMap.length * 2));
    for (let i = 0; i < identityMap.length; i++) identityMap[i] = i;
  }
  return identityMap.subarray(0, n + 1);
}

let identityMap = new Uint32Array(0);

/** Scratch for folded units, grown as needed and reused from call to call. */
let units = new Uint16Array(4096);

/** Fold a pattern or alias (no offsets needed). */
export function foldString(text: string): string {
  return foldForMatch(text).text;
}

/** Original `[start, end)` for a folded `[start, end)`. */
export function originalSpan(f: Folded, start: number, end: number): [number, number] {
  // The end maps to the next kept unit, so diacritics on the last letter stay inside the span.
  return [f.toOriginal[start], f.toOriginal[end]];
}

/** Arabic letters (incl. the folded ranges) — what counts as "inside a word" for boundaries. */
export const WORD_CHAR = '\\u0621-\\u064A\\u0671-\\u06D3\\u06FA-\\u06FFA-Za-z0-9';
