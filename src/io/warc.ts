/**
 * WARC/WET records (ISO 28500: a `WARC/1.x` line, `Name: value` headers, a blank line, `Content-Length`
 * bytes of block, then CRLF CRLF). A small pull reader rather than warcio: warcio wants web streams and
 * parses every header into objects we drop; here a skipped record (request, metadata, images) costs a
 * header parse and a seek. `conversion` (WET) blocks are text already; `response` blocks carry an HTTP
 * message whose text/html body is reduced to text crudely (tags, scripts and styles out, entities decoded).
 */
import zlib from 'node:zlib';
import type { SourceRef } from '../records.js';
import { ReadFault, issueAt } from './bounded.js';
import { decodeBytes } from './decode.js';
import type { ReaderContext, RecordEvent } from './record-source.js';

const maxHeaderLineBytes = 64 * 1024;

export async function* readWarc(chunks: AsyncIterable<Uint8Array>, ctx: ReaderContext): AsyncGenerator<RecordEvent> {
  const pull = new Pull(chunks[Symbol.asyncIterator]());
  for (let record = 0; ; record++) {
    const source: SourceRef = { ...ctx.base, record };
    let line = await pull.readLine();
    while (line !== undefined && line.toString('latin1').trim() === '') line = await pull.readLine();
    if (line === undefined) return;
    if (!line.toString('latin1').startsWith('WARC/')) {
      yield issueAt('unsupported', source, `expected a WARC/1.x record header, found "${line.toString('latin1', 0, 40).trim()}"`);
      return;
    }
    const headers = new Map<string, string>();
    for (;;) {
      line = await pull.readLine();
      if (line === undefined) {
        yield issueAt('truncated', source, 'input ends inside a WARC header');
        return;
      }
      const text = line.toString('utf8').trim();
      if (text === '') break;
      const colon = text.indexOf(':');
      if (colon > 0) headers.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim());
    }
    const length = Number(headers.get('content-length'));
    if (!Number.isSafeInteger(length) || length < 0) {
      yield issueAt('unsupported', source, `WARC record without a valid Content-Length ("${headers.get('content-length') ?? ''}")`);
      return;
    }
    const type = headers.get('warc-type');
    if ((type !== 'conversion' && type !== 'response' && type !== 'resource') || length > ctx.limits.maxRecordBytes) {
      if (!(await pull.skip(length))) {
        yield issueAt('truncated', source, `input ends inside a WARC ${type ?? ''} block`);
        return;
      }
      if (length > ctx.limits.maxRecordBytes) {
        yield issueAt('too_large', source, `WARC block of ${length} bytes exceeds maxRecordBytes (${ctx.limits.maxRecordBytes}); skipped`);
      }
      continue;
    }
    const block = await pull.take(length);
    if (block === undefined) {
      yield issueAt('truncated', source, `input ends inside a WARC ${type} block`);
      return;
    }
    const event = toEvent(type, headers, block, source, ctx);
    if (event !== undefined) yield event;
  }
}

