import { SetSlab } from '../../src/sketch/set-slab.js';
import { shingleHashes } from '../../src/sketch/shingle.js';

describe('SetSlab', () => {
  test('copies stay intact while later copies fill the chunk and the next', () => {
    const slab = new SetSlab(8);
    const copies = [3, 4, 2, 6, 1].map((n, k) => {
      const src = Uint32Array.from({ length: n + 2 }, (_, i) => k * 100 + i);
      return { want: Array.from(src.subarray(0, n)), got: slab.copy(src, n) };
    });
    for (const { want, got } of copies) expect(Array.from(got)).toEqual(want);
    // 3 + 4 fill the first chunk of 8, 2 + 6 the second
    expect(copies[1].got.buffer).toBe(copies[0].got.buffer);
    expect(copies[2].got.buffer).not.toBe(copies[1].got.buffer);
  });

  test('a set larger than a chunk gets a chunk of its own size', () => {
    const slab = new SetSlab(4);
    const src = Uint32Array.from({ length: 10 }, (_, i) => i * 7);
    const got = slab.copy(src, 10);
    expect(Array.from(got)).toEqual(Array.from(src));
    expect(got.buffer.byteLength).toBe(40);
  });

  test('shingle sets copied into a slab equal the ones with their own buffers', () => {
    const slab = new SetSlab(64);
    const texts = ['وكالة الانباء السعودية '.repeat(20), 'قال المتحدث الرسمي ان الاجتماع عقد امس', 'abc', ''];
    const inSlab = texts.map((t) => shingleHashes(t, 'char', 7, 5, slab));
    texts.forEach((t, i) => expect(Array.from(inSlab[i])).toEqual(Array.from(shingleHashes(t, 'char', 7, 5))));
  });
});
