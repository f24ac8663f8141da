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

/** Weights of the copy clustering objective (`copyClusters`). */
export interface CopyClusterWeights {
  /** Gain of putting a verified copy pair at max containment ≥ 0.9 into one cluster. @default 1 */
  readonly sure: number;
  /** …at 0.7–0.9. @default 0.3 */
  readonly likely: number;
  /** …below 0.7 (rewrites of one release reach only 0.55). @default 0.1 */
  readonly loose: number;
  /** Cost of a pair in one cluster that is not a verified copy (unrelated, template, partial); 0.8 rather than 1
   * lets a page holding a short story join its copies at a small precision cost (docs/tuning.md). @default 0.8 */
  readonly apart: number;
  /**
   * Gain of a copy pair that headlines and dates confirm (`confirmed` in `copyClusters`), when above its
   * band's. 0.5: on SaudiNewsNet 0 / 0.5 / 0.7 / 1 gave truth ≥ 0.9 recall 0.9706 / 0.9704 / 0.9681 / 0.9661,
   * precision 0.9944 / 0.9921 / 0.9906 / 0.9881, hand-judged errors 27 / 25 / 23 / 21 (docs/tuning.md,
   * round 5). @default 0.5
   */
  readonly confirmed: number;
}

export const defaultCopyClusterWeights: CopyClusterWeights = { sure: 1, likely: 0.3, loose: 0.1, apart: 0.8, confirmed: 0.5 };

/**
 * Clusters copy pairs by greedy correlation clustering (Bansal, Blum & Chawla 2004; greedy agglomeration
 * as in Elsner & Schudy 2009): every pair inside a cluster scores its weight when it is a verified copy
 * and −`apart` when it is not (never verified, or judged a template or partial reuse). Starting from
 * singletons, the two clusters whose merge gains most are joined while any gain is positive.
 *
 * Why not connected components or a star: one roundup page that contains two stories links both, and a
 * star admits members that match only the centre. Here a member must match most of the cluster — a page
 * holding two stories joins the one it shares more with, and two bulletins of different days stay apart
 * unless nearly every pair between them is a copy. Returns a cluster root per document (−1: no cluster).
 *
 * `confirmed[i]` marks copies whose identity other evidence confirms (agreeing headlines of the same day,
 * template-guard.ts): they weigh at least `w.confirmed` whatever their containment — two rewrites of one
 * wire story overlap 0.6–0.76 with its longer versions and only 0.3 with each other, and at the loose or
 * likely weight would stay apart from the story's other copies.
 */
