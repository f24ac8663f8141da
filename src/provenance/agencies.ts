/**
 * Lexicon of wire agencies and of broadcasters that Arabic outlets cite as a source, with their Arabic and
 * Latin spellings. Matching runs on folded text (`fold.ts`) with word boundaries; Arabic proclitics
 * (و ف ب ل ك and their pairs) may precede a name, so «لوكالة الأنباء السعودية» and «وبحسب «واس»» match.
 *
 * Some short names are also ordinary words: «بنا» (with us), «العربية» (Arabic), «الجزيرة» (island, and the
 * Saudi daily Al-Jazirah), «الألمانية» (German), «بترا» (Petra, the city), «وام» (folds like «وأم», and mother).
 * Those are `tagOnly`: they count only where agencies are credited — in brackets or quotes, around a dash or
 * colon at a line edge («الرياض - واس», «المصدر: العربية»), or right after «وكالة»/«قناة»/«موقع».
 */
import { type Folded, WORD_CHAR, foldForMatch, foldString, originalSpan } from './fold.js';
import { WordGate } from './word-gate.js';

export interface Agency {
  /** Canonical id used in evidence and `ReportProvenance.source`. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'agency' | 'broadcaster';
  /** Spellings matched anywhere on a word boundary. */
  readonly names: readonly string[];
  /** Spellings that are also common words: matched only in a credit position (see module comment). */
  readonly tagOnly?: readonly string[];
  /** Outlet ids (as in record metadata) that are this agency, e.g. SaudiNewsNet's `was` for SPA. */
  readonly outlets?: readonly string[];
}

