import { readFile, stat } from 'node:fs/promises';
import type { Doc, RecordIssue, SourceRef } from '../records.js';
import { decodeBytes } from './decode.js';
import type { InputFile } from './discover.js';
import { KeySet } from './key-set.js';
import type { FieldMap } from './fields.js';
import { mapFields } from './fields.js';
import type { RawRecord, RecordEvent, ReadLimits } from './record-source.js';
import { recordFromBytes } from './jsonl.js';
import { isRecordFile, parseRecord, readRecordBatches, readRecordStream } from './record-source.js';

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
export function readDocs(files: readonly InputFile[], options: ReadOptions): AsyncGenerator<DocEvent> {
  return docEvents(files, options, docNumbering()) as AsyncGenerator<DocEvent>;
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
  return docEvents(files, options, undefined);
}

/** The doc (id −1, key as read) or the issue a `DeferredDoc` stands for: what `readDocs` would have yielded. */
export function parseDeferred(d: Omit<DeferredDoc, 'kind'>, options: Pick<ReadOptions, 'fields'>): DocEvent {
  const map = options.fields ?? {};
  return docEvent(recordFromBytes(d.bytes, d.source, map, d.what), d.fileKey, map, undefined);
}

/**
 * Dense ids in reading order, and unique keys: record ids repeat in real crawls (the same URL fetched
 * twice); report keys must not, so a repeat gets `#2`, `#3`…
 */
export function docNumbering(): Numbering {
  let nextId = 0;
  const keys = new KeySet();
  return (key) => {
    let k = key;
    for (let n = 2; !keys.add(k); n++) k = `${key}#${n}`;
    return { id: nextId++, key: k };
  };
}

type Numbering = (key: string) => { id: number; key: string };

/**
 * The documents of `files` in reading order, numbered by `number`, or unnumbered (id −1) with JSON records
 * left unparsed as `DeferredDoc`s when there is none. One async step per document: the record readers hand
 * over whole batches, and a deferred record is parsed only when its turn comes, so a batch holds bytes
 * (views on the chunk read) rather than a chunk's worth of decoded texts.
 */
async function* docEvents(files: readonly InputFile[], options: ReadOptions, number: Numbering | undefined): AsyncGenerator<DocEvent | DeferredDoc> {
  const map = options.fields ?? {};
  for (const file of files) {
    if (file.path === '-') {
      for await (const e of readRecordStream(options.stdin ?? process.stdin, '-', options, map)) yield docEvent(e, file.key, map, number);
    } else if (isRecordFile(file.path)) {
      for await (const batch of readRecordBatches(file.path, options)) {
        for (const e of batch) {
          if (e.kind === 'deferred' && number === undefined) yield { kind: 'deferred', source: e.source, bytes: e.bytes, what: e.what, fileKey: file.key };
          else yield docEvent(parseRecord(e, map), file.key, map, number);
        }
      }
    } else {
      for await (const e of readTextFile(file, options)) yield e.kind === 'doc' && number ? { kind: 'doc', doc: { ...e.doc, ...number(e.doc.key) } } : e;
    }
  }
}

function docEvent(e: RecordEvent, fileKey: string, map: FieldMap, number: Numbering | undefined): DocEvent {
  if (e.kind === 'issue') return e;
  const doc = recordToDoc(e, fileKey, map, number);
  if (doc) return { kind: 'doc', doc };
  return { kind: 'issue', issue: { code: 'no_text', source: e.source, message: 'record has no text field', severity: 'skipped' } };
}

function recordToDoc(r: RawRecord, fileKey: string, map: FieldMap, number: Numbering | undefined): Doc | undefined {
  const f = mapFields(r.fields as Record<string, unknown>, map);
  if (f.text === undefined) return undefined;
  const read = f.id ?? `${fileKey}${locationSuffix(r.source)}`;
  const { id, key } = number ? number(read) : { id: -1, key: read };
  // optional fields set only when present (absent, not undefined), in the order readers have always given them
  const doc: { -readonly [K in keyof Doc]: Doc[K] } = { id, key, source: r.source, text: f.text, fields: r.fields };
  if (f.title) doc.title = f.title;
  if (f.outlet) doc.outlet = f.outlet;
  if (f.published) doc.publishedAt = isoDate(f.published);
  if (r.encoding) doc.encoding = r.encoding;
  return doc;
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
