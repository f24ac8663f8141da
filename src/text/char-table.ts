/**
 * The normaliser's lookup table: one entry per UTF-16 code unit, built once, so normalising is a single
 * pass of table reads instead of a chain of regex replacements (measured ~10× faster).
 *
 * Entry values: `DROP` (format/bidi controls, tatweel, diacritics), `SPACE` (whitespace, punctuation,
 * symbols: token separators), `MULTI` (expands to several units, e.g. the lam-alef ligature ﻻ → لا;
 * see `multiUnitFolds`), otherwise the folded code unit itself.
 */

export const DROP = 0;
export const SPACE = 1;
export const MULTI = 2;

/** Invisible or decorative code points removed before tokenising (DEVELOPERS.md, "normalise in one pass"). */
function isDropped(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0x061c || // Arabic letter mark
    cp === 0xfeff || // BOM / zero-width no-break space
    cp === 0x00ad || // soft hyphen
    cp === 0x0640 || // tatweel
    (cp >= 0x0610 && cp <= 0x061a) || // Quranic marks
    (cp >= 0x064b && cp <= 0x065f) || // harakat, tanween, shadda, sukun
    cp === 0x0670 || // superscript alef
    (cp >= 0x06d6 && cp <= 0x06ed) // Quranic annotation signs
  );
}

/** Letter variants that outlets use interchangeably; folding them makes their copies compare equal. */
const letterFolds: ReadonlyMap<number, number> = new Map([
  [0x0623, 0x0627], // أ → ا
  [0x0625, 0x0627], // إ → ا
  [0x0622, 0x0627], // آ → ا
  [0x0671, 0x0627], // ٱ → ا
  [0x0649, 0x064a], // ى → ي
  [0x06cc, 0x064a], // ی (Persian yeh) → ي
  [0x06a9, 0x0643], // ک (keheh) → ك
  [0x0629, 0x0647], // ة → ه
  [0x0624, 0x0648], // ؤ → و
  [0x0626, 0x064a], // ئ → ي
]);

function foldCodePoint(cp: number): number {
  if (cp >= 0x0660 && cp <= 0x0669) return 0x30 + (cp - 0x0660); // Arabic-Indic digits
  if (cp >= 0x06f0 && cp <= 0x06f9) return 0x30 + (cp - 0x06f0); // Persian digits
  return letterFolds.get(cp) ?? cp;
}

const letterOrNumber = /^[\p{L}\p{N}]$/u;
const combiningMark = /^\p{M}$/u;
const latin = /^\p{Script=Latin}$/u;

/** Folds one NFKC output character: DROP, SPACE, or the folded code unit. */
function classify(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (isDropped(cp)) return DROP;
  const folded = foldCodePoint(cp);
  const f = String.fromCodePoint(folded);
  if (combiningMark.test(f)) return DROP; // other diacritics (e.g. Latin accents after NFKC decomposition)
  if (!letterOrNumber.test(f)) return SPACE;
  const lower = latin.test(f) ? f.toLowerCase() : f;
  return lower.length === 1 ? lower.charCodeAt(0) : folded;
}

export interface CharTable {
  readonly table: Uint16Array;
  /** Expansions for `MULTI` entries: code unit → folded units (never containing DROP/SPACE markers). */
  readonly multiUnitFolds: ReadonlyMap<number, Uint16Array>;
}

function buildCharTable(): CharTable {
  const table = new Uint16Array(0x10000);
  const multiUnitFolds = new Map<number, Uint16Array>();
  for (let u = 0; u < 0x10000; u++) {
    if (u >= 0xd800 && u <= 0xdfff) {
      table[u] = u; // astral characters pass through as their surrogate pairs
      continue;
    }
    if (isDropped(u)) {
      table[u] = DROP;
      continue;
    }
    const nfkc = String.fromCharCode(u).normalize('NFKC');
    const out: number[] = [];
    for (const ch of nfkc) {
      const c = classify(ch);
      if (c === DROP) continue;
      if (c === SPACE) {
        if (out.length > 0 && out[out.length - 1] !== SPACE) out.push(SPACE);
        continue;
      }
      out.push(c);
    }
    while (out.length > 0 && out[out.length - 1] === SPACE) out.pop();
    if (out.length === 0) table[u] = nfkc.length > 0 && [...nfkc].some((ch) => classify(ch) === SPACE) ? SPACE : DROP;
    else if (out.length === 1 && out[0] > MULTI) table[u] = out[0];
    else if (out.includes(SPACE)) table[u] = SPACE; // e.g. "½" → "1⁄2": a symbol, not a word
    else {
      table[u] = MULTI;
      multiUnitFolds.set(u, Uint16Array.from(out));
    }
  }
  return { table, multiUnitFolds };
}

let cached: CharTable | undefined;

/** The table is built on first use (~30 ms) and shared for the life of the process. */
export function charTable(): CharTable {
  cached ??= buildCharTable();
  return cached;
}
