/**
 * Word-level evidence for the template guard (template-guard.ts): counters (ordinals, weekdays, months,
 * numbers) that tell two events of one template apart, Bloom filters of a body's words, and document
 * frequencies of words over the crawl.
 */
import type { Headline } from './headline.js';
import { coreStart, wordHash } from './headline.js';

/**
 * Closed classes of words that count or date an event, normalised (ة→ه, ى→ي, hamza on alef folded):
 * ordinals (masculine and feminine share a value), weekdays, Gregorian and Hijri months. Two items that
 * differ only here — «الطائرة الإغاثية الرابعة» / «الخامسة», «الأحد» / «الاثنين» — are two events.
 */
const counterClasses: readonly (readonly string[])[] = [
  ['الاول الاولي', 'الثاني الثانيه', 'الثالث الثالثه', 'الرابع الرابعه', 'الخامس الخامسه', 'السادس السادسه', 'السابع السابعه', 'الثامن الثامنه', 'التاسع التاسعه', 'العاشر العاشره'],
  ['السبت', 'الاحد', 'الاثنين', 'الثلاثاء الثلاثا', 'الاربعاء الاربعا', 'الخميس', 'الجمعه'],
  ['يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو يونيه', 'يوليو يوليه', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر'],
  ['محرم', 'صفر', 'ربيع', 'جمادي', 'رجب', 'شعبان', 'رمضان', 'شوال', 'القعده', 'الحجه'],
];
/**
 * A fixed map from word hash (never 0) to a non-zero value, in two typed arrays: every lead word of every
 * body is looked up here, and a Map keyed by uint32s (above 2^30, heap numbers) takes ~4× as long a lookup.
 */
class HashValues {
  private readonly keys: Uint32Array;
  private readonly values: Uint32Array;

  constructor(entries: readonly (readonly [number, number])[]) {
    // at most a quarter full: a word that counts nothing, most lookups, stops at an empty slot soon
    let size = 16;
    while (size < 4 * entries.length) size *= 2;
    this.keys = new Uint32Array(size);
    this.values = new Uint32Array(size);
    for (const [h, v] of entries) this.values[this.slot(h)] = v;
  }

  /** Slot of `h`: its own, or the empty one where it goes. */
  private slot(h: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== h) i = (i + 1) & mask;
    this.keys[i] = h;
    return i;
  }

  get(h: number): number {
    const mask = this.keys.length - 1;
    for (let i = (Math.imul(h, 0x9e3779b1) >>> 0) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === h) return this.values[i];
      if (k === 0) return 0;
    }
  }
}

/** Class 1 is numbers (their digits only, so 2014 = 2014م); classes 2… the lists above. */
let counterWords: HashValues | undefined;
function counterTable(): HashValues {
  counterWords ??= new HashValues(
    counterClasses.flatMap((list, c) =>
      list.flatMap((forms, v) => forms.split(' ').map((w) => [wordHash(w, 0, w.length), (((c + 2) << 28) | (v + 1)) >>> 0] as const)),
    ),
  );
  return counterWords;
}

/**
 * Ordinals by their core too («ثانية» in a headline, «الثانية» in a body; «أول»): weekdays and months are
 * not, since a core such as «احد» (الأحد) is also an ordinary word («أحد الجناة»).
 */
let ordinalCores: HashValues | undefined;
function ordinalCoreTable(): HashValues {
  ordinalCores ??= new HashValues(
    counterClasses[0].flatMap((forms, v) =>
      forms.split(' ').map((w) => [wordHash(w, coreStart(w, 0, w.length), w.length), ((2 << 28) | (v + 1)) >>> 0] as const),
    ),
  );
  return ordinalCores;
}

/** Hash of a headline's words in order: the identity of a recurring headline. */
export function wholeHeadlineHash(h: Headline): number {
  let x = 0x811c9dc5;
  for (const w of h.hashes) x = Math.imul(x ^ w, 0x01000193);
  return x >>> 0 || 1;
}

