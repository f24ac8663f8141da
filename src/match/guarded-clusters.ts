import type { Cluster, Pair } from '../records.js';
import type { CopyClusterWeights } from './cluster.js';
import { copyClusters, defaultCopyClusterWeights } from './cluster.js';
import type { PairKind } from './template-guard.js';

export interface GuardedClusters {
  readonly clusters: Cluster[];
  readonly templates: Cluster[];
  /**
   * Copy pairs the partition could not keep inside one cluster: mostly a page carrying two stories (it is a
   * copy of both, but sits in one cluster) or a cut version outvoted by its cluster. Reported as links.
   */
  readonly links: Pair[];
  /** Template pairs between template families (or with an item in none). */
  readonly templateLinks: Pair[];
  /**
   * Partial reuse: verified overlap the guard judged another story (a follow-up pasting an older item as
   * background, a page carrying the item among others). Never clustered; listed so that who reused whose
   * text is not lost from the report.
   */
  readonly partialLinks: Pair[];
}

/** Every template pair weighs alike (containment says little about a template), against 0.8 per pair that is not one. */
const templateFamilyWeights: CopyClusterWeights = { sure: 1, likely: 1, loose: 1, apart: 0.8, confirmed: 1 };

/**
 * Clusters the guard's copy pairs without chaining, and groups its template pairs into families.
 *
 * Copies: `copyClusters` (cluster.ts) — a document joins a cluster only where most of its pairs inside are
 * verified copies, so one bridging page (a follow-up quoting an older story, a roundup) cannot pull two
 * stories into one cluster the way connected components do. Listed pairs are the copy pairs inside. A
 * 'same-story' pair (a copy whose headlines agree, published within a day) weighs at least
 * `weights.confirmed`.
 *
 * Templates: the same correlation clustering over template pairs, every template pair weighing alike: a
 * family is a group of items most of which share the template pairwise. Connected components chained the
 * royal audiences (the King or the Deputy Crown Prince receives X) into one family of 140+ items.
 * Template pairs between families are listed with the links.
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
  // a pair both of whose documents sit in one group (`of`: group root per document, −1 for none)
  const together = (p: Pair, of: Int32Array) => of[p.a] >= 0 && of[p.a] === of[p.b];
  const copyGroups = new Map<number, { members: number[]; pairs: Pair[] }>();
  for (let d = 0; d < documents; d++) {
    const c = centreOf[d];
    if (c < 0) continue;
    let g = copyGroups.get(c);
    if (!g) copyGroups.set(c, (g = { members: [], pairs: [] }));
    g.members.push(d);
  }
  for (const p of copies) if (together(p, centreOf)) copyGroups.get(centreOf[p.a])!.pairs.push(p);
  const templatePairs = pairs.filter((_, i) => kinds[i] === 'template');
  const familyOf = copyClusters(documents, templatePairs, templateFamilyWeights);
  const families = new Map<number, { members: Set<number>; pairs: Pair[] }>();
  for (const p of templatePairs) {
    if (!together(p, familyOf)) continue;
    let f = families.get(familyOf[p.a]);
    if (!f) families.set(familyOf[p.a], (f = { members: new Set(), pairs: [] }));
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
  const links = copies.filter((p) => !together(p, centreOf));
  const templateLinks = templatePairs.filter((p) => !together(p, familyOf));
  const partialLinks = pairs.filter((_, i) => kinds[i] === 'partial');
  return { clusters: finish('c', copyGroups.values()), templates: finish('t', families.values()), links, templateLinks, partialLinks };
}
