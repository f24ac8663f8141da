import { describe, expect, test } from '@jest/globals';
import { Postings } from '../../src/index/postings.js';
import { SortedRuns } from '../../src/index/sorted-runs.js';
import { prng } from '../helpers/sets.js';

/** Random (key, doc) postings, docs ascending, keys from a small pool so some keys have many documents. */
function postings(seed: number, n: number, keys: number): Array<[number, number]> {
  const rand = prng(seed);
  const pool = Array.from({ length: keys }, () => (Math.floor(rand() * 2 ** 28) << 4) >>> 0);
  // a skewed choice: a few keys are held by hundreds of documents, most by a handful
  return Array.from({ length: n }, (_, doc) => [pool[Math.floor(keys * rand() ** 3)], doc] as [number, number]);
}

function expected(list: Array<[number, number]>): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const [h, d] of list) m.set(h, [...(m.get(h) ?? []), d]);
  return m;
}

/** Documents of `h` in a Postings, from its slot (what SampleIndex walks). */
function docsOf(p: Postings, h: number): number[] | undefined {
  const s = p.find(h);
  if (s < 0) return undefined;
  const n = p.slots[s + 1];
  if (n === 1) return [p.slots[s + 2]];
  return Array.from(p.pool.subarray(p.slots[s + 2], p.slots[s + 2] + n));
}

describe('Postings (hash → contiguous block of documents)', () => {
  test('holds every document of every key, in arrival order, through block moves and table growth', () => {
    const list = postings(1, 60000, 5000);
    const p = new Postings(100000);
    for (const [h, d] of list) p.add(h, d);
    for (const [h, docs] of expected(list)) expect(docsOf(p, h)).toEqual(docs);
    expect(p.find(12345 << 4)).toBeLessThan(0);
    expect(p.size).toBe(expected(list).size);
  });

  test('addAt with the slot find gave before a reserve: same postings as add, also when keys take each other\'s empty slot', () => {
    const list = postings(3, 20000, 4000);
    const p = new Postings(100000);
    // documents of 10 keys at a time: find all, then add all (what SampleIndex does per document)
    for (let k = 0; k < list.length; k += 10) {
      const part = list.slice(k, k + 10).filter(([h], i, all) => all.findIndex(([g]) => g === h) === i);
      p.reserve(part.length);
      const found = part.map(([h]) => p.find(h));
      part.forEach(([h, d], i) => p.addAt(found[i], h, d));
    }
    const seen = new Map<number, number[]>();
    for (let k = 0; k < list.length; k += 10) {
      const part = list.slice(k, k + 10).filter(([h], i, all) => all.findIndex(([g]) => g === h) === i);
      for (const [h, d] of part) seen.set(h, [...(seen.get(h) ?? []), d]);
    }
    for (const [h, docs] of seen) expect(docsOf(p, h)).toEqual(docs);
    // two new keys with one home slot: both finds give the same empty slot, the second add probes on
    const q = new Postings(100);
    const [x, y] = [16, (16 + (4096 << 4)) >>> 0];
    q.reserve(2);
    const [fx, fy] = [q.find(x), q.find(y)];
    expect(fx).toBe(fy);
    q.addAt(fx, x, 1);
    q.addAt(fy, y, 2);
    expect([docsOf(q, x), docsOf(q, y)]).toEqual([[1], [2]]);
  });

  test('past `keep` documents a key only counts (its postings are never walked)', () => {
    const p = new Postings(10);
    for (let d = 0; d < 25; d++) p.add(0, d);
    for (let d = 0; d < 10; d++) p.add(16, d);
    expect(p.slots[p.find(0) + 1]).toBe(25);
    expect(docsOf(p, 16)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // freed blocks are reused: another key growing through the same sizes fits
    for (let d = 0; d < 10; d++) p.add(32, d);
    expect(docsOf(p, 32)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('SortedRuns (append-only postings, sorted when read)', () => {
  test('counts and walks every document of a key, reads interleaved with writes', () => {
    const list = postings(2, 40000, 3000);
    const runs = new SortedRuns();
    const seen = new Map<number, number[]>();
    const counts = new Int32Array(2 * 40000);
    const touched = new Int32Array(40000);
    list.forEach(([h, d], i) => {
      runs.add(h, d);
      seen.set(h, [...(seen.get(h) ?? []), d]);
      // probe now and then, as short items do: each probe sorts what waits into a new run
      if (i % 997 === 0) {
        const n = runs.count(h);
        expect(n).toBe(seen.get(h)?.length);
        const t = runs.walk(counts, 2, touched, 0);
        const docs = Array.from(touched.subarray(0, t)).sort((a, b) => a - b);
        expect(docs).toEqual(seen.get(h));
        for (const o of docs) counts[o * 2] = 0;
      }
    });
    expect(runs.count(1)).toBe(0);
  });
});
