/**
 * Report facts shared by the HTML and Markdown renderers: cluster order, summary numbers, the similarity
 * histogram, the outlet copy matrix and collapsed diff segments. Pure functions of the JSON report.
 */

import type { DiffRun, WordDiff } from './diff-types.js';
import type { ReportCluster, ReportDocument, ScanReport } from './report-types.js';

/** What both renderers (HTML, Markdown) take. */
export interface RenderInput {
  report: ScanReport;
  /** Original texts by document id (report.documents[].id); may lack some docs. */
  texts: ReadonlyMap<string, string>;
  /** Word diff of two documents (original text runs); undefined when either text is missing. */
  diff: (a: string, b: string) => WordDiff | undefined;
  /** Title shown in the page header, e.g. "sada — 2015-08-04". */
  title?: string;
  /**
   * Embed each member's full text in the HTML page (diffs are shown either way). Off, the page of the 12
   * SaudiNewsNet days drops from 54 MB to 33 MB: the choice for big nightly runs. @default true
   */
  fullTexts?: boolean;
}

export type DocIndex = ReadonlyMap<string, ReportDocument>;

export function indexDocuments(report: ScanReport): DocIndex {
  return new Map(report.documents.map((d) => [d.id, d]));
}

/** Documents a dedup run would drop: every member but one per cluster. */
export function duplicatesRemoved(clusters: readonly ReportCluster[]): number {
  return clusters.reduce((sum, c) => sum + Math.max(0, c.members.length - 1), 0);
}

function publishedMs(doc: ReportDocument | undefined): number {
  const ms = doc?.published === undefined ? Number.NaN : Date.parse(doc.published);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Latest `published` among members, as epoch ms; -Infinity when no member has a parseable date. */
export function latestPublished(cluster: ReportCluster, docs: DocIndex): number {
  return cluster.members.reduce((best, id) => Math.max(best, publishedMs(docs.get(id))), Number.NEGATIVE_INFINITY);
}

/** Largest clusters first, then the most recent; cluster id breaks ties so output is reproducible. */
export function sortClusters(clusters: readonly ReportCluster[], docs: DocIndex): ReportCluster[] {
  const latest = new Map(clusters.map((c) => [c, latestPublished(c, docs)]));
  return [...clusters].sort(
    (x, y) =>
      y.members.length - x.members.length ||
      (latest.get(y) ?? 0) - (latest.get(x) ?? 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

/** Representative first, then the rest by date (undated last), so diffs read in publishing order. */
export function orderMembers(cluster: ReportCluster, docs: DocIndex): string[] {
  const rest = cluster.members.filter((id) => id !== cluster.representative);
  rest.sort((x, y) => publishedMs(docs.get(x)) - publishedMs(docs.get(y)) || (x < y ? -1 : x > y ? 1 : 0));
  return cluster.members.includes(cluster.representative) ? [cluster.representative, ...rest] : rest;
}

/** Max containment (the larger of the two directions) of every verified pair in every cluster. */
export function maxContainments(clusters: readonly ReportCluster[]): number[] {
  return clusters.flatMap((c) => c.pairs.map((p) => Math.max(p.containment_ab, p.containment_ba)));
}

/** Counts of values in [0, 1] over equal-width bins; 1.0 falls in the last bin, out-of-range values are clamped. */
export function histogram(values: readonly number[], bins = 10): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(v * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

export interface OutletMatrix {
  /** `copied`: rows are sources, columns copiers. `co-occurrence`: verified pairs by outlet, symmetric. */
  readonly mode: 'copied' | 'co-occurrence';
  readonly outlets: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** Outlets left out to keep the chart readable. */
  readonly omitted: number;
}

/** Label for documents without an outlet, so they still show up in the matrix. */
export const UNKNOWN_OUTLET = '?';

/**
 * Outlet × outlet counts. Provenance `copied` relations say who copied whom, so they win when any exist;
 * otherwise verified pairs only say two outlets ran the same story.
 */
export function outletMatrix(clusters: readonly ReportCluster[], docs: DocIndex, maxOutlets = 20): OutletMatrix {
  const outletOf = (id: string): string => docs.get(id)?.outlet ?? UNKNOWN_OUTLET;
  const copied = clusters.flatMap((c) => (c.provenance ?? []).filter((p) => p.relation === 'copied'));
  const mode = copied.length > 0 ? 'copied' : 'co-occurrence';
  const edges: [string, string][] =
    mode === 'copied'
      ? copied.map((p) => [outletOf(p.from), outletOf(p.to)])
      : clusters.flatMap((c) => c.pairs.map((p): [string, string] => [outletOf(p.a), outletOf(p.b)]));
  const weight = new Map<string, number>();
  for (const [x, y] of edges) {
    weight.set(x, (weight.get(x) ?? 0) + 1);
    if (y !== x) weight.set(y, (weight.get(y) ?? 0) + 1);
  }
  const all = [...weight.keys()].sort((x, y) => (weight.get(y) ?? 0) - (weight.get(x) ?? 0) || (x < y ? -1 : 1));
  const outlets = all.slice(0, maxOutlets);
  const at = new Map(outlets.map((o, i) => [o, i]));
  const counts = outlets.map(() => new Array<number>(outlets.length).fill(0));
  for (const [x, y] of edges) {
    const i = at.get(x);
    const j = at.get(y);
    if (i === undefined || j === undefined) continue;
    counts[i]![j]! += 1;
    if (mode === 'co-occurrence' && i !== j) counts[j]![i]! += 1;
  }
  return { mode, outlets, counts, omitted: all.length - outlets.length };
}

/** A diff run ready to show: long equal runs keep some context and fold the middle into a `skip`. */
export type DiffSegment =
  | { readonly op: 'equal' | 'insert' | 'delete'; readonly text: string }
  | { readonly op: 'skip'; readonly text: string; readonly words: number };

/**
 * Folds equal runs longer than `2 * contextWords + minSkipWords` words, keeping `contextWords` on each
 * side. Splits on whitespace so the folded text keeps its original spacing.
 */
export function compactRuns(runs: readonly DiffRun[], contextWords = 8, minSkipWords = 8): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const run of runs) {
    if (run.op !== 'equal') {
      out.push({ op: run.op, text: run.text });
      continue;
    }
    // parts alternates word, space, word...; a word i sits at index 2i.
    const parts = run.text.split(/(\s+)/);
    const words = Math.ceil(parts.length / 2);
    if (words < 2 * contextWords + minSkipWords) {
      out.push({ op: 'equal', text: run.text });
      continue;
    }
    const headEnd = 2 * contextWords - 1;
    const tailStart = parts.length - (2 * contextWords - 1);
    if (contextWords > 0) out.push({ op: 'equal', text: parts.slice(0, headEnd).join('') });
    out.push({ op: 'skip', text: parts.slice(headEnd + 1, tailStart - 1).join(''), words: words - 2 * contextWords });
    if (contextWords > 0) out.push({ op: 'equal', text: parts.slice(tailStart).join('') });
  }
  return out;
}

/** Short display form of an ISO date-time: `2015-08-04 10:30`; other strings pass through. */
export function displayDate(published: string | undefined): string {
  if (published === undefined) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(published);
  if (!m) return published;
  return m[2] !== undefined && m[2] !== '00:00' ? `${m[1]} ${m[2]}` : (m[1] ?? published);
}
