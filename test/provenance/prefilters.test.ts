/**
 * The provenance stage skips work it can prove useless: the agency-name regex is tried only at words that
 * can open a name (word-gate.ts), the Latin names only in texts with an ASCII letter, and a text's dates are
 * read for a published date only when it holds a published label. These tests hold each shortcut to the
 * full scan it replaces: it must never skip a text, or a place, where the full scan matches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { AGENCIES, ARABIC_NAME_RE, arabicNameMatches, findAgencies } from '../../src/provenance/agencies.js';
import { profileDoc } from '../../src/provenance/evidence.js';
import { foldForMatch, WORD_CHAR } from '../../src/provenance/fold.js';
import { WordGate } from '../../src/provenance/word-gate.js';
import { prng } from '../helpers/sets.js';

type Hit = [number, string, string];
const full = (t: string): Hit[] => [...t.matchAll(ARABIC_NAME_RE)].map((m) => [m.index, m[0], m[1]]);
const gated = (t: string): Hit[] => arabicNameMatches(t).map((m) => [m.index, m[0], m[1]]);

const arabicNames = AGENCIES.flatMap((a) => [...a.names, ...(a.tagOnly ?? [])]).filter((n) => !/^[\x20-\x7e]+$/.test(n));
const clitics = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'لل', 'ال', 'م', 'وو'];
/** A name written as is, with its parts run together, dotted, spread, and (for «ال» names) contracted after ل. */
function spellings(name: string): string[] {
  const parts = name.split(/[\s.]+/).filter(Boolean);
  const out = [name, parts.join(''), parts.join('.'), parts.join('. '), parts.join('  '), parts.join(' .')];
  if (name.startsWith('ال')) out.push('لل' + name.slice(2));
  return out;
}
const contexts: [string, string][] = [
  ['', ''], ['قال ', ' إن'], ['(', ')'], ['«', '»'], ['\n', '\n'], ['الرياض - ', ' -'], ['x', ''], ['', 'ه'], ['', 'ة'],
  ['ـ', ''], ['', '2'], ['واس', ' '], ['.', '.'], [' ', 'ية'],
];

describe('arabicNameMatches (word gate) against the full regex scan', () => {
  test('every agency name form, with every clitic and none, inside and at the edges of a text', () => {
    let texts = 0;
    let matched = 0;
    const differ: [string, Hit[], Hit[]][] = [];
    for (const name of arabicNames) {
      for (const spelling of spellings(name)) {
        for (const clitic of clitics) {
          for (const [before, after] of contexts) {
            const t = foldForMatch(`${before}${clitic}${spelling}${after}`).text;
            const expected = full(t);
            const got = gated(t);
            if (JSON.stringify(got) !== JSON.stringify(expected)) differ.push([t, got, expected]);
            texts++;
            if (expected.length > 0) matched++;
          }
        }
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // the forms above mostly match: the comparison is not vacuous
    expect(matched).toBeGreaterThan(texts / 3);
  });

  test('names next to each other and repeated', () => {
    const all = arabicNames.join(' ');
    for (const t of [all, arabicNames.join(''), arabicNames.join('،'), arabicNames.map((n) => `و${n}`).join('\n')]) {
      const folded = foldForMatch(t).text;
      expect(gated(folded)).toEqual(full(folded));
    }
  });

  test('random texts made of the names\' letters, clitics, separators and marks', () => {
    const rand = prng(7);
    const letters = [...new Set(arabicNames.join('') + 'وفبلكـًٌَُِّ')];
    const pieces = [...letters, ...letters, ' ', ' ', '.', '\n', '(', '«', ...arabicNames, ...arabicNames.map((n) => n.replace(/ /g, ''))];
    for (let k = 0; k < 400; k++) {
      const n = Math.floor(rand() * 60);
      let s = '';
      for (let i = 0; i < n; i++) s += pieces[Math.floor(rand() * pieces.length)];
      const t = foldForMatch(s).text;
      expect([t, gated(t)]).toEqual([t, full(t)]);
    }
  });

  test('the sample corpus', () => {
    const dir = new URL('../../corpus/', import.meta.url);
    for (const f of readdirSync(dir)) {
      const t = foldForMatch(readFileSync(new URL(f, dir), 'utf8')).text;
      expect(gated(t)).toEqual(full(t));
    }
  });

  test('a first word with a non-word character is refused, since the gate could never see it', () => {
    expect(() => new WordGate(WORD_CHAR, ['وكاله الانباء'])).toThrow(/non-word/);
  });
});

describe('shortcuts that skip a whole text', () => {
  test('Latin names are found at the edges and inside Arabic text', () => {
    const latin = AGENCIES.flatMap((a) => a.names.filter((n) => /^[\x20-\x7e]+$/.test(n)).map((n) => [a.id, n] as const));
    for (const [id, name] of latin) {
      for (const t of [name, `${name} قال`, `قال ${name}`, `(${name})`, `لـ${name}`]) {
        expect(findAgencies(t).map((m) => m.agency)).toEqual([id]);
      }
    }
  });

  test.each([
    ['Arabic label', 'خبر\nتاريخ النشر: 21 يوليو 2015', '2015-07-21'],
    ['short Arabic label', 'خبر\nنشر في 2015-07-22', '2015-07-22'],
    ['Latin label in capitals', 'خبر\nPUBLISHED ON: 23 July 2015', '2015-07-23'],
    ['Latin label with a long s', 'خبر\npubliſhed: 24 July 2015', '2015-07-24'],
  ])('a published label is still read: %s', (_name, text, iso) => {
    const p = profileDoc({ key: 'k', text, bodyChars: text.length }).published;
    expect(p?.from).toBe('text');
    expect(new Date(p!.ms).toISOString().slice(0, 10)).toBe(iso);
  });
});
