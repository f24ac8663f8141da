/**
 * Limits on what a reader will inflate, and how a failure mid-stream becomes a `RecordIssue`.
 * A gzip of zeros inflates ~1000:1 and a zip entry can lie about its size, so every decompressor output
 * is counted as it is produced; readers never trust a declared size (cf. the "zip bomb" classes in
 * David Fifield, "A better zip bomb", WOOT 2019: overlapping entries defeat per-entry declared sizes).
 */
import type { RecordIssue, RecordIssueCode, SourceRef } from '../records.js';
import type { IssueEvent } from './record-source.js';

/**
 * The inflate ratio is only judged past this many inflated bytes: a short, repetitive text file can
 * legitimately compress 200:1, while a bomb is large by definition.
 */
export const ratioFloorBytes = 1024 * 1024;

/** A reader hit bad input it cannot read past; the record source turns it into one issue and stops. */
export class ReadFault extends Error {
  override readonly name = 'ReadFault';
  constructor(
    readonly code: RecordIssueCode,
    message: string,
  ) {
    super(message);
  }
}

export interface InflateBudget {
  /** Hard cap on inflated bytes. */
  readonly maxBytes: number;
  /** Cap on inflated/compressed, judged once past `ratioFloorBytes`. */
  readonly maxRatio: number;
  /** Compressed bytes consumed so far (read lazily: it grows while inflating). */
  readonly compressedBytes: () => number;
  /** What is being inflated, for the message: "gzip stream", "entry a.json". */
  readonly what: string;
  /** Message used when `maxBytes` is passed; defaults to a generic one. */
  readonly overMessage?: string;
}

/** Passes inflated chunks through, throwing `ReadFault('too_large')` the moment a budget is exceeded. */
export async function* countInflated(chunks: AsyncIterable<Uint8Array>, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  let inflated = 0;
  for await (const chunk of chunks) {
    inflated += chunk.length;
    if (inflated > budget.maxBytes) {
      throw new ReadFault('too_large', budget.overMessage ?? `${budget.what} inflates past ${budget.maxBytes} bytes; refused`);
    }
    if (inflated > ratioFloorBytes) {
      const ratio = inflated / Math.max(1, budget.compressedBytes());
      if (ratio > budget.maxRatio) {
        throw new ReadFault('too_large', `${budget.what} inflates more than ${budget.maxRatio}:1 (compression bomb?); refused`);
      }
    }
    yield chunk;
  }
}

/** `path:line`, `path[record]`, `path!entry:line`: where an issue happened, for one-line messages. */
export function where(source: SourceRef): string {
  let s = source.path;
  if (source.entry !== undefined) s += `!${source.entry}`;
  if (source.line !== undefined) s += `:${source.line}`;
  else if (source.record !== undefined) s += `[${source.record}]`;
  return s;
}

export function issueAt(code: RecordIssueCode, source: SourceRef, reason: string): IssueEvent {
  // the location lives in `source`; whoever prints the issue puts it in front (report/json describeSource)
  const issue: RecordIssue = { code, source, message: oneLine(reason), severity: 'skipped' };
  return { kind: 'issue', issue };
}

/** Maps anything thrown while reading (our faults, zlib, fs, yauzl) to one issue. */
export function faultToIssue(error: unknown, source: SourceRef): IssueEvent {
  if (error instanceof ReadFault) return issueAt(error.code, source, error.message);
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (code === 'Z_BUF_ERROR' || /unexpected end of (file|central directory)|premature close|truncated/i.test(message)) {
    return issueAt('truncated', source, `truncated input (${message})`);
  }
  if (code.startsWith('Z_')) return issueAt('unreadable', source, `corrupt compressed data (${message})`);
  const declared = /too many bytes in the stream\. expected (\d+)/.exec(message);
  if (declared !== null) {
    return issueAt('too_large', source, `entry ${source.entry ?? ''} inflates past its declared size (${declared[1]} bytes)`);
  }
  if (code.startsWith('E')) return issueAt('unreadable', source, `cannot read (${code}: ${message})`);
  return issueAt('unreadable', source, `cannot read (${message})`);
}

function oneLine(s: string): string {
  const line = s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

/**
 * One record's bytes gathered across chunks (a JSONL line, a JSON array element), up to `max`: past it the
 * parts are dropped and only the length is counted, so one runaway record cannot take the heap with it.
 */
export class RecordBytes {
  private parts: Uint8Array[] = [];
  private pending = 0;
  private overflow = 0;

  constructor(private readonly max: number) {}

  keep(chunk: Uint8Array, from: number, to: number): void {
    if (this.overflow > 0) this.overflow += to - from;
    else if (this.pending + to - from > this.max) {
      this.overflow = this.pending + to - from;
      this.parts = [];
      this.pending = 0;
    } else if (to > from) {
      this.parts.push(chunk.subarray(from, to));
      this.pending += to - from;
    }
  }

  /** Bytes kept for the current record (0 once it ran past the limit). */
  get kept(): number {
    return this.pending;
  }

  /** Nothing kept or counted since the last `take`. */
  get empty(): boolean {
    return this.pending === 0 && this.overflow === 0;
  }

  /** The record's bytes, or its byte count when it ran past the limit; then starts the next record. */
  take(): Uint8Array | number {
    if (this.overflow > 0) {
      const size = this.overflow;
      this.overflow = 0;
      return size;
    }
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.pending);
    this.parts = [];
    this.pending = 0;
    return bytes;
  }
}
