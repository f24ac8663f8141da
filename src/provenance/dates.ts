/**
 * Dates written in article text, returned as ISO `YYYY-MM-DD` with their span in the original text.
 *
 * Covers day-month-year with Arabic month names in both traditions (يناير… and كانون الثاني…, plus the
 * Maghreb forms جانفي/جويلية/غشت…), English month names (`12th, November 2024`, `Nov 12, 2024`), numeric
 * `2015-08-01` and day-first `01/08/2015`, Arabic-Indic and Persian digits (folded in `fold.ts`), and Hijri
 * dates (`25 شوال 1436 هـ`, `26/9/1436هـ`). A Hijri date joined to a Gregorian one («… هـ الموافق … م», the
 * SPA dateline form) is returned once, with the Gregorian value, since that is what the writer vouched for.
 *
 * Hijri → Gregorian uses the tabular (arithmetic) calendar, then snaps to Umm al-Qura through ICU
 * (`Intl.DateTimeFormat` with `islamic-umalqura`) by checking a few days around the estimate. Umm al-Qura is
 * the Saudi civil calendar; other countries follow moon sighting, which can differ by a day, so Hijri-only
 * results carry `approximate: true` (±1 day).
 */
import { type Folded, foldForMatch, originalSpan, WORD_CHAR } from './fold.js';

export interface FoundDate {
  /** `YYYY-MM-DD` (Gregorian). */
  readonly iso: string;
  readonly start: number;
  readonly end: number;
  /** The date as written. */
  readonly text: string;
  /** Calendar the ISO value was read from; a joined Hijri + Gregorian date reports `gregorian`. */
  readonly calendar: 'gregorian' | 'hijri';
  /** True when converted from Hijri only (moon sighting may differ from Umm al-Qura by a day). */
  readonly approximate: boolean;
  /** The Hijri date as written, `YYYY-MM-DD` in the Hijri calendar, when there was one. */
  readonly hijri?: string;
}

// Folded spellings (أ→ا, ة→ه, ى→ي), see fold.ts.
const GREGORIAN: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7, اغسطس: 8,
  سبتمبر: 9, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12,
  جانفي: 1, فيفري: 2, افريل: 4, ماي: 5, جوان: 6, جويليه: 7, اوت: 8, يوليوز: 7, غشت: 8, شتنبر: 9, نونبر: 11, دجنبر: 12,
  'كانون الثاني': 1, شباط: 2, اذار: 3, نيسان: 4, ايار: 5, حزيران: 6, تموز: 7, اب: 8, ايلول: 9,
  'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
};
const ENGLISH = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENGLISH_FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'sept'];
const HIJRI: Record<string, number> = {
  محرم: 1, صفر: 2, 'ربيع الاول': 3, 'ربيع الثاني': 4, 'ربيع الاخر': 4, 'جمادي الاولي': 5, 'جمادي الاول': 5,
  'جمادي الثانيه': 6, 'جمادي الاخره': 6, 'جمادي الاخر': 6, رجب: 7, شعبان: 8, رمضان: 9, شوال: 10,
  'ذو القعده': 11, 'ذي القعده': 11, 'ذو الحجه': 12, 'ذي الحجه': 12,
};

function monthNumber(name: string): { month: number; hijri: boolean } | undefined {
  const key = name.replace(/\s+/g, ' ');
  if (key in HIJRI) return { month: HIJRI[key], hijri: true };
  if (key in GREGORIAN) return { month: GREGORIAN[key], hijri: false };
  const en = key.toLowerCase();
  const full = ENGLISH_FULL.indexOf(en);
  if (full >= 0) return { month: full === 12 ? 9 : full + 1, hijri: false };
  const short = ENGLISH.indexOf(en.replace(/\.$/, ''));
  return short >= 0 ? { month: short + 1, hijri: false } : undefined;
}

const alt = (names: string[]): string =>
  names.sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+')).join('|');
const MONTH = `(?:${alt([...Object.keys(HIJRI), ...Object.keys(GREGORIAN)])}|${alt([...ENGLISH_FULL, ...ENGLISH])}\\.?)`;
const NB = `(?![${WORD_CHAR}])`;
const PB = `(?<![${WORD_CHAR}])`;
// «12 نوفمبر (تشرين الثاني) 2024», «12 نوفمبر/تشرين الثاني 2024»: a second month name glossing the first.
const GLOSS = `(?:\\s*[(/]\\s*${MONTH}\\s*\\)?)?`;
// Era marks after the year: هـ (folded to ه) or م, written apart or attached.
const ERA = `(?:\\s*(ه|م)${NB})?`;

