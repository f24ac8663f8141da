import type { Cluster, Pair } from '../records.js';
import type { CopyClusterWeights } from './cluster.js';
import { copyClusters, defaultCopyClusterWeights, UnionFind } from './cluster.js';
import type { PairKind } from './template-guard.js';

export interface GuardedClusters {
  readonly clusters: Cluster[];
  readonly templates: Cluster[];
  /**
   * Copy pairs the partition could not keep inside one cluster: mostly a page carrying two stories (it is a
   * copy of both, but sits in one cluster) or a cut version outvoted by its cluster. Reported as links.
   */
  readonly links: Pair[];
}

/**
 * Clusters the guard's copy pairs without chaining, and groups its template pairs into families.
 *
 * Copies: `copyClusters` (cluster.ts) — a document joins a cluster only where most of its pairs inside are
 * verified copies, so one bridging page (a follow-up quoting an older story, a roundup) cannot pull two
 * stories into one cluster the way connected components do. Listed pairs are the copy pairs inside. A
 * 'same-story' pair (a copy whose headlines agree, published within a day) weighs at least
 * `weights.confirmed`.
 *
 * Templates: connected components of template pairs (a family may be broad: it is reported as a family,
 * never as copies).
 */
export function guardedClusters(
  documents: number,
  pairs: readonly Pair[],
  kinds: readonly PairKind[],
  chooseRepresentative: (members: readonly number[]) => number,
  clusterId: (prefix: string, members: readonly number[]) => string,
  weights: CopyClusterWeights = defaultCopyClusterWeights,
): GuardedClusters {
  const isCopy = (k: PairKind) => k === 'copy' || k === 'same-story';
  const copies = pairs.filter((_, i) => isCopy(kinds[i]));
  const confirmed = kinds.filter(isCopy).map((k) => k === 'same-story');
  const centreOf = copyClusters(documents, copies, weights, confirmed);
  const copyGroups = new Map<number, { members: number[]; pairs: Pair[] }>();
  for (let d = 0; d < documents; d++) {
    const c = centreOf[d];
    if (c < 0) continue;
    let g = copyGroups.get(c);
    if (!g) copyGroups.set(c, (g = { members: [], pairs: [] }));
    g.members.push(d);
  }
  for (const p of copies) if (centreOf[p.a] >= 0 && centreOf[p.a] === centreOf[p.b]) copyGroups.get(centreOf[p.a])!.pairs.push(p);
  const uf = new UnionFind(documents);
  const templatePairs: Pair[] = [];
  pairs.forEach((p, i) => {
    if (kinds[i] !== 'template') return;
    uf.union(p.a, p.b);
    templatePairs.push(p);
  });
  const families = new Map<number, { members: Set<number>; pairs: Pair[] }>();
  for (const p of templatePairs) {
    const r = uf.find(p.a);
    let f = families.get(r);
    if (!f) families.set(r, (f = { members: new Set(), pairs: [] }));
    f.members.add(p.a).add(p.b);
    f.pairs.push(p);
  }
  const finish = (prefix: string, groups: Iterable<{ members: Iterable<number>; pairs: Pair[] }>): Cluster[] => {
    const out: Cluster[] = [];
    for (const g of groups) {
      const members = [...g.members].sort((x, y) => x - y);
      if (members.length < 2) continue;
      g.pairs.sort((x, y) => x.a - y.a || x.b - y.b);
      out.push({ id: clusterId(prefix, members), members, representative: chooseRepresentative(members), pairs: g.pairs });
    }
    return out.sort((x, y) => y.members.length - x.members.length || x.members[0] - y.members[0]);
  };
  const links = copies.filter((p) => !(centreOf[p.a] >= 0 && centreOf[p.a] === centreOf[p.b]));
  return { clusters: finish('c', copyGroups.values()), templates: finish('t', families.values()), links };
}
