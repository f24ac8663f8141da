import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { isRecordFile, readRecordStream, readRecords } from '../../src/io/record-source.js';
import { codesOf, collect, issuesOf, limits, put, recordsOf, tempDir } from './fixtures.js';

describe('isRecordFile', () => {
  test.each([
    ['a.jsonl', true], ['a.NDJSON', true], ['a.json', true], ['a.json.gz', true], ['a.jsonl.gz', true],
    ['a.zip', true], ['a.warc', true], ['a.warc.gz', true], ['a.wet', true], ['a.wet.gz', true],
    ['a.txt', false], ['a.md', false], ['a.zip.gz', false], ['a.gz', false], ['a.csv', false],
  ])('%s → %s', (name, expected) => expect(isRecordFile(name)).toBe(expected));
});

describe('readRecords: whole-file problems become one issue', () => {
  test('0-byte file is empty', async () => {
    const file = await put(await tempDir(), 'a.jsonl', '');
    expect(issuesOf(await collect(readRecords(file, limits)))).toEqual([
      { code: 'empty', source: { path: file }, message: 'empty file (0 bytes)', severity: 'skipped' },
    ]);
  });

  test('missing file and directory are unreadable', async () => {
    const dir = await tempDir();
    expect(codesOf(await collect(readRecords(path.join(dir, 'nope.jsonl'), limits)))).toEqual(['unreadable']);
    expect(codesOf(await collect(readRecords(dir, limits)))).toEqual(['unreadable']);
  });

  test('file without read permission is unreadable', async () => {
    const file = await put(await tempDir(), 'locked.json', '[{"text":"أ"}]');
    await chmod(file, 0o000);
    const codes = codesOf(await collect(readRecords(file, limits)));
    // root can read anything; the point is that nothing is thrown.
    expect([[], ['unreadable']]).toContainEqual(codes);
  });

  test('binary data under a .jsonl name is binary', async () => {
    const file = await put(await tempDir(), 'a.jsonl', Buffer.from([0x7b, 0, 1, 2, 3, 0, 0, 0x0a, 5, 6]));
    expect(codesOf(await collect(readRecords(file, limits)))).toEqual(['binary']);
  });
});

describe('readRecordStream: stdin sniffing', () => {
  test.each([
    ['[ → JSON array', ' \n[{"text":"أ"},\n{"text":"ب"}]', 2],
    ['{ → JSONL', '{"text":"أ"}\n{"text":"ب"}\n', 2],
  ])('%s', async (_title, text, count) => {
    const events = await collect(readRecordStream(Readable.from([text]), '-', limits));
    expect(codesOf(events)).toEqual([]);
    expect(recordsOf(events)).toHaveLength(count);
    expect(recordsOf(events)[0].source.path).toBe('-');
  });

  test.each([
    ['unknown leading bytes', 'hello world', 'unsupported'],
    ['nothing at all', '', 'empty'],
  ])('%s is reported', async (_title, text, code) => {
    expect(codesOf(await collect(readRecordStream(Readable.from(text === '' ? [] : [text]), '-', limits)))).toEqual([code]);
  });

  test('a zip cannot come from a stream', async () => {
    expect(codesOf(await collect(readRecordStream(Readable.from([Buffer.from('PK')]), 'a.zip', limits)))).toEqual(['unsupported']);
  });

  test('a stream that errors mid-way ends with one issue after the records read', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"text":"أ"}\n');
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    const events = await collect(readRecordStream(Readable.from(failing()), 'x.jsonl', limits));
    expect(recordsOf(events)).toHaveLength(1);
    expect(codesOf(events)).toEqual(['unreadable']);
  });
});
