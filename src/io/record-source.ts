/**
 * Structured inputs (JSONL, JSON arrays, WARC/WET, their gzips, zips of any of them) as one stream of
 * records and issues. This is the reader extension point (datatrove's `read_file`): a format is a
 * function from byte chunks to events, in batches (one per chunk for JSON: a step of each async generator
 * between the bytes and the caller per record cost more than cutting the record). Nothing here throws to
 * the caller: a fault mid-file ends that file with one issue, after every record read before it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { RecordIssue, SourceRef } from '../records.js';
import { faultToIssue, issueAt } from './bounded.js';
import { decodeBytes } from './decode.js';
import type { FieldMap } from './fields.js';
import { gunzipBounded, isGzipMagic } from './gzip.js';
import { readJsonArray } from './json-array.js';
import { readJsonl, recordFromBytes } from './jsonl.js';
import { readWarc } from './warc.js';
import { readZip } from './zip.js';

export interface RawRecord {
  readonly kind: 'record';
  readonly source: SourceRef;
  readonly fields: Readonly<Record<string, unknown>>;
  /** Set when the record's bytes were not UTF-8 and were decoded as windows-1256. */
  readonly encoding?: 'windows-1256';
}
export interface IssueEvent {
  readonly kind: 'issue';
  readonly issue: RecordIssue;
}
/**
 * A JSON record's bytes handed on unparsed (`ReaderContext.defer`): decoding and `JSON.parse` are most of
 * reading, and a worker thread can do them (`recordFromBytes`) while the main thread reads on. The bytes may
 * be a view on the reader's chunk: copy them before the next read if they are kept.
 */
export interface DeferredRecord {
  readonly kind: 'deferred';
  readonly source: SourceRef;
  readonly bytes: Uint8Array;
  /** The unit for messages ("line 7", "element 3"). */
  readonly what: string;
}
export type RecordEvent = RawRecord | IssueEvent;
/** What format readers yield: records and issues, and with `ReaderContext.defer` JSON records unparsed. */
export type ReaderEvent = RecordEvent | DeferredRecord;

export interface ReadLimits {
  /** One record (line, array element, WARC block, zipped .txt) larger than this is skipped as `too_large`. */
  maxRecordBytes: number;
  /** A gzip stream or zip entry inflating past this is cut off with `too_large`. */
  maxInflatedBytes: number;
  /** Inflated/compressed above this (past 1 MiB inflated) is treated as a compression bomb. */
  maxInflateRatio: number;
}

/** What every format reader gets: where its bytes come from, the limits, and the text field to require. */
export interface ReaderContext {
  readonly base: SourceRef;
  readonly limits: ReadLimits;
  readonly map: FieldMap;
  /** Yield JSON records as `DeferredRecord`s (bytes) instead of parsing them here. @default false */
  readonly defer?: boolean;
}

type Format = 'jsonl' | 'json' | 'warc' | 'text' | 'zip';

const suffixes: ReadonlyArray<readonly [string, Format]> = [
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.json', 'json'],
  ['.warc', 'warc'],
  ['.wet', 'warc'],
  ['.zip', 'zip'],
  ['.txt', 'text'],
  ['.md', 'text'],
];

function formatOf(name: string): { format: Format | undefined; gzip: boolean } {
  let lower = name.toLowerCase();
  const gzip = lower.endsWith('.gz');
  if (gzip) lower = lower.slice(0, -3);
  const hit = suffixes.find(([suffix]) => lower.endsWith(suffix));
  return { format: hit?.[1], gzip };
}

/** True for names this module reads: .jsonl .ndjson .json (+ .gz of those), .zip, .warc, .warc.gz, .wet, .wet.gz */
export function isRecordFile(path: string): boolean {
  const { format, gzip } = formatOf(path);
  return format !== undefined && format !== 'text' && !(gzip && format === 'zip');
}

/**
 * Records and issues of one file, streamed. `map` names the text field a record must have (else `no_text`);
 * the default accepts `text` or `content`.
 */
