import { LshIndex } from '../../src/index/lsh-index.js';
import { MemoryBandStore } from '../../src/index/memory-store.js';
import type { BandStore } from '../../src/index/store.js';
import { collisionProbability, optimalBands, precomputedBands, searchBands } from '../../src/params.js';
import { createMinHasher } from '../../src/sketch/minhash.js';
import { overlappingSets, prng } from '../helpers/sets.js';

const stores: [string, () => BandStore][] = [['memory', () => new MemoryBandStore()]];

describe.each(stores)('LSH over the %s store', (_name, makeStore) => {
  const shape = { bands: 32, rows: 2, hashes: 128, paramsId: 'test' };

  async function recallAt(jaccardShared: number, pairs: number, seed: number): Promise<number> {
    const rand = prng(seed);
    const index = await LshIndex.open(makeStore(), shape);
    const hash = createMinHasher(128, 5);
    const signatures = [];
    for (let i = 0; i < pairs; i++) {
      // |A ∩ B| = s, |A ∪ B| = 400 → J = s / 400
      const shared = Math.round(400 * jaccardShared);
      const [a, b] = overlappingSets(rand, shared, (400 - shared) >> 1, (400 - shared + 1) >> 1);
      for (const [k, set] of [a, b].entries()) {
        const values = new Uint32Array(128);
        hash(set, values);
        signatures.push({ docId: 2 * i + k, values });
      }
    }
    const found = await index.addBatch(signatures);
    const hits = new Set(found.filter((c) => c.b === c.a + 1 && c.a % 2 === 0).map((c) => c.a));
    await index.close();
    return hits.size / pairs;
  }

  test('recall on synthetic pairs follows the S-curve', async () => {
    for (const j of [0.3, 0.5, 0.8]) {
      const expected = collisionProbability(j, shape.bands, shape.rows);
      const recall = await recallAt(j, 300, Math.round(j * 100));
      expect(Math.abs(recall - expected)).toBeLessThan(0.08);
    }
  });

  test('pairs well above the threshold are all found; unrelated documents rarely collide', async () => {
    expect(await recallAt(0.7, 200, 1)).toBe(1);
    expect(await recallAt(0.02, 200, 2)).toBeLessThan(0.1);
  });

  test('candidates span batches and each pair comes once, smaller id first', async () => {
    const index = await LshIndex.open(makeStore(), shape);
    const v = new Uint32Array(128).fill(7);
    const first = await index.addBatch([{ docId: 0, values: v }]);
    const second = await index.addBatch([
      { docId: 1, values: v },
      { docId: 2, values: v },
    ]);
    expect(first).toEqual([]);
    const byIds = (x: { a: number; b: number }, y: { a: number; b: number }) => x.a - y.a || x.b - y.b;
    expect([...second].sort(byIds)).toEqual([
      { a: 0, b: 1 },
      { a: 0, b: 2 },
      { a: 1, b: 2 },
    ]);
  });

  test('a store built with other parameters is refused', async () => {
    const store = makeStore();
    const index = await LshIndex.open(store, shape);
    await index.addBatch([{ docId: 0, values: new Uint32Array(128) }]);
    await expect(LshIndex.open(store, { ...shape, paramsId: 'other' })).rejects.toMatchObject({ code: 'E_PARAMS_MISMATCH' });
  });
});

describe('optimalBands', () => {
  test('uses no more hashes than there are and puts the S-curve near the threshold', () => {
    for (const t of [0.3, 0.5, 0.8]) {
      const { bands, rows } = optimalBands(t, 128);
      expect(bands * rows).toBeLessThanOrEqual(128);
      expect(collisionProbability(t + 0.15, bands, rows)).toBeGreaterThan(0.9);
    }
  });

  test('the precomputed answers are what the search finds', () => {
    for (const [key, shape] of Object.entries(precomputedBands)) {
      const [threshold, hashes, fnWeight] = key.split('/').map(Number);
      expect(searchBands(threshold, hashes, fnWeight)).toEqual(shape);
      expect(optimalBands(threshold, hashes, fnWeight)).toEqual(shape);
    }
  });
});
