import { clusterPairs, copyClusters, UnionFind } from '../../src/match/cluster.js';
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

describe('copyClusters', () => {
  const p = (a: number, b: number, ab: number, ba: number) => ({ a, b, jaccard: Math.min(ab, ba), containsAinB: ab, containsBinA: ba });
  const groups = (root: Int32Array) => {
    const by = new Map<number, number[]>();
    root.forEach((r, d) => r >= 0 && (by.has(r) ? by.get(r)!.push(d) : by.set(r, [d])));
    return [...by.values()].sort((x, y) => x[0] - y[0]);
  };
  test('a clique of copies is one cluster', () => {
    expect(groups(copyClusters(4, [p(0, 1, 0.95, 0.95), p(0, 2, 0.9, 0.9), p(1, 2, 0.92, 0.9)]))).toEqual([[0, 1, 2]]);
  });
  test('one edge between two stories does not chain them', () => {
    const pairs = [p(0, 1, 0.95, 0.95), p(0, 2, 0.95, 0.95), p(1, 2, 0.95, 0.95), p(3, 4, 0.95, 0.95), p(3, 5, 0.95, 0.95), p(4, 5, 0.95, 0.95), p(2, 3, 0.6, 0.6)];
    expect(groups(copyClusters(6, pairs))).toEqual([[0, 1, 2], [3, 4, 5]]);
  });
  test('a page holding two stories joins the story it shares more copies with', () => {
    // 0,1,2: story A; 3,4: story B; 5 contains both (one-way containment of each)
    const pairs = [p(0, 1, 0.95, 0.95), p(0, 2, 0.95, 0.95), p(1, 2, 0.95, 0.95), p(3, 4, 0.95, 0.95)];
    for (const x of [0, 1, 2, 3, 4]) pairs.push(p(x, 5, 0.95, 0.3));
    expect(groups(copyClusters(6, pairs))).toEqual([[0, 1, 2, 5], [3, 4]]);
  });
});

describe('copyClusters with exact duplicates', () => {
  test('a duplicate joins its original\'s copies though it has no verified pairs of its own', () => {
    const p = (a: number, b: number, c: number) => ({ a, b, jaccard: c, containsAinB: c, containsBinA: c });
    const pairs = [p(0, 1, 0.95), p(0, 2, 0.95), p(1, 2, 0.95), { ...p(0, 3, 1), exact: true }];
    const root = copyClusters(4, pairs);
    expect(new Set(root).size).toBe(1);
    expect(root[3]).toBe(root[0]);
  });
});
