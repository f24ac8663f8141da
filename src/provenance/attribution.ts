/**
 * Attribution evidence in an article's own text: who the outlet says the text came from.
 *
 * - `source-line`: a footer or header line «المصدر: سكاي نيوز عربية» (also «مصدر الخبر», «Source:»).
 * - `dateline`: the opening line of wire copy. Agencies open with place (and for SPA, KUNA, WAM the date)
 *   followed by their tag: «الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس», «موسكو - (أ ف ب) -».
 *   A dated dateline is the agency's own house form; in SaudiNewsNet (July–Aug 2015) only 2 of ~210
 *   reprints of SPA copy kept it — Sabq rewrites it to «واس- جدة:», Ain Alyoum to «عين اليوم – واس»,
 *   Al-Riyadh to «الرياض - واس», and most outlets drop it. So `dated` separates the two.
 * - `cites-agency`: an agency named elsewhere. `credit` marks credits of the text («(رويترز)», a line that is
 *   only «(واس)»); without it the agency is a news source the story quotes («وأوردت وكالة الأنباء المركزية
 *   الكورية …»), which says where the facts came from, not who wrote the words.
 */
import { type AgencyMention, findAgencies } from './agencies.js';
import { findDates } from './dates.js';
import { type Folded, foldForMatch } from './fold.js';

export interface Attribution {
  readonly kind: 'source-line' | 'cites-agency' | 'dateline';
  /** Agency id when the evidence names one from the lexicon. */
  readonly agency?: string;
  /** The evidence as written (the whole line for source lines and datelines). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** `cites-agency` only: the agency is credited for the text rather than quoted as a news source. */
  readonly credit?: boolean;
  /** `cites-agency` only: the reporting word before the name, e.g. «ذكرت», «بحسب», «نقلا عن». */
  readonly cue?: string;
  /** `dateline` only: ISO date carried by the dateline (the agency's own dated form). */
  readonly date?: string;
}

/** How far into the text a dateline may sit: after a title line and a line of site chrome («Next Previous»). */
const DATELINE_LINES = 4;
const DATELINE_CHARS = 600;
/** Words allowed before the tag on a dateline (place names: «مكة المكرمة», «إسلام آباد», «عين اليوم»). */
const DATELINE_WORDS = 4;

