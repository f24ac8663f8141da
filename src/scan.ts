import xxhash from 'xxhash-wasm';
import { SadaError } from './errors.js';
import { discoverInputs } from './io/discover.js';
import { loadTexts } from './io/load-texts.js';
import { readDocs } from './io/read-docs.js';
import { annotateProvenance } from './provenance/annotate.js';
import { Detector } from './match/detector.js';
import { guardedClusters } from './match/guarded-clusters.js';
import { TemplateGuard } from './match/template-guard.js';
import type { ParamsInput } from './params.js';
import { resolveParams } from './params.js';
import type { Doc, RecordIssue, SourceRef, StrippedSpan } from './records.js';
import type { DocMeta } from './report/json.js';
import { buildReport } from './report/json.js';
import type { ScanReport } from './report/report-types.js';
import type { BandStore } from './index/store.js';
import { bodyProblem, prepareBody } from './text/body.js';
import { sketchInParallel } from './scan-parallel.js';

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
   * 1 does it all on the main thread. The report is the same for any number. @default 1
   */
  readonly workers?: number;
}

/** Text of cluster members held at once for provenance (UTF-16 characters, so ×2 in bytes). */
const maxProvenanceTextChars = 64 * 1024 * 1024;


/**
 * Finds near-duplicate clusters among the documents under `inputs` (files or directories).
 * Bad files and records are reported in `report.issues` and skipped; the scan goes on.
 */
export async function scan(inputs: readonly string[], options: ScanOptions = {}): Promise<ScanReport> {
  const started = performance.now();
  const p = resolveParams(options.params);
  if (inputs.length === 0) throw new SadaError('E_USAGE', 'no input given', { hint: 'name files or directories to scan' });
  const issues: RecordIssue[] = [];
  const note = (issue: RecordIssue) => {
    issues.push(issue);
    options.onIssue?.(issue);
  };
  const found = await discoverInputs(inputs, p.io.extensions);
  found.issues.forEach(note);
  const detector = await Detector.create(p, options.store);
  const guard = new TemplateGuard();
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
  const skipped = (source: SourceRef, code: 'too_short' | 'not_arabic', chars: number) =>
    note(
      code === 'too_short'
        ? {
            code,
            source,
            message: `${chars} characters of article text after boilerplate, fewer than ${p.text.minChars}`,
            severity: 'skipped',
          }
        : { code, source, message: 'mostly non-Arabic text', severity: 'skipped' },
    );
  const kept = (doc: Omit<Doc, 'text'>, textChars: number, chars: number, stripped: readonly StrippedSpan[]) => {
    docs.push({
      id: doc.id,
      key: doc.key,
      path: doc.source.path,
      chars: textChars,
      title: intern(doc.title),
      outlet: intern(doc.outlet),
      publishedAt: intern(doc.publishedAt),
      stripped,
    });
    bodyChars[doc.id] = chars;
  };
  const workers = options.workers ?? 1;
  if (workers > 1) {
    await sketchInParallel(found.files, workers, p, {
      issue: note,
      skipped,
      add: async (doc, r) => {
        kept(doc, doc.textChars, r.chars, r.stripped);
        if (doc.text !== undefined && doc.source.path === '-') stdinTexts.set(doc.key, doc.text); // standard input cannot be read twice
        await detector.addSketch(doc.id, r.fingerprint, r.set, r.values);
        guard.add(doc.id, r.text, doc.title, doc.publishedAt);
        options.onProgress?.(docs.length);
      },
    });
  } else {
    for await (const event of readDocs(found.files, p.io)) {
      if (event.kind === 'issue') {
        note(event.issue);
        continue;
      }
      const doc = event.doc;
      const body = prepareBody(doc, p.text);
      const problem = bodyProblem(body.normalised.text, p.text.minChars);
      if (problem) {
        skipped(doc.source, problem, body.normalised.text.length);
        continue;
      }
      kept(doc, doc.text.length, body.normalised.text.length, body.stripped);
      if (doc.source.path === '-') stdinTexts.set(doc.key, doc.text); // standard input cannot be read twice
      await detector.add(body);
      guard.add(doc.id, body.normalised.text, doc.title, doc.publishedAt);
      options.onProgress?.(docs.length);
    }
  }
  const counts = await detector.finish();
  if (docs.length === 0) {
    throw new SadaError('E_NO_INPUT', `no usable documents in ${inputs.join(', ')}`, {
      hint: issues.length ? `${issues.length} file(s) or record(s) were skipped; see the messages above` : undefined,
    });
  }
  const { h64ToString } = await xxhash();
  const byId = new Map(docs.map((d) => [d.id, d]));
  // copies vs templated items vs partial reuse, and clusters that do not chain (match/template-guard.ts)
  const { clusters, templates } = guardedClusters(
    docs[docs.length - 1].id + 1,
    detector.pairs,
    detector.pairs.map((pair) => guard.classify(pair)),
    (members) => pickRepresentative(members, byId, bodyChars),
    (prefix, members) => `${prefix}${h64ToString(members.map((m) => byId.get(m)!.key).sort().join('\n')).slice(0, 12)}`,
  );
  const report = buildReport({
    params: p,
    docs,
    clusters,
    templates,
    issues,
    candidates: counts.candidates,
    verifiedPairs: detector.pairs.length,
    exactDuplicates: counts.exactDuplicates,
    seconds: (performance.now() - started) / 1000,
  });
  if (options.provenance === false || report.clusters.length === 0) return report;
  const members = new Set(report.clusters.flatMap((c) => c.members));
  // Past a budget, an exact duplicate borrows its original's text (same body; only boilerplate such as a
  // source footer may differ, so some attribution evidence is lost): a crawl full of duplicates must not
  // hold every copy in memory.
  const copyOf = new Map<string, string>();
  const memberChars = docs.reduce((n, d) => n + (members.has(d.key) ? d.chars : 0), 0);
  if (memberChars > maxProvenanceTextChars) {
    for (const c of report.clusters) for (const pr of c.pairs) if (pr.exact && !copyOf.has(pr.b)) copyOf.set(pr.b, copyOf.get(pr.a) ?? pr.a);
  }
  const requests = docs.filter((d) => members.has(d.key) && !copyOf.has(d.key)).map((d) => ({ key: d.key, path: d.path }));
  const texts = await loadTexts(requests, p.io);
  for (const [k, t] of stdinTexts) if (members.has(k)) texts.set(k, t);
  for (const [copy, original] of copyOf) {
    const t = texts.get(original);
    if (t !== undefined) texts.set(copy, t);
  }
  const chars = new Map(docs.filter((d) => members.has(d.key)).map((d) => [d.key, bodyChars[d.id]]));
  const annotated = annotateProvenance(report, texts, chars);
  return { ...annotated, stats: { ...annotated.stats, seconds: (performance.now() - started) / 1000 } };
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
