import { rm } from 'node:fs/promises';
import path from 'node:path';
import { discoverInputs } from './io/discover.js';
import { readDocs } from './io/read-docs.js';
import { spoolStdin } from './io/spool-stdin.js';
import { resolveParams } from './params.js';
import type { ReportDocument, ScanReport } from './report/report-types.js';
import { scan, type ScanOptions } from './scan.js';

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
}

export interface DedupOptions extends ScanOptions {
  readonly keep?: KeepPolicy;
}

export interface DedupResult {
  readonly report: ScanReport;
  /** Decisions for clustered documents, by id; every other document is kept. */
  readonly decisions: ReadonlyMap<string, DedupDecision>;
  /** Streams every document read, in input order, with its decision and its record fields. */
  readonly records: () => AsyncGenerator<{ decision: DedupDecision; fields: Readonly<Record<string, unknown>> }>;
  /** Removes temporary files (standard input spooled to disk). */
  readonly cleanup: () => Promise<void>;
}

/**
 * Deduplicates a crawl: scans it, keeps one document per cluster by `keep`, and offers a second streaming
 * pass over the input that yields each record with its keep/drop decision — memory holds the index, never
 * the records. Standard input is spooled to a temporary file so it can be read twice.
 */
export async function dedup(inputs: readonly string[], options: DedupOptions = {}): Promise<DedupResult> {
  const spooled = inputs.includes('-') ? await spoolStdin() : undefined;
  const cleanup = async () => {
    if (spooled) await rm(path.dirname(spooled), { recursive: true, force: true });
  };
  const paths = inputs.map((i) => (i === '-' && spooled ? spooled : i));
  try {
    const report = await scan(paths, { ...options, provenance: false });
    const decisions = decide(report, options.keep ?? 'earliest');
    const p = resolveParams(options.params);
    const records = async function* () {
      const found = await discoverInputs(paths, p.io.extensions);
      for await (const event of readDocs(found.files, p.io)) {
        if (event.kind !== 'doc') continue;
        const d = event.doc;
        const decision = decisions.get(d.key) ?? { id: d.key, action: 'keep' as const };
        yield { decision, fields: d.fields ?? { id: d.key, path: d.source.path, text: d.text } };
      }
    };
    return { report, decisions, records, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** One keeper per cluster by policy; ties go to the document read first. */
export function decide(report: ScanReport, keep: KeepPolicy): Map<string, DedupDecision> {
  const order = new Map(report.documents.map((d, i) => [d.id, i]));
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const better = (a: ReportDocument, b: ReportDocument): boolean => {
    if (keep === 'longest' && a.chars !== b.chars) return a.chars > b.chars;
    if (keep === 'earliest' && a.published !== b.published) {
      if (a.published === undefined) return false;
      if (b.published === undefined) return true;
      return a.published < b.published;
    }
    return order.get(a.id)! < order.get(b.id)!;
  };
  const decisions = new Map<string, DedupDecision>();
  for (const c of report.clusters) {
    let kept = docs.get(c.members[0])!;
    for (const m of c.members.slice(1)) if (better(docs.get(m)!, kept)) kept = docs.get(m)!;
    const exactWithKept = new Set(
      c.pairs.filter((p) => p.exact && (p.a === kept.id || p.b === kept.id)).map((p) => (p.a === kept.id ? p.b : p.a)),
    );
    for (const m of c.members) {
      const isKept = m === kept.id;
      decisions.set(m, {
        id: m,
        action: isKept ? 'keep' : 'drop',
        cluster: c.id,
        representative: kept.id,
        ...(exactWithKept.has(m) ? { exact: true } : {}),
      });
    }
  }
  return decisions;
}