export const AGENCIES: readonly Agency[] = [
  { id: 'afp', name: 'AFP', kind: 'agency', outlets: ['afp', 'afp.com'],
    names: ['فرانس برس', 'فرانس بريس', 'أ ف ب', 'أ.ف.ب', 'ا ف ب', 'وكالة الصحافة الفرنسية', 'AFP', 'Agence France-Presse'] },
  { id: 'reuters', name: 'Reuters', kind: 'agency', outlets: ['reuters', 'reuters.com'], names: ['رويترز', 'رويتر', 'Reuters'] },
  { id: 'ap', name: 'Associated Press', kind: 'agency', outlets: ['ap', 'apnews', 'apnews.com'],
    names: ['أسوشيتد برس', 'أسوشيتدبرس', 'أسوشييتد برس', 'أسوشيتد بريس', 'الأسوشيتد برس', 'Associated Press', 'AP'],
    tagOnly: ['أ ب', 'أ.ب'] },
  { id: 'dpa', name: 'dpa', kind: 'agency', outlets: ['dpa'],
    names: ['د ب أ', 'د.ب.أ', 'وكالة الأنباء الألمانية', 'dpa'], tagOnly: ['الألمانية'] },
  { id: 'anadolu', name: 'Anadolu Agency', kind: 'agency', outlets: ['aa', 'anadolu', 'aa.com.tr'],
    names: ['الأناضول', 'Anadolu'] },
  { id: 'sputnik', name: 'Sputnik', kind: 'agency', outlets: ['sputnik', 'sputniknews'], names: ['سبوتنيك', 'Sputnik'] },
  { id: 'tass', name: 'TASS', kind: 'agency', outlets: ['tass'], names: ['تاس', 'TASS'] },
  { id: 'ria', name: 'RIA Novosti', kind: 'agency', outlets: ['ria'], names: ['ريا نوفوستي', 'نوفوستي', 'RIA Novosti'] },
  { id: 'xinhua', name: 'Xinhua', kind: 'agency', outlets: ['xinhua'],
    names: ['شينخوا', 'شينغوا', 'وكالة أنباء الصين الجديدة', 'Xinhua'] },
  { id: 'yonhap', name: 'Yonhap', kind: 'agency', outlets: ['yonhap'], names: ['يونهاب', 'Yonhap'] },
  { id: 'kyodo', name: 'Kyodo', kind: 'agency', outlets: ['kyodo'], names: ['كيودو', 'Kyodo'] },
  { id: 'efe', name: 'EFE', kind: 'agency', outlets: ['efe'], names: ['EFE'], tagOnly: ['إفي', 'إيفي'] },
  { id: 'upi', name: 'UPI', kind: 'agency', outlets: ['upi'], names: ['يونايتد برس', 'UPI'] },
  { id: 'spa', name: 'Saudi Press Agency (SPA)', kind: 'agency', outlets: ['was', 'spa', 'spa.gov.sa'],
    names: ['واس', 'وكالة الأنباء السعودية', 'SPA'] },
  { id: 'wam', name: 'WAM (Emirates News Agency)', kind: 'agency', outlets: ['wam', 'wam.ae'],
    names: ['وكالة أنباء الإمارات', 'WAM'], tagOnly: ['وام'] },
  { id: 'qna', name: 'QNA (Qatar News Agency)', kind: 'agency', outlets: ['qna'],
    names: ['وكالة الأنباء القطرية', 'QNA'], tagOnly: ['قنا'] },
  { id: 'kuna', name: 'KUNA (Kuwait News Agency)', kind: 'agency', outlets: ['kuna'],
    names: ['وكالة الأنباء الكويتية', 'KUNA'], tagOnly: ['كونا'] },
  { id: 'petra', name: 'Petra (Jordan News Agency)', kind: 'agency', outlets: ['petra'],
    names: ['وكالة الأنباء الأردنية'], tagOnly: ['بترا'] },
  { id: 'sana', name: 'SANA (Syrian Arab News Agency)', kind: 'agency', outlets: ['sana'],
    names: ['وكالة الأنباء السورية', 'وكالة الأنباء العربية السورية', 'SANA'], tagOnly: ['سانا'] },
  { id: 'kcna', name: 'KCNA (Korean Central News Agency)', kind: 'agency', outlets: ['kcna'],
    names: ['وكالة الأنباء المركزية الكورية', 'وكالة الأنباء الكورية المركزية', 'KCNA'] },
  { id: 'mena', name: 'MENA (Middle East News Agency)', kind: 'agency', outlets: ['mena'],
    names: ['أ ش أ', 'أ.ش.أ', 'وكالة أنباء الشرق الأوسط', 'MENA'] },
  { id: 'bna', name: 'BNA (Bahrain News Agency)', kind: 'agency', outlets: ['bna'],
    names: ['وكالة أنباء البحرين'], tagOnly: ['بنا'] },
  { id: 'ona', name: 'ONA (Oman News Agency)', kind: 'agency', outlets: ['ona'],
    names: ['وكالة الأنباء العمانية'], tagOnly: ['العمانية'] },
  { id: 'irna', name: 'IRNA', kind: 'agency', outlets: ['irna'],
    names: ['إرنا', 'ارنا', 'وكالة الأنباء الإيرانية', 'IRNA'] },
  { id: 'wafa', name: 'WAFA (Palestine News Agency)', kind: 'agency', outlets: ['wafa'],
    names: ['وكالة الأنباء الفلسطينية', 'WAFA'], tagOnly: ['وفا'] },
  { id: 'maan', name: "Ma'an News Agency", kind: 'agency', outlets: ['maan'], names: ['وكالة معا', "Ma'an"] },
  { id: 'aps', name: 'APS (Algeria Press Service)', kind: 'agency', outlets: ['aps'],
    names: ['وكالة الأنباء الجزائرية'], tagOnly: ['الجزائرية', 'واج'] },
  { id: 'map', name: 'MAP (Maghreb Arabe Presse)', kind: 'agency', outlets: ['map'],
    names: ['لاماب', 'وكالة المغرب العربي للأنباء'] },
  { id: 'tap', name: 'TAP (Tunis Afrique Presse)', kind: 'agency', outlets: ['tap'],
    names: ['وكالة تونس أفريقيا للأنباء', 'وكالة تونس إفريقيا للأنباء'], tagOnly: ['وات'] },
  { id: 'skynews-arabia', name: 'Sky News Arabia', kind: 'broadcaster', outlets: ['skynewsarabia', 'skynewsarabia.com'],
    names: ['سكاي نيوز عربية', 'سكاي نيوز', 'Sky News Arabia'] },
  { id: 'alarabiya', name: 'Al Arabiya', kind: 'broadcaster', outlets: ['alarabiya', 'alarabiya.net'],
    names: ['العربية نت', 'العربية.نت', 'قناة العربية', 'Al Arabiya'], tagOnly: ['العربية'] },
  { id: 'aljazeera', name: 'Al Jazeera', kind: 'broadcaster', outlets: ['aljazeera', 'aljazeera.net'],
    names: ['الجزيرة نت', 'الجزيرة.نت', 'قناة الجزيرة', 'شبكة الجزيرة', 'Al Jazeera'], tagOnly: ['الجزيرة'] },
  { id: 'bbc', name: 'BBC', kind: 'broadcaster', outlets: ['bbc', 'bbcarabic'], names: ['بي بي سي', 'بي.بي.سي', 'BBC'] },
  { id: 'cnn', name: 'CNN', kind: 'broadcaster', outlets: ['cnn', 'cnnarabic'], names: ['سي إن إن', 'سي ان ان', 'CNN'] },
  { id: 'rt', name: 'RT (Russia Today)', kind: 'broadcaster', outlets: ['rt', 'arabic.rt.com'],
    names: ['روسيا اليوم', 'آر تي', 'RT'] },
];

