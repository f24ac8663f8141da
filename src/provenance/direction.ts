/**
 * Who copied whom, per verified pair. Each signal adds a signed score: positive says `a` is the original,
 * negative says `b` is. Common-source signals add to a separate score. Weights (below) are hand-set from
 * what each signal means, not fitted; the strongest are facts about the text's origin, the weakest shapes:
 *
 *   3.0  outlet is an agency (SaudiNewsNet `was` = SPA) and the other is not that agency
 *   2.5  one text names the other's outlet as its source
 *   2.0  own dated agency dateline («الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس») vs none
 *   ≤1.0 earlier publication (crawl times lag, so never decisive alone)
 *   0.5  the copy credits the original's agency («واس- جدة:»)
 *   ≤0.75 containment asymmetry: a shortened copy is contained in its original
 * Common source: 2.0 both credit the same source and neither is it; 0.75 each holds ≥ 40 % the other lacks
 * (two rewrites); 0.6 one credits a third source and the other nothing; 0.25 both quote the same agency as a
 * news source.
 */
import type { ReportEvidence, ReportPair, ReportProvenance } from '../report/report-types.js';
import { type DocProfile, type ProvenanceDoc, profileDoc, sourceName } from './evidence.js';

export type ProvenancePair = Pick<ReportPair, 'a' | 'b' | 'jaccard' | 'containment_ab' | 'containment_ba'>;

