import zlib from 'node:zlib';
import { readRecords } from '../../src/io/record-source.js';
import { codesOf, collect, issuesOf, limits, put, recordsOf, tempDir } from './fixtures.js';
import { writeZip } from './zip-writer.js';

const day = JSON.stringify(Array.from({ length: 30 }, (_, i) => ({ url: `http://x/${i}`, content: `مقال رقم ${i} `.repeat(20) })), null, 2);
const lines = '{"id":"l1","text":"سطر"}\n{"id":"l2","text":"آخر"}\n';

describe('zip', () => {
  test('reads each entry by its own extension', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'mixed.zip', writeZip([
      { name: 'folder/', data: '', method: 'store' },
      { name: 'folder/day.json', data: day },
      { name: 'lines.jsonl', data: lines, method: 'store' },
      { name: 'note.txt', data: 'نص عادي' },
      { name: 'more.jsonl.gz', data: zlib.gzipSync(lines), method: 'store' },
      { name: 'logo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]));
    const events = await collect(readRecords(file, limits));
    const records = recordsOf(events);
    expect(records).toHaveLength(30 + 2 + 1 + 2);
    expect(records[0].source).toEqual({ path: file, entry: 'folder/day.json', record: 0, line: 2 });
    expect(records[30].source).toEqual({ path: file, entry: 'lines.jsonl', line: 1, record: 0 });
    expect(records[32].fields).toEqual({ text: 'نص عادي' });
    expect(records[32].source).toEqual({ path: file, entry: 'note.txt' });
    expect(issuesOf(events).map((i) => [i.code, i.source.entry])).toEqual([['unsupported', 'logo.png']]);
  });

  test('an entry whose declared size lies is cut off as too_large; the next entry is still read', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'liar.zip', writeZip([
      { name: 'big.jsonl', data: lines.repeat(2000), declaredBytes: 1000 },
      { name: 'ok.jsonl', data: lines },
    ]));
    const events = await collect(readRecords(file, limits));
    const issues = issuesOf(events);
    expect(issues.map((i) => [i.code, i.source.entry])).toEqual([['too_large', 'big.jsonl']]);
    expect(issues[0].message).toMatch(/entry big\.jsonl inflates past its declared size \(1000 bytes\)/);
    expect(recordsOf(events).filter((r) => r.source.entry === 'ok.jsonl')).toHaveLength(2);
  });

  test('an entry declaring more than maxInflatedBytes is refused unread', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'huge.zip', writeZip([{ name: 'a.jsonl', data: lines, declaredBytes: 2 ** 31 }]));
    const issues = issuesOf(await collect(readRecords(file, limits)));
    expect(issues.map((i) => i.code)).toEqual(['too_large']);
    expect(issues[0].message).toMatch(/declares 2147483648 bytes/);
  });

  test('an entry declaring a bomb ratio is refused unread', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'ratio.zip', writeZip([{ name: 'a.jsonl', data: Buffer.alloc(4 << 20, 0x20) }]));
    expect(codesOf(await collect(readRecords(file, limits)))).toEqual(['too_large']);
  });

  test.each(['deflate', 'store'] as const)('a truncated zip (%s) is read from its local headers: earlier entries and records are kept', async (method) => {
    const dir = await tempDir();
    const whole = writeZip([
      { name: 'a.jsonl', data: lines },
      { name: 'b.json', data: day, method },
    ]);
    const cut = whole.indexOf('b.json') + 6 + 200;
    const file = await put(dir, 'cut.zip', whole.subarray(0, cut));
    const events = await collect(readRecords(file, limits));
    const issues = issuesOf(events);
    expect(issues.map((i) => [i.code, i.source.entry])).toEqual([
      ['truncated', undefined],
      ['truncated', 'b.json'],
    ]);
    expect(issues[0].message).toMatch(/no central directory/);
    expect(recordsOf(events).filter((r) => r.source.entry === 'a.jsonl')).toHaveLength(2);
  });

  test('a file named .zip that is not a zip is unreadable', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'fake.zip', 'this is not a zip archive at all, just text');
    expect(codesOf(await collect(readRecords(file, limits)))).toEqual(['unreadable']);
  });
});
