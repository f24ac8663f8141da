import { Readable } from 'node:stream';
import { readRecordStream, readRecords } from '../../src/io/record-source.js';
import { codesOf, collect, issuesOf, limits, put, recordsOf, tempDir } from './fixtures.js';

const article = (i: number): object => ({ source: 'okaz', url: `http://x/${i}`, title: `عنوان ${i}`, content: `نص "مقتبس" \\ ${i}\n[قوس] {معقوف}` });

describe('JSON array', () => {
  test('streams a pretty-printed array of objects with element index and line', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'day.json', '\ufeff' + JSON.stringify([article(0), article(1), article(2)], null, 4));
    const events = await collect(readRecords(file, limits));
    expect(codesOf(events)).toEqual([]);
    const records = recordsOf(events);
    expect(records.map((r) => r.fields)).toEqual([article(0), article(1), article(2)]);
    expect(records[1].source).toEqual({ path: file, record: 1, line: 8 });
  });

  test('reads an array split into one-byte chunks', async () => {
    const bytes = Buffer.from(JSON.stringify([article(0), article(1)]));
    const events = await collect(readRecordStream(Readable.from([...bytes].map((b) => Buffer.of(b))), 'x.json', limits));
    expect(recordsOf(events).map((r) => r.fields)).toEqual([article(0), article(1)]);
  });

  test('escapes and lines survive a chunk cut at any byte (backslash runs before quotes)', async () => {
    const items = [{ content: 'a\\', t: 'x\\\\"y' }, { content: '"\\"\\\\' }, { content: 'نص' }];
    const bytes = Buffer.from(JSON.stringify(items, null, 1));
    for (let cut = 1; cut < bytes.length; cut++) {
      const events = await collect(readRecordStream(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), 'x.json', limits));
      const records = recordsOf(events);
      expect(records.map((r) => r.fields)).toEqual(items);
      expect(records.map((r) => r.source.line)).toEqual([2, 6, 9]);
    }
  });

  test('a bad element costs only itself', async () => {
    const text = '[{"text":"أ"}, {"text": nope}, 5, {"title":"x"}, , {"text":"ب"}]';
    const events = await collect(readRecordStream(Readable.from([text]), 'x.json', limits));
    expect(recordsOf(events).map((r) => r.fields.text)).toEqual(['أ', 'ب']);
    expect(issuesOf(events).map((i) => [i.code, i.source.record])).toEqual([
      ['malformed_json', 1],
      ['malformed_json', 2],
      ['no_text', 3],
      ['malformed_json', 4],
    ]);
  });

  test('an element over maxRecordBytes is skipped as too_large', async () => {
    const text = JSON.stringify([{ text: 'ا'.repeat(3000) }, { text: 'ب' }]);
    const events = await collect(readRecordStream(Readable.from([text]), 'x.json', { ...limits, maxRecordBytes: 1000 }));
    expect(codesOf(events)).toEqual(['too_large']);
    expect(recordsOf(events).map((r) => r.fields.text)).toEqual(['ب']);
  });

  test('a truncated array keeps the elements before the cut', async () => {
    const text = JSON.stringify([article(0), article(1)]);
    const events = await collect(readRecordStream(Readable.from([text.slice(0, -20)]), 'x.json', limits));
    expect(recordsOf(events)).toHaveLength(1);
    expect(codesOf(events)).toEqual(['truncated']);
    expect(issuesOf(events)[0].message).toMatch(/ends inside element 1/);
  });

  test('a .json holding concatenated objects (JSONL saved as .json) is read object by object', async () => {
    const text = '{"text":"أ"}\n{\n  "text": "ب"\n}\n';
    const events = await collect(readRecordStream(Readable.from([text]), 'x.json', limits));
    expect(recordsOf(events).map((r) => [r.fields.text, r.source.line])).toEqual([['أ', 1], ['ب', 2]]);
  });

  test.each([
    ['a scalar document', '"just a string"', 'malformed_json'],
    ['trailing garbage', '[{"text":"أ"}] xyz', 'malformed_json'],
    ['an unclosed array', '[{"text":"أ"},', 'truncated'],
  ])('%s is reported', async (_title, text, code) => {
    const events = await collect(readRecordStream(Readable.from([text]), 'x.json', limits));
    expect(codesOf(events)).toEqual([code]);
  });
});