interface Signal {
  readonly kind: string;
  readonly detail: string;
  /** `a`/`b`: favours that document as the original; `common`: favours a common source. */
  readonly favours: 'a' | 'b' | 'common';
  readonly weight: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** |score| from which a pair is called `copied`. */
const COPIED_AT = 1;
/** Below this nothing is said about direction. */
const WEAK_AT = 0.5;

function timeSignal(pa: DocProfile, pb: DocProfile): Signal | undefined {
  const a = pa.published;
  const b = pb.published;
  if (a === undefined || b === undefined) return undefined;
  const gap = Math.abs(a.ms - b.ms);
  const dateOnly = a.dateOnly || b.dateOnly;
  const detail = `A ${a.detail}; B ${b.detail}`;
  if (gap === 0 || (dateOnly && gap < DAY_MS)) return { kind: 'time', detail: `${detail}: same time`, favours: 'common', weight: 0 };
  let w = dateOnly ? (gap >= 2 * DAY_MS ? 1 : 0.75) : gap >= 6 * HOUR_MS ? 1 : gap >= HOUR_MS ? 0.6 : 0.3;
  // A date read from the text is a weaker witness than record metadata.
  if (a.from === 'text' || b.from === 'text') w *= 0.8;
  return { kind: 'time', detail: `${detail}: ${a.ms < b.ms ? 'A' : 'B'} is earlier`, favours: a.ms < b.ms ? 'a' : 'b', weight: w };
}

function mentionsOutlet(p: DocProfile, other: DocProfile): string | undefined {
  const outlet = other.doc.outlet;
  if (outlet === undefined) return undefined;
  if (other.outletAgency !== undefined && p.credits.has(other.outletAgency)) return p.credits.get(other.outletAgency);
  const needle = outlet.toLowerCase();
  for (const [key, quote] of p.credits) if (key.startsWith('line:') && key.toLowerCase().includes(needle)) return quote;
  return undefined;
}

function signals(pa: DocProfile, pb: DocProfile, pair: ProvenancePair): { list: Signal[]; shared?: string } {
  const list: Signal[] = [];
  const sides: ['a' | 'b', DocProfile, DocProfile][] = [['a', pa, pb], ['b', pb, pa]];
  for (const [side, p, q] of sides) {
    const name = side.toUpperCase();
    const other = side === 'a' ? 'B' : 'A';
    const otherSide = side === 'a' ? 'b' : 'a';
    if (p.own !== undefined && !(q.own?.agency === p.own.agency && q.own.strength >= p.own.strength)) {
      const sameAgency = q.own?.agency === p.own.agency;
      const w = p.own.strength - (sameAgency ? q.own?.strength ?? 0 : 0);
      list.push({ kind: p.own.strength === 3 ? 'agency-outlet' : 'dateline', detail: `${name} ${p.own.detail}`, favours: side, weight: w });
      const credit = q.credits.get(p.own.agency);
      if (credit !== undefined) {
        list.push({ kind: 'credit', detail: `${other} credits ${sourceName(p.own.agency)} «${credit}»`, favours: side, weight: 0.5 });
      }
    }
    const named = mentionsOutlet(p, q);
    if (named !== undefined) {
      list.push({ kind: 'attribution', detail: `${name} names ${other}'s outlet \`${q.doc.outlet}\` as its source «${named}»`, favours: otherSide, weight: 2.5 });
    }
  }
  let shared: string | undefined;
  for (const [key, quote] of pa.credits) {
    const other = pb.credits.get(key);
    if (other === undefined || pa.own?.agency === key || pb.own?.agency === key) continue;
    shared ??= key;
    list.push({ kind: 'attribution', detail: `both credit ${sourceName(key)}: A «${quote}», B «${other}»`, favours: 'common', weight: 2 });
  }
  if (shared === undefined) {
    for (const [side, p, q] of sides) {
      if (p.credits.size === 0 || q.credits.size > 0 || q.own !== undefined || p.own !== undefined) continue;
      const [key, quote] = p.credits.entries().next().value as [string, string];
      const name = side.toUpperCase();
      // The credit names where this text came from, and that is not the other document (whose outlet is
      // another, or unknown and unmarked): both more likely descend from that source than from each other.
      list.push({
        kind: 'attribution',
        detail: `${name} credits ${sourceName(key)} «${quote}», the other credits nobody and is not ${sourceName(key)}'s own text: ${name} came through ${sourceName(key)}, not from the other`,
        favours: 'common', weight: 0.6,
      });
    }
  }
  for (const [key, quote] of pa.reports) {
    const other = pb.reports.get(key);
    if (other !== undefined) {
      list.push({ kind: 'news-source', detail: `both quote ${sourceName(key)} as a news source: A «${quote}», B «${other}»`, favours: 'common', weight: 0.25 });
    }
  }
  const t = timeSignal(pa, pb);
  if (t !== undefined) list.push(t);

  const d = pair.containment_ab - pair.containment_ba;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const shape = `A (${pa.doc.bodyChars} chars) is ${pct(pair.containment_ab)} inside B, B (${pb.doc.bodyChars} chars) ${pct(pair.containment_ba)} inside A`;
  if (Math.abs(d) >= 0.1) {
    list.push({
      kind: 'containment', detail: `${shape}: ${d > 0 ? 'A' : 'B'} looks like a shortened copy`,
      favours: d > 0 ? 'b' : 'a', weight: Math.min(0.75, Math.abs(d) * 1.5),
    });
  }
  if (Math.max(pair.containment_ab, pair.containment_ba) < 0.6) {
    list.push({ kind: 'containment', detail: `${shape}: each has much the other lacks, like two rewrites of one source`, favours: 'common', weight: 0.75 });
  }
  return { list, shared };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Decide one pair. Evidence weights are signed against the returned relation and direction. */
export function decidePair(pa: DocProfile, pb: DocProfile, pair: ProvenancePair): ReportProvenance {
  const { list, shared } = signals(pa, pb, pair);
  let score = 0;
  let common = 0;
  for (const s of list) {
    if (s.favours === 'a') score += s.weight;
    else if (s.favours === 'b') score -= s.weight;
    else common += s.weight;
  }
  const strength = Math.abs(score);
  const aFirst = score >= 0;
  // An agency's own text is an original by definition: when that claim still wins on balance, two rewrites
  // of a third text is the less likely story, however the shingles overlap.
  const ownAgrees = list.some((s) => (s.kind === 'dateline' || s.kind === 'agency-outlet') && (s.favours === 'a') === aFirst);
  let relation: ReportProvenance['relation'];
  let confidence: number;
  if (shared !== undefined && common >= 2 && strength < 2.5) {
    relation = 'common-source';
    confidence = Math.min(0.9, 0.6 + 0.1 * Math.min(common - 2, 2) - 0.05 * strength);
  } else if (strength >= COPIED_AT || (strength >= WEAK_AT && (common < 0.75 || ownAgrees))) {
    relation = 'copied';
    confidence = Math.min(0.97, 1 - Math.exp(-strength / 1.6));
  } else if (common >= 0.75) {
    relation = 'common-source';
    confidence = Math.min(0.6, 0.3 + 0.15 * (common - 0.75));
  } else {
    relation = 'unknown';
    confidence = 0;
  }
  const [from, to] = aFirst ? [pa, pb] : [pb, pa];
  const sign = (s: Signal): number => {
    if (s.favours === 'common') return relation === 'common-source' ? 1 : -1;
    return (s.favours === 'a') === aFirst ? 1 : -1;
  };
  // Details say A/B; name them so a reader of one record needs nothing else.
  const legend = `A = ${pa.doc.key}, B = ${pb.doc.key}`;
  const evidence: ReportEvidence[] = list.map((s) => ({ kind: s.kind, detail: `${s.detail} (${legend})`, weight: round(sign(s) * s.weight) }));
  const source = relation === 'common-source' ? shared : relation === 'copied' ? from.own?.agency : undefined;
  return {
    from: from.doc.key, to: to.doc.key, relation, confidence: round(confidence),
    ...(source === undefined ? {} : { source }), evidence,
  };
}

/**
 * Provenance for every pair, in the order given. Documents are profiled once each; pairs naming a key not in
 * `docs` come back `unknown` with an evidence line saying so.
 */
export function inferProvenance(docs: readonly ProvenanceDoc[], pairs: readonly ProvenancePair[]): ReportProvenance[] {
  const byKey = new Map(docs.map((d) => [d.key, d]));
  const profiles = new Map<string, DocProfile>();
  const profile = (key: string): DocProfile | undefined => {
    const doc = byKey.get(key);
    if (doc === undefined) return undefined;
    let p = profiles.get(key);
    if (p === undefined) profiles.set(key, (p = profileDoc(doc)));
    return p;
  };
  return pairs.map((pair) => {
    const pa = profile(pair.a);
    const pb = profile(pair.b);
    if (pa === undefined || pb === undefined) {
      const missing = pa === undefined ? pair.a : pair.b;
      return { from: pair.a, to: pair.b, relation: 'unknown', confidence: 0, evidence: [{ kind: 'missing', detail: `no document with key ${missing}` }] };
    }
    return decidePair(pa, pb, pair);
  });
}
