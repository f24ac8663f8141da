import { normaliseText } from '../text/normalise.js';

/**
 * Headline and date evidence for the template guard (template-guard.ts).
 *
 * Overlap cannot tell a templated item from a copy when the template is long and the slot short: royal
 * cables to Egypt and to Tunisia share 0.7–0.85 of their text, executions in Qassim and in Ahsa as much. The
 * headline is where the slot is spelled out: «…رئيس جمهورية مصر…» / «…الرئيس التونسي…», «…بالقصيم» /
 * «…بالأحساء», «تغرم 30 منشأة» / «تغرم 23 منشأة». And a templated item recurs on other days, while copies of
 * one story appear within a day or so (print editions reprint the web story the next morning).
 *
 * Two signals per pair (docs/tuning.md, round 5, has the counts):
 *
 * - **headline slot swap**: each headline has a slot word — a word of the headline that its own body also
 *   uses (so it is what the story is about, not a headline flourish) and that the other document uses
 *   nowhere (body or headline). One side alone is a rewrite with a more specific headline; both sides is a
 *   swap. Deictic time words (اليوم/غدا/المقبل…) and spelling variants of a word in the other headline
 *   (الأمريكي/الأميركي, شؤون/شئون) are not slots.
 * - **headline agreement**: the share of the shorter headline's words found in the other headline.
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a of text[start, end): word identity for the guard; never 0 (the empty slot). guardDocOf
 * computes it inline as it scans a body.
 */
export function wordHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0 || 1;
}

const ALEF = 0x0627;
const BEH = 0x0628;
const FEH = 0x0641;
const KAF = 0x0643;
const LAM = 0x0644;
const WAW = 0x0648;

/**
 * Where the core of text[start, end) begins: after one proclitic (و، ب، ل، ف، ال and their combinations)
 * when at least 3 letters remain, else `start`. Over-stripping a word that merely begins with those letters
 * («بريطانيا» → «ريطانيا») only adds a form no other word has.
 *
 * The proclitics, longest first: وال بال كال فال (6+ letters), لل ال (5+), و ب ل ف (4+). Written out on
 * the first letter rather than looped over as strings: the guard calls this for every distinct body word
 * (~0.3 s of a SaudiNewsNet scan as a loop), and most words rule out every prefix on their first letter.
 */
export function coreStart(text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 4) return start;
  const c0 = text.charCodeAt(start);
  if (c0 === ALEF) return len >= 5 && text.charCodeAt(start + 1) === LAM ? start + 2 : start;
  if (c0 === LAM) return len >= 5 && text.charCodeAt(start + 1) === LAM ? start + 2 : start + 1;
  if (c0 === WAW || c0 === BEH || c0 === FEH || c0 === KAF) {
    if (len >= 6 && text.charCodeAt(start + 1) === ALEF && text.charCodeAt(start + 2) === LAM) return start + 3;
    return c0 === KAF ? start : start + 1; // ك alone is no proclitic here
  }
  return start;
}

/**
 * Words that place a story in time relative to the day it is printed, normalised. The same story re-run
 * days later says «اليوم» where it said «الاثنين المقبل»: not a slot.
 */
const deictic = new Set(
  'اليوم غدا امس الان المقبل القادم المقبله القادمه الماضي الماضيه الجاري الحالي يوم السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه'.split(' '),
);

/** What the guard keeps of a headline: its distinct normalised words (a few dozen bytes a document). */
export interface Headline {
  readonly words: readonly string[];
  readonly hashes: Uint32Array;
  /** Hash of each word's core (see `coreStart`); the guard's Bloom filters hold body words' cores too. */
  readonly cores: Uint32Array;
}

/** Numeric character references and the few named entities crawled titles carry («&quot;», «&#8220;»). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d{1,7});/g, (_, n: string) => safeChar(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => safeChar(parseInt(n, 16)))
    .replace(/&(?:quot|amp|lt|gt|apos|nbsp);/g, ' ');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

/** The headline's distinct words (normalised as bodies are, one-letter words dropped), or undefined. */
export function headlineOf(title: string | undefined): Headline | undefined {
  if (title === undefined) return undefined;
  const text = normaliseText(decodeEntities(title)).text;
  const words = [...new Set(text.split(' ').filter((w) => w.length > 1))];
  if (words.length === 0) return undefined;
  return {
    words,
    hashes: Uint32Array.from(words, (w) => wordHash(w, 0, w.length)),
    cores: Uint32Array.from(words, (w) => wordHash(w, coreStart(w, 0, w.length), w.length)),
  };
}

/**
 * The numbers a headline gives in digits (digits only, so «363» and «363م» are one number): a running count
 * of another day («تصحيح أوضاع 354 ألف يمني» / «363 ألف») changes them and little else.
 */
export function headlineNumbers(h: Headline): string[] {
  const out: string[] = [];
  for (const w of h.words) {
    const digits = w.replace(/[^0-9]/g, '');
    if (digits !== '' && !out.includes(digits)) out.push(digits);
  }
  return out;
}

/** Day number (UTC days since 1970) of a date string, or NaN when absent or unreadable. */
export function dayOf(date: string | undefined): number {
  if (date === undefined) return NaN;
  const t = Date.parse(date);
  return Number.isFinite(t) ? t / 86_400_000 : NaN;
}

/** Dice coefficient of character bigrams: spelling variants of one name score high (≥ 0.5). */
function bigramDice(x: string, y: string): number {
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < x.length; i++) {
    const g = x.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const g = y.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** Word membership in a document's body (the guard's Bloom filter). */
export type HasWord = (hash: number) => boolean;

/**
 * Whether `a`'s headline names a slot `b` lacks: a word of it that `a`'s body uses, that `b` uses nowhere,
 * that is no deictic time word and no spelling variant of a word in `b`'s headline. Words are compared by
 * their form and their core, so «بثادق» in a headline is found in «محافظة ثادق».
 */
function hasSlot(a: Headline, aHas: HasWord, b: Headline, bHas: HasWord): boolean {
  for (let i = 0; i < a.words.length; i++) {
    const w = a.words[i];
    const h = a.hashes[i];
    const c = a.cores[i];
    if (deictic.has(w) || !(aHas(h) || aHas(c)) || bHas(h) || bHas(c) || b.cores.includes(c)) continue;
    if (b.words.some((v) => bigramDice(w, v) >= 0.5)) continue;
    return true;
  }
  return false;
}

/** Both headlines name a slot the other document lacks (see the module comment). */
export function headlineSwap(a: Headline, aHas: HasWord, b: Headline, bHas: HasWord): boolean {
  return hasSlot(a, aHas, b, bHas) && hasSlot(b, bHas, a, aHas);
}

/** Share of the shorter headline's words found in the other headline. */
export function headlineAgreement(a: Headline, b: Headline): number {
  const [s, l] = a.hashes.length <= b.hashes.length ? [a, b] : [b, a];
  let n = 0;
  for (const h of s.hashes) if (l.hashes.includes(h)) n++;
  return n / s.hashes.length;
}
