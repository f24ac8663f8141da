import minhashPackage from 'minhash';
import { fmix32, seededStream } from '../../src/sketch/hash32.js';
import { createMinHasher, estimateJaccard } from '../../src/sketch/minhash.js';
import { comparePair } from '../../src/match/verify.js';
import { overlappingSets, prng } from '../helpers/sets.js';

const { Minhash } = minhashPackage as unknown as { Minhash: new (o?: { numPerm?: number; seed?: number }) => { update(s: string): void; jaccard(o: unknown): number } };

describe('one-permutation MinHash', () => {
  const rand = prng(42);
  const cases = Array.from({ length: 40 }, (_, i) => {
    const shared = 50 + Math.floor(rand() * 500);
    const onlyA = Math.floor(rand() * 400);
    const onlyB = Math.floor(rand() * 400);
    return [i, shared, onlyA, onlyB] as const;
  });

  test.each(cases)('pair %i: estimate within ±0.1 of exact Jaccard and near the minhash package', (_i, shared, onlyA, onlyB) => {
    const [a, b] = overlappingSets(rand, shared, onlyA, onlyB);
    const exact = comparePair(0, a, 1, b).jaccard;
    const hash = createMinHasher(256, 7);
    const sa = new Uint32Array(256);
    const sb = new Uint32Array(256);
    hash(a, sa);
    hash(b, sb);
    const ours = estimateJaccard(sa, sb);
    expect(Math.abs(ours - exact)).toBeLessThanOrEqual(0.1);

    const ma = new Minhash({ numPerm: 256, seed: 3 });
    const mb = new Minhash({ numPerm: 256, seed: 3 });
    for (const v of a) ma.update(String(v));
    for (const v of b) mb.update(String(v));
    const theirs = ma.jaccard(mb);
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(0.15);
  });

  test('mean absolute error over many pairs is small (unbiased estimator)', () => {
    const r = prng(7);
    const hash = createMinHasher(128, 1);
    const sa = new Uint32Array(128);
    const sb = new Uint32Array(128);
    let err = 0;
    for (let i = 0; i < 200; i++) {
      const [a, b] = overlappingSets(r, 20 + Math.floor(r() * 300), Math.floor(r() * 300), Math.floor(r() * 300));
      hash(a, sa);
      hash(b, sb);
      err += estimateJaccard(sa, sb) - comparePair(0, a, 1, b).jaccard;
    }
    expect(Math.abs(err / 200)).toBeLessThan(0.02);
  });

  test('identical sets give identical signatures; disjoint ones share almost nothing', () => {
    const r = prng(9);
    const [a, b] = overlappingSets(r, 0, 300, 300);
    const hash = createMinHasher(128, 1);
    const s1 = new Uint32Array(128);
    const s2 = new Uint32Array(128);
    const s3 = new Uint32Array(128);
    hash(a, s1);
    hash(a.slice(), s2);
    hash(b, s3);
    expect(Array.from(s1)).toEqual(Array.from(s2));
    expect(estimateJaccard(s1, s3)).toBeLessThan(0.05);
  });

  test('densification fills every bin of a small set deterministically', () => {
    const hash = createMinHasher(128, 1);
    const out = new Uint32Array(128);
    hash(Uint32Array.of(1, 2, 3), out);
    expect(out.every((v) => v !== 0xffffffff)).toBe(true);
  });

  test('a shingle that mixes to all ones fills its bin (not mistaken for an empty one)', () => {
    // inverts the hasher's mixing (fmix32 of shingle ^ its seed) to find the shingle that gives 0xffffffff
    const mixSeed = seededStream(1 ^ 0x6d696e68)();
    let h = 0xffffffff;
    h ^= h >>> 16;
    h = Math.imul(h, 0x7ed1b41d);
    h ^= (h >>> 13) ^ (h >>> 26);
    h = Math.imul(h, 0xa5cb9243);
    h ^= h >>> 16;
    const ones = (h ^ mixSeed) >>> 0;
    expect(fmix32(ones ^ mixSeed)).toBe(0xffffffff);
    const hash = createMinHasher(128, 1);
    const out = new Uint32Array(128);
    hash(Uint32Array.of(ones, 7), out);
    // two filled bins: every bin holds one of the two values, and the all-ones bin lends to some others
    const other = fmix32(7 ^ mixSeed);
    expect(out.every((v) => v === 0xffffffff || v === other)).toBe(true);
    expect(out.filter((v) => v === 0xffffffff).length).toBeGreaterThan(1);
    expect(out.filter((v) => v === other).length).toBeGreaterThan(1);
  });
});