const BY_ID = new Map(AGENCIES.map((a) => [a.id, a]));

/** The agency with this id, if any. */
export function agencyById(id: string): Agency | undefined {
  return BY_ID.get(id);
}

const BY_OUTLET = new Map<string, string>();
for (const a of AGENCIES) for (const o of [a.id, ...(a.outlets ?? [])]) BY_OUTLET.set(o.toLowerCase(), a.id);

/** The agency an outlet id *is* (`was` → `spa`), tolerating `www.` and a trailing slash. */
export function agencyForOutlet(outlet: string | undefined): string | undefined {
  if (outlet === undefined) return undefined;
  const key = outlet.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return BY_OUTLET.get(key);
}

export interface AgencyMention {
  readonly agency: string;
  /** Original `[start, end)`, clitic prefix excluded (a «لل» contraction stays inside). */
  readonly start: number;
  readonly end: number;
  /** The name as written in the original text. */
  readonly text: string;
  /** True when the name stands in a credit position (brackets, quotes, dash or colon at a line edge). */
  readonly tag: boolean;
}

interface Alias { readonly agency: string; readonly tagOnly: boolean }

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regex source for a folded alias: any run of spaces/dots between parts («أ ف ب» = «أ.ف.ب» = «أ. ف. ب»). */
function aliasSource(folded: string): string {
  return folded.split(/[\s.]+/).filter(Boolean).map(escapeRe).join('[\\s.]*');
}

// Latin acronyms of up to 4 letters are matched case-sensitively («AP», «RT»), longer names ignore case.
const isShortLatin = (s: string): boolean => /^[A-Z]{2,4}$/.test(s);

const ARABIC_ALIASES = new Map<string, Alias>();
const LATIN_ALIASES = new Map<string, Alias>();
for (const a of AGENCIES) {
  const add = (name: string, tagOnly: boolean): void => {
    const f = foldString(name);
    const alias = { agency: a.id, tagOnly };
    if (/^[\x20-\x7e]+$/.test(name)) LATIN_ALIASES.set(isShortLatin(name) ? name : name.toLowerCase(), alias);
    else {
      ARABIC_ALIASES.set(f.replace(/[\s.]+/g, ''), alias);
      // ل + ال contracts to لل: «للأناضول», «للعربية».
      if (f.startsWith('ال')) ARABIC_ALIASES.set('لل' + f.slice(2).replace(/[\s.]+/g, ''), alias);
    }
  };
  for (const n of a.names) add(n, false);
  for (const n of a.tagOnly ?? []) add(n, true);
}

/** Folded Arabic spellings (and their «لل» forms), longest first so the alternation prefers the longest. */
const ARABIC_SPELLINGS: readonly string[] = [...new Set([...AGENCIES.flatMap((a) => [...a.names, ...(a.tagOnly ?? [])])]
  .filter((n) => !/^[\x20-\x7e]+$/.test(n))
  .flatMap((n) => {
    const f = foldString(n);
    return f.startsWith('ال') ? [f, 'لل' + f.slice(2)] : [f];
  }))]
  .sort((x, y) => y.length - x.length);

// Clitics: optional و/ف, then optional ب/ل/ك — «وبحسب»-style chains never stack deeper than two.
const CLITIC_SOURCE = '(?:[وف]?[بلك]|[وف])?';
/** Every clitic chain `CLITIC_SOURCE` accepts, '' included. */
const CLITICS = (() => {
  const whole = new RegExp(`^${CLITIC_SOURCE}$`);
  const letters = ['', ...'وفبلك'];
  return [...new Set(letters.flatMap((a) => letters.map((b) => a + b)))].filter((c) => whole.test(c));
})();

function buildArabic(flags: string): RegExp {
  const sources = ARABIC_SPELLINGS.map(aliasSource);
  return new RegExp(`(?<![${WORD_CHAR}])${CLITIC_SOURCE}(${sources.join('|')})(?![${WORD_CHAR}])`, flags);
}

