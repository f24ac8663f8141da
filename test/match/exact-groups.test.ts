import { ExactGroups, withExactCopies } from '../../src/match/exact-groups.js';
import type { Cluster } from '../../src/records.js';

const dupOf = Int32Array.from([-1, -1, 0, -1, 1, 0, -1, 3]); // 2,5 copy 0; 4 copies 1; 7 copies 3
const options = {
  pairs: true,
  prefix: 'c',
  clusterId: (prefix: string, m: readonly number[]) => `${prefix}${m.join('.')}`,
  chooseRepresentative: (m: readonly number[]) => m[m.length - 1],
};

describe('ExactGroups', () => {
  test('lists each original’s copies in reading order', () => {
    const g = new ExactGroups(dupOf);
    const copies = (o: number) => {
      const out: number[] = [];
      g.forEachCopy(o, (d) => out.push(d));
      return out;
    };
    expect(copies(0)).toEqual([2, 5]);
    expect(copies(1)).toEqual([4]);
    expect(copies(6)).toEqual([]);
    expect([g.originalOf(5), g.originalOf(6)]).toEqual([0, 6]);
    expect([g.hasCopies(3), g.hasCopies(7)]).toEqual([true, false]);
  });
});

describe('withExactCopies', () => {
  const cluster: Cluster = { id: 'c0.1', members: [0, 1], representative: 0, pairs: [{ a: 0, b: 1, jaccard: 0.8, containsAinB: 0.9, containsBinA: 0.9 }] };

  test('copies join their original’s cluster, keeping its id, with an exact pair each', () => {
    const [first] = withExactCopies([cluster], new ExactGroups(dupOf), options);
    expect(first.id).toBe('c0.1');
    expect(first.members).toEqual([0, 1, 2, 4, 5]);
    expect(first.representative).toBe(5);
    expect(first.pairs.map((p) => [p.a, p.b, p.exact ?? false])).toEqual([
      [0, 1, false],
      [0, 2, true],
      [0, 5, true],
      [1, 4, true],
    ]);
  });

  test('an original outside every cluster forms one with its copies; sorted largest first', () => {
    const out = withExactCopies([cluster], new ExactGroups(dupOf), options);
    expect(out.map((c) => [c.id, c.members])).toEqual([
      ['c0.1', [0, 1, 2, 4, 5]],
      ['c3', [3, 7]],
    ]);
  });

  test('without pairs it lists members only (what dedup needs)', () => {
    const out = withExactCopies([cluster], new ExactGroups(dupOf), { ...options, pairs: false });
    expect(out[0].pairs).toEqual(cluster.pairs);
    expect(out[1].pairs).toEqual([]);
  });
});

describe('withExactCopies for template families', () => {
  test('copies join a family beside their original; originals outside every family stay out', () => {
    const family: Cluster = { id: 't0.6', members: [0, 6], representative: 0, pairs: [{ a: 0, b: 6, jaccard: 0.6, containsAinB: 0.9, containsBinA: 0.9 }] };
    const out = withExactCopies([family], new ExactGroups(dupOf), { ...options, prefix: 't', alone: false });
    expect(out.map((c) => [c.id, c.members])).toEqual([['t0.6', [0, 2, 5, 6]]]);
    expect(out[0].pairs.filter((p) => p.exact).map((p) => [p.a, p.b])).toEqual([[0, 2], [0, 5]]);
  });
});
