import { rm } from 'node:fs/promises';
import path from 'node:path';
import { discoverInputs } from './io/discover.js';
import { readDocs } from './io/read-docs.js';
import { spoolStdin } from './io/spool-stdin.js';
import { resolveParams } from './params.js';
import type { ScanReport } from './report/report-types.js';
import type { KeptDoc } from './detect.js';
import { ExactGroups, withExactCopies } from './match/exact-groups.js';
import { skippedCounts } from './report/json.js';
import { detectInputs, scanDetailed, type ScanOptions } from './scan.js';

/** Which member of a cluster is kept: the earliest published, the longest, or the first read. */
export type KeepPolicy = 'earliest' | 'longest' | 'first';

export interface DedupDecision {
  readonly id: string;
  readonly action: 'keep' | 'drop';
  readonly cluster?: string;
  /** The kept document this one maps to (itself when kept). */
  readonly representative?: string;
  /** Dropped as an exact duplicate (same normalised text) of the kept document. */
  readonly exact?: boolean;
  /** Kept beside its cluster's representative: no kept member holds `dropCoverage` of its text. */
  readonly uncovered?: boolean;
}

/** What dedup reports of the run (the scan report's stats, without its per-document lists). */
export interface DedupStats {
  readonly documents: number;
  readonly clusters: number;
  readonly exact_duplicates: number;
  /** Cluster members kept beside the representative because no kept member covers them (`dropCoverage`). */
  readonly kept_uncovered: number;
  readonly skipped: Record<string, number>;
}

export interface DedupResult {
  readonly stats: DedupStats;
  /** The full scan report, only with `report: true`: it lists every document, so memory grows with the input. */
  readonly report?: ScanReport;
  /** The decision for a document id (ids number usable and skipped documents in reading order). */
  readonly decisionOf: (id: number, key: string) => DedupDecision;
  /** Streams every document read, in input order, with its decision and its record fields. */
  readonly records: () => AsyncGenerator<{ decision: DedupDecision; fields: Readonly<Record<string, unknown>> }>;
  /** Removes temporary files (standard input spooled to disk). */
  readonly cleanup: () => Promise<void>;
}

export interface DedupOptions extends ScanOptions {
  readonly keep?: KeepPolicy;
  /** Also build the full scan report (`DedupResult.report`). */
  readonly report?: boolean;
  /**
   * A cluster member is dropped only when a kept member holds at least this share of its shingles; else it
   * is kept too. A cluster can join a short item with a long page that merely carries it, or rewrites that
   * share half their text: dropping those loses text no kept record has. 0 drops every member but one.
   * @default the match containment threshold (`params.match.containment`, 0.5)
   */
  readonly dropCoverage?: number;
}

/**
 * Deduplicates a crawl: finds clusters, keeps one document per cluster by `keep` (and any member no kept one
 * covers: `dropCoverage`), and offers a second streaming pass over the input that yields each record with its
 * keep/drop decision. Memory holds the index
 * and a few numbers per record (policy columns, `dupOf`), never the records or their metadata, unless the
 * full report is asked for. Standard input is spooled to a temporary file so it can be read twice.
 */
