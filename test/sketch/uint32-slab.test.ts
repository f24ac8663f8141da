import { Uint32Slab } from '../../src/sketch/uint32-slab.js';
import { shingleHashes } from '../../src/sketch/shingle.js';
import { prng } from '../helpers/sets.js';

/** Writes `values` into the slab as a set would be, and takes them. */
function put(slab: Uint32Slab, values: number[], reserve = values.length): Uint32Array {
  const chunk = slab.room(reserve);
  chunk.set(values, slab.offset);
  return slab.take(values.length);
}

describe('Uint32Slab', () => {
  test('sets stay intact while later ones fill the chunk and the next', () => {
    const slab = new Uint32Slab(8);
    const sets = [[1, 2, 3], [4, 5, 6, 7], [8, 9], [10, 11, 12, 13, 14, 15], [16]];
    const views = sets.map((v) => put(slab, v));
    views.forEach((view, i) => expect(Array.from(view)).toEqual(sets[i]));
    // 3 + 4 fill the first chunk of 8; 2 more do not fit, so the third set starts a new chunk
    expect(views[1].buffer).toBe(views[0].buffer);
    expect(views[2].buffer).not.toBe(views[1].buffer);
  });

  test('room asked for but not taken is left for the next set', () => {
    const slab = new Uint32Slab(8);
    const a = put(slab, [1, 2], 6);
    const b = put(slab, [3, 4, 5, 6, 7, 8]);
    expect(b.buffer).toBe(a.buffer);
    expect(Array.from(a)).toEqual([1, 2]);
    expect(Array.from(b)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  test('a set larger than a chunk gets a chunk of its own size', () => {
    const slab = new Uint32Slab(4);
    const values = Array.from({ length: 10 }, (_, i) => i * 7);
    const got = put(slab, values);
    expect(Array.from(got)).toEqual(values);
    expect(got.buffer.byteLength).toBe(40);
  });
});

describe('shingleHashes into a slab', () => {
  test('gives the sets it gives with their own buffers, at any offset in a chunk', () => {
    // random letters: long sets whose buckets hold inversions and repeats, written after other sets
    const rand = prng(7);
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const random = (n: number) => Array.from({ length: n }, () => (rand() < 0.15 ? ' ' : letters[Math.floor(rand() * 4)])).join('');
    const texts = ['وكالة الانباء السعودية '.repeat(20), 'abc', '', random(3000), random(50), random(20000), 'قال المتحدث الرسمي'];
    const slab = new Uint32Slab(4096);
    const inSlab = texts.map((t) => shingleHashes(t, 'char', 4, 5, slab));
    texts.forEach((t, i) => expect(Array.from(inSlab[i])).toEqual(Array.from(shingleHashes(t, 'char', 4, 5))));
    expect(inSlab[3].byteOffset).toBeGreaterThan(0);
  });

  test('a set whose smallest values arrive inverted is not sorted into the set before it', () => {
    // short sets, thousands of them: some start with two values in their first bucket, in reverse order
    const rand = prng(11);
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 8 + Math.floor(rand() * 30) }, () => String.fromCharCode(0x0627 + Math.floor(rand() * 30))).join(''));
    const slab = new Uint32Slab(1 << 16);
    const inSlab = texts.map((t) => shingleHashes(t, 'char', 3, 9, slab));
    texts.forEach((t, i) => expect(Array.from(inSlab[i])).toEqual(Array.from(shingleHashes(t, 'char', 3, 9))));
  });
});
