import xxhash from 'xxhash-wasm';
import { SadaError } from './errors.js';
import { discoverInputs } from './io/discover.js';
import { loadTexts } from './io/load-texts.js';
import { annotateProvenance } from './provenance/annotate.js';
import { detect, type DetectOptions, type Detection, type KeptDoc } from './detect.js';
import { ExactGroups, withExactCopies } from './match/exact-groups.js';
import type { ParamsInput } from './params.js';
import { resolveParams } from './params.js';
import type { RecordIssue } from './records.js';
import type { DocMeta } from './report/json.js';
import { buildReport } from './report/json.js';
import type { ScanReport } from './report/report-types.js';
import type { BandStore } from './index/store.js';

export interface ScanOptions {
  readonly params?: ParamsInput;
  /** Band store for the LSH index; an in-memory one by default. */
  readonly store?: BandStore;
  /** Called for every issue as it happens (the CLI prints warnings from it). */
  readonly onIssue?: (issue: RecordIssue) => void;
  /** Called after each document with the count so far (the CLI's progress bar). */
  readonly onProgress?: (documents: number) => void;
  /** Infer who copied whom in each cluster (reads cluster members' texts again). @default true */
  readonly provenance?: boolean;
  /**
   * Threads that normalise, shingle and sign documents while the main thread reads, indexes and verifies.
   * 1 does it all on the main thread; `auto` takes one a core (up to 8) for inputs of 32 MB and more, else
   * none (`autoWorkers`). The report is the same for any number. @default 1
   */
  readonly workers?: number | 'auto';
}

/** Text of cluster members held at once for provenance (UTF-16 characters, so ×2 in bytes). */
const maxProvenanceTextChars = 64 * 1024 * 1024;


/**
 * Finds near-duplicate clusters among the documents under `inputs` (files or directories).
 * Bad files and records are reported in `report.issues` and skipped; the scan goes on.
 */
export async function scan(inputs: readonly string[], options: ScanOptions = {}): Promise<ScanReport> {
  return (await scanDetailed(inputs, options)).report;
}

/** A scan report and the detection it was built from (dedup decides on the latter, by dense id). */
export interface DetailedScan extends DetectedInputs {
  readonly report: ScanReport;
}

/**
 * `scan`, also handing every usable document to `observe` as it is read and returning the detection.
 * `scan` holds each document's metadata for the report; `detectInputs` (below) holds none.
 */
export async function scanDetailed(
  inputs: readonly string[],
  options: ScanOptions & Pick<DetectOptions, 'coverage'> = {},
  observe?: (doc: KeptDoc, original: number) => void,
): Promise<DetailedScan> {
  const started = performance.now();
  const p = resolveParams(options.params);
  const docs: DocMeta[] = [];
  const bodyChars: number[] = [];
  const stdinTexts = new Map<string, string>();
  // Repeated metadata (outlet names, and the titles and dates of re-crawled records) held once, not per record.
  const interned = new Map<string, string>();
  const intern = (v: string | undefined): string | undefined => {
    if (v === undefined) return undefined;
    const seen = interned.get(v);
    if (seen !== undefined) return seen;
    interned.set(v, v);
    return v;
  };
  const detected = await detectInputs(inputs, options, (doc, original) => {
    docs.push({
      id: doc.id,
      key: doc.key,
      path: doc.source.path,
      source: doc.source,
      chars: doc.textChars,
      title: intern(doc.title),
      outlet: intern(doc.outlet),
      publishedAt: intern(doc.publishedAt),
      stripped: doc.stripped,
    });
    bodyChars[doc.id] = doc.bodyChars;
    if (doc.stdinText !== undefined) stdinTexts.set(doc.key, doc.stdinText);
    observe?.(doc, original);
  });
  const { detection, issues, clusterName } = detected;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const groups = new ExactGroups(detection.dupOf);
  const withCopies = {
    pairs: true,
    prefix: 'c',
    clusterId: clusterName((id) => byId.get(id)!.key),
    chooseRepresentative: (members: readonly number[]) => pickRepresentative(members, byId, bodyChars),
  };
  const clusters = withExactCopies(detection.clusters, groups, withCopies);
  // a copy of a templated item is in its original's family: same body, so the original's template pairs hold for it
  const templates = withExactCopies(detection.templates, groups, { ...withCopies, prefix: 't', alone: false });
  const report = buildReport({
    params: p,
    docs,
    clusters,
    templates,
    links: detection.links,
    templateLinks: detection.templateLinks,
    partialLinks: detection.partialLinks,
    issues,
    candidates: detection.candidates,
    verifiedPairs: detection.verifiedPairs,
    exactDuplicates: detection.exactDuplicates,
    seconds: (performance.now() - started) / 1000,
  });
  if (options.provenance === false || report.clusters.length === 0) return { ...detected, report };
  const members = new Set(report.clusters.flatMap((c) => c.members));
  // Past a budget, an exact duplicate borrows its original's text (same body; only boilerplate such as a
  // source footer may differ, so some attribution evidence is lost): a crawl full of duplicates must not
  // hold every copy in memory. A copy's original is in its cluster (exact-groups.ts).
  const copyOf = new Map<string, string>();
  const memberChars = docs.reduce((n, d) => n + (members.has(d.key) ? d.chars : 0), 0);
  if (memberChars > maxProvenanceTextChars) {
    for (const d of docs) if (members.has(d.key) && detection.dupOf[d.id] >= 0) copyOf.set(d.key, byId.get(detection.dupOf[d.id])!.key);
  }
  const requests = docs.filter((d) => members.has(d.key) && !copyOf.has(d.key)).map((d) => ({ key: d.key, path: d.path, source: d.source }));
  const texts = await loadTexts(requests, p.io);
  for (const [k, t] of stdinTexts) if (members.has(k)) texts.set(k, t);
  for (const [copy, original] of copyOf) {
    const t = texts.get(original);
    if (t !== undefined) texts.set(copy, t);
  }
  const chars = new Map(docs.filter((d) => members.has(d.key)).map((d) => [d.key, bodyChars[d.id]]));
  const annotated = annotateProvenance(report, texts, chars);
  return { ...detected, report: { ...annotated, stats: { ...annotated.stats, seconds: (performance.now() - started) / 1000 } } };
}