export async function* readRecords(path: string, limits: ReadLimits, map: FieldMap = {}): AsyncGenerator<RecordEvent> {
  for await (const batch of readRecordBatches(path, limits)) for (const e of batch) yield parseRecord(e, map);
}

/**
 * `readRecords` in batches, JSON records unparsed (`DeferredRecord`) until `parseRecord`: a batch's records
 * parsed at once would hold a chunk's texts through the next young-generation GC, which copies them.
 */
export async function* readRecordBatches(path: string, limits: ReadLimits): AsyncGenerator<ReaderEvent[]> {
  // the field map matters only to parsing, which `defer` leaves to `parseRecord`
  const ctx: ReaderContext = { base: { path }, limits, map: {}, defer: true };
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      yield [issueAt('unreadable', ctx.base, 'not a regular file')];
      return;
    }
    if (info.size === 0) {
      yield [issueAt('empty', ctx.base, 'empty file (0 bytes)')];
      return;
    }
    const { format, gzip } = formatOf(path);
    if (format === 'zip' && !gzip) {
      yield* orEmpty(readZip(path, ctx, {
        accepts: (name) => formatOf(name).format !== undefined && formatOf(name).format !== 'zip',
        read: (chunks, name, base) => readChunks(chunks, formatOf(name), { ...ctx, base }),
      }), ctx.base, 'zip archive has no entries');
      return;
    }
    yield* readChunks(createReadStream(path, { highWaterMark: 1 << 20 }), { format, gzip }, ctx);
  } catch (e) {
    yield [faultToIssue(e, ctx.base)];
  }
}

/** A record event as `readRecords` gives it: a deferred JSON record parsed (under `map`), anything else as is. */
export function parseRecord(e: ReaderEvent, map: FieldMap): RecordEvent {
  return e.kind === 'deferred' ? recordFromBytes(e.bytes, e.source, map, e.what) : e;
}

/** For `-` (stdin) and zip entries: format chosen from `name`'s extension (stdin: sniff first non-space byte: `[` → JSON array, `{` → JSONL, `WARC/` → WARC). */
export async function* readRecordStream(
  stream: NodeJS.ReadableStream,
  name: string,
  limits: ReadLimits,
  map: FieldMap = {},
): AsyncGenerator<RecordEvent> {
  const ctx: ReaderContext = { base: { path: name }, limits, map };
  const kind = name === '-' ? { format: undefined, gzip: false } : formatOf(name);
  if (kind.format === 'zip') {
    yield issueAt('unsupported', ctx.base, 'zip archives are read from files only (they keep their directory at the end); pass the path');
    return;
  }
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
  // no `defer` in this context: the readers yield records and issues only (standard input is no hot path)
  for await (const batch of readChunks(bytes(), kind, ctx)) yield* batch as RecordEvent[];
}

/** Inflates if needed, sniffs what the name does not say, then hands the bytes to the format reader. */
async function* readChunks(
  chunks: AsyncIterable<Uint8Array>,
  kind: { format: Format | undefined; gzip: boolean },
  ctx: ReaderContext,
): AsyncGenerator<ReaderEvent[]> {
  let input = kind.gzip ? gunzipBounded(chunks, ctx.limits) : chunks;
  try {
    let head = await peek(input);
    if (head.bytes.length === 0) {
      yield [issueAt('empty', ctx.base, kind.gzip ? 'gzip stream inflates to nothing' : 'no data (0 bytes)')];
      return;
    }
    if (!kind.gzip && isGzipMagic(head.bytes)) {
      // Gzip data under a plain name (stdin, or a mislabelled file): inflate it all the same.
      input = gunzipBounded(head.rest, ctx.limits);
      head = await peek(input);
    }
    const format = kind.format ?? sniff(head.bytes);
    if (format === undefined || format === 'zip') {
      yield [issueAt('unsupported', ctx.base, `cannot tell the format (starts with ${JSON.stringify(head.bytes.toString('latin1', 0, 12))})`)];
      return;
    }
    if (format !== 'warc' && head.bytes.subarray(0, 8192).includes(0)) {
      yield [issueAt('binary', ctx.base, 'binary data, not text (NUL bytes)')];
      return;
    }
    const reader = format === 'jsonl' ? readJsonl : format === 'json' ? readJsonArray : format === 'warc' ? oneByOne(readWarc) : oneByOne(readText);
    yield* orEmpty(reader(head.rest, ctx), ctx.base, `no records in this ${format === 'text' ? 'text' : format.toUpperCase()} input`);
  } catch (e) {
    yield [faultToIssue(e, ctx.base)];
  }
}