function buildLatin(short: boolean): RegExp {
  const names = [...LATIN_ALIASES.keys()].filter((n) => isShortLatin(n) === short).sort((x, y) => y.length - x.length);
  return new RegExp(`(?<![A-Za-z0-9])(${names.map(escapeRe).join('|').replace(/ /g, '\\s+')})(?![A-Za-z0-9])`,
    short ? 'g' : 'gi');
}

/** Every Arabic agency name, scanned over a whole text: the definition `arabicNameMatches` must reproduce. */
export const ARABIC_NAME_RE = buildArabic('g');
const ARABIC_NAME_AT = buildArabic('y');

/**
 * Words an Arabic name match can open with: a clitic, then the name's first part or first parts written
 * together («وكالهالانباء»), since the separators between parts may be absent.
 */
function arabicFirstWords(): Set<string> {
  const words = new Set<string>();
  for (const spelling of ARABIC_SPELLINGS) {
    const parts = spelling.split(/[\s.]+/).filter(Boolean);
    for (let j = 1; j <= parts.length; j++) for (const c of CLITICS) words.add(c + parts.slice(0, j).join(''));
  }
  return words;
}

/** Built on first use: commands that infer no provenance do not pay for its tables. */
let arabicGate: WordGate | undefined;

/** The matches of `ARABIC_NAME_RE` in folded `t`, found by trying the regex only at words that can open a name. */
export function arabicNameMatches(t: string): RegExpExecArray[] {
  arabicGate ??= new WordGate(WORD_CHAR, arabicFirstWords());
  return arabicGate.matches(t, ARABIC_NAME_AT);
}

const LATIN_LONG_RE = buildLatin(false);
const LATIN_SHORT_RE = buildLatin(true);

const TAG_BEFORE = /[(«"“”'/\-–—:|[]/;
const TAG_AFTER = /[)»"”“'/\-–—:|.،,\]]/;
const CREDIT_WORD = /(?:^|[\s(«"])[وفبل]?(?:وكاله|قناه|موقع|شبكه|تلفزيون|صحيفه|اذاعه)\s+$/;

/** True when folded `[start, end)` stands where outlets put a credit (see module comment). */
function inTagPosition(t: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && (t[i] === ' ' || t[i] === '\t' || t[i] === '\u00a0')) i--;
  const before = i < 0 || t[i] === '\n' || TAG_BEFORE.test(t[i]) || CREDIT_WORD.test(t.slice(Math.max(0, start - 20), start));
  let j = end;
  while (j < t.length && (t[j] === ' ' || t[j] === '\t' || t[j] === '\u00a0')) j++;
  const after = j >= t.length || t[j] === '\n' || t[j] === '\r' || TAG_AFTER.test(t[j]);
  return before && after;
}

/**
 * Every agency name in `text`, in order of position. `tagOnly` spellings are kept only in credit positions.
 * Accepts a pre-folded text to share one fold between the attribution and date passes.
 */
export function findAgencies(text: string | Folded, original?: string): AgencyMention[] {
  const f = typeof text === 'string' ? foldForMatch(text) : text;
  const src = typeof text === 'string' ? text : original ?? '';
  const t = f.text;
  const out: AgencyMention[] = [];
  const push = (alias: Alias | undefined, s: number, e: number): void => {
    if (alias === undefined) return;
    const tag = inTagPosition(t, s, e);
    if (alias.tagOnly && !tag) return;
    const [os, oe] = originalSpan(f, s, e);
    out.push({ agency: alias.agency, start: os, end: oe, text: src.slice(os, oe), tag });
  };
  for (const m of arabicNameMatches(t)) {
    const core = m[1];
    const s = m.index + m[0].length - core.length;
    push(ARABIC_ALIASES.get(core.replace(/[\s.]+/g, '')), s, s + core.length);
  }
  // every Latin name starts with an ASCII letter (without the u flag, case folding keeps ASCII apart from
  // other letters), and most Arabic articles have none
  if (/[A-Za-z]/.test(t)) {
    for (const m of t.matchAll(LATIN_LONG_RE)) push(LATIN_ALIASES.get(m[1].toLowerCase().replace(/\s+/g, ' ')), m.index, m.index + m[1].length);
    for (const m of t.matchAll(LATIN_SHORT_RE)) push(LATIN_ALIASES.get(m[1]), m.index, m.index + m[1].length);
  }
  return out.sort((x, y) => x.start - y.start);
}