const PLACE_THEN_MARK = /^[\s*•]*[^\s.،,:؛!?؟«»"“”()]+(?:\s+[^\s.،,:؛!?؟«»"“”()]+){0,3}\s*[-–—(/«"“]+\s*[(«"“]?\s*$/u;
const SOURCE_LINE = /^[\s\-–—*•(]*(المصدر|مصدر الخبر|المصدر الاصلي|source)\s*[:：]\s*(\S.*?)[\s)]*$/gimu;
const CUE = /(?:^|[\s(«"])((?:[وف]?(?:نقلا\s+عن|بحسب|حسب|وفق(?:ا|\s+ما\s+(?:ذكرت|افادت|اوردت|نقلت))?|طبقا|تبعا))|[وف]?(?:ذكرت|افادت|قالت|اوردت|نقلت|اعلنت|اوضحت|نشرت|بثت|تلقت|اطلعت|اكدت|كشفت)(?:\s+عليه|\s+عليها)?)\s+(?:ل\s*)?(?:ما\s+(?:ذكرته|اوردته|نشرته)\s+)?[«"“(]?\s*$/u;

interface Line { readonly start: number; readonly end: number }

/** Lines of `t` in order, cut as they are asked for: a dateline search reads only the first few. */
function* lines(t: string): Generator<Line> {
  let s = 0;
  for (;;) {
    const nl = t.indexOf('\n', s);
    if (nl < 0) break;
    yield { start: s, end: nl };
    s = nl + 1;
  }
  yield { start: s, end: t.length };
}

function wordCount(s: string): number {
  return s.split(/[\s\-–—(/:،,]+/).filter(Boolean).length;
}

/** Folded offset for an original offset (first folded unit at or after it). */
function foldedAt(f: Folded, original: number): number {
  let lo = 0;
  let hi = f.toOriginal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.toOriginal[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function datelineAt(text: string, f: Folded, line: Line, mentions: readonly AgencyMention[]): Attribution | undefined {
  // a dateline carries an agency's name (and an article naming none needs no offset map)
  if (mentions.length === 0) return undefined;
  const os = f.toOriginal[line.start];
  const oe = f.toOriginal[line.end];
  const here = mentions.filter((m) => m.start >= os && m.end <= oe);
  if (here.length === 0) return undefined;
  const lineText = text.slice(os, oe);
  const dates = findDates(lineText);
  for (const m of here) {
    const before = f.text.slice(line.start, foldedAt(f, m.start));
    // Dated form: «<place> <date> <tag>» — nothing but an era mark, dash or bracket between date and tag.
    const d = dates.find((x) => os + x.end <= m.start && /^[\s\-–—(/م]*$/.test(text.slice(os + x.end, m.start)));
    if (d !== undefined && wordCount(f.text.slice(line.start, foldedAt(f, os + d.start))) <= DATELINE_WORDS) {
      return { kind: 'dateline', agency: m.agency, text: lineText.trim(), start: os, end: oe, date: d.iso };
    }
    // Undated form: tag first then a dash or colon («واس- جدة:»), or place, dash/bracket, tag, then a dash,
    // colon or line end («موسكو - (أ ف ب) -», «الرياض - واس»). «وبحسب «رويترز» من …» is prose, not a dateline.
    const after = f.text.slice(foldedAt(f, m.end), line.end);
    const tagFirst = /^[\s*•]*$/.test(before) && /^\s*[)»"”/]?\s*[-–—:]/.test(after);
    const placeFirst = PLACE_THEN_MARK.test(before) && wordCount(before) <= DATELINE_WORDS && /^\s*[)»"”/]*\s*(?:[-–—:]|$)/.test(after);
    if (m.tag && (tagFirst || placeFirst)) {
      return { kind: 'dateline', agency: m.agency, text: text.slice(os, Math.min(oe, m.end + 40)).trim(), start: os, end: oe };
    }
  }
  return undefined;
}

const LINE_DECOR = /[\s()«»"“”/\-–—.]/;

/**
 * True when the line around folded offset `at` has at most `limit` characters besides spaces, brackets,
 * quotes, slashes, dashes and dots: a line that is only a credit. Counting stops past the limit, as most
 * mentions sit in a paragraph.
 */
function aloneOnLine(t: string, at: number, limit: number): boolean {
  const start = t.lastIndexOf('\n', at - 1) + 1;
  const nl = t.indexOf('\n', at);
  const end = nl < 0 ? t.length : nl;
  let kept = 0;
  for (let i = start; i < end; i++) if (!LINE_DECOR.test(t[i]) && ++kept > limit) return false;
  return true;
}

/** All attribution evidence in `text`, in order of position; `f` is its fold when the caller has it already. */
export function findAttributions(text: string, f: Folded = foldForMatch(text)): Attribution[] {
  const mentions = findAgencies(f, text);
  const out: Attribution[] = [];
  const covered: [number, number][] = [];
  const within = (m: AgencyMention): boolean => covered.some(([s, e]) => m.start >= s && m.end <= e);

  for (const x of f.text.matchAll(SOURCE_LINE)) {
    const s = f.toOriginal[x.index];
    const e = f.toOriginal[x.index + x[0].length];
    const m = mentions.find((y) => y.start >= s && y.end <= e);
    out.push({ kind: 'source-line', agency: m?.agency, text: text.slice(s, e).trim(), start: s, end: e });
    covered.push([s, e]);
  }

  let seen = 0;
  for (const line of lines(f.text)) {
    if (line.start > DATELINE_CHARS || seen >= DATELINE_LINES) break;
    if (f.text.slice(line.start, line.end).trim() === '') continue;
    seen++;
    const d = datelineAt(text, f, line, mentions);
    if (d !== undefined) {
      out.push(d);
      covered.push([d.start, d.end]);
      break;
    }
  }

  let last: AgencyMention | undefined;
  for (const m of mentions) {
    if (within(m)) continue;
    // «وكالة الأنباء السعودية "واس"» is one citation, not two.
    if (last !== undefined && last.agency === m.agency && /^[\s«»"“”()-]*$/.test(text.slice(last.end, m.start))) continue;
    last = m;
    const fs = foldedAt(f, m.start);
    const headStart = Math.max(0, fs - 40);
    const head = f.text.slice(headStart, fs).replace(/(?:[وفبلك]?وكاله|[وفبل]?قناه|[وفبل]?موقع)\s*$/, '');
    const cm = CUE.exec(head);
    // Quote the cue as written, not folded.
    const cueStart = cm === null ? 0 : headStart + cm.index + cm[0].indexOf(cm[1]);
    const cue = cm === null ? undefined : text.slice(f.toOriginal[cueStart], f.toOriginal[cueStart + cm[1].length]);
    const bracketed = /[(/]\s*$/.test(f.text.slice(Math.max(0, fs - 3), fs)) && m.tag;
    out.push({
      kind: 'cites-agency', agency: m.agency, text: m.text, start: m.start, end: m.end,
      credit: cue === undefined && (bracketed || aloneOnLine(f.text, fs, m.end - m.start + 2)), cue: cue?.trim(),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