/** A reader of one event at a time (WARC, text: many chunks to a record, so little to batch) in batches of one. */
function oneByOne(
  reader: (chunks: AsyncIterable<Uint8Array>, ctx: ReaderContext) => AsyncIterable<ReaderEvent>,
): (chunks: AsyncIterable<Uint8Array>, ctx: ReaderContext) => AsyncGenerator<ReaderEvent[]> {
  return async function* (chunks, ctx) {
    for await (const event of reader(chunks, ctx)) yield [event];
  };
}

/** A zipped `.txt`/`.md` is one record `{ text }`, decoded like a plain file. */
async function* readText(chunks: AsyncIterable<Uint8Array>, ctx: ReaderContext): AsyncGenerator<RecordEvent> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > ctx.limits.maxRecordBytes) {
      yield issueAt('too_large', ctx.base, `text over maxRecordBytes (${ctx.limits.maxRecordBytes}); skipped`);
      return;
    }
    parts.push(chunk);
  }
  const decoded = decodeBytes(Buffer.concat(parts, size));
  if (!decoded.ok) yield issueAt(decoded.code, ctx.base, decoded.message);
  else if (decoded.text.trim() === '') yield issueAt('no_text', ctx.base, 'text is blank');
  else if (decoded.encoding === 'windows-1256') yield { kind: 'record', source: ctx.base, fields: { text: decoded.text }, encoding: 'windows-1256' };
  else yield { kind: 'record', source: ctx.base, fields: { text: decoded.text } };
}

/**
 * Every non-empty input says something: a file of blank lines, `[]`, or a WARC of only requests yields
 * one `empty` issue rather than silence, so a user can tell "read, nothing there" from "never read".
 */
async function* orEmpty(batches: AsyncIterable<ReaderEvent[]>, source: SourceRef, reason: string): AsyncGenerator<ReaderEvent[]> {
  let any = false;
  for await (const batch of batches) {
    if (batch.length > 0) any = true;
    yield batch;
  }
  if (!any) yield [issueAt('empty', source, reason)];
}

function sniff(head: Buffer): Format | undefined {
  let i = 0;
  while (i < head.length && (head[i] <= 0x20 || head[i] === 0xef || head[i] === 0xbb || head[i] === 0xbf)) i++;
  if (head[i] === 0x5b) return 'json';
  if (head[i] === 0x7b) return 'jsonl';
  if (head.toString('latin1', i, i + 5) === 'WARC/') return 'warc';
  return undefined;
}

/**
 * Reads enough leading bytes to sniff (a non-space byte and 4 more, or the end) and returns them with an
 * iterable that replays them before the rest. Closing the replay closes the source.
 */
async function peek(input: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; rest: AsyncIterable<Uint8Array> }> {
  const it = input[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (!done) {
    const r = await it.next();
    if (r.done === true) done = true;
    else {
      seen.push(r.value);
      size += r.value.length;
      if (size >= 8192 || concat(seen, size).toString('latin1').trimStart().length >= 5) break;
    }
  }
  const bytes = concat(seen, size);
  async function* rest(): AsyncGenerator<Uint8Array> {
    try {
      if (bytes.length > 0) yield bytes;
      while (!done) {
        const r = await it.next();
        if (r.done === true) return;
        yield r.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
  }
  return { bytes, rest: rest() };
}

function concat(parts: Uint8Array[], size: number): Buffer {
  if (parts.length !== 1) return Buffer.concat(parts, size);
  const p = parts[0];
  return Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.length);
}
