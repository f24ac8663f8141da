import type { Cluster, Pair } from '../records.js';
import { UnionFind } from './cluster.js';

/**
 * Template guard: separates copies from routine templated items and from partial reuse, then clusters
 * copies without chaining.
 *
 * Overlap alone cannot tell them apart: royal cables that differ only in the country and the president's
 * name reach containment 0.86 on SaudiNewsNet, while real rewrites of one release sit at 0.55. What differs
 * is WHO and WHERE: a copy keeps the rare words of its lead (names, places, numbers); a template swaps
 * them. And a follow-up or a roundup page that pastes an older story keeps the story but not the lead of
 * the longer page. So each verified pair is weighed on two word-level signals (docs/tuning.md has the
 * numbers):
 *
 * - lead slots: the rare words (corpus document frequency ≤ `rareDf`, or containing a digit) among the
 *   first `leadWords` words of each document, and the share of them found anywhere in the other document;
 *   the smaller of the two shares. Templates score low, copies high.
 * - larger lead: the share of the longer document's first `leadWords` words found in the shorter one. A
 *   truncated copy keeps it; a page that merely contains the other story does not.
 *
 * Pairs at containment ≥ `sureContainment` are copies whatever the signals say.
 */
export interface GuardOptions {
  /** Words at the start of a body that carry its slots (who, where, how many). @default 60 */
  readonly leadWords: number;
  /** A word in at most this many documents is a slot value rather than template frame. @default 30 */
  readonly rareDf: number;
  /** Below this lead-slot agreement a pair is a template (or partial reuse when the leads differ). @default 0.2 */
  readonly minSlotAgreement: number;
  /** Below this share of the longer lead found in the shorter body, the pair is partial reuse. @default 0.1 */
  readonly minLargerLead: number;
  /** Templates keep their frame at the start: the longer lead must be found at least this much. @default 0.4 */
  readonly templateLeadShare: number;
  /** Pairs this contained are copies without further checks. @default 0.9 */
  readonly sureContainment: number;
}

export const defaultGuardOptions: GuardOptions = {
  leadWords: 60,
  rareDf: 30,
  minSlotAgreement: 0.2,
  minLargerLead: 0.1,
  templateLeadShare: 0.4,
  sureContainment: 0.9,
};

export type PairKind = 'copy' | 'template' | 'partial';

/** What the guard keeps of one document: hashed words, sorted, plus the lead in order. */
interface DocWords {
  readonly all: Uint32Array;
  readonly lead: Uint32Array;
}

/** 32-bit FNV-1a of a word (the guard needs identity only, not a seeded family). */
function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function has(sorted: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === x;
}

/** Collects word statistics as documents stream in, then classifies verified pairs. */
export class TemplateGuard {
  private readonly docs: DocWords[] = [];
  private readonly numeric = new Set<number>();
  private readonly df = new Map<number, number>();

  constructor(private readonly o: GuardOptions = defaultGuardOptions) {}

  /** Records a document's normalised body (tokens separated by single spaces). */
  add(docId: number, normalised: string): void {
    const words: number[] = [];
    let s = 0;
    for (let i = 0; i <= normalised.length; i++) {
      if (i === normalised.length || normalised.charCodeAt(i) === 0x20) {
        if (i > s) {
          const h = wordHash(normalised, s, i);
          words.push(h);
          for (let k = s; k < i; k++) {
            const c = normalised.charCodeAt(k);
            if (c >= 0x30 && c <= 0x39) {
              this.numeric.add(h);
              break;
            }
          }
        }
        s = i + 1;
      }
    }
    const all = Uint32Array.from(new Set(words)).sort();
    for (const w of all) this.df.set(w, (this.df.get(w) ?? 0) + 1);
    this.docs[docId] = { all, lead: Uint32Array.from(words.slice(0, this.o.leadWords)) };
  }

  private isSlot(w: number): boolean {
    return this.numeric.has(w) || (this.df.get(w) ?? 0) <= this.o.rareDf;
  }

