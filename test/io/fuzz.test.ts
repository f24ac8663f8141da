/**
 * Mutation fuzzing of every reader: truncations, bit flips, random byte runs, broken JSON, garbage inside
 * zip and gzip containers. The contract: nothing throws, every input says something (a record or an
 * issue), and every issue has a known code and a one-line message.
 */
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { RecordIssueCode } from '../../src/records.js';
import { readRecordStream, readRecords, type RecordEvent } from '../../src/io/record-source.js';
import { cp1256, limits, put, tempDir } from './fixtures.js';
import { writeZip } from './zip-writer.js';

const knownCodes = new Set<RecordIssueCode>(['invalid_utf8', 'malformed_json', 'binary', 'empty', 'too_large', 'no_text', 'unreadable', 'truncated', 'unsupported']);

/** mulberry32: tiny seeded PRNG so a failure reproduces from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const articles = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, url: `http://x/${i}`, title: `عنوان ${i}`, content: `نص الخبر رقم ${i} "مقتبس" {قوس} [مربع]\n`.repeat(3) }));
const jsonl = Buffer.from(articles.map((a) => JSON.stringify(a)).join('\r\n') + '\n');
const jsonArray = Buffer.from(JSON.stringify(articles, null, 2));
const warcRec = (uri: string, text: string): string =>
  `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: ${uri}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}\r\n\r\n`;
const wet = Buffer.from(articles.map((a) => warcRec(a.url, a.content)).join(''));

const seeds: Array<{ name: string; bytes: Buffer }> = [
  { name: 'a.jsonl', bytes: Buffer.concat([jsonl, cp1256('{"text":"وكالة"}\n')]) },
  { name: 'a.json', bytes: jsonArray },
  { name: 'a.wet', bytes: wet },
  { name: 'a.jsonl.gz', bytes: zlib.gzipSync(jsonl) },
  { name: 'a.json.gz', bytes: zlib.gzipSync(jsonArray) },
  { name: 'a.warc.gz', bytes: Buffer.concat(articles.map((a) => zlib.gzipSync(warcRec(a.url, a.content)))) },
  { name: 'a.zip', bytes: writeZip([{ name: 'd.json', data: jsonArray }, { name: 'l.jsonl', data: jsonl, method: 'store' }, { name: 'n.txt', data: 'نص' }]) },
];

function mutate(bytes: Buffer, rand: () => number): Buffer {
  const out = Buffer.from(bytes);
  const at = (): number => Math.floor(rand() * out.length);
  switch (Math.floor(rand() * 6)) {
    case 0: // truncate
      return out.subarray(0, at());
    case 1: // flip bits
      for (let k = 1 + Math.floor(rand() * 8); k > 0; k--) out[at()] ^= 1 << Math.floor(rand() * 8);
      return out;
    case 2: { // overwrite a run with random bytes (garbage inside zip/gz members)
      const start = at();
      for (let i = start; i < Math.min(out.length, start + 1 + rand() * 64); i++) out[i] = Math.floor(rand() * 256);
      return out;
    }
    case 3: { // break JSON structure: delete a random structural character
      const text = out.toString('latin1');
      const hits = [...text.matchAll(/["{}[\],:]/g)].map((m) => m.index ?? 0);
      if (hits.length === 0) return out;
      const i = hits[Math.floor(rand() * hits.length)];
      return Buffer.concat([out.subarray(0, i), out.subarray(i + 1)]);
    }
    case 4: // entirely random bytes under the same name
      return Buffer.from(Array.from({ length: Math.floor(rand() * 2048) }, () => Math.floor(rand() * 256)));
    default: { // splice: duplicate or drop a random slice
      const a = at();
      const b = Math.min(out.length, a + Math.floor(rand() * 200));
      return rand() < 0.5 ? Buffer.concat([out.subarray(0, a), out.subarray(a, b), out.subarray(a)]) : Buffer.concat([out.subarray(0, a), out.subarray(b)]);
    }
  }
}

function check(events: readonly RecordEvent[], label: string): void {
  if (events.length === 0) throw new Error(`${label}: no records and no issues`);
  for (const e of events) {
    if (e.kind === 'record') {
      if (typeof e.fields !== 'object' || e.fields === null) throw new Error(`${label}: record without fields`);
      continue;
    }
    const { code, message, source } = e.issue;
    if (!knownCodes.has(code)) throw new Error(`${label}: unknown code ${code}`);
    if (message.trim() === '' || message.includes('\n')) throw new Error(`${label}: bad message ${JSON.stringify(message)}`);
    if (typeof source.path !== 'string') throw new Error(`${label}: issue without a path`);
  }
}

test('1,400 mutated inputs: no throws, every input yields records or well-formed issues', async () => {
  const dir = await tempDir();
  const rand = prng(0x5ada);
  const small = { ...limits, maxRecordBytes: 4096, maxInflatedBytes: 256 * 1024 };
  let inputs = 0;
  const started = Date.now();
  for (let round = 0; round < 200; round++) {
    for (const seed of seeds) {
      const bytes = mutate(seed.bytes, rand);
      const label = `round ${round} ${seed.name} (${bytes.length} bytes)`;
      const useFile = seed.name.endsWith('.zip') || rand() < 0.5;
      const events: RecordEvent[] = [];
      try {
        const source = useFile
          ? readRecords(await put(dir, `${round}-${seed.name}`, bytes), small)
          : readRecordStream(Readable.from(chunked(bytes, rand)), rand() < 0.3 ? '-' : seed.name, small);
        for await (const e of source) events.push(e);
      } catch (e) {
        throw new Error(`${label}: threw ${(e as Error).stack}`);
      }
      check(events, label);
      inputs++;
    }
  }
  await rm(dir, { recursive: true, force: true });
  expect(inputs).toBeGreaterThanOrEqual(1000);
  expect(Date.now() - started).toBeLessThan(20_000);
});

/** Random chunking, so boundaries fall inside lines, strings, headers and gzip members. */
function chunked(bytes: Buffer, rand: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * 700);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}
