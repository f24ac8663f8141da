import { shingleHashes, sortUnique } from '../../src/sketch/shingle.js';
import { prng } from '../helpers/sets.js';

describe('sortUnique (bucket + insertion) against TypedArray sort', () => {
  test.each([0, 1, 2, 63, 64, 1000, 5000, 70000])('%i random values with repeats', (n) => {
    const rand = prng(n + 1);
    const a = new Uint32Array(n);
    for (let i = 0; i < n; i++) a[i] = rand() < 0.2 && i > 0 ? a[Math.floor(rand() * i)] : Math.floor(rand() * 4294967296);
    const expected = Array.from(new Set(a)).sort((x, y) => x - y);
    expect(Array.from(sortUnique(a.slice()))).toEqual(expected);
  });

  test('skewed values (all in one bucket) still sort', () => {
    const a = Uint32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 3001);
    expect(Array.from(sortUnique(a))).toEqual(Array.from(new Set(Array.from(a))).sort((x, y) => x - y));
  });

  test('shingle sets come back sorted and distinct, each in its own buffer', () => {
    const text = 'وكالة الانباء السعودية '.repeat(50) + 'قال المتحدث الرسمي ان الاجتماع عقد امس';
    const a = shingleHashes(text, 'char', 7, 3);
    const b = shingleHashes('نص اخر مختلف تماما عن الاول', 'char', 7, 3);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(a.buffer).not.toBe(b.buffer);
    expect(Array.from(shingleHashes(text, 'char', 7, 3))).toEqual(Array.from(a));
  });
});
