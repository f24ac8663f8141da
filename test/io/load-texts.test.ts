import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTexts } from '../../src/io/load-texts.js';
import { resolveParams } from '../../src/params.js';

const io = resolveParams({}).io;

describe('loadTexts', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sada-load-'));
  const file = path.join(dir, 'mix.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 'a', text: 'نص أ' }),
      JSON.stringify({ text: 'نص بلا معرف في السطر الثاني' }),
      JSON.stringify({ id: 'c:2', text: 'معرف ينتهي بما يشبه موضع سطر' }),
      JSON.stringify({ text: 'نص بلا معرف في السطر الرابع' }),
    ].join('\n'),
  );

  test('finds records by id, and id-less records by their line', async () => {
    const texts = await loadTexts(
      [
        { key: 'a', path: file },
        { key: 'mix.jsonl:2', path: file },
        { key: 'c:2', path: file },
        { key: 'mix.jsonl:4', path: file },
      ],
      io,
    );
    expect(texts.get('a')).toBe('نص أ');
    expect(texts.get('mix.jsonl:2')).toBe('نص بلا معرف في السطر الثاني');
    expect(texts.get('c:2')).toBe('معرف ينتهي بما يشبه موضع سطر');
    expect(texts.get('mix.jsonl:4')).toBe('نص بلا معرف في السطر الرابع');
  });

  test('a place suffix matches the first wanted key ending with it, as before', async () => {
    // "c:2" is wanted under its id; an id-less record at line 2 comes back as ":2", which "c:2" ends with too
    const texts = await loadTexts([{ key: 'c:2', path: file }], io);
    expect(texts.get('c:2')).toBe('نص بلا معرف في السطر الثاني');
  });

  test('with the places a scan read them at, records come back from there, repeated ids included', async () => {
    const dup = path.join(dir, 'dup.jsonl');
    writeFileSync(
      dup,
      [
        JSON.stringify({ id: 'x', text: 'النسخة الأولى من الخبر' }),
        'not json',
        JSON.stringify({ id: 'x', text: 'النسخة الثانية بالمعرف نفسه' }),
        JSON.stringify({ text: 'نص بلا معرف' }),
      ].join('\n'),
    );
    const texts = await loadTexts(
      [
        { key: 'x#2', path: dup, source: { path: dup, line: 3, record: 2 } },
        { key: 'dup.jsonl:4', path: dup, source: { path: dup, line: 4, record: 3 } },
      ],
      io,
    );
    expect(texts.get('x#2')).toBe('النسخة الثانية بالمعرف نفسه');
    expect(texts.get('dup.jsonl:4')).toBe('نص بلا معرف');
    expect(texts.size).toBe(2);
  });

  test('places match what the reader reports, so a scan round-trips through them', async () => {
    const { readDocs } = await import('../../src/io/read-docs.js');
    const requests = [];
    const want = new Map<string, string>();
    for await (const e of readDocs([{ path: file, key: 'mix.jsonl' }], io)) {
      if (e.kind !== 'doc') continue;
      requests.push({ key: e.doc.key, path: file, source: e.doc.source });
      want.set(e.doc.key, e.doc.text);
    }
    expect(await loadTexts(requests, io)).toEqual(want);
  });
});