export function copyClusters(
  documents: number,
  copies: readonly Pair[],
  w: CopyClusterWeights = defaultCopyClusterWeights,
  confirmed: readonly boolean[] = [],
): Int32Array {
  // Exact pairs given here make each group of duplicates one node weighing its member count. scan gives
  // none: it clusters distinct bodies and puts copies back afterwards (match/exact-groups.ts), so how often
  // a crawler re-fetched a page does not change the clusters.
  const dupOf = new Int32Array(documents);
  for (let d = 0; d < documents; d++) dupOf[d] = d;
  for (const p of copies) if (p.exact) dupOf[p.b] = dupOf[p.a];
  for (let d = 0; d < documents; d++) dupOf[d] = dupOf[dupOf[d]];
  const mult = new Int32Array(documents);
  for (let d = 0; d < documents; d++) mult[dupOf[d]]++;
  const size = Int32Array.from(mult);
  const version = new Int32Array(documents);
  // per cluster root: neighbouring root → [sum of copy weights, pairs counted] across them
  const adj = new Map<number, Map<number, [number, number]>>();
  const add = (x: number, y: number, weight: number, count: number) => {
    let m = adj.get(x);
    if (!m) adj.set(x, (m = new Map()));
    const v = m.get(y);
    if (v) {
      v[0] += weight;
      v[1] += count;
    } else m.set(y, [weight, count]);
  };
  const nodePairs: Pair[] = [];
  const nodeWeights: number[] = [];
  copies.forEach((p, i) => {
    if (p.exact) return;
    const a = dupOf[p.a];
    const b = dupOf[p.b];
    if (a === b) return;
    const k = mult[a] * mult[b];
    const weight = copyWeight(p, w, confirmed[i] === true);
    add(a, b, weight * k, k);
    add(b, a, weight * k, k);
    nodePairs.push({ ...p, a, b });
    nodeWeights.push(weight);
  });
  // a group of exact duplicates scores its internal pairs as copies from the start
  const gain = (x: number, y: number) => {
    const v = adj.get(x)!.get(y)!;
    return v[0] - w.apart * (size[x] * size[y] - v[1]);
  };
  const heap = new MergeHeap();
  const offer = (x: number, y: number) => {
    const g = gain(x, y);
    if (g > 0) heap.push(g, x, y, version[x], version[y]);
  };
  for (const [x, m] of adj) for (const y of m.keys()) if (x < y) offer(x, y);
  const parent = new Int32Array(documents);
  for (let i = 0; i < documents; i++) parent[i] = i;
  while (heap.size > 0) {
    const top = heap.pop();
    const x = top[0];
    const y = top[1];
    if (top[2] !== version[x] || top[3] !== version[y] || parent[x] !== x || parent[y] !== y) continue;
    const [keep, gone] = adj.get(x)!.size >= adj.get(y)!.size ? [x, y] : [y, x];
    const keepAdj = adj.get(keep)!;
    for (const [z, v] of adj.get(gone)!) {
      if (z === keep) continue;
      add(keep, z, v[0], v[1]);
      const mz = adj.get(z)!;
      mz.delete(gone);
      const kv = keepAdj.get(z)!;
      mz.set(keep, [kv[0], kv[1]]);
    }
    keepAdj.delete(gone);
    adj.delete(gone);
    parent[gone] = keep;
    size[keep] += size[gone];
    version[keep]++;
    version[gone]++;
    for (const z of keepAdj.keys()) version[z]++;
    // every pair touching a cluster whose version moved is re-offered (stale heap entries are skipped)
    for (const z of keepAdj.keys()) {
      offer(keep, z);
      for (const u of adj.get(z)!.keys()) if (u !== keep) offer(z, u);
    }
  }
  const label = new Int32Array(documents);
  for (let d = 0; d < documents; d++) {
    let r = d;
    while (parent[r] !== r) r = parent[r];
    label[d] = r;
  }
  refineByMoves(label, mult, nodePairs, nodeWeights, w);
  for (let d = 0; d < documents; d++) label[d] = label[dupOf[d]];
  const count = new Int32Array(documents);
  for (let d = 0; d < documents; d++) count[label[d]]++;
  const root = new Int32Array(documents).fill(-1);
  for (let d = 0; d < documents; d++) if (count[label[d]] > 1) root[d] = label[d];
  return root;
}

/** Gain of one verified copy pair inside a cluster: by containment band, or `sure` when confirmed. */
function copyWeight(p: Pair, w: CopyClusterWeights, confirmed: boolean): number {
  const c = Math.max(p.containsAinB, p.containsBinA);
  const band = c >= 0.9 ? w.sure : c >= 0.7 ? w.likely : w.loose;
  return confirmed ? Math.max(band, w.confirmed) : band;
}

/**
 * Local search after the greedy merges: a document moves to the neighbouring cluster (or out on its own)
 * where its pairs score best, if that beats where it is. Greedy merging fixes a roundup page to the first
 * story it met; this lets it go where more of its copies are. A few passes; each move raises the objective.
 */
