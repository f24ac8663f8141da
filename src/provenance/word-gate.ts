/**
 * Runs a word-bounded alternation regex only where it can match. A regex of the form
 * `(?<![W])(…)(?![W])` over a whole text makes the engine try every alternative at every character;
 * a match can only begin at a word start, and only where that word is one of a known, finite set of
 * "first words" (a name's first part, or its first parts written together, after an optional proclitic).
 * The gate walks the words once, hashing each as it goes, and tries the regex (sticky, so at that
 * position only) where the hash is one of a first word's. A hash collision costs one regex attempt; no
 * word that could start a match is ever skipped, so the matches are exactly those of a full scan.
 */

/** Slots in the first-word hash table: with ~2k first words, ~3 % of other words collide. */
const SLOTS = 1 << 16;

export class WordGate {
  readonly #word: Uint8Array;
  readonly #first = new Uint8Array(SLOTS);

  /**
   * @param wordChar  character class body (as inside `[…]`) of the regex's word boundaries
   * @param firstWords every word a match can open with; each must consist of `wordChar` characters only
   */
  constructor(wordChar: string, firstWords: Iterable<string>) {
    this.#word = new Uint8Array(0x10000);
    // one scan over every UTF-16 unit, as a string, marks the word characters' runs (a test per unit
    // would add tens of ms to every command's start-up)
    const all = new Uint16Array(0x10000);
    for (let c = 0; c < all.length; c++) all[c] = c;
    const units = Buffer.from(all.buffer).toString('utf16le');
    for (const run of units.matchAll(new RegExp(`[${wordChar}]+`, 'g'))) this.#word.fill(1, run.index, run.index + run[0].length);
    for (const w of firstWords) {
      let h = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        // a first word with a non-word character would never be found as one word: the gate would skip it
        if (this.#word[c] === 0) throw new Error(`first word «${w}» has a non-word character`);
        h = (Math.imul(h, 31) + c) | 0;
      }
      this.#first[slot(h)] = 1;
    }
  }

  /**
   * `[...text.matchAll(re)]` for a `g` regex whose matches start with a word character right after a
   * non-word one (or the text start), given `sticky`: the same regex with flag `y` instead of `g`.
   */
  matches(text: string, sticky: RegExp): RegExpExecArray[] {
    const word = this.#word;
    const first = this.#first;
    const out: RegExpExecArray[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (word[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      // i starts a word, or lies inside one after a match that ended there, where the regex's own
      // lookbehind fails: a word's hash is checked only where a match could begin
      let end = i;
      let h = 0;
      do h = (Math.imul(h, 31) + text.charCodeAt(end++)) | 0;
      while (end < n && word[text.charCodeAt(end)] === 1);
      if (first[slot(h)] === 1) {
        sticky.lastIndex = i;
        const m = sticky.exec(text);
        if (m !== null) {
          out.push(m);
          // as matchAll: past the match, or one step on after an empty one
          i = m[0].length > 0 ? m.index + m[0].length : i + 1;
          continue;
        }
      }
      i = end;
    }
    return out;
  }
}

function slot(h: number): number {
  return (h ^ (h >>> 16)) & (SLOTS - 1);
}