/** Counter values (ordinals, weekdays, months) named in a headline. */
export function headlineCounters(h: Headline): number[] {
  const out: number[] = [];
  for (let i = 0; i < h.hashes.length; i++) {
    const v = counterTable().get(h.hashes[i]) || ordinalCoreTable().get(h.cores[i]);
    if (v !== 0 && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Whether two headlines count or date different events: a class both name, with no value in common. */
export function countersDiffer(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) {
    const cls = x >>> 28;
    if (b.some((y) => y >>> 28 === cls) && !b.includes(x) && !a.some((y) => y >>> 28 === cls && b.includes(y))) return true;
  }
  return false;
}

/** The counter value of a word (class << 28 | value), or 0 when it counts nothing. */
export function counterValue(text: string, start: number, end: number, h: number, digit: boolean): number {
  if (!digit) return counterTable().get(h);
  let d = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) d = Math.imul(d ^ c, 0x01000193);
  }
  return ((1 << 28) | (d & 0x0fffffff)) >>> 0;
}

export const emptyBloom = new Uint32Array(1);
export const bloomBitsPerWord = 12;

/** Second, independent probe step for the Bloom filter (odd, so probes cycle the whole filter). */
export function step(h: number): number {
  return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0) | 1;
}

export function bloomHas(bloom: Uint32Array, h: number): boolean {
  const m = bloom.length * 32;
  const s = step(h);
  for (let k = 0, x = h; k < 3; k++, x = (x + s) >>> 0) {
    const bit = x % m;
    if ((bloom[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/**
 * Document frequency of word hashes: open addressing in one typed array (key, then count × 2 + digit flag, side
 * by side so a probe touches one cache line), no per-word objects. Callers count each document's distinct
 * words (guard-doc.ts), so the table needs no per-document stamp.
 */
export class WordTable {
  private slots = new Uint32Array(2 << 16);
  private used = 0;
  /** Read by no one: keeps `countDoc`'s first pass from being optimised away. */
  private warmed = 0;

  /** Where the probe for `h` starts (an entry index; the slot index is twice it). */
  private home(h: number): number {
    return (Math.imul(h, 0x9e3779b1) >>> 0) & ((this.slots.length >>> 1) - 1);
  }

  /** Slot index (even) of `h`: its own, or the empty one where it would go. */
  private slot(h: number): number {
    const mask = (this.slots.length >>> 1) - 1;
    let i = this.home(h);
    while (this.slots[2 * i] !== 0 && this.slots[2 * i] !== h) i = (i + 1) & mask;
    return 2 * i;
  }

  /**
   * Counts one more document holding each of `words`, a body's distinct words (bit i of `digits` set when
   * `words[i]` contains a digit).
   */
  countDoc(words: Uint32Array, digits: Uint32Array): void {
    while ((this.used + words.length) * 4 >= this.slots.length) this.grow();
    const slots = this.slots;
    // The table outgrows the caches, and a scan evicts it between two bodies: nearly every word is a miss.
    // Loading every home slot first, in loads that do not wait on each other, lets the CPU fetch many lines
    // at once; probing word after word fetches them one by one (−15% CPU in a replay that evicts the caches).
    let warmed = 0;
    for (let i = 0; i < words.length; i++) warmed |= slots[2 * this.home(words[i])];
    this.warmed = warmed;
    for (let i = 0; i < words.length; i++) {
      const h = words[i];
      const j = this.slot(h);
      if (slots[j] === 0) {
        slots[j] = h;
        this.used++;
      }
      slots[j + 1] = (slots[j + 1] + 2) | ((digits[i >>> 5] >>> (i & 31)) & 1);
    }
  }

  /** Document frequency, or −1 for a word that contains a digit (always a slot). */
  df(h: number): number {
    const i = this.slot(h);
    if (this.slots[i] === 0) return 0;
    const v = this.slots[i + 1];
    return v & 1 ? -1 : v >>> 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      const i = this.slot(old[j]);
      this.slots[i] = old[j];
      this.slots[i + 1] = old[j + 1];
    }
  }
}