function refineByMoves(
  label: Int32Array,
  mult: Int32Array,
  copies: readonly Pair[],
  weights: readonly number[],
  w: CopyClusterWeights,
  passes = 3,
): void {
  const n = label.length;
  const size = new Int32Array(n);
  for (let d = 0; d < n; d++) size[label[d]] += mult[d];
  const nbr = new Map<number, { o: number; w: number }[]>();
  const link = (x: number, y: number, weight: number) => {
    let l = nbr.get(x);
    if (!l) nbr.set(x, (l = []));
    l.push({ o: y, w: weight });
  };
  copies.forEach((p, i) => {
    link(p.a, p.b, weights[i] * mult[p.b]);
    link(p.b, p.a, weights[i] * mult[p.a]);
  });
  // a label no document uses: where a document goes to stand alone
  const free: number[] = [];
  for (let d = 0; d < n; d++) if (size[d] === 0 && mult[d] > 0) free.push(d);
  const score = new Map<number, [number, number]>(); // cluster → [copy weight to it, copy pairs to it]
  for (let pass = 0; pass < passes; pass++) {
    let moved = 0;
    for (const [d, list] of nbr) {
      score.clear();
      for (const { o, w: weight } of list) {
        const v = score.get(label[o]);
        if (v) {
          v[0] += weight;
          v[1] += mult[o];
        } else score.set(label[o], [weight, mult[o]]);
      }
      const here = label[d];
      const value = (c: number) => {
        const v = score.get(c) ?? [0, 0];
        const others = size[c] - (c === here ? mult[d] : 0);
        return v[0] - w.apart * mult[d] * (others - v[1]);
      };
      let best = here;
      let bestValue = value(here);
      for (const c of score.keys()) {
        if (c === here) continue;
        const v = value(c);
        if (v > bestValue + 1e-9) {
          best = c;
          bestValue = v;
        }
      }
      if (best === here && bestValue < -1e-9 && size[here] > 1 && free.length > 0) best = free.pop()!;
      if (best === here) continue;
      size[here] -= mult[d];
      if (size[here] === 0) free.push(here);
      label[d] = best;
      size[best] += mult[d];
      moved++;
    }
    if (moved === 0) break;
  }
}

/**
 * Max-heap of candidate merges (gain, x, y and the versions of x and y when offered), in typed arrays: the
 * merge loop offers hundreds of thousands of entries, and a 4-array per entry plus destructuring swaps were
 * ~100 MB of garbage on the 12 SaudiNewsNet days. Same sift order as a plain binary heap, so ties pop alike.
 */
class MergeHeap {
  private gains = new Float64Array(1024);
  /** x, y, vx, vy of entry i at 4i … 4i + 3. */
  private items = new Int32Array(4 * 1024);
  private n = 0;
  /** The last `pop`: x, y, vx, vy. */
  readonly top = new Int32Array(4);

  get size(): number {
    return this.n;
  }

  push(gain: number, x: number, y: number, vx: number, vy: number): void {
    if (this.n === this.gains.length) this.grow();
    const g = this.gains;
    const it = this.items;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (g[p] >= gain) break;
      this.move(p, i);
      i = p;
    }
    g[i] = gain;
    it[4 * i] = x;
    it[4 * i + 1] = y;
    it[4 * i + 2] = vx;
    it[4 * i + 3] = vy;
  }

  /** Removes the largest entry into `top`. */
  pop(): Int32Array {
    const g = this.gains;
    const it = this.items;
    this.top.set(it.subarray(0, 4));
    const last = --this.n;
    if (last > 0) {
      const lastG = g[last];
      const lx = it[4 * last];
      const ly = it[4 * last + 1];
      const lvx = it[4 * last + 2];
      const lvy = it[4 * last + 3];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = -1;
        let mg = lastG;
        if (l < last && g[l] > mg) {
          m = l;
          mg = g[l];
        }
        if (r < last && g[r] > mg) m = r;
        if (m < 0) break;
        this.move(m, i);
        i = m;
      }
      g[i] = lastG;
      it[4 * i] = lx;
      it[4 * i + 1] = ly;
      it[4 * i + 2] = lvx;
      it[4 * i + 3] = lvy;
    }
    return this.top;
  }

  private move(from: number, to: number): void {
    const it = this.items;
    this.gains[to] = this.gains[from];
    it[4 * to] = it[4 * from];
    it[4 * to + 1] = it[4 * from + 1];
    it[4 * to + 2] = it[4 * from + 2];
    it[4 * to + 3] = it[4 * from + 3];
  }

  private grow(): void {
    const gains = new Float64Array(this.gains.length * 2);
    gains.set(this.gains);
    this.gains = gains;
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.items = items;
  }
}