export interface DetectedInputs {
  readonly detection: Detection;
  readonly issues: RecordIssue[];
  /**
   * Cluster names from the keys of their distinct bodies: stable when more copies of a text are crawled, and
   * the same in `scan` and `dedup`. Takes how to look up a key by id (the caller holds the keys it needs).
   */
  readonly clusterName: (keyOf: (id: number) => string) => (prefix: string, members: readonly number[]) => string;
}

/**
 * Discovery and detection with no per-document bookkeeping: each usable document goes to `observe`, which
 * keeps what its caller needs (the report's metadata, or dedup's few numbers per record).
 */
export async function detectInputs(
  inputs: readonly string[],
  options: ScanOptions & Pick<DetectOptions, 'coverage'>,
  observe: (doc: KeptDoc, original: number) => void,
): Promise<DetectedInputs> {
  const p = resolveParams(options.params);
  if (inputs.length === 0) throw new SadaError('E_USAGE', 'no input given', { hint: 'name files or directories to scan' });
  const issues: RecordIssue[] = [];
  const note = (issue: RecordIssue) => {
    issues.push(issue);
    options.onIssue?.(issue);
  };
  const found = await discoverInputs(inputs, p.io.extensions);
  found.issues.forEach(note);
  const { h64ToString } = await xxhash();
  const clusterName =
    (keyOf: (id: number) => string) =>
    (prefix: string, members: readonly number[]): string =>
      `${prefix}${h64ToString(members.map(keyOf).sort().join('\n')).slice(0, 12)}`;
  const detection = await detect(found.files, p, { issue: note, kept: observe }, { store: options.store, workers: options.workers, onProgress: options.onProgress, coverage: options.coverage });
  if (detection.usable === 0) {
    throw new SadaError('E_NO_INPUT', `no usable documents in ${inputs.join(', ')}`, {
      hint: issues.length ? `${issues.length} file(s) or record(s) were skipped; see the messages above` : undefined,
    });
  }
  return { detection, issues, clusterName };
}

/** The member that stands for a cluster: earliest published, then the longest body, then the first read. */
function pickRepresentative(members: readonly number[], byId: ReadonlyMap<number, DocMeta>, bodyChars: readonly number[]): number {
  let best = members[0];
  for (const m of members.slice(1)) {
    const a = byId.get(m)!.publishedAt;
    const b = byId.get(best)!.publishedAt;
    if (a && b && a !== b) {
      if (a < b) best = m;
      continue;
    }
    if (bodyChars[m] > bodyChars[best]) best = m;
  }
  return best;
}
