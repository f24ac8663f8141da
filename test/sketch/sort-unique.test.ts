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

describe('sortUnique: inputs that take the slow path (repeats, inversions within a bucket)', () => {
  const reference = (a: Uint32Array) => Array.from(new Set(a)).sort((x, y) => x - y);
  const cases: Array<[string, Uint32Array]> = [
    ['empty', new Uint32Array(0)],
    ['one value', Uint32Array.of(4294967295)],
    ['all equal', new Uint32Array(5000).fill(123456789)],
    ['two values alternating', Uint32Array.from({ length: 999 }, (_, i) => (i % 2 ? 0 : 4294967295))],
    ['descending', Uint32Array.from({ length: 4096 }, (_, i) => 4294967295 - i * 1048573)],
    ['descending within one bucket, with repeats', Uint32Array.from({ length: 3000 }, (_, i) => 2000 - (i % 1500))],
    ['zero and the largest value, repeated', Uint32Array.of(0, 4294967295, 0, 4294967295, 1, 0)],
  ];
  test.each(cases)('%s', (_, a) => {
    expect(Array.from(sortUnique(a.slice()))).toEqual(reference(a));
  });

  test('random values, each repeated or perturbed near another (many ties and inversions)', () => {
    const rand = prng(7);
    for (const n of [2, 3, 17, 256, 4097, 100000]) {
      const a = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const r = rand();
        const near = i > 0 ? a[Math.floor(rand() * i)] : 0;
        a[i] = r < 0.3 ? near : r < 0.6 ? (near + Math.floor(rand() * 64) - 32) >>> 0 : Math.floor(rand() * 4294967296);
      }
      expect(Array.from(sortUnique(a.slice()))).toEqual(reference(a));
    }
  });
});
