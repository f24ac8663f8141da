import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { decodeEntities, htmlToText } from '../../src/io/warc.js';
import { readRecordStream, readRecords } from '../../src/io/record-source.js';
import { codesOf, collect, issuesOf, limits, put, recordsOf, tempDir } from './fixtures.js';

/** One WARC record: version line, headers, CRLF, block, CRLF CRLF. */
function warcRecord(type: string, uri: string, block: string | Buffer, extra: Record<string, string> = {}): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block) : block;
  const headers = { 'WARC-Type': type, 'WARC-Target-URI': uri, 'WARC-Date': '2024-03-01T10:00:00Z', ...extra, 'Content-Length': String(body.length) };
  const head = ['WARC/1.0', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body, Buffer.from('\r\n\r\n')]);
}

const html = '<html><head><title>عنوان &amp; خبر</title><style>p{}</style></head><body><script>var x="<p>";</script>' +
  '<p>قال المتحدث&nbsp;إن &quot;الاجتماع&quot; انتهى.</p><!-- ad --><div>الفقرة &#1575;لثانية</div></body></html>';
const http = (body: string | Buffer, headers = 'Content-Type: text/html; charset=utf-8'): Buffer =>
  Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${headers}\r\n\r\n`), typeof body === 'string' ? Buffer.from(body) : body]);

const warc = Buffer.concat([
  warcRecord('warcinfo', '', 'software: test\r\n', { 'Content-Type': 'application/warc-fields' }),
  warcRecord('request', 'http://a/1', 'GET /1 HTTP/1.1\r\n\r\n'),
  warcRecord('response', 'http://a/1', http(html)),
  warcRecord('response', 'http://a/logo.png', http(Buffer.from([0x89, 0x50]), 'Content-Type: image/png')),
  warcRecord('response', 'http://a/2', http(zlib.gzipSync('<p>نص مضغوط</p>'), 'Content-Type: text/html\r\nContent-Encoding: gzip')),
  warcRecord('response', 'http://a/3', http('7\r\n<p>abc \r\n5\r\ndef</p\r\n1\r\n>\r\n0\r\n\r\n', 'Content-Type: text/html\r\nTransfer-Encoding: chunked')),
]);
const wet = Buffer.concat([
  warcRecord('warcinfo', '', 'isPartOf: CC\r\n'),
  warcRecord('conversion', 'http://b/1', 'سطر أول\nسطر ثان\n', { 'Content-Type': 'text/plain' }),
  warcRecord('conversion', 'http://b/2', '   ', { 'Content-Type': 'text/plain' }),
  warcRecord('conversion', 'http://b/3', 'نص ثالث', { 'Content-Type': 'text/plain' }),
]);

describe('WARC/WET', () => {
  test('response records: HTTP stripped, HTML reduced to text, non-text skipped', async () => {
    const dir = await tempDir();
    const file = await put(dir, 'crawl.warc', warc);
    const events = await collect(readRecords(file, limits));
    expect(codesOf(events)).toEqual([]);
    const records = recordsOf(events);
    expect(records.map((r) => r.fields.id)).toEqual(['http://a/1', 'http://a/2', 'http://a/3']);
    expect(records[0].fields).toEqual({
      id: 'http://a/1', url: 'http://a/1', published: '2024-03-01T10:00:00Z', title: 'عنوان & خبر',
      text: 'قال المتحدث\u00a0إن "الاجتماع" انتهى.\nالفقرة الثانية'.replace('\u00a0', ' '),
    });
    expect(records[0].source).toEqual({ path: file, record: 2 });
    expect(records[1].fields.text).toBe('نص مضغوط');
    expect(records[2].fields.text).toBe('abc def');
  });

  test('conversion records (WET), blank ones reported as no_text', async () => {
    const events = await collect(readRecordStream(Readable.from([wet]), 'x.wet', limits));
    expect(recordsOf(events).map((r) => [r.fields.id, r.fields.text])).toEqual([['http://b/1', 'سطر أول\nسطر ثان'], ['http://b/3', 'نص ثالث']]);
    expect(issuesOf(events).map((i) => [i.code, i.source.record])).toEqual([['no_text', 2]]);
  });

  test('.warc.gz of one gzip member per record, and stdin sniffing of WARC/', async () => {
    const dir = await tempDir();
    const members = [warcRecord('conversion', 'u1', 'أ'), warcRecord('conversion', 'u2', 'ب')].map((r) => zlib.gzipSync(r));
    const file = await put(dir, 'x.wet.gz', Buffer.concat(members));
    expect(recordsOf(await collect(readRecords(file, limits))).map((r) => r.fields.text)).toEqual(['أ', 'ب']);
    expect(recordsOf(await collect(readRecordStream(Readable.from([wet]), '-', limits)))).toHaveLength(2);
  });

  test('a truncated WARC keeps earlier records', async () => {
    const events = await collect(readRecordStream(Readable.from([wet.subarray(0, wet.length - 20)]), 'x.wet', limits));
    expect(recordsOf(events)).toHaveLength(1);
    expect(codesOf(events)).toEqual(['no_text', 'truncated']);
  });

  test('a block over maxRecordBytes is skipped without being read', async () => {
    const big = warcRecord('conversion', 'u', 'ا'.repeat(5000));
    const events = await collect(readRecordStream(Readable.from([big, warcRecord('conversion', 'v', 'ب')]), 'x.warc', { ...limits, maxRecordBytes: 1000 }));
    expect(codesOf(events)).toEqual(['too_large']);
    expect(recordsOf(events).map((r) => r.fields.id)).toEqual(['v']);
  });

  test('not a WARC is unsupported', async () => {
    expect(codesOf(await collect(readRecordStream(Readable.from(['hello\n']), 'x.warc', limits)))).toEqual(['unsupported']);
  });

  test.each([
    ['&amp;&lt;&gt;', '&<>'],
    ['&#x627;&#1576;', 'اب'],
    ['&bogus; &#xD800;', '&bogus; &#xD800;'],
  ])('decodeEntities(%s)', (input, expected) => expect(decodeEntities(input)).toBe(expected));

  test('htmlToText drops scripts, styles and comments', () => {
    expect(htmlToText('<style>a{}</style><script>x()</script><!-- c -->نص<br>سطر')).toBe('نص\nسطر');
  });
});
