import { MemoryBandStore } from '../../src/index/memory-store.js';
import { prng } from '../helpers/sets.js';

/**
 * After `putBatch`, a lookup of the same key array reads heads from what the batch recorded instead of the
 * tables; it must give exactly what probing gives (a copy of the keys takes the probing path).
 */
describe('MemoryBandStore', () => {
  test('lookup right after putBatch equals the probing lookup, with keys shared within and across batches', async () => {
    const bands = 8;
    const store = new MemoryBandStore(50);
    await store.setMeta({ paramsId: 'x', bands, rows: 2, hashes: 16, documents: 0 });
    const rand = prng(3);
    const pool = Array.from({ length: 40 }, () => Math.floor(rand() * 2 ** 21) * 2 ** 32 + Math.floor(rand() * 2 ** 32));
    let id = 0;
    for (let batch = 0; batch < 30; batch++) {
      const n = 1 + Math.floor(rand() * 60);
      const docIds = new Uint32Array(n);
      const keys = new Float64Array(n * bands);
      for (let i = 0; i < n; i++) {
        id += 1 + Math.floor(rand() * 3); // ids grow with gaps, as exact duplicates leave them
        docIds[i] = id;
        // a few common keys (boilerplate pages), else unique ones
        for (let t = 0; t < bands; t++) keys[i * bands + t] = rand() < 0.3 ? pool[Math.floor(rand() * pool.length)] : Math.floor(rand() * 2 ** 53);
      }
      await store.putBatch(docIds, keys);
      const probed = await store.lookup(keys.slice());
      const fast = await store.lookup(keys);
      expect(Array.from(fast.offsets)).toEqual(Array.from(probed.offsets));
      expect(Array.from(fast.ids)).toEqual(Array.from(probed.ids));
    }
  });

  test('keys differing only in their high bits are different keys', async () => {
    const store = new MemoryBandStore();
    await store.setMeta({ paramsId: 'x', bands: 1, rows: 1, hashes: 1, documents: 0 });
    await store.putBatch(Uint32Array.of(1, 2), Float64Array.of(5, 5 + 2 ** 40));
    const hits = await store.lookup(Float64Array.of(5, 5 + 2 ** 40, 7));
    expect(Array.from(hits.offsets)).toEqual([0, 1, 2, 2]);
    expect(Array.from(hits.ids)).toEqual([1, 2]);
  });

  test('a batch far larger than a table (several doublings before it is put) and small ones after: every key holds its documents, newest first', async () => {
    const bands = 3;
    const store = new MemoryBandStore(1000);
    await store.setMeta({ paramsId: 'x', bands, rows: 2, hashes: 6, documents: 0 });
    const rand = prng(9);
    const pool = Array.from({ length: 300 }, () => Math.floor(rand() * 2 ** 53));
    const held = Array.from({ length: bands }, () => new Map<number, number[]>());
    let id = 0;
    for (const n of [9000, 1, 700, 3000, 2]) {
      const docIds = new Uint32Array(n);
      const keys = new Float64Array(n * bands);
      for (let i = 0; i < n; i++) {
        docIds[i] = id++;
        for (let t = 0; t < bands; t++) {
          const key = rand() < 0.2 ? pool[Math.floor(rand() * pool.length)] : Math.floor(rand() * 2 ** 53);
          keys[i * bands + t] = key;
          held[t].set(key, [docIds[i], ...(held[t].get(key) ?? [])]);
        }
      }
      await store.putBatch(docIds, keys);
      const hits = await store.lookup(keys.slice());
      for (let k = 0; k < keys.length; k++) {
        const expected = held[k % bands].get(keys[k])!.slice(0, 1000);
        expect(Array.from(hits.ids.subarray(hits.offsets[k], hits.offsets[k + 1]))).toEqual(expected);
      }
    }
  });
});
