import { foldForMatch } from '../../src/provenance/fold.js';
import { prng } from '../helpers/sets.js';

/** The fold as first written (array of units, spread into fromCharCode): the slow reference. */
function slowFold(text: string): { text: string; toOriginal: number[] } {
  const out: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const drop = (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
    if (drop) continue;
    let f = c;
    if (c === 0x0623 || c === 0x0625 || c === 0x0622 || c === 0x0671) f = 0x0627;
    else if (c === 0x0629) f = 0x0647;
    else if (c === 0x0649 || c === 0x06cc) f = 0x064a;
    else if (c === 0x06a9) f = 0x0643;
    else if (c >= 0x0660 && c <= 0x0669) f = c - 0x0660 + 0x30;
    else if (c >= 0x06f0 && c <= 0x06f9) f = c - 0x06f0 + 0x30;
    out.push(f);
    map.push(i);
  }
  map.push(text.length);
  return { text: out.map((u) => String.fromCharCode(u)).join(''), toOriginal: map };
}

describe('foldForMatch', () => {
  const rand = prng(11);
  const alphabet = [0x20, 0x0a, 0x41, 0x61, 0x0623, 0x0627, 0x0629, 0x0640, 0x064e, 0x0661, 0x06cc, 0x200f, 0xfeff, 0xd83d, 0xde00, 0xdc00];
  const random = (n: number) => String.fromCharCode(...Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]));

  test.each([
    ['empty', ''],
    ['short Arabic with diacritics and tatweel', 'أَخبـار الرياضة ٢٠١٥'],
    ['a lone surrogate kept as is (not U+FFFD)', `${'و'.repeat(100)}\ud800${'ا'.repeat(100)}`],
    ['a pair of surrogates (emoji)', `${'خبر '.repeat(40)}😀`],
  ])('matches the reference: %s', (_name, text) => {
    const f = foldForMatch(text);
    const ref = slowFold(text);
    expect(f.text).toBe(ref.text);
    expect(Array.from(f.toOriginal)).toEqual(ref.toOriginal);
  });

  test('a text with nothing dropped maps to itself, whatever was folded before it', () => {
    for (const n of [10, 5000, 70, 20000, 3]) {
      const text = 'أخبار '.repeat(n);
      const f = foldForMatch(text);
      expect(f.text).toBe(slowFold(text).text);
      expect(Array.from(f.toOriginal)).toEqual(slowFold(text).toOriginal);
    }
  });

  test('matches the reference on random texts of 0 to 20,000 units', () => {
    for (const n of [0, 1, 63, 64, 65, 500, 8191, 8193, 20000]) {
      const text = random(n);
      const f = foldForMatch(text);
      const ref = slowFold(text);
      expect(f.text).toBe(ref.text);
      expect(Array.from(f.toOriginal)).toEqual(ref.toOriginal);
    }
  });
});
