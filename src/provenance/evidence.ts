/**
 * Per-document facts the direction scorer compares: which agency's own text a document is (outlet or dated
 * dateline), whom it credits, which agencies it quotes, and when it was published. Built once per document.
 */
import { agencyById, agencyForOutlet } from './agencies.js';
import { type Attribution, findAttributions } from './attribution.js';
import { findDates } from './dates.js';
import { type Folded, foldForMatch, foldString } from './fold.js';

/** A document as the provenance stage sees it (the report's view: external key, metadata, original text). */
export interface ProvenanceDoc {
  readonly key: string;
  readonly outlet?: string;
  /** ISO 8601 date or date-time from record metadata. */
  readonly publishedAt?: string;
  readonly text: string;
  /** Characters of the body after boilerplate stripping. */
  readonly bodyChars: number;
}

export interface OwnClaim {
  readonly agency: string;
  /** 3: the outlet is the agency; 2: the text opens with the agency's dated dateline. */
  readonly strength: number;
  readonly detail: string;
}

export interface Published {
  readonly ms: number;
  /** Day precision only: same-day comparisons say nothing. */
  readonly dateOnly: boolean;
  readonly from: 'metadata' | 'text';
  readonly detail: string;
}

export interface DocProfile {
  readonly doc: ProvenanceDoc;
  readonly outletAgency?: string;
  readonly attributions: readonly Attribution[];
  readonly own?: OwnClaim;
  /** Credited sources: agency id, or `line:<folded text>` for a source line naming no known agency → quote. */
  readonly credits: ReadonlyMap<string, string>;
  /** Agencies quoted as news sources (not credited for the text) → quote. */
  readonly reports: ReadonlyMap<string, string>;
  readonly published?: Published;
}

/** Display name of an agency id or credit key. */
export function sourceName(key: string): string {
  if (key.startsWith('line:')) return `«${key.slice(5)}»`;
  return agencyById(key)?.name ?? key;
}

// A labelled publication date in the page text: «تاريخ النشر: …», «نشر في …», «Published: …».
const PUBLISHED_LABEL = /(?:تاريخ النشر|تاريخ الخبر|نشر في|نشر بتاريخ|published(?: on)?)\s*[:：]?\s*/iu;

function publishedFromText(text: string, f: Folded, atts: readonly Attribution[]): Published | undefined {
  // A label in a date's folded lead-in is a label in the folded text (folding maps character by character),
  // and few articles have one: the dates of the others need not be read at all.
  const dates = PUBLISHED_LABEL.test(f.text) ? findDates(text, f) : [];
  for (const d of dates) {
    const before = foldString(text.slice(Math.max(0, d.start - 30), d.start));
    const label = PUBLISHED_LABEL.exec(before);
    if (label !== null && label.index + label[0].length >= before.length - 2) {
      return { ms: Date.parse(d.iso), dateOnly: true, from: 'text', detail: `published date in the text «${lineAround(text, d.start, d.end)}»` };
    }
  }
  const dl = atts.find((a) => a.kind === 'dateline' && a.date !== undefined);
  if (dl?.date !== undefined) return { ms: Date.parse(dl.date), dateOnly: true, from: 'text', detail: `dateline date «${dl.text}»` };
  return undefined;
}

function lineAround(text: string, start: number, end: number): string {
  const s = text.lastIndexOf('\n', start - 1) + 1;
  const e = text.indexOf('\n', end);
  return text.slice(s, e < 0 ? text.length : e).trim();
}

/** Gather the facts about one document. */
export function profileDoc(doc: ProvenanceDoc): DocProfile {
  const folded = foldForMatch(doc.text);
  const attributions = findAttributions(doc.text, folded);
  const outletAgency = agencyForOutlet(doc.outlet);
  let own: OwnClaim | undefined;
  if (outletAgency !== undefined) {
    own = { agency: outletAgency, strength: 3, detail: `outlet \`${doc.outlet}\` is ${sourceName(outletAgency)}` };
  }
  const credits = new Map<string, string>();
  const reports = new Map<string, string>();
  for (const a of attributions) {
    if (a.kind === 'dateline' && a.agency !== undefined && a.date !== undefined) {
      if (own === undefined) {
        own = { agency: a.agency, strength: 2, detail: `opens with ${sourceName(a.agency)}'s dated dateline «${a.text}»` };
      }
    } else if (a.kind === 'dateline' || a.kind === 'source-line' || (a.kind === 'cites-agency' && a.credit === true)) {
      const key = a.agency ?? `line:${foldString(a.text.replace(/^[^:：]*[:：]\s*/, '')).trim()}`;
      if (!credits.has(key)) credits.set(key, a.text);
    } else if (a.agency !== undefined && !reports.has(a.agency)) {
      reports.set(a.agency, a.cue === undefined ? a.text : `${a.cue} … ${a.text}`);
    }
  }
  let published: Published | undefined;
  const ms = doc.publishedAt === undefined ? NaN : Date.parse(doc.publishedAt);
  if (!Number.isNaN(ms)) {
    published = {
      ms, dateOnly: /^\d{4}-\d{2}-\d{2}$/.test(doc.publishedAt ?? ''), from: 'metadata',
      detail: `published ${doc.publishedAt} (metadata)`,
    };
  } else {
    published = publishedFromText(doc.text, folded, attributions);
  }
  return { doc, outletAgency, attributions, own, credits, reports, published };
}
