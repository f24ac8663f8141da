/**
 * One cluster in the HTML report as data for the inline script: a summary line, built when the cluster is
 * listed, and details (members, provenance, diffs), parsed and built only when the cluster is opened.
 */

import type { WordDiff } from './diff-types.js';
import { compactRuns, displayDate, type DocIndex, orderMembers } from './report-model.js';
import type { ReportCluster, ReportLink } from './report-types.js';

/** Diffs shown per cluster; the rest are counted, since a 300-member wire story would be unreadable anyway. */
export const MAX_DIFFS_PER_CLUSTER = 12;

export interface ClusterContext {
  readonly docs: DocIndex;
  readonly texts: ReadonlyMap<string, string>;
  readonly diff: (a: string, b: string) => WordDiff | undefined;
  /** Embed members' full texts (the page shows them under each member when present). */
  readonly fullTexts: boolean;
  /** The report's copy links by document id (each link under both its sides). */
  readonly links: ReadonlyMap<string, readonly ReportLink[]>;
}

/** Links listed per cluster and kind: a roundup page can link a cluster to dozens of others. */
export const MAX_LINKS_PER_CLUSTER = 20;

/** Copy and partial-reuse links by document id, both sides (kind "template" links belong to families, not clusters). */
export function linksByDocument(links: readonly ReportLink[] = []): Map<string, ReportLink[]> {
  const out = new Map<string, ReportLink[]>();
  for (const l of links) {
    if (l.kind === 'template') continue;
    for (const id of [l.a, l.b]) {
      const list = out.get(id);
      if (list) list.push(l);
      else out.set(id, [l]);
    }
  }
  return out;
}

/**
 * A cluster's members' copies that sit outside it, then the stories that carry part of them (partial reuse):
 * the other side, its title and cluster, the containment, `partial` for the second kind.
 */
function clusterLinks(cluster: ReportCluster, ctx: ClusterContext): unknown[] {
  const members = new Set(cluster.members);
  const out: unknown[] = [];
  for (const kind of ['copy', 'partial'] as const) {
    let listed = 0;
    for (const m of cluster.members) {
      for (const l of ctx.links.get(m) ?? []) {
        const otherSide = l.a === m ? 1 : 0;
        const other = otherSide === 1 ? l.b : l.a;
        if (l.kind !== kind || members.has(other) || listed >= MAX_LINKS_PER_CLUSTER) continue;
        listed++;
        out.push({
          member: m,
          other,
          title: ctx.docs.get(other)?.title,
          cluster: l.clusters[otherSide],
          c: Math.max(l.containment_ab, l.containment_ba),
          ...(kind === 'partial' ? { partial: true } : {}),
        });
      }
    }
  }
  return out;
}

const OP_CODE = { equal: 'e', insert: 'i', delete: 'd', skip: 's' } as const;

/** The JSON the inline script reads; short op codes keep big reports small. */
export function clusterData(cluster: ReportCluster, ctx: ClusterContext): unknown {
  const ids = orderMembers(cluster, ctx.docs);
  const members = ids.map((id) => {
    const doc = ctx.docs.get(id);
    return {
      id,
      rep: id === cluster.representative,
      outlet: doc?.outlet,
      date: displayDate(doc?.published),
      title: doc?.title,
      text: ctx.fullTexts ? ctx.texts.get(id) : undefined,
      stripped: doc?.stripped,
    };
  });
  const rep = ids[0];
  const others = ids.slice(1);
  const diffs =
    rep === undefined
      ? []
      : others.slice(0, MAX_DIFFS_PER_CLUSTER).map((other) => {
          const d = ctx.diff(rep, other);
          if (d === undefined) return { a: rep, b: other };
          const segments = compactRuns(d.runs).map((s) =>
            s.op === 'skip' ? [OP_CODE.skip, s.text, s.words] : [OP_CODE[s.op], s.text],
          );
          return { a: rep, b: other, stats: d.stats, segments };
        });
  return {
    id: cluster.id,
    members,
    provenance: cluster.provenance,
    diffs,
    omitted: Math.max(0, others.length - MAX_DIFFS_PER_CLUSTER),
    links: clusterLinks(cluster, ctx),
  };
}

/** Lower-cased text the filter box searches: titles, ids and outlets of all members, and the cluster id. */
export function searchText(cluster: ReportCluster, docs: DocIndex): string {
  const parts = [cluster.id];
  for (const id of cluster.members) {
    const doc = docs.get(id);
    parts.push(id, doc?.title ?? '', doc?.outlet ?? '');
  }
  return parts.join('\n').toLowerCase();
}

/** What the collapsed cluster line shows; the script builds it with textContent. */
export function clusterSummary(cluster: ReportCluster, docs: DocIndex): unknown {
  const ids = orderMembers(cluster, docs);
  const outlets = [...new Set(ids.map((id) => docs.get(id)?.outlet).filter((o): o is string => !!o))];
  const dates = ids.map((id) => docs.get(id)?.published).filter((d): d is string => !!d).sort();
  return {
    id: cluster.id,
    n: cluster.members.length,
    title: docs.get(ids[0] ?? '')?.title,
    outlets: outlets.slice(0, 5),
    more: Math.max(0, outlets.length - 5),
    date: displayDate(dates[dates.length - 1]),
    q: searchText(cluster, docs),
  };
}
