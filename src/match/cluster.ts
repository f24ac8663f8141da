import type { Cluster, Pair } from '../records.js';

/** Disjoint sets over dense ids, with path halving and union by size. */
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }

  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }
}

/**
 * Groups matched pairs into clusters (connected components). `chooseRepresentative` picks the member that
 * stands for the cluster (e.g. earliest published); `clusterId` names it stably across runs.
 */
export function clusterPairs(
  documents: number,
  pairs: readonly Pair[],
  chooseRepresentative: (members: readonly number[]) => number,
  clusterId: (members: readonly number[]) => string,
): Cluster[] {
  const uf = new UnionFind(documents);
  for (const p of pairs) uf.union(p.a, p.b);
  const byRoot = new Map<number, { members: number[]; pairs: Pair[] }>();
  for (const p of pairs) {
    const root = uf.find(p.a);
    let group = byRoot.get(root);
    if (!group) {
      group = { members: [], pairs: [] };
      byRoot.set(root, group);
    }
    group.pairs.push(p);
  }
  for (let d = 0; d < documents; d++) byRoot.get(uf.find(d))?.members.push(d);
  const clusters: Cluster[] = [];
  for (const { members, pairs: groupPairs } of byRoot.values()) {
    groupPairs.sort((x, y) => x.a - y.a || x.b - y.b);
    clusters.push({ id: clusterId(members), members, representative: chooseRepresentative(members), pairs: groupPairs });
  }
  clusters.sort((x, y) => y.members.length - x.members.length || x.members[0] - y.members[0]);
  return clusters;
}
