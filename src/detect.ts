import type { InputFile } from './io/discover.js';
import { readDocs } from './io/read-docs.js';
import { Detector } from './match/detector.js';
import { guardedClusters } from './match/guarded-clusters.js';
import { TemplateGuard } from './match/template-guard.js';
import { defaultPairModel } from './match/pair-model-weights.js';
import type { Params } from './params.js';
import type { Cluster, Doc, Pair, RecordIssue, SourceRef, StrippedSpan } from './records.js';
import type { BandStore } from './index/store.js';
import { bodyProblem, prepareBody } from './text/body.js';
import { autoWorkers, sketchInParallel } from './scan-parallel.js';

/** A usable document as `detect` hands it to its caller, which decides what of it to hold. */
export type KeptDoc = Pick<Doc, 'id' | 'key' | 'source' | 'title' | 'outlet' | 'publishedAt'> & {
  /** Characters of the text as read. */
  readonly textChars: number;
  /** Characters of the normalised body that was compared. */
  readonly bodyChars: number;
  readonly stripped: readonly StrippedSpan[];
  /** The text, only for standard input (which cannot be read a second time). */
  readonly stdinText?: string;
};

export interface DetectSinks {
  readonly issue: (issue: RecordIssue) => void;
  /** Every usable document in id order; `original` is the earlier document with the same normalised body, or −1. */
  readonly kept: (doc: KeptDoc, original: number) => void;
}

export interface DetectOptions {
  readonly store?: BandStore;
  /** See `ScanOptions.workers`. */
  readonly workers?: number | 'auto';
  /** Called after each usable document with the count so far. */
  readonly onProgress?: (documents: number) => void;
  /** Keep the shingle sets after detection for `Detection.covered` (dedup's drop decisions). */
  readonly coverage?: boolean;
}

/**
 * What the detector found, by dense document id. Clusters and template families are over distinct bodies
 * only: an exact duplicate never enters the index or the guard, it is listed in `dupOf` (match/exact-groups.ts
 * puts it back beside its original). Nothing here grows per duplicate record but `dupOf`'s four bytes.
 */
export interface Detection {
  /** One more than the largest document id read. */
  readonly documents: number;
  readonly usable: number;
  readonly clusters: Cluster[];
  readonly templates: Cluster[];
  /** Verified copy pairs between clusters or with a document left out of them (match/guarded-clusters.ts). */
  readonly links: Pair[];
  /** Template pairs between template families (match/guarded-clusters.ts). */
  readonly templateLinks: Pair[];
  /** Partial reuse between documents (GuardedClusters.partialLinks). */
  readonly partialLinks: Pair[];
  /** For each id, the id of the earlier document with the same normalised body, or −1. */
  readonly dupOf: Int32Array;
  readonly candidates: number;
  readonly verifiedPairs: number;
  readonly exactDuplicates: number;
  /** Share of document a's shingles found in document b (with `DetectOptions.coverage` only). */
  readonly covered?: (a: number, b: number) => number;
}

/**
 * The pipeline from files to clusters: read → body → (exact fingerprint | shingles → MinHash → LSH →
 * verify) → template guard → copy clusters and template families (unnamed: match/exact-groups.ts names
 * them once exact copies are back).
 */
export async function detect(
  files: readonly InputFile[],
  p: Params,
  sinks: DetectSinks,
  options: DetectOptions = {},
): Promise<Detection> {
  const detector = await Detector.create(p, options.store);
  const guard = new TemplateGuard(undefined, p.match.verdicts === 'rules' ? null : defaultPairModel);
  let usable = 0;
  let lastId = -1;
  const skipped = (source: SourceRef, code: 'too_short' | 'not_arabic', chars: number) =>
    sinks.issue(
      code === 'too_short'
        ? { code, source, message: `${chars} characters of article text after boilerplate, fewer than ${p.text.minChars}`, severity: 'skipped' }
        : { code, source, message: 'mostly non-Arabic text', severity: 'skipped' },
    );
  const accepted = (doc: Omit<Doc, 'text' | 'fields'>, fields: Omit<KeptDoc, keyof Doc>, original: number) => {
    usable++;
    lastId = doc.id;
    const { id, key, source, title, outlet, publishedAt } = doc;
    sinks.kept({ id, key, source, title, outlet, publishedAt, ...fields }, original);
    options.onProgress?.(usable);
  };
  const workers = options.workers === 'auto' ? await autoWorkers(files) : (options.workers ?? 1);
  if (workers > 1) {
    await sketchInParallel(files, workers, p, guard.leadWords, {
      issue: sinks.issue,
      skipped,
      add: async (doc, r) => {
        const original = await detector.addSketch(doc.id, r.fingerprint, r.set, r.values);
        if (original < 0) guard.addDoc(doc.id, r.guard, doc.title, doc.publishedAt);
        const stdinText = doc.source.path === '-' ? doc.text : undefined;
        accepted(doc, { textChars: doc.textChars, bodyChars: r.chars, stripped: r.stripped, stdinText }, original);
      },
    });
  } else {
    for await (const event of readDocs(files, p.io)) {
      if (event.kind === 'issue') {
        sinks.issue(event.issue);
        continue;
      }
      const doc = event.doc;
      const body = prepareBody(doc, p.text);
      const problem = bodyProblem(body.normalised.text, p.text.minChars);
      if (problem) {
        skipped(doc.source, problem, body.normalised.text.length);
        continue;
      }
      const original = await detector.add(body);
      if (original < 0) guard.add(doc.id, body.normalised.text, doc.title, doc.publishedAt);
      const stdinText = doc.source.path === '-' ? doc.text : undefined;
      accepted(doc, { textChars: doc.text.length, bodyChars: body.normalised.text.length, stripped: body.stripped, stdinText }, original);
    }
  }
  const counts = await detector.finish();
  const documents = lastId + 1;
  // copies vs templated items vs partial reuse, and clusters that do not chain (match/template-guard.ts);
  // names and representatives come once exact duplicates are back in (a copy may be the earliest or longest)
  const { clusters, templates, links, templateLinks, partialLinks } = guardedClusters(
    documents,
    detector.pairs,
    detector.pairs.map((pair) => guard.classify(pair)),
    (members) => members[0],
    (prefix) => prefix,
  );
  return {
    documents,
    usable,
    clusters,
    templates,
    links,
    templateLinks,
    partialLinks,
    dupOf: detector.duplicatesOf(documents),
    candidates: counts.candidates,
    verifiedPairs: detector.pairs.length + counts.exactDuplicates,
    exactDuplicates: counts.exactDuplicates,
    ...(options.coverage ? { covered: (a: number, b: number) => detector.covered(a, b) } : {}),
  };
}
