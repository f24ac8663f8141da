/** Shared fixture builders for the reader tests: a temp dir, default limits, event collectors. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RecordIssueCode } from '../../src/records.js';
import type { IssueEvent, RawRecord, ReadLimits, RecordEvent } from '../../src/io/record-source.js';

export const limits: ReadLimits = { maxRecordBytes: 1024 * 1024, maxInflatedBytes: 64 * 1024 * 1024, maxInflateRatio: 100 };

export async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'sada-io-'));
}

/** Writes `data` under `dir` and returns the full path. */
export async function put(dir: string, name: string, data: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

export async function collect(events: AsyncIterable<RecordEvent>): Promise<RecordEvent[]> {
  const out: RecordEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

export function recordsOf(events: readonly RecordEvent[]): RawRecord[] {
  return events.filter((e): e is RawRecord => e.kind === 'record');
}

export function issuesOf(events: readonly RecordEvent[]): IssueEvent['issue'][] {
  return events.filter((e): e is IssueEvent => e.kind === 'issue').map((e) => e.issue);
}

export function codesOf(events: readonly RecordEvent[]): RecordIssueCode[] {
  return issuesOf(events).map((i) => i.code);
}

/** Arabic text encoded as windows-1256 (TextEncoder only does UTF-8): the cp1256 letter table. */
export function cp1256(text: string): Buffer {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0x80; b < 0x100; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : (table.get(ch) ?? 0x3f))));
}
