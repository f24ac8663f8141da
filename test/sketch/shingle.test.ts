import { fmix32 } from '../../src/sketch/hash32.js';
import { shingleHashes, sortUnique } from '../../src/sketch/shingle.js';
import { prng } from '../helpers/sets.js';

describe('shingleHashes', () => {
  test('char n-grams ignore spaces, so a split name keeps its shingles', () => {
    const a = shingleHashes('ويتهم الغرب بيونغيانغ بتزويد', 'char', 7, 1);
    const b = shingleHashes('ويتهم الغرب بيونغ يانغ بتزويد', 'char', 7, 1);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  test('char 7-grams of a text of n letters number n − 6 (distinct here)', () => {
    expect(shingleHashes('abcdefghij', 'char', 7, 1).length).toBe(4);
  });

  test('a text shorter than n gives one shingle; an empty text none', () => {
    expect(shingleHashes('abc', 'char', 7, 1).length).toBe(1);
    expect(shingleHashes('', 'char', 7, 1).length).toBe(0);
    expect(shingleHashes('one two', 'word', 5, 1).length).toBe(1);
  });

  test('word n-grams: one per window; word order matters', () => {
    const words = 'a b c d e f g';
    expect(shingleHashes(words, 'word', 5, 1).length).toBe(3);
    expect(Array.from(shingleHashes('a b c d e', 'word', 5, 1))).not.toEqual(Array.from(shingleHashes('e d c b a', 'word', 5, 1)));
  });

  test('repeated n-grams count once and the result is sorted', () => {
    const h = shingleHashes('abababababababab', 'char', 4, 1);
    expect(h.length).toBe(2);
    expect(h[0]).toBeLessThan(h[1]);
  });

  test('the seed changes every hash', () => {
    const a = shingleHashes('كوريا الشمالية', 'char', 7, 1);
    const b = shingleHashes('كوريا الشمالية', 'char', 7, 2);
    expect(a.some((v) => b.includes(v))).toBe(false);
  });

  test('sortUnique sorts and de-duplicates in place', () => {
    expect(Array.from(sortUnique(Uint32Array.of(5, 1, 5, 3, 1)))).toEqual([1, 3, 5]);
  });
});

describe('char shingles against a plain reference', () => {
  const BASE = 0x01000193;
  // every window hashed from scratch over the code units with spaces removed, then Set + sort
  function reference(text: string, n: number, seed: number): number[] {
    const units: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x20) units.push(text.charCodeAt(i));
    if (units.length === 0) return [];
    const width = Math.min(n, units.length);
    const out = new Set<number>();
    for (let i = 0; i + width <= units.length; i++) {
      let h = 0;
      for (let k = i; k < i + width; k++) h = (Math.imul(h, BASE) + units[k]) | 0;
      out.add(fmix32(h ^ seed));
    }
    return [...out].sort((x, y) => x - y);
  }

  const rand = prng(11);
  const pick = (alphabet: string, len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const arabic = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const cases: Array<[string, string]> = [
    ['Arabic words', pick(arabic + '   ', 3000)],
    ['one-byte text, with the units next to a space (! and ")', pick('abcdef!"\u001f  ', 500)],
    ['lone surrogates and U+FFFF', pick('\ud800\udc00\uffff\u0000a ', 400)],
    ['only spaces', '     '],
    ['shorter than n after spaces go', 'a b c'],
    ['exactly n units', 'abcdefg'],
    ['long text (scratch grows past its first size)', pick(arabic + ' ', 40000)],
    ['a short alphabet (many repeated n-grams)', pick('ab ', 20000)],
  ];
  test.each(cases)('%s', (_, text) => {
    for (const n of [1, 7]) expect(Array.from(shingleHashes(text, 'char', n, 99))).toEqual(reference(text, n, 99));
  });

  test('a long text, then a short one: no units left over from the first', () => {
    const long = pick(arabic, 20000);
    shingleHashes(long, 'char', 7, 5);
    expect(Array.from(shingleHashes('abc defg', 'char', 7, 5))).toEqual(reference('abc defg', 7, 5));
  });
});
