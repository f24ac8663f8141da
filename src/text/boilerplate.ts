import type { StrippedSpan } from '../records.js';
import { normaliseLazily, normalisedPrefix } from './normalise.js';

/**
 * Outlet boilerplate that is not the article: source footers, tag lines, related-link blocks, publication
 * stamps. Two outlets republishing the same wire story differ mostly here (seeds 000/004: whole-document
 * word 5-gram Jaccard 0.20), so it is cut before comparison and kept for display.
 *
 * Patterns match the NORMALISED line (alef/ya/ta-marbuta folded, punctuation gone), so one pattern covers
 * إقرأ أيضاً / اقرأ أيضا / اقرا ايضا.
 */

/** Markers that end the article body when they appear past `terminalFromShare` of the page. */
const terminalMarkers: readonly RegExp[] = [
  /^المصدر(?: |$)/,
  /^مصدر الخبر/,
  /^(?:ال)?كلمات (?:ال)?دلاليه/,
  /^(?:ال)?وسوم(?: |$)/,
  /^tags(?: |$)/,
  /^(?:ال)?اخبار ذات صله/,
  /^(?:ال)?مواضيع ذات صله/,
  /^(?:ال)?مقالات ذات صله/,
  /^ذات صله$/,
  /^اخبار متعلقه/,
  /^شارك (?:هذا|الخبر|المقال)/,
  /^تابعونا (?:على|عبر)/,
  /^اخترنا لك/,
  /^قد يعجبك ايضا/,
  /^(?:اضف|اكتب) تعليق/,
  /^(?:جميع )?(?:حقوق النشر|الحقوق محفوظه)/,
  /^رابط الخبر بصحيفه/, // alweeam: «رابط الخبر بصحيفة الوئام»
  /^للتواصل (?:مع الكاتب )?ارسل/, // columnists' SMS line (almadina, okaz)
  /^سمات(?: |$)/, // a tag line headed «سمات»
];

/** "Read also" blocks: terminal near the end of a page, a one-headline insert when earlier. */
const readAlso = /^(?:اقرا|طالع|شاهد) (?:ايضا|المزيد)(?: |$)/;

/** Publication stamps and page furniture: strip the line, keep reading. */
const stampLines: readonly { readonly re: RegExp; readonly reason: string }[] = [
  { re: /^تاريخ (?:النشر|الاضافه)(?: |$)/, reason: 'publication stamp' },
  { re: /^(?:اخر|آخر) تحديث(?: |$)/, reason: 'publication stamp' },
  { re: /^تم النشر(?: |$)/, reason: 'publication stamp' },
  { re: /^نشر (?:في|بتاريخ)(?: |$)/, reason: 'publication stamp' },
  // 3alyoum's photo-slider buttons open 254 of its pages, sometimes on the byline's line
  { re: /^next previous(?: |$)/, reason: 'slider buttons' },
];

/**
 * Footers that outlets run on after the last sentence with no line break, where the line markers above cannot
 * see them (original text, found from the end). alweeam ends every page with «رابط الخبر بصحيفة الوئام:
 * <headline>», 855 of its 1,551 pages on the 12 SaudiNewsNet days run on: kept, it made each of them contain
 * the photo items whose whole text it is (15 items, 11k candidate pairs to verify, 234 reported "partial
 * reuse" pairs). Columnists' SMS lines: almadina «للتواصل مع الكاتب أرسل رسالة SMS … 88591 STC …» (129 pages),
 * okaz «للتواصل أرسل SMS إلى 88548 …» (40), run on after the writer's e-mail or on lines of their own.
 */
const trailingFooters: readonly { readonly marker: string; readonly reason: string }[] = [
  { marker: 'رابط الخبر بصحيف', reason: 'footer: story link' },
  { marker: 'للتواصل مع الكاتب', reason: 'footer: writer contact' },
  { marker: 'للتواصل أرسل', reason: 'footer: writer contact' },
];
/** What may follow a trailing footer's marker: one headline or phone line, no line break. */
const maxTrailingFooterChars = 220;

