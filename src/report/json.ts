import type { Params } from '../params.js';
import { paramsId } from '../params.js';
import type { Cluster, Pair, RecordIssue, SourceRef, StrippedSpan } from '../records.js';
import type { ReportCluster, ReportDocument, ReportIssue, ReportLink, ReportPair, ScanReport } from './report-types.js';

/** What the report keeps of each document: metadata only, so a scan never holds a crawl's text. */
export interface DocMeta {
  readonly id: number;
  readonly key: string;
  readonly path: string;
  /** Where in its file (kept by reference from the reader): provenance reads the record again from there. */
  readonly source?: SourceRef;
  readonly chars: number;
  readonly title?: string;
  readonly outlet?: string;
  readonly publishedAt?: string;
  readonly stripped: readonly StrippedSpan[];
}

export interface ReportParts {
  readonly params: Params;
  readonly docs: readonly DocMeta[];
  readonly clusters: readonly Cluster[];
  /** Template families (match/template-guard.ts): same shape as clusters, reported apart from copies. */
  readonly templates?: readonly Cluster[];
  /** Copy pairs across clusters (Detection.links). */
  readonly links?: readonly Pair[];
  /** Template pairs across template families (Detection.templateLinks). */
  readonly templateLinks?: readonly Pair[];
  /** Partial reuse (Detection.partialLinks): another story carrying part of this one. */
  readonly partialLinks?: readonly Pair[];
  readonly issues: readonly RecordIssue[];
  readonly candidates: number;
  readonly verifiedPairs: number;
  readonly exactDuplicates: number;
  readonly seconds: number;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export function describeSource(issue: RecordIssue): string {
  const s = issue.source;
  let where = s.path;
  if (s.entry !== undefined) where += `!${s.entry}`;
  if (s.line !== undefined) where += `:${s.line}`;
  else if (s.record !== undefined) where += `#${s.record}`;
  return where;
}

/** Records and files skipped, counted by reason (the report's and dedup's `stats.skipped`). */
export function skippedCounts(issues: readonly RecordIssue[]): Record<string, number> {
  const skipped: Record<string, number> = {};
  for (const i of issues) if (i.severity === 'skipped') skipped[i.code] = (skipped[i.code] ?? 0) + 1;
  return skipped;
}

/** Assembles the version-1 JSON report (see report-types.ts); singletons are not clusters. */
export function buildReport(parts: ReportParts): ScanReport {
  const keyOf = new Map<number, string>();
  for (const d of parts.docs) keyOf.set(d.id, d.key);
  const key = (id: number) => keyOf.get(id) ?? String(id);
  const documents: ReportDocument[] = parts.docs.map((d) => ({
    id: d.key,
    path: d.path,
    chars: d.chars,
    ...(d.title ? { title: d.title } : {}),
    ...(d.outlet ? { outlet: d.outlet } : {}),
    ...(d.publishedAt ? { published: d.publishedAt } : {}),
    ...(d.stripped.length ? { stripped: d.stripped.map((s) => [s.start, s.end, s.reason] as const) } : {}),
  }));
  const pair = (p: Pair): ReportPair => ({
    a: key(p.a),
    b: key(p.b),
    jaccard: round(p.jaccard),
    containment_ab: round(p.containsAinB),
    containment_ba: round(p.containsBinA),
    ...(p.exact ? { exact: true } : {}),
  });
  const toReport = (c: Cluster): ReportCluster => ({
    id: c.id,
    members: c.members.map(key),
    representative: key(c.representative),
    pairs: c.pairs.map(pair),
  });
  const clusters: ReportCluster[] = parts.clusters.map(toReport);
  const groupOf = (groups: readonly Cluster[]) => {
    const of = new Map<number, string>();
    for (const c of groups) for (const m of c.members) of.set(m, c.id);
    return of;
  };
  const linksOf = (kind: ReportLink['kind'], pairs: readonly Pair[] = [], groups: readonly Cluster[] = []): ReportLink[] => {
    const of = groupOf(groups);
    return pairs.map((p) => ({ ...pair(p), kind, clusters: [of.get(p.a) ?? null, of.get(p.b) ?? null] }));
  };
  const links = [
    ...linksOf('copy', parts.links, parts.clusters),
    ...linksOf('template', parts.templateLinks, parts.templates),
    ...linksOf('partial', parts.partialLinks, parts.clusters),
  ];
  const skipped = skippedCounts(parts.issues);
  const issues: ReportIssue[] = parts.issues.map((i) => ({ code: i.code, source: describeSource(i), message: i.message }));
  return {
    version: 1,
    params: { id: paramsId(parts.params), ...parts.params },
    documents,
    clusters,
    ...(parts.templates?.length ? { templates: parts.templates.map(toReport) } : {}),
    ...(links.length ? { links } : {}),
    stats: {
      documents: parts.docs.length,
      candidates: parts.candidates,
      verified_pairs: parts.verifiedPairs,
      clusters: clusters.length,
      seconds: round(parts.seconds),
      skipped,
      exact_duplicates: parts.exactDuplicates,
    },
    issues,
  };
}
