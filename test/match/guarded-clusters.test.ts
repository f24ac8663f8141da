import type { Pair } from '../../src/records.js';
import { guardedClusters } from '../../src/match/guarded-clusters.js';
import type { PairKind } from '../../src/match/template-guard.js';

const pair = (a: number, b: number, ab: number, ba: number): Pair => ({ a, b, jaccard: Math.min(ab, ba), containsAinB: ab, containsBinA: ba });
const rep = (m: readonly number[]) => m[0];
const id = (prefix: string, m: readonly number[]) => `${prefix}${m.join('-')}`;

describe('guardedClusters: partial reuse', () => {
  test('a partial pair joins no cluster and is listed as a partial link, each pair in exactly one place', () => {
    // 0~1 a story and its copy; 2 a follow-up that pastes 0 as background (partial); 3~4 templates
    const pairs = [pair(0, 1, 0.95, 0.9), pair(0, 2, 0.92, 0.3), pair(3, 4, 0.8, 0.8)];
    const kinds: PairKind[] = ['copy', 'partial', 'template'];
    const g = guardedClusters(5, pairs, kinds, rep, id);
    expect(g.clusters.map((c) => c.members)).toEqual([[0, 1]]);
    expect(g.partialLinks).toEqual([pairs[1]]);
    expect(g.links).toEqual([]);
    expect(g.templates.map((t) => t.members)).toEqual([[3, 4]]);
    const listed = [...g.clusters.flatMap((c) => c.pairs), ...g.links, ...g.templates.flatMap((t) => t.pairs), ...g.templateLinks, ...g.partialLinks];
    expect(listed.map((p) => `${p.a}-${p.b}`).sort()).toEqual(pairs.map((p) => `${p.a}-${p.b}`).sort());
  });

  test('partial pairs never pull two copies together, however many there are', () => {
    // a roundup page (4) carries stories 0 and 2 in part: judged partial both times
    const pairs = [pair(0, 1, 0.9, 0.9), pair(2, 3, 0.9, 0.9), pair(0, 4, 0.9, 0.2), pair(2, 4, 0.9, 0.2)];
    const g = guardedClusters(5, pairs, ['copy', 'copy', 'partial', 'partial'], rep, id);
    expect(g.clusters.map((c) => c.members)).toEqual([[0, 1], [2, 3]]);
    expect(g.partialLinks.map((p) => [p.a, p.b])).toEqual([[0, 4], [2, 4]]);
  });
});
