import type { Cluster, Pair } from '../records.js';
import type { CopyClusterWeights } from './cluster.js';
import { copyClusters, defaultCopyClusterWeights, UnionFind } from './cluster.js';
import type { PairKind } from './template-guard.js';

export interface GuardedClusters {
  readonly clusters: Cluster[];
  readonly templates: Cluster[];
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
  const dups = duplicatesOf(documents, pairs);
  pairs.forEach((p, i) => {
    if (kinds[i] !== 'template') return;
    // an exact duplicate never enters the index and has no verified pairs of its own: its original's
    // template pairs are its own (same body), listed for it so the family shows every copy of the item
    for (const x of [p.a, ...(dups.get(p.a) ?? [])]) {
      for (const y of [p.b, ...(dups.get(p.b) ?? [])]) {
        let q: Pair = p;
        if (x !== p.a || y !== p.b) {
          q = x < y ? { ...p, a: x, b: y } : { ...p, a: y, b: x, containsAinB: p.containsBinA, containsBinA: p.containsAinB };
        }
        uf.union(q.a, q.b);
        templatePairs.push(q);
      }
    }
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
  return { clusters: finish('c', copyGroups.values()), templates: finish('t', families.values()) };
}

/** Original → its exact duplicates, from the exact pairs (a duplicate of a duplicate belongs to the first original). */
function duplicatesOf(documents: number, pairs: readonly Pair[]): Map<number, number[]> {
  const original = new Int32Array(documents);
  for (let d = 0; d < documents; d++) original[d] = d;
  for (const p of pairs) if (p.exact) original[p.b] = original[p.a];
  const out = new Map<number, number[]>();
  for (let d = 0; d < documents; d++) {
    let o = d;
    while (original[o] !== o) o = original[o];
    if (o === d) continue;
    const list = out.get(o);
    if (list) list.push(d);
    else out.set(o, [d]);
  }
  return out;
}
