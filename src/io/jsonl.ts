/**
 * JSON Lines, streamed: lines are split over chunk boundaries by byte, and a line longer than
 * `maxRecordBytes` is dropped as it streams past (only its length is tracked), so one runaway line
 * cannot take the heap with it. Each line is decoded on its own: one windows-1256 line in a UTF-8
 * dump (it happens when archives are concatenated) costs that line's fallback, not the file's.
 * Events come in one batch per chunk (a few hundred lines of a 1 MiB read): a step of an async generator
 * per line, through every reading layer, cost more than cutting the line.
 */
import type { SourceRef } from '../records.js';
import { issueAt, RecordBytes } from './bounded.js';
import { decodeBytes, decodeUtf8 } from './decode.js';
import type { FieldMap } from './fields.js';
import { hasText } from './fields.js';
import type { ReaderContext, ReaderEvent, RecordEvent } from './record-source.js';

export async function* readJsonl(chunks: AsyncIterable<Uint8Array>, ctx: ReaderContext): AsyncGenerator<ReaderEvent[]> {
  const max = ctx.limits.maxRecordBytes;
  const buffer = new RecordBytes(max);
  let line = 0;
  let record = 0;
  const finish = (): ReaderEvent | undefined => {
    line++;
    const bytes = buffer.take();
    if (typeof bytes === 'number') {
      return issueAt('too_large', { ...ctx.base, line }, `line of ${bytes}+ bytes exceeds maxRecordBytes (${max}); skipped`);
    }
    if (isBlank(bytes)) return undefined;
    return recordOrDeferred(bytes, { ...ctx.base, line, record: record++ }, ctx, `line ${line}`);
  };
  for await (const chunk of chunks) {
    const batch: ReaderEvent[] = [];
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      buffer.keep(chunk, start, end);
      if (nl === -1) break;
      const event = finish();
      if (event !== undefined) batch.push(event);
      start = nl + 1;
    }
    if (batch.length > 0) yield batch;
  }
  if (!buffer.empty) {
    const event = finish();
    if (event !== undefined) yield [event];
  }
}

/** `recordFromBytes`, or the bytes unparsed when the context defers parsing to a worker. */
export function recordOrDeferred(bytes: Uint8Array, source: SourceRef, ctx: ReaderContext, what: string): ReaderEvent {
  return ctx.defer ? { kind: 'deferred', source, bytes, what } : recordFromBytes(bytes, source, ctx.map, what);
}

/**
 * One JSON object's bytes → a record or an issue. Shared with the JSON array reader.
 * `what` names the unit in messages ("line 7", "element 3").
 */
export function recordFromBytes(bytes: Uint8Array, source: SourceRef, map: FieldMap, what: string): RecordEvent {
  let text = decodeUtf8(bytes);
  let encoding: 'windows-1256' | undefined;
  if (text === undefined) {
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return issueAt(decoded.code, source, `${what}: ${decoded.message}`);
    text = decoded.text;
    encoding = 'windows-1256';
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return issueAt('malformed_json', source, `${what}: malformed JSON (${(e as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return issueAt('malformed_json', source, `${what}: not a JSON object`);
  }
  const fields = value as Record<string, unknown>;
  if (!hasText(fields, map)) {
    return issueAt('no_text', source, `${what}: record has no text (${map.text ?? 'text|content'} missing or empty)`);
  }
  return encoding === undefined ? { kind: 'record', source, fields } : { kind: 'record', source, fields, encoding };
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