const DAY_MONTH_YEAR = new RegExp(
  `${PB}(\\d{1,2})(?:st|nd|rd|th)?[,\\s]+(?:من\\s+)?(?:شهر\\s+)?(${MONTH})${NB}${GLOSS}[,\\s]*(?:(?:عام|سنه|لعام)\\s+)?(\\d{4})${ERA}`,
  'giu',
);
const MONTH_DAY_YEAR = new RegExp(`${PB}(${alt([...ENGLISH_FULL, ...ENGLISH])})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'gi');
const YEAR_FIRST = new RegExp(`(?<!\\d)(\\d{4})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)${ERA}`, 'g');
const DAY_FIRST = new RegExp(`(?<![\\d.])(\\d{1,2})\\s*([-/.])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)${ERA}`, 'g');

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function gregorianValid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const UMALQURA = (() => {
  try {
    const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
      day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC',
    });
    return f.resolvedOptions().calendar === 'islamic-umalqura' ? f : undefined;
  } catch {
    return undefined;
  }
})();

function umalquraParts(ms: number): [number, number, number] | undefined {
  if (UMALQURA === undefined) return undefined;
  const parts = UMALQURA.formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return [get('year'), get('month'), get('day')];
}

/** Gregorian ISO date of a Hijri date, or undefined when the Hijri date does not exist. */
export function hijriToIso(y: number, m: number, d: number): string | undefined {
  if (y < 1300 || y > 1500 || m < 1 || m > 12 || d < 1 || d > 30) return undefined;
  // Tabular Islamic calendar (civil epoch, 16 July 622 Julian = JD 1948439.5), e.g. Reingold & Dershowitz.
  const jd = d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439.5 - 1;
  const estimate = (jd - 2440587.5) * 86400000;
  const day = 86400000;
  for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
    const p = umalquraParts(estimate + delta * day);
    if (p === undefined) break;
    if (p[0] === y && p[1] === m && p[2] === d) return new Date(estimate + delta * day).toISOString().slice(0, 10);
  }
  // No ICU calendar, or a 30th that Umm al-Qura does not have: the tabular value, still within a day or two.
  if (d === 30 && UMALQURA !== undefined) return undefined;
  return new Date(estimate).toISOString().slice(0, 10);
}

interface Raw { start: number; end: number; y: number; m: number; d: number; hijri: boolean }

function collect(t: string): Raw[] {
  const raws: Raw[] = [];
  const add = (index: number, len: number, y: number, m: number, d: number, hijri: boolean): void => {
    raws.push({ start: index, end: index + len, y, m, d, hijri });
  };
  for (const x of t.matchAll(DAY_MONTH_YEAR)) {
    const mon = monthNumber(x[2]);
    if (mon === undefined) continue;
    add(x.index, x[0].length, Number(x[3]), mon.month, Number(x[1]), mon.hijri || x[4] === 'ه');
  }
  for (const x of t.matchAll(MONTH_DAY_YEAR)) {
    const mon = monthNumber(x[1]);
    if (mon !== undefined) add(x.index, x[0].length, Number(x[3]), mon.month, Number(x[2]), false);
  }
  for (const x of t.matchAll(YEAR_FIRST)) {
    const y = Number(x[1]);
    add(x.index, x[0].length, y, Number(x[3]), Number(x[4]), x[5] === 'ه' || (y >= 1300 && y <= 1500));
  }
  for (const x of t.matchAll(DAY_FIRST)) {
    const y = Number(x[4]);
    add(x.index, x[0].length, y, Number(x[3]), Number(x[1]), x[5] === 'ه' || (y >= 1300 && y <= 1500));
  }
  // Patterns can overlap («2015-08-01» inside a longer run); keep the earliest, then the longest.
  raws.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Raw[] = [];
  for (const r of raws) if (kept.length === 0 || r.start >= kept[kept.length - 1].end) kept.push(r);
  return kept;
}

// Between a Hijri and a Gregorian date of the same day: «الموافق», «الموافق لـ», «/», «-», brackets.
const JOINER = /^[\s،,()\-–/]*(?:ال)?(?:موافق|موافقه)?\s*(?:ل\s*)?[\s،,()\-–/]*$/;

/**
 * All valid dates in `text`, in order. Impossible dates (31 February, month 13) are skipped.
 * `f` is the text's fold when the caller has it already.
 */
export function findDates(text: string, f: Folded = foldForMatch(text)): FoundDate[] {
  const raws = collect(f.text);
  const out: FoundDate[] = [];
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i];
    const iso = r.hijri ? hijriToIso(r.y, r.m, r.d) : gregorianValid(r.y, r.m, r.d) ? `${r.y}-${pad(r.m)}-${pad(r.d)}` : undefined;
    if (iso === undefined) continue;
    const hijri = r.hijri ? `${r.y}-${pad(r.m)}-${pad(r.d)}` : undefined;
    const next = raws[i + 1];
    if (next !== undefined && next.hijri !== r.hijri && next.start - r.end <= 24 && JOINER.test(f.text.slice(r.end, next.start))) {
      const g = r.hijri ? next : r;
      if (gregorianValid(g.y, g.m, g.d)) {
        const [s, e] = originalSpan(f, r.start, next.end);
        out.push({
          iso: `${g.y}-${pad(g.m)}-${pad(g.d)}`, start: s, end: e, text: text.slice(s, e), calendar: 'gregorian',
          approximate: false, hijri: hijri ?? `${next.y}-${pad(next.m)}-${pad(next.d)}`,
        });
        i++;
        continue;
      }
    }
    const [s, e] = originalSpan(f, r.start, r.end);
    out.push({ iso, start: s, end: e, text: text.slice(s, e), calendar: r.hijri ? 'hijri' : 'gregorian', approximate: r.hijri, hijri });
  }
  return out;
}

/** The first date in `text`, if any. */
export function parseDate(text: string): FoundDate | undefined {
  return findDates(text)[0];
}
