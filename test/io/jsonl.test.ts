import { Readable } from 'node:stream';
import { readRecordStream, readRecords } from '../../src/io/record-source.js';
import { codesOf, collect, cp1256, issuesOf, limits, put, recordsOf, tempDir } from './fixtures.js';

describe('JSONL', () => {
  test('reads CRLF lines and reports bad ones with path:line, keeping the rest', async () => {
    const dir = await tempDir();
    const lines = [
      Buffer.from('{"id":"a","text":"خبر أول"}\r\n'),
      Buffer.from('{"id":"b","text":\r\n'), // malformed
      Buffer.from('\r\n'), // blank: ignored
      Buffer.from('{"id":"c","title":"بلا نص"}\r\n'), // no text
      Buffer.concat([Buffer.from('{"id":"d","text":"'), cp1256('وكالة الأنباء'), Buffer.from('"}\r\n')]),
      Buffer.from('[1,2]\n'), // not an object
      Buffer.from('{"id":"e","content":"آخر"}'), // no final newline
    ];
    const file = await put(dir, 'a.jsonl', Buffer.concat(lines));
    const events = await collect(readRecords(file, limits));
    const records = recordsOf(events);
    expect(records.map((r) => r.fields.id)).toEqual(['a', 'd', 'e']);
    expect(records[1].fields.text).toBe('وكالة الأنباء');
    expect(records[1].encoding).toBe('windows-1256');
    expect(records[0].source).toEqual({ path: file, line: 1, record: 0 });
    expect(records[2].source.line).toBe(7);
    const issues = issuesOf(events);
    expect(issues.map((i) => [i.code, i.source.line])).toEqual([
      ['malformed_json', 2],
      ['no_text', 4],
      ['malformed_json', 6],
    ]);
    expect(issues[0].source).toMatchObject({ path: file, line: 2 });
    expect(issues[0].message).toContain('malformed JSON');
    expect(issues.every((i) => !i.message.includes('\n'))).toBe(true);
  });

  test('invalid UTF-8 that is not Arabic windows-1256 is invalid_utf8', async () => {
    const stream = Readable.from([Buffer.from('{"text":"caf\xe9"}\n', 'latin1')]);
    expect(codesOf(await collect(readRecordStream(stream, 'x.jsonl', limits)))).toEqual(['invalid_utf8']);
  });

  test('splits lines across chunk boundaries byte by byte', async () => {
    const text = Buffer.from('{"text":"سطر واحد"}\n{"text":"سطر ثان"}\n');
    const stream = Readable.from([...text].map((b) => Buffer.of(b)));
    const records = recordsOf(await collect(readRecordStream(stream, 'x.ndjson', limits)));
    expect(records.map((r) => r.fields.text)).toEqual(['سطر واحد', 'سطر ثان']);
  });

  test('a line over maxRecordBytes is skipped as too_large while streaming, the next line is kept', async () => {
    const big = `{"text":"${'ا'.repeat(5000)}"}\n`;
    const chunks = [Buffer.from(big.slice(0, 100)), ...Array.from({ length: 20 }, () => Buffer.from('x'.repeat(1000))), Buffer.from(`"}\n{"text":"بعده"}\n`)];
    const events = await collect(readRecordStream(Readable.from(chunks), 'x.jsonl', { ...limits, maxRecordBytes: 2000 }));
    expect(codesOf(events)).toEqual(['too_large']);
    expect(issuesOf(events)[0].source.line).toBe(1);
    expect(recordsOf(events).map((r) => r.fields.text)).toEqual(['بعده']);
  });

  test('string chunks from a stdin-like stream are accepted and sniffed', async () => {
    const events = await collect(readRecordStream(Readable.from(['  {"text":"أ"}\n', '{"text":"ب"}']), '-', limits));
    expect(recordsOf(events).map((r) => r.fields.text)).toEqual(['أ', 'ب']);
  });
});
