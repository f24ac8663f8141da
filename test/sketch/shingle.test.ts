import { shingleHashes, sortUnique } from '../../src/sketch/shingle.js';

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
