/**
 * A `.json` file as a stream of records: a top-level array of objects (SaudiNewsNet: one 12 MB array per
 * day), or, when the file starts with `{`, a run of concatenated objects (a single object, or JSONL saved
 * as `.json`). Rather than tokenising every value (stream-json's parser + streamArray builds a token
 * object per string and number), a byte scanner tracks only strings and bracket depth to find where each
 * element ends, then `JSON.parse`s that slice: V8's parser does the real work, and a bad element costs
 * only itself. An element over `maxRecordBytes` is scanned past without being kept. Events come in one
 * batch per chunk, as in jsonl.ts.
 */
import type { SourceRef } from '../records.js';
import { issueAt, RecordBytes } from './bounded.js';
import { recordOrDeferred } from './jsonl.js';
import type { ReaderContext, ReaderEvent } from './record-source.js';

/** Scanner phases: before `[`, between elements, inside an element, after `]`. */
const Phase = { Before: 0, Between: 1, Inside: 2, Done: 3 } as const;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

export async function* readJsonArray(chunks: AsyncIterable<Uint8Array>, ctx: ReaderContext): AsyncGenerator<ReaderEvent[]> {
  const max = ctx.limits.maxRecordBytes;
  let phase: number = Phase.Before;
  /** True for `[ … ]`; false for concatenated top-level objects. */
  let array = true;
  let inString = false;
  let escaped = false;
  let depth = 0;
  let line = 1;
  let index = 0;
  let startLine = 1;
  const buffer = new RecordBytes(max);

  const close = (): ReaderEvent => {
    const source: SourceRef = { ...ctx.base, line: startLine, record: index };
    const what = `element ${index}`;
    index++;
    const bytes = buffer.take();
    if (typeof bytes === 'number') {
      return issueAt('too_large', source, `${what}: ${bytes}+ bytes exceeds maxRecordBytes (${max}); skipped`);
    }
    if (bytes.every(isSpace)) return issueAt('malformed_json', source, `${what}: empty array element`);
    return recordOrDeferred(bytes, source, ctx, what);
  };

  let batch: ReaderEvent[] = [];
  for await (const chunk of chunks) {
    const n = chunk.length;
    let i = 0;
    /** Where the next newline at or after the string scan's position is (n when none): found once per chunk. */
    let nextNewline = nextIndex(chunk, NEWLINE, 0);
    let from = 0;
    while (i < n) {
      const b = chunk[i];
      if (phase === Phase.Inside) {
        if (inString) {
          // String bodies are the bulk of a news record: jump quote to quote with indexOf (native) and decide
          // from the run of backslashes before each quote whether it ends the string.
          if (escaped) {
            // the previous chunk ended on an escaping backslash: this byte is escaped whatever it is
            escaped = false;
            if (chunk[i] === NEWLINE) line++;
            i++;
          }
          for (;;) {
            const q = chunk.indexOf(QUOTE, i);
            const end = q < 0 ? n : q;
            // raw newlines are invalid inside JSON strings but still count for the line numbers of errors
            while (nextNewline < end) {
              if (nextNewline >= i) line++;
              nextNewline = nextIndex(chunk, NEWLINE, nextNewline + 1);
            }
            const run = backslashesBefore(chunk, end, i);
            if (q < 0) {
              escaped = run % 2 === 1;
              i = n;
              break;
            }
            i = q + 1;
            if (run % 2 === 0) {
              inString = false;
              break;
            }
          }
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === 0x7b || b === 0x5b) depth++;
        else if (b === 0x7d || b === 0x5d) {
          if (depth > 0) depth--;
          else if (array && b === 0x5d) {
            buffer.keep(chunk, from, i);
            batch.push(close());
            phase = Phase.Done;
            i++;
            continue;
          }
          if (!array && depth === 0) {
            buffer.keep(chunk, from, i + 1);
            batch.push(close());
            phase = Phase.Between;
            i++;
            continue;
          }
        } else if (b === 0x2c && depth === 0 && array) {
          buffer.keep(chunk, from, i);
          batch.push(close());
          phase = Phase.Between;
          i++;
          continue;
        } else if (b === NEWLINE) line++;
        i++;
        continue;
      }
      if (b === NEWLINE) line++;
      if (isSpace(b) || (phase === Phase.Before && (b === 0xef || b === 0xbb || b === 0xbf))) {
        i++;
        continue;
      }
      if (phase === Phase.Before) {
        if (b === 0x5b) {
          phase = Phase.Between;
          i++;
          continue;
        }
        if (b !== 0x7b) {
          batch.push(issueAt('malformed_json', { ...ctx.base, line }, `not a JSON array or object (starts with ${describe(b)})`));
          yield batch;
          return;
        }
        array = false;
        phase = Phase.Between;
      }
      if (phase === Phase.Done) {
        batch.push(issueAt('malformed_json', { ...ctx.base, line }, `unexpected ${describe(b)} after the end of the array`));
        yield batch;
        return;
      }
      if (phase === Phase.Between && array && b === 0x5d) {
        phase = Phase.Done;
        i++;
        continue;
      }
      // Between → a new element starts at this byte; re-read it as Inside.
      phase = Phase.Inside;
      startLine = line;
      from = i;
    }
    if (phase === Phase.Inside) buffer.keep(chunk, from, n);
    // before the next read: a fault there must not lose this chunk's records
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (phase === Phase.Inside) {
    const bytes = buffer.kept;
    yield [issueAt('truncated', { ...ctx.base, line: startLine, record: index }, `input ends inside element ${index} (${bytes} bytes read)`)];
  } else if (phase === Phase.Between && array) {
    yield [issueAt('truncated', { ...ctx.base, line }, `array not closed (input ends after ${index} elements)`)];
  }
}

function nextIndex(chunk: Uint8Array, byte: number, from: number): number {
  const at = chunk.indexOf(byte, from);
  return at < 0 ? chunk.length : at;
}

/** How many backslashes stand right before `at`, looking no further back than `from`. */
function backslashesBefore(chunk: Uint8Array, at: number, from: number): number {
  let k = at - 1;
  while (k >= from && chunk[k] === BACKSLASH) k--;
  return at - 1 - k;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function describe(b: number): string {
  return b >= 0x21 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}
