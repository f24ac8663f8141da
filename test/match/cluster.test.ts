import { clusterPairs, UnionFind } from '../../src/match/cluster.js';
import { comparePair, intersectionSize, isMatch } from '../../src/match/verify.js';

const pair = (a: number, b: number) => ({ a, b, jaccard: 1, containsAinB: 1, containsBinA: 1 });

describe('UnionFind', () => {
  test('joins transitively and keeps separate sets apart', () => {
    const uf = new UnionFind(6);
    expect(uf.union(0, 1)).toBe(true);
    expect(uf.union(1, 2)).toBe(true);
    expect(uf.union(0, 2)).toBe(false);
    uf.union(4, 5);
    expect(uf.find(2)).toBe(uf.find(0));
    expect(uf.find(3)).not.toBe(uf.find(0));
    expect(uf.find(4)).toBe(uf.find(5));
    expect(uf.find(4)).not.toBe(uf.find(0));
  });

  test('a long chain resolves to one root', () => {
    const uf = new UnionFind(10000);
    for (let i = 1; i < 10000; i++) uf.union(i - 1, i);
    expect(new Set(Array.from({ length: 10000 }, (_, i) => uf.find(i))).size).toBe(1);
  });
});

describe('clusterPairs', () => {
  test('connected components become clusters, largest first, singletons left out', () => {
    const clusters = clusterPairs(7, [pair(0, 1), pair(5, 6), pair(1, 3)], (m) => m[m.length - 1], (m) => `c${m.join('-')}`);
    expect(clusters.map((c) => c.members)).toEqual([
      [0, 1, 3],
      [5, 6],
    ]);
    expect(clusters[0].representative).toBe(3);
    expect(clusters[0].id).toBe('c0-1-3');
    expect(clusters[0].pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });
});

describe('verification', () => {
  test('exact Jaccard and both containments', () => {
    const a = Uint32Array.of(1, 2, 3, 4);
    const b = Uint32Array.of(3, 4, 5, 6, 7, 8);
    expect(intersectionSize(a, b)).toBe(2);
    const p = comparePair(0, a, 1, b);
    expect(p.jaccard).toBeCloseTo(2 / 8);
    expect(p.containsAinB).toBeCloseTo(0.5);
    expect(p.containsBinA).toBeCloseTo(2 / 6);
  });

  test('a pair matches on Jaccard or on the larger containment', () => {
    const t = { threshold: 0.5, containment: 0.6 };
    expect(isMatch({ a: 0, b: 1, jaccard: 0.55, containsAinB: 0.5, containsBinA: 0.5 }, t)).toBe(true);
    expect(isMatch({ a: 0, b: 1, jaccard: 0.3, containsAinB: 0.2, containsBinA: 0.85 }, t)).toBe(true);
    expect(isMatch({ a: 0, b: 1, jaccard: 0.3, containsAinB: 0.4, containsBinA: 0.5 }, t)).toBe(false);
  });
});