function toEvent(type: string, headers: Map<string, string>, block: Buffer, source: SourceRef, ctx: ReaderContext): RecordEvent | undefined {
  let body = block;
  let html = false;
  if (type === 'response') {
    const http = splitHttp(block);
    if (http === undefined) return issueAt('unsupported', source, 'response block is not an HTTP message');
    const contentType = http.headers.get('content-type') ?? 'text/html';
    html = /html/i.test(contentType);
    if (!html && !/^text\//i.test(contentType)) return undefined; // images, scripts…: not articles
    try {
      body = unwrapBody(http.body, http.headers, ctx.limits.maxRecordBytes);
    } catch (e) {
      return issueAt('unreadable', source, `cannot decode HTTP body (${(e as Error).message})`);
    }
  } else {
    const contentType = headers.get('content-type') ?? 'text/plain';
    html = /html/i.test(contentType);
    if (!html && !/^text\//i.test(contentType)) return undefined;
  }
  if (body.length === 0) return issueAt('no_text', source, `WARC ${type} record has an empty body`);
  const decoded = decodeBytes(body);
  if (!decoded.ok) return issueAt(decoded.code, source, `WARC ${type} body: ${decoded.message}`);
  const text = html ? htmlToText(decoded.text) : decoded.text.trim();
  if (text === '') return issueAt('no_text', source, `WARC ${type} record has no text`);
  const uri = (headers.get('warc-target-uri') ?? '').replace(/^<(.*)>$/, '$1');
  const fields: Record<string, unknown> = { text };
  if (uri !== '') fields.id = fields.url = uri;
  const date = headers.get('warc-date');
  if (date !== undefined) fields.published = date;
  const title = html ? /<title[^>]*>([\s\S]*?)<\/title>/i.exec(decoded.text)?.[1] : undefined;
  if (title !== undefined && title.trim() !== '') fields.title = decodeEntities(title).trim();
  const base = { kind: 'record', source, fields } as const;
  return decoded.encoding === 'windows-1256' ? { ...base, encoding: 'windows-1256' } : base;
}

function splitHttp(block: Buffer): { headers: Map<string, string>; body: Buffer } | undefined {
  let end = block.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) [end, sep] = [block.indexOf('\n\n'), 2];
  if (end < 0 || !block.toString('latin1', 0, 5).startsWith('HTTP/')) return undefined;
  const headers = new Map<string, string>();
  for (const line of block.toString('latin1', 0, end).split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: block.subarray(end + sep) };
}

/** Undoes chunked transfer coding and gzip/deflate/br content coding, capped at `maxBytes`. */
function unwrapBody(body: Buffer, headers: Map<string, string>, maxBytes: number): Buffer {
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) {
    const parts: Buffer[] = [];
    let pos = 0;
    for (;;) {
      const eol = body.indexOf('\r\n', pos);
      const size = eol < 0 ? NaN : parseInt(body.toString('latin1', pos, eol), 16);
      if (!(size > 0)) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      pos = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  const coding = (headers.get('content-encoding') ?? '').toLowerCase();
  const options = { maxOutputLength: maxBytes };
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.gunzipSync(body, options);
  if (coding === 'deflate') return zlib.inflateSync(body, options);
  if (coding === 'br') return zlib.brotliDecompressSync(body, options);
  return body;
}

/** Crude on purpose: good enough to compare article text, not a renderer. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|article|section|header|footer|blockquote|pre|table|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, ' ');
  return decodeEntities(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

const named: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '\u00ab', raquo: '\u00bb',
  hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c',
  rdquo: '\u201d', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f', shy: '\u00ad',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] !== '#') return named[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/** Pulls lines and exact byte counts out of a chunk iterator without re-concatenating what it holds. */
class Pull {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  constructor(private readonly it: AsyncIterator<Uint8Array>) {}

  private async more(): Promise<boolean> {
    const r = await this.it.next();
    if (r.done === true) return false;
    const v = r.value;
    this.buf = Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.length);
    this.pos = 0;
    return true;
  }

  /** The next line including its `\n`, or what is left at the end; undefined at end of input. */
  async readLine(): Promise<Buffer | undefined> {
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      const nl = this.buf.indexOf(0x0a, this.pos);
      const end = nl < 0 ? this.buf.length : nl + 1;
      parts.push(this.buf.subarray(this.pos, end));
      size += end - this.pos;
      this.pos = end;
      if (nl >= 0) return Buffer.concat(parts, size);
      if (size > maxHeaderLineBytes) throw new ReadFault('unsupported', `not a WARC file: header line over ${maxHeaderLineBytes} bytes`);
      if (!(await this.more())) return size > 0 ? Buffer.concat(parts, size) : undefined;
    }
  }

  async take(n: number): Promise<Buffer | undefined> {
    const parts: Buffer[] = [];
    for (let need = n; need > 0; ) {
      if (this.pos >= this.buf.length && !(await this.more())) return undefined;
      const k = Math.min(need, this.buf.length - this.pos);
      parts.push(this.buf.subarray(this.pos, this.pos + k));
      this.pos += k;
      need -= k;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, n);
  }

  async skip(n: number): Promise<boolean> {
    for (let need = n; need > 0; ) {
      if (this.pos >= this.buf.length && !(await this.more())) return false;
      const k = Math.min(need, this.buf.length - this.pos);
      this.pos += k;
      need -= k;
    }
    return true;
  }
}
