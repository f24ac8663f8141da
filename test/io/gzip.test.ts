import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { readRecordStream, readRecords } from '../../src/io/record-source.js';
import { codesOf, collect, issuesOf, limits, put, recordsOf, tempDir } from './fixtures.js';

const jsonl = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, text: `خبر رقم ${i} عن الطقس` })).join('\n') + '\n';

describe('gzip', () => {
  test('.jsonl.gz and .json.gz are inflated and read', async () => {
    const dir = await tempDir();
    const a = await put(dir, 'a.jsonl.gz', zlib.gzipSync(jsonl));
    const b = await put(dir, 'b.json.gz', zlib.gzipSync(JSON.stringify([{ text: 'أ' }, { text: 'ب' }])));
    expect(recordsOf(await collect(readRecords(a, limits)))).toHaveLength(50);
    expect(recordsOf(await collect(readRecords(b, limits))).map((r) => r.fields.text)).toEqual(['أ', 'ب']);
  });

  test('gzip under a plain name (stdin) is recognised by its magic bytes', async () => {
    const events = await collect(readRecordStream(Readable.from([zlib.gzipSync(jsonl)]), '-', limits));
    expect(recordsOf(events)).toHaveLength(50);
  });

  test('a truncated gzip reports truncated and keeps the records before the cut', async () => {
    const dir = await tempDir();
    const whole = zlib.gzipSync(Buffer.from(jsonl.repeat(40)), { level: 1 });
    const file = await put(dir, 'cut.jsonl.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const events = await collect(readRecords(file, limits));
    expect(recordsOf(events).length).toBeGreaterThan(100);
    expect(codesOf(events).at(-1)).toBe('truncated');
  });

  test('an inflated size over maxInflatedBytes is refused', async () => {
    const events = await collect(readRecordStream(Readable.from([zlib.gzipSync(jsonl.repeat(100))]), 'x.jsonl.gz', { ...limits, maxInflatedBytes: 100_000 }));
    expect(codesOf(events)).toEqual(['too_large']);
    expect(recordsOf(events).length).toBeGreaterThan(0);
  });

  /** Streams `mb` MiB of `byte` through gzip -9 into `file` (≈1000:1), never holding it whole. */
  async function bomb(file: string, byte: number, mb: number): Promise<void> {
    const block = Buffer.alloc(1 << 20, byte);
    await pipeline(Readable.from((function* () { for (let i = 0; i < mb; i++) yield block; })()), zlib.createGzip({ level: 9 }), createWriteStream(file));
  }

  test.each([
    ['zeros', 0x00, /binary|inflates more than/],
    ['spaces (passes the binary sniff)', 0x20, /inflates more than 100:1/],
  ])('a gzip of 200 MB of %s is refused without inflating it all', async (_title, byte, message) => {
    const dir = await tempDir();
    const file = path.join(dir, 'bomb.jsonl.gz');
    await bomb(file, byte, 200);
    expect((await stat(file)).size).toBeLessThan(400_000);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const events = await collect(readRecords(file, { ...limits, maxInflatedBytes: 1 << 30 }));
    expect(recordsOf(events)).toEqual([]);
    expect(issuesOf(events)).toHaveLength(1);
    expect(issuesOf(events)[0].message).toMatch(message);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('corrupt gzip data is unreadable, not thrown', async () => {
    const bytes = zlib.gzipSync(jsonl);
    bytes[20] ^= 0xff;
    bytes[21] ^= 0xff;
    const codes = codesOf(await collect(readRecordStream(Readable.from([bytes]), 'x.jsonl.gz', limits)));
    expect(codes.length).toBeGreaterThan(0);
  });
});
