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

/** Fold `text` for matching; see the module comment for what changes. */
export function foldForMatch(text: string): Folded {
  if (units.length < text.length) units = new Uint16Array(Math.max(text.length, units.length * 2));
  const out = units;
  const map = new Uint32Array(text.length + 1);
  const table = foldTable();
  let n = 0;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = table[code];
    if (f < 0) continue;
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    out[n] = f;
    map[n++] = i;
  }
  map[n] = text.length;
  // one decoder call over a reused unit buffer (a number[] and spread chunks cost most of this function);
  // the decoder would replace a lone surrogate, so text with any surrogates is built unit by unit
  const folded = surrogates || n <= 64 ? unitsToString(out, n) : utf16.decode(out.subarray(0, n));
  return { text: folded, toOriginal: n === text.length ? map : map.slice(0, n + 1) };
}

/** Scratch for folded units, grown as needed and reused from call to call. */
let units = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

function unitsToString(u: Uint16Array, n: number): string {
  let s = '';
  // chunked to stay below the argument-count limit of String.fromCharCode
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, u.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

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