export async function dedup(inputs: readonly string[], options: DedupOptions = {}): Promise<DedupResult> {
  const spooled = inputs.includes('-') ? await spoolStdin() : undefined;
  const cleanup = async () => {
    if (spooled) await rm(path.dirname(spooled), { recursive: true, force: true });
  };
  const paths = inputs.map((i) => (i === '-' && spooled ? spooled : i));
  try {
    const columns = new KeepColumns(options.keep ?? 'earliest');
    const observe = (doc: KeptDoc, original: number) => columns.add(doc, original);
    const detailed = options.report ? await scanDetailed(paths, { ...options, provenance: false, coverage: true }, observe) : undefined;
    const { detection, issues, clusterName } = detailed ?? (await detectInputs(paths, { ...options, coverage: true }, observe));
    const groups = new ExactGroups(detection.dupOf);
    const clusters = withExactCopies(detection.clusters, groups, {
      pairs: false,
      prefix: 'c',
      clusterId: clusterName((id) => columns.keyOf(id)),
      chooseRepresentative: (members) => columns.best(members),
    });
    const p = resolveParams(options.params);
    const clusterOf = new Int32Array(detection.documents).fill(-1);
    clusters.forEach((c, ci) => c.members.forEach((m) => (clusterOf[m] = ci)));
    const keptFor = coveringMembers(clusters, detection.documents, detection.covered!, options.dropCoverage ?? p.match.containment, columns, groups);
    const decisionOf = (id: number, key: string): DedupDecision => {
      const ci = id < clusterOf.length ? clusterOf[id] : -1;
      if (ci < 0) return { id: key, action: 'keep' };
      const c = clusters[ci];
      const kept = keptFor[id];
      if (kept === id) return { id: key, action: 'keep', cluster: c.id, representative: key, ...(id !== c.representative ? { uncovered: true } : {}) };
      const exact = groups.originalOf(kept) === groups.originalOf(id);
      return { id: key, action: 'drop', cluster: c.id, representative: columns.keyOf(kept), ...(exact ? { exact: true } : {}) };
    };
    const stats: DedupStats = {
      documents: detection.usable,
      clusters: clusters.length,
      exact_duplicates: detection.exactDuplicates,
      kept_uncovered: clusters.reduce((n, c) => n + c.members.filter((m) => keptFor[m] === m && m !== c.representative).length, 0),
      skipped: skippedCounts(issues),
    };
    const records = async function* () {
      const files = await discoverInputs(paths, p.io.extensions);
      for await (const event of readDocs(files.files, p.io)) {
        if (event.kind !== 'doc') continue;
        const d = event.doc;
        yield { decision: decisionOf(d.id, d.key), fields: d.fields ?? { id: d.key, path: d.source.path, text: d.text } };
      }
    };
    return { stats, report: detailed?.report, decisionOf, records, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/**
 * Per cluster member, the member kept in its stead (itself when kept): members in policy order, each dropped
 * when an exact copy of a kept member or covered by one (`covered(m, k) ≥ minCoverage`), else kept too. The
 * representative comes first, so a cluster of true copies keeps it alone, as before.
 */
function coveringMembers(
  clusters: readonly { readonly representative: number; readonly members: readonly number[] }[],
  documents: number,
  covered: (a: number, b: number) => number,
  minCoverage: number,
  columns: KeepColumns,
  groups: ExactGroups,
): Int32Array {
  const keptFor = new Int32Array(documents).fill(-1);
  for (const c of clusters) {
    const order = [c.representative, ...columns.ranked(c.members.filter((m) => m !== c.representative))];
    const kept: number[] = [];
    for (const m of order) {
      const k = kept.find((x) => groups.originalOf(x) === groups.originalOf(m) || covered(m, x) >= minCoverage);
      if (k === undefined) kept.push(m);
      keptFor[m] = k ?? m;
    }
  }
  return keptFor;
}

/**
 * What the keep policy needs of each record, in columns by id: text length and publication date (an index
 * into the distinct date strings). Keys are held only for distinct bodies and for the copy that currently
 * beats its original by policy, so re-crawled copies cost a few bytes each.
 */
class KeepColumns {
  private chars: Int32Array = new Int32Array(1024);
  private published: Int32Array = new Int32Array(1024);
  private readonly dates: string[] = [];
  private readonly dateIndex = new Map<string, number>();
  private readonly keys = new Map<number, string>();
  /** Per original: the member of its exact group that wins by policy so far. */
  private readonly groupBest = new Map<number, number>();

  constructor(private readonly keep: KeepPolicy) {}

  add(doc: KeptDoc, original: number): void {
    if (doc.id >= this.chars.length) {
      const n = Math.max(doc.id + 1, this.chars.length * 2);
      this.chars = grown(this.chars, n);
      this.published = grown(this.published, n);
    }
    this.chars[doc.id] = doc.textChars;
    this.published[doc.id] = doc.publishedAt === undefined ? -1 : this.dateOf(doc.publishedAt);
    if (original < 0) {
      this.keys.set(doc.id, doc.key);
      return;
    }
    const best = this.groupBest.get(original) ?? original;
    if (!this.better(doc.id, best)) return;
    if (best !== original) this.keys.delete(best);
    this.groupBest.set(original, doc.id);
    this.keys.set(doc.id, doc.key);
  }

  keyOf(id: number): string {
    const k = this.keys.get(id);
    if (k === undefined) throw new Error(`dedup: no key held for document ${id}`);
    return k;
  }

  /** Members best first by policy. */
  ranked(members: readonly number[]): number[] {
    return [...members].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  /** The member kept by policy (a total order: ties go to the document read first). */
  best(members: readonly number[]): number {
    let kept = members[0];
    for (const m of members) if (this.better(m, kept)) kept = m;
    return kept;
  }

  private better(a: number, b: number): boolean {
    if (this.keep === 'longest' && this.chars[a] !== this.chars[b]) return this.chars[a] > this.chars[b];
    if (this.keep === 'earliest' && this.published[a] !== this.published[b]) {
      if (this.published[a] < 0) return false;
      if (this.published[b] < 0) return true;
      return this.dates[this.published[a]] < this.dates[this.published[b]];
    }
    return a < b;
  }

  private dateOf(s: string): number {
    let i = this.dateIndex.get(s);
    if (i === undefined) {
      i = this.dates.length;
      this.dates.push(s);
      this.dateIndex.set(s, i);
    }
    return i;
  }
}

function grown(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
