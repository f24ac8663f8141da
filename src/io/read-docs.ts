import { readFile, stat } from 'node:fs/promises';
import type { Doc, RecordIssue } from '../records.js';
import { decodeBytes } from './decode.js';
import type { InputFile } from './discover.js';

export type DocEvent = { readonly kind: 'doc'; readonly doc: Doc } | { readonly kind: 'issue'; readonly issue: RecordIssue };

export interface ReadOptions {
  readonly maxRecordBytes: number;
}

/** Longest first line taken as a plain file's title: anything longer is a paragraph, not a headline. */
const maxTitleChars = 200;

/**
 * Streams documents from discovered files in order, giving each the next dense id. A file that cannot be
 * used becomes an issue event and the stream goes on.
 */
export async function* readDocs(files: readonly InputFile[], options: ReadOptions): AsyncGenerator<DocEvent> {
  let nextId = 0;
  for (const file of files) {
    for await (const event of readTextFile(file, options)) {
      if (event.kind === 'issue') {
        yield event;
        continue;
      }
      yield { kind: 'doc', doc: { ...event.doc, id: nextId++ } };
    }
  }
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
