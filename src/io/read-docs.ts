import { readFile, stat } from 'node:fs/promises';
import type { Doc, RecordIssue, SourceRef } from '../records.js';
import { decodeBytes } from './decode.js';
import type { InputFile } from './discover.js';
import { KeySet } from './key-set.js';
import type { FieldMap } from './fields.js';
import { mapFields } from './fields.js';
import type { RawRecord, ReaderEvent, ReadLimits } from './record-source.js';
import { recordFromBytes } from './jsonl.js';
import { isRecordFile, readRecords, readRecordStream } from './record-source.js';

export type DocEvent = { readonly kind: 'doc'; readonly doc: Doc } | { readonly kind: 'issue'; readonly issue: RecordIssue };

export interface ReadOptions extends ReadLimits {
  readonly fields?: FieldMap;
  /** Standard input, for the `-` input (injectable for tests). */
  readonly stdin?: NodeJS.ReadableStream;
}

/** Longest first line taken as a plain file's title: anything longer is a paragraph, not a headline. */
const maxTitleChars = 200;

/**
 * Streams documents from discovered files in order, giving each the next dense id. Plain text files are
 * one document each; structured files (JSONL, JSON, WARC, gzip, zip) one per record. Anything unusable
 * becomes an issue event and the stream goes on.
 */
export async function* readDocs(files: readonly InputFile[], options: ReadOptions): AsyncGenerator<DocEvent> {
  const number = docNumbering();
  for await (const event of readUnnumbered(files, options, false)) {
    if (event.kind === 'issue') yield event;
    else if (event.kind === 'doc') yield { kind: 'doc', doc: { ...event.doc, ...number(event.doc.key) } };
  }
}

/** A JSON record read but not parsed (`readDocsDeferred`), with what `parseDeferred` needs to make its doc. */
export interface DeferredDoc {
  readonly kind: 'deferred';
  readonly source: SourceRef;
  readonly bytes: Uint8Array;
  readonly what: string;
  /** Key of the file it came from: an id-less record's key is this plus its place. */
  readonly fileKey: string;
}

/**
 * `readDocs` for a pipeline that parses JSON records elsewhere (worker threads): JSON records come as
 * `DeferredDoc`s, other documents as usual but with id −1 and the key as read. Number both in stream order
 * with one `docNumbering()` to get exactly the ids and keys `readDocs` gives. Standard input is read as usual.
 */
export function readDocsDeferred(files: readonly InputFile[], options: ReadOptions): AsyncGenerator<DocEvent | DeferredDoc> {
  return readUnnumbered(files, options, true);
}

/** The doc (id −1, key as read) or the issue a `DeferredDoc` stands for: what `readDocs` would have yielded. */
export function parseDeferred(d: Omit<DeferredDoc, 'kind'>, options: Pick<ReadOptions, 'fields'>): DocEvent {
  const map = options.fields ?? {};
  const e = recordFromBytes(d.bytes, d.source, { base: d.source, limits: noLimits, map }, d.what);
  if (e.kind === 'issue') return e;
  if (e.kind !== 'record') throw new Error('a deferred record parsed into another deferral');
  return recordEventToDoc(e, d.fileKey, map);
}

/** `recordFromBytes` reads only the field map from its context; limits were applied when the bytes were cut. */
const noLimits: ReadLimits = { maxRecordBytes: Infinity, maxInflatedBytes: Infinity, maxInflateRatio: Infinity };

/**
 * Dense ids in reading order, and unique keys: record ids repeat in real crawls (the same URL fetched
 * twice); report keys must not, so a repeat gets `#2`, `#3`…
 */
export function docNumbering(): (key: string) => { id: number; key: string } {
  let nextId = 0;
  const keys = new KeySet();
  return (key) => {
    let k = key;
    for (let n = 2; !keys.add(k); n++) k = `${key}#${n}`;
    return { id: nextId++, key: k };
  };
}

async function* readUnnumbered(files: readonly InputFile[], options: ReadOptions, defer: boolean): AsyncGenerator<DocEvent | DeferredDoc> {
  for (const file of files) {
    yield* file.path === '-'
      ? fromRecords(readRecordStream(options.stdin ?? process.stdin, '-', options, options.fields), file, options.fields)
      : isRecordFile(file.path)
        ? fromRecords(readRecords(file.path, options, options.fields ?? {}, defer), file, options.fields)
        : readTextFile(file, options);
  }
}

async function* fromRecords(events: AsyncIterable<ReaderEvent>, file: InputFile, map: FieldMap = {}): AsyncGenerator<DocEvent | DeferredDoc> {
  for await (const e of events) {
    if (e.kind === 'issue') yield e;
    else if (e.kind === 'deferred') yield { kind: 'deferred', source: e.source, bytes: e.bytes, what: e.what, fileKey: file.key };
    else yield recordEventToDoc(e, file.key, map);
  }
}

function recordEventToDoc(e: RawRecord, fileKey: string, map: FieldMap): DocEvent {
  const doc = recordToDoc(e, fileKey, map);
  if (doc) return { kind: 'doc', doc };
  return { kind: 'issue', issue: { code: 'no_text', source: e.source, message: 'record has no text field', severity: 'skipped' } };
}

function recordToDoc(r: RawRecord, fileKey: string, map: FieldMap): Doc | undefined {
  const f = mapFields(r.fields as Record<string, unknown>, map);
  if (f.text === undefined) return undefined;
  return {
    id: -1,
    key: f.id ?? `${fileKey}${locationSuffix(r.source)}`,
    source: r.source,
    text: f.text,
    fields: r.fields,
    ...(f.title ? { title: f.title } : {}),
    ...(f.outlet ? { outlet: f.outlet } : {}),
    ...(f.published ? { publishedAt: isoDate(f.published) } : {}),
    ...(r.encoding ? { encoding: r.encoding } : {}),
  };
}

function locationSuffix(s: SourceRef): string {
  return `${s.entry !== undefined ? `!${s.entry}` : ''}${s.line !== undefined ? `:${s.line}` : s.record !== undefined ? `#${s.record}` : ''}`;
}

/** "2015-07-21 02:51:32" (SaudiNewsNet) → ISO 8601 so dates sort and parse; other forms pass through. */
function isoDate(s: string): string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(s) ? s.replace(' ', 'T') : s;
}

async function* readTextFile(file: InputFile, options: ReadOptions): AsyncGenerator<DocEvent> {
  const source = { path: file.path };
  const skip = (code: RecordIssue['code'], message: string): DocEvent => ({
    kind: 'issue',
    issue: { code, source, message, severity: 'skipped' },
  });
  let bytes: Buffer;
  try {
    const info = await stat(file.path);
    if (info.size > options.maxRecordBytes) {
      yield skip('too_large', `${info.size} bytes is over the ${options.maxRecordBytes}-byte limit per document`);
      return;
    }
    bytes = await readFile(file.path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    yield skip('unreadable', `cannot read (${code === 'EACCES' ? 'permission denied' : code})`);
    return;
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    yield skip(decoded.code, decoded.message);
    return;
  }
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (text.trim() === '') {
    yield skip('empty', 'only whitespace');
    return;
  }
  const firstLine = text.trimStart().split(/\r?\n/, 1)[0].trim();
  yield {
    kind: 'doc',
    doc: {
      id: -1,
      key: file.key,
      source,
      text,
      ...(firstLine.length > 0 && firstLine.length <= maxTitleChars ? { title: firstLine } : {}),
      ...(decoded.encoding !== 'utf-8' ? { encoding: decoded.encoding } : {}),
    },
  };
}
