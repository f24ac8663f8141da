import { discoverInputs } from '../../src/io/discover.js';
import type { DocEvent } from '../../src/io/read-docs.js';
import { docNumbering, parseDeferred, readDocs, readDocsDeferred } from '../../src/io/read-docs.js';
import { resolveParams } from '../../src/params.js';
import { cp1256, put, tempDir } from './fixtures.js';
import { writeZip } from './zip-writer.js';

const io = resolveParams({}).io;

/** What `--workers` does with the deferred stream: parse each deferred record, number everything in order. */
async function viaDeferred(paths: string[]): Promise<DocEvent[]> {
  const found = await discoverInputs(paths, io.extensions);
  const number = docNumbering();
  const out: DocEvent[] = [];
  for await (const e of readDocsDeferred(found.files, io)) {
    const copy = e.kind === 'deferred' ? { ...e, bytes: Uint8Array.from(e.bytes) } : e; // as the pool copies them
    const event = copy.kind === 'deferred' ? parseDeferred(copy, io) : copy;
    out.push(event.kind === 'doc' ? { kind: 'doc', doc: { ...event.doc, ...number(event.doc.key) } } : event);
  }
  return out;
}

async function direct(paths: string[]): Promise<DocEvent[]> {
  const found = await discoverInputs(paths, io.extensions);
  const out: DocEvent[] = [];
  for await (const e of readDocs(found.files, io)) out.push(e);
  return out;
}

describe('readDocsDeferred + parseDeferred + docNumbering', () => {
  test('give the events readDocs gives: JSONL with bad lines, a JSON array in a zip, plain files, repeated ids', async () => {
    const dir = await tempDir();
    await put(
      dir,
      'a.jsonl',
      [
        JSON.stringify({ id: 'x', text: 'نص أول', title: 'عنوان' }),
        '{"id": "broken", ',
        JSON.stringify({ id: 'x', text: 'نص مكرر المعرف' }),
        JSON.stringify({ id: 'nt' }),
        '',
        JSON.stringify({ text: 'بلا معرف', source: 'منفذ', date_extracted: '2015-07-21 02:51:32' }),
      ].join('\n'),
    );
    await put(dir, 'b.zip', writeZip([{ name: '2015-07-21.json', data: JSON.stringify([{ url: 'u1', content: 'محتوى' }, { url: 'x', content: 'محتوى آخر' }, 5]) }]));
    await put(dir, 'c.jsonl', Buffer.concat([cp1256(`${JSON.stringify({ id: 'w', text: 'نص بترميز ويندوز' })}\n`)]));
    await put(dir, 'd.txt', 'خبر في ملف نصي\nسطر ثان');
    const expected = await direct([dir]);
    expect(expected.filter((e) => e.kind === 'doc')).toHaveLength(7);
    expect(expected.filter((e) => e.kind === 'issue').length).toBeGreaterThanOrEqual(3);
    expect(await viaDeferred([dir])).toEqual(expected);
  });
});
