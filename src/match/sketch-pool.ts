/**
 * A small pool of `sketch-worker` threads for `--workers N`. Jobs (batches of documents) go to the first
 * idle worker; results come back as promises, which the scan awaits in submission order, so documents reach
 * the detector in id order whatever finishes first. Plain `worker_threads`: one message per batch, the
 * shingle sets and signatures transferred, not copied.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FieldMap } from '../io/fields.js';
import type { DeferredDoc } from '../io/read-docs.js';
import type { Doc, RecordIssue, StrippedSpan } from '../records.js';
import type { GuardDoc } from './guard-doc.js';

/** What a worker needs: the text and sketch slices of the params, the field map and the guard's lead length. */
export interface SketchSettings {
  readonly text: { readonly stripBoilerplate: boolean; readonly minChars: number };
  readonly sketch: { readonly shingle: 'char' | 'word'; readonly size: number; readonly seed: number; readonly hashes: number };
  readonly fields: FieldMap;
  /** `TemplateGuard.leadWords`: the worker computes the guard's per-document record (guard-doc.ts). */
  readonly guardLeadWords: number;
}

/**
 * A batch: documents already read (`texts[i]`, with `offsets[i] === offsets[i + 1]`), and JSON records to
 * parse first (`bytes[offsets[i], offsets[i + 1])`, with their place and file key for `parseDeferred`).
 * One byte buffer per batch, transferred: a record's bytes are views on 1 MiB read chunks, and cloning a
 * view would copy its whole chunk.
 */
export interface SketchJob {
  readonly seq: number;
  readonly texts: readonly string[];
  readonly bytes: Uint8Array;
  readonly offsets: Uint32Array;
  readonly deferred: readonly (Omit<DeferredDoc, 'kind' | 'bytes'> | undefined)[];
}

/** A usable document's sketch and template-guard record, or why it is skipped (with its normalised length). */
export type Sketch =
  | { readonly status: 'too_short' | 'not_arabic'; readonly chars: number }
  | {
      readonly status: 'ok';
      readonly chars: number;
      readonly guard: GuardDoc;
      readonly stripped: readonly StrippedSpan[];
      readonly fingerprint: string;
      readonly set: Uint32Array;
      readonly values: Uint32Array;
    };

/** A parsed record's document without its text (the main thread needs the metadata and the text's length). */
export type DocHead = Omit<Doc, 'text' | 'fields'> & { readonly textChars: number };

/** Per batch item: the issue a deferred record turned out to be, or the sketch (and the doc head when parsed here). */
export type SketchResult = { readonly issue: RecordIssue } | { readonly head?: DocHead; readonly sketch: Sketch };

interface Waiting {
  readonly resolve: (r: SketchResult[]) => void;
  readonly reject: (e: unknown) => void;
}

/** The compiled worker beside this file; under the test runner (TypeScript sources) the build's copy. */
function workerUrl(): URL {
  const here = new URL('./sketch-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/match/sketch-worker.js', import.meta.url);
}

export class SketchPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  private failed: unknown;

  constructor(size: number, settings: SketchSettings) {
    const url = workerUrl();
    for (let i = 0; i < size; i++) {
      const w = new Worker(url, { workerData: settings });
      w.on('message', (m: { seq: number; results: SketchResult[] }) => {
        const job = this.waiting.get(m.seq);
        this.waiting.delete(m.seq);
        job?.resolve(m.results);
      });
      w.on('error', (e) => this.fail(e));
      this.workers.push(w);
    }
  }

  /**
   * Sketches a batch; the promise settles when a worker has done it. Jobs are posted at once, round robin:
   * each worker queues its own and goes from one to the next without waiting for the main thread, which
   * is busy indexing and verifying and only now and then turns to its event loop.
   */
  run(batch: Omit<SketchJob, 'seq'>): Promise<SketchResult[]> {
    if (this.failed !== undefined) return Promise.reject(this.failed);
    const seq = this.seq++;
    const job: SketchJob = { seq, ...batch };
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.workers[seq % this.workers.length].postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    const all = this.workers.splice(0);
    await Promise.all(all.map((w) => w.terminate()));
  }

  private fail(e: unknown): void {
    this.failed = e;
    for (const job of this.waiting.values()) job.reject(e);
    this.waiting.clear();
  }
}