/** Where a trailing run-on footer starts (the text's length when there is none), and why it is one. */
function trailingFooterAt(text: string): { at: number; reason: string } {
  // trailing blanks and line breaks after the footer do not make it a line of its own
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  // a footer starts at most maxTrailingFooterChars before the end: only that tail is searched (the last
  // occurrence, as a search of the whole text from the end would give), not the whole page for every marker
  const from = Math.max(0, end - maxTrailingFooterChars);
  for (const { marker, reason } of trailingFooters) {
    let at = text.indexOf(marker, from);
    if (at < 0) continue;
    for (let next = text.indexOf(marker, at + 1); next >= 0; next = text.indexOf(marker, next + 1)) at = next;
    let lineBreak = false;
    for (let i = at; i < end && !lineBreak; i++) {
      const c = text.charCodeAt(i);
      lineBreak = c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
    }
    if (!lineBreak) return { at, reason };
  }
  return { at: text.length, reason: '' };
}

/** A terminal marker counts as a footer only past this share of the page's characters. */
const terminalFromShare = 0.3;
const readAlsoTerminalFromShare = 0.5;
/** A headline after an early "read also" is short; a longer line is article text again. */
const maxHeadlineChars = 140;
/** A marker line longer than this is prose that happens to start with the word (e.g. "المصدر الأمني قال…"). */
const maxMarkerLineChars = 160;

export interface BodyRanges {
  /** Kept [start, end) ranges of the original text, in order. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly stripped: readonly StrippedSpan[];
}

/**
 * Every marker above, as one test: most lines match none, and one anchored alternation rejects them in a
 * single call where the 25 patterns took 25.
 */
const anyMarker = new RegExp([...terminalMarkers, readAlso, ...stampLines.map((s) => s.re)].map((re) => `(?:${re.source})`).join('|'));
/**
 * Normalised units of a line the markers are tested on. Every marker's fixed part is under 25 units, so a
 * longer prefix answers each test as the whole line would: a `$` can only end a prefix that is the whole
 * line (a cut one is longer than any marker reaches).
 */
const markerPrefixUnits = 48;

interface Line {
  readonly start: number;
  readonly end: number;
  /** The normalised line's first `markerPrefixUnits` + 1 units (all of a shorter line); '' for a long line. */
  readonly head: string;
}

/** The lines of text[0, end). */
function splitLines(text: string, end: number): Line[] {
  const lines: Line[] = [];
  let s = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x0a;
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      // only short lines are ever tested against the markers, and only their first units: normalising whole
      // lines was a third of the stage
      if (i > s) lines.push({ start: s, end: i, head: i - s <= maxMarkerLineChars ? normalisedPrefix(text, s, i, markerPrefixUnits) : '' });
      s = i + 1;
    }
  }
  return lines;
}

/** Finds the article body of a crawled page: what to compare, and what was cut and why. */
export function findBody(text: string): BodyRanges {
  const footer = trailingFooterAt(text);
  const lines = splitLines(text, footer.at);
  const ranges: [number, number][] = [];
  const stripped: StrippedSpan[] = [];
  const strip = (start: number, end: number, reason: string) => stripped.push({ start, end, reason });
  let ended = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const short = line.end - line.start <= maxMarkerLineChars;
    if (!short || !anyMarker.test(line.head)) {
      ranges.push([line.start, line.end]);
      continue;
    }
    const share = line.start / text.length;
    if (share >= terminalFromShare && terminalMarkers.some((re) => re.test(line.head))) {
      const words = normaliseLazily(text, [[line.start, line.end]]).text.split(' ');
      strip(line.start, text.length, `footer: ${words.slice(0, 3).join(' ')}`);
      ended = true;
      break;
    }
    if (readAlso.test(line.head)) {
      if (share >= readAlsoTerminalFromShare) {
        strip(line.start, text.length, 'footer: read-also block');
        ended = true;
        break;
      }
      const next = lines[k + 1];
      const end = next && next.end - next.start <= maxHeadlineChars ? next.end : line.end;
      strip(line.start, end, 'read-also link');
      if (end !== line.end) k++;
      continue;
    }
    const stamp = stampLines.find(({ re }) => re.test(line.head));
    if (stamp) {
      strip(line.start, line.end, stamp.reason);
      continue;
    }
    ranges.push([line.start, line.end]);
  }
  if (!ended && footer.at < text.length) strip(footer.at, text.length, footer.reason);
  return { ranges, stripped };
}

/** The whole text as one range, for callers that compare pages unstripped. */
export function wholeText(text: string): BodyRanges {
  return { ranges: [[0, text.length]], stripped: [] };
}
