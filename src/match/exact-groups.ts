import type { Cluster, Pair } from '../records.js';

/**
 * Exact duplicates by original, as linked lists in two typed arrays (no array per group): `first[o]` is the
 * first copy of `o`, `next[d]` the copy after `d`; −1 ends a list.
 */
export class ExactGroups {
  readonly first: Int32Array;
  readonly next: Int32Array;

  constructor(readonly dupOf: Int32Array) {
    const n = dupOf.length;
    this.first = new Int32Array(n).fill(-1);
    this.next = new Int32Array(n).fill(-1);
    // backwards, so each list comes out in id (reading) order
    for (let d = n - 1; d >= 0; d--) {
      const o = dupOf[d];
      if (o < 0) continue;
      this.next[d] = this.first[o];
      this.first[o] = d;
    }
  }

  /** The document whose body `id` repeats, or `id` itself. */
  originalOf(id: number): number {
    const o = this.dupOf[id];
    return o >= 0 ? o : id;
  }

  hasCopies(original: number): boolean {
    return this.first[original] >= 0;
  }

  /** Calls `f` with each exact copy of `original`, in reading order. */
  forEachCopy(original: number, f: (copy: number) => void): void {
    for (let d = this.first[original]; d >= 0; d = this.next[d]) f(d);
  }
}

export interface WithCopiesOptions {
  /** List an exact pair (original, copy) per copy in `pairs` (the report does; dedup needs only members). */
  readonly pairs: boolean;
  /**
   * An original outside every group forms one with its copies (copy clusters: copies are copies). Template
   * families take copies only beside an original that is in a family. @default true
   */
  readonly alone?: boolean;
  /** Prefix of the ids: `c` for copy clusters, `t` for template families. */
  readonly prefix: string;
  /** Names a group from its distinct bodies (its members that are no one's copy). */
  readonly clusterId: (prefix: string, members: readonly number[]) => string;
  readonly chooseRepresentative: (members: readonly number[]) => number;
}

/** The pair of a copy and its original: the same normalised body, so every shingle is shared. */
export function exactPair(original: number, copy: number): Pair {
  return { a: original, b: copy, jaccard: 1, containsAinB: 1, containsBinA: 1, exact: true };
}

/**
 * Puts exact duplicates back: each copy joins its original's cluster (or template family), and an original
 * outside every cluster forms one with its copies (unless `alone` is false). Groups are named here, from
 * their distinct bodies only (another copy of a text in the crawl does not rename its cluster), and their
 * representatives chosen over all members. Sorted like `guardedClusters`: largest first, then by first member.
 */
export function withExactCopies(clusters: readonly Cluster[], groups: ExactGroups, o: WithCopiesOptions): Cluster[] {
  const inCluster = new Uint8Array(groups.dupOf.length);
  const grow = (originals: readonly number[], pairs: readonly Pair[]): Cluster => {
    const members = [...originals];
    const exact: Pair[] = [];
    for (const m of originals) {
      inCluster[m] = 1;
      groups.forEachCopy(m, (d) => {
        members.push(d);
        if (o.pairs) exact.push(exactPair(m, d));
      });
    }
    members.sort((x, y) => x - y);
    const all = exact.length ? [...pairs, ...exact].sort((x, y) => x.a - y.a || x.b - y.b) : [...pairs];
    return { id: o.clusterId(o.prefix, originals), members, representative: o.chooseRepresentative(members), pairs: all };
  };
  const out = clusters.map((c) => grow(c.members, c.pairs));
  for (let m = 0; o.alone !== false && m < groups.dupOf.length; m++) {
    if (inCluster[m] || groups.dupOf[m] >= 0 || !groups.hasCopies(m)) continue;
    out.push(grow([m], []));
  }
  return out.sort((x, y) => y.members.length - x.members.length || x.members[0] - y.members[0]);
}