  /** Share of `a`'s distinct lead slot words found anywhere in `b`; 1 when the lead has none. */
  private slotAgreement(a: DocWords, b: DocWords): number {
    const seen = new Set<number>();
    let n = 0;
    let found = 0;
    for (const w of a.lead) {
      if (seen.has(w) || !this.isSlot(w)) continue;
      seen.add(w);
      n++;
      if (has(b.all, w)) found++;
    }
    return n === 0 ? 1 : found / n;
  }

  /** Share of `a`'s distinct lead words found in `b`. */
  private leadShare(a: DocWords, b: DocWords): number {
    const seen = new Set<number>(a.lead);
    let found = 0;
    for (const w of seen) if (has(b.all, w)) found++;
    return seen.size === 0 ? 1 : found / seen.size;
  }

  classify(p: Pair): PairKind {
    if (p.exact || Math.max(p.containsAinB, p.containsBinA) >= this.o.sureContainment) return 'copy';
    const a = this.docs[p.a];
    const b = this.docs[p.b];
    if (!a || !b) return 'copy';
    const [small, large] = a.all.length <= b.all.length ? [a, b] : [b, a];
    const largerLead = this.leadShare(large, small);
    if (largerLead < this.o.minLargerLead) return 'partial';
    const slots = Math.min(this.slotAgreement(a, b), this.slotAgreement(b, a));
    if (slots < this.o.minSlotAgreement) return largerLead >= this.o.templateLeadShare ? 'template' : 'partial';
    return 'copy';
  }
}

export interface GuardedClusters {
  readonly clusters: Cluster[];
  readonly templates: Cluster[];
}

/**
 * Clusters copy pairs without chaining, and groups template pairs into families.
 *
 * Copies: star clustering (Aslam et al. 2004) — documents in order of copy degree (ties: lower id) become
 * centres, and a document joins the first centre it is a copy of. Every member is a verified copy of its
 * centre, so one bridging page (a follow-up quoting an older story, a roundup) cannot pull two stories
 * into one cluster the way connected components do. Listed pairs are the copy pairs inside the cluster.
 *
 * Templates: connected components of template pairs (a family is allowed to be broad: it is reported as a
 * family, never as copies).
 */
export function guardedClusters(
  documents: number,
  pairs: readonly Pair[],
  kinds: readonly PairKind[],
  chooseRepresentative: (members: readonly number[]) => number,
  clusterId: (prefix: string, members: readonly number[]) => string,
): GuardedClusters {
  const adjacency = new Map<number, number[]>();
  // centres are ranked by two-way copies only: a roundup page that contains many short stories has the
  // most one-way links and would otherwise become the centre that joins them
  const mutual = new Map<number, number>();
  const link = (x: number, y: number, twoWay: boolean) => {
    let l = adjacency.get(x);
    if (!l) adjacency.set(x, (l = []));
    l.push(y);
    if (twoWay) mutual.set(x, (mutual.get(x) ?? 0) + 1);
  };
  pairs.forEach((p, i) => {
    if (kinds[i] !== 'copy') return;
    const twoWay = Math.min(p.containsAinB, p.containsBinA) >= 0.5;
    link(p.a, p.b, twoWay);
    link(p.b, p.a, twoWay);
  });
  const rank = (d: number) => (mutual.get(d) ?? 0) * 1e6 + adjacency.get(d)!.length;
  const order = [...adjacency.keys()].sort((x, y) => rank(y) - rank(x) || x - y);
  const centreOf = new Int32Array(documents).fill(-1);
  for (const d of order) {
    if (centreOf[d] !== -1) continue;
    centreOf[d] = d;
    for (const o of adjacency.get(d)!) if (centreOf[o] === -1) centreOf[o] = d;
  }
  const copyGroups = new Map<number, { members: number[]; pairs: Pair[] }>();
  for (const d of order) {
    const c = centreOf[d];
    let g = copyGroups.get(c);
    if (!g) copyGroups.set(c, (g = { members: [], pairs: [] }));
    g.members.push(d);
  }
  pairs.forEach((p, i) => {
    if (kinds[i] === 'copy' && centreOf[p.a] === centreOf[p.b]) copyGroups.get(centreOf[p.a])!.pairs.push(p);
  });
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
  return { clusters: finish('c', copyGroups.values()), templates: finish('t', families.values()) };
}
