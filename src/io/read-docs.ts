import { readFile, stat } from 'node:fs/promises';
import type { Doc, RecordIssue, SourceRef } from '../records.js';
import { decodeBytes } from './decode.js';
import type { InputFile } from './discover.js';
import type { FieldMap } from './fields.js';
import { mapFields } from './fields.js';
import type { RawRecord, ReadLimits, RecordEvent } from './record-source.js';
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
  let nextId = 0;
  const keys = new Set<string>();
  /** Record ids repeat in real crawls (the same URL fetched twice); report keys must not. */
  const uniqueKey = (key: string) => {
    let k = key;
    for (let n = 2; keys.has(k); n++) k = `${key}#${n}`;
    keys.add(k);
    return k;
  };
  for (const file of files) {
    const events =
      file.path === '-'
        ? fromRecords(readRecordStream(options.stdin ?? process.stdin, '-', options, options.fields), file, options.fields)
        : isRecordFile(file.path)
          ? fromRecords(readRecords(file.path, options, options.fields), file, options.fields)
          : readTextFile(file, options);
    for await (const event of events) {
      if (event.kind === 'issue') yield event;
      else yield { kind: 'doc', doc: { ...event.doc, id: nextId++, key: uniqueKey(event.doc.key) } };
    }
  }
}

async function* fromRecords(events: AsyncIterable<RecordEvent>, file: InputFile, map: FieldMap = {}): AsyncGenerator<DocEvent> {
  for await (const e of events) {
    if (e.kind === 'issue') yield e;
    else {
      const doc = recordToDoc(e, file, map);
      if (doc) yield { kind: 'doc', doc };
      else yield { kind: 'issue', issue: { code: 'no_text', source: e.source, message: 'record has no text field', severity: 'skipped' } };
    }
  }
}

function recordToDoc(r: RawRecord, file: InputFile, map: FieldMap): Doc | undefined {
  const f = mapFields(r.fields as Record<string, unknown>, map);
  if (f.text === undefined) return undefined;
  return {
    id: -1,
    key: f.id ?? `${file.key}${locationSuffix(r.source)}`,
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
