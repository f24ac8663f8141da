/**
 * The scan loop of `--workers N` (`scan.ts` runs it in place of its serial loop): reading and record cutting
 * stay on the main thread; parsing and sketching go to `SketchPool` workers; results are replayed in reading
 * order into the same sinks the serial loop feeds.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { InputFile } from './io/discover.js';
import type { DeferredDoc, DocEvent } from './io/read-docs.js';
import { docNumbering, readDocsDeferred } from './io/read-docs.js';
import type { Sketch, SketchJob, SketchResult } from './match/sketch-pool.js';
import { SketchPool } from './match/sketch-pool.js';
import type { Params } from './params.js';
import type { Doc, RecordIssue, SourceRef } from './records.js';

/**
 * Input size from which `auto` starts workers. Each worker loads the modules and builds the tables again,
 * and the main thread still indexes and verifies alone: on the 2-core bench machine (2026-12-03, SaudiNewsNet
 * slices) two workers lost at 2 MB (0.6 → 0.9 s) and 8 MB (1.3 → 1.6 s), tied at 20 MB (2.4–2.5 s) and
 * won at 65 MB (7.0 → 6.1 s).
 */
const parallelFromBytes = 32 * 1024 * 1024;
/** More workers than this only queue behind the main thread. */
const maxAutoWorkers = 8;
/** Files whose sizes `auto` reads at most: a folder of 100k articles must not cost 100k stat calls first. */
const sizedFiles = 256;

/**
 * The worker count `--workers auto` picks: one a core (at most `maxAutoWorkers`) when the input comes to
 * `parallelFromBytes`, else 1 (no workers). Past `sizedFiles` files the rest are taken to be of the sized
 * ones' mean size. Standard input counts as empty (its size is not known ahead).
 */
export async function autoWorkers(files: readonly InputFile[]): Promise<number> {
  const cores = Math.min(availableParallelism(), maxAutoWorkers);
  if (cores < 2) return 1;
  let bytes = 0;
  let sized = 0;
  for (const f of files) {
    if (sized === sizedFiles) break;
    sized++;
    if (f.path === '-') continue;
    bytes += (await stat(f.path).catch(() => undefined))?.size ?? 0;
    if (bytes >= parallelFromBytes) return cores;
  }
  return sized > 0 && (bytes / sized) * files.length >= parallelFromBytes ? cores : 1;
}

/** Documents per message to a worker: large enough to amortise the message, small enough to keep all busy. */
const workerBatchDocs = 256;

/** A document as the parallel loop hands it on: numbered, with its text's length (and the text when read here). */
export type ReadDoc = Omit<Doc, 'text' | 'fields'> & { readonly textChars: number; readonly text?: string };

/** Where the replayed stream goes, in reading order: read issues, skipped documents, and usable ones. */
export interface ParallelSinks {
  readonly issue: (issue: RecordIssue) => void;
  readonly skipped: (source: SourceRef, code: 'too_short' | 'not_arabic', chars: number) => void;
  readonly add: (doc: ReadDoc, r: Extract<Sketch, { status: 'ok' }>) => Promise<void>;
}

/**
 * The scan loop with `workers` threads: records are read and cut here, in order, and batched; a worker
 * parses each batch's JSON records and sketches its documents; batches are then replayed in reading order
 * (issues and all) and numbered with readDocs' own numbering, so ids, keys, the detector, the guard and the
 * issue list get exactly what the serial loop gives them. At most two batches per worker are in flight,
 * which bounds what is held.
 */
export async function sketchInParallel(
  files: readonly InputFile[],
  workers: number,
  p: Params,
  guardLeadWords: number,
  sinks: ParallelSinks,
): Promise<void> {
  const pool = new SketchPool(workers, { text: p.text, sketch: p.sketch, fields: p.io.fields, guardLeadWords });
  const number = docNumbering();
  const inFlight: { events: (DocEvent | DeferredDoc)[]; results: Promise<SketchResult[]> }[] = [];
  const replay = async () => {
    const batch = inFlight.shift()!;
    const results = await batch.results;
    let k = 0;
    for (const e of batch.events) {
      if (e.kind === 'issue') {
        sinks.issue(e.issue);
        continue;
      }
      const r = results[k++];
      if ('issue' in r) {
        sinks.issue(r.issue);
        continue;
      }
      const read: Omit<ReadDoc, 'id' | 'key'> & { key: string } =
        e.kind === 'doc' ? { ...withoutText(e.doc), textChars: e.doc.text.length, text: e.doc.text } : r.head!;
      const doc: ReadDoc = { ...read, ...number(read.key) };
      if (r.sketch.status === 'ok') await sinks.add(doc, r.sketch);
      else sinks.skipped(doc.source, r.sketch.status, r.sketch.chars);
    }
  };
  let events: (DocEvent | DeferredDoc)[] = [];
  let texts: string[] = [];
  let views: (Uint8Array | undefined)[] = [];
  let bytes = 0;
  const send = async () => {
    const buffer = new Uint8Array(bytes);
    const offsets = new Uint32Array(views.length + 1);
    const deferred: SketchJob['deferred'][number][] = [];
    let at = 0;
    let i = 0;
    for (const e of events) {
      if (e.kind === 'issue') continue;
      const v = views[i];
      if (v !== undefined) buffer.set(v, at);
      at += v?.length ?? 0;
      offsets[++i] = at;
      deferred.push(e.kind === 'deferred' ? { source: e.source, what: e.what, fileKey: e.fileKey } : undefined);
    }
    inFlight.push({ events, results: pool.run({ texts, bytes: buffer, offsets, deferred }) });
    events = [];
    texts = [];
    views = [];
    bytes = 0;
    if (inFlight.length > workers * 2) await replay();
  };
  try {
    for await (const e of readDocsDeferred(files, p.io)) {
      // deferred bytes are views on the reader's chunk: kept as events, copied into one buffer at `send`
      events.push(e.kind === 'doc' ? { kind: 'doc', doc: e.doc } : e);
      if (e.kind === 'issue') continue;
      texts.push(e.kind === 'doc' ? e.doc.text : '');
      views.push(e.kind === 'deferred' ? e.bytes : undefined);
      if (e.kind === 'deferred') bytes += e.bytes.length;
      if (texts.length >= workerBatchDocs) await send();
    }
    if (events.length > 0) await send();
    while (inFlight.length > 0) await replay();
  } finally {
    // a failed batch rejects the ones queued behind it too; they are not awaited, so keep them quiet
    for (const b of inFlight) b.results.catch(() => undefined);
    await pool.close();
  }
}

function withoutText(doc: Doc): Omit<Doc, 'text' | 'fields'> {
  const { text: _text, fields: _fields, ...rest } = doc;
  return rest;
}
