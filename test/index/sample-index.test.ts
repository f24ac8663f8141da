import { describe, expect, test } from '@jest/globals';
import type { Candidate } from '../../src/records.js';
import { SampleIndex, defaultSampleShape } from '../../src/index/sample-index.js';
import { overlappingSets, prng } from '../helpers/sets.js';

/** Candidates of each document added in order, as "a-b" strings. */
function candidatesOf(sets: Uint32Array[], index = new SampleIndex()): string[] {
  const out: Candidate[] = [];
  sets.forEach((s, d) => index.add(d, s, out));
  return out.map((c) => `${c.a}-${c.b}`);
}

describe('SampleIndex (containment candidates)', () => {
  test('a short wire item inside a long page is a candidate (Jaccard 0.1, containment 1), both orders', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const [item, page] = overlappingSets(prng(seed), 400, 0, 3600);
      if (candidatesOf([item, page]).includes('0-1') && candidatesOf([page, item]).includes('0-1')) found++;
    }
    expect(found).toBe(20);
  });

  test('a short item (a caption) inside a page is found through the fine sample, both orders', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const [caption, page] = overlappingSets(prng(seed), 40, 0, 2000);
      if (candidatesOf([caption, page]).includes('0-1') && candidatesOf([page, caption]).includes('0-1')) found++;
    }
    expect(found).toBeGreaterThanOrEqual(19);
  });

  test('documents sharing a tenth of the smaller set are not candidates', () => {
    let found = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const [a, b] = overlappingSets(prng(seed), 100, 900, 2900);
      if (candidatesOf([a, b]).length > 0) found++;
    }
    expect(found).toBe(0);
  });

  test('a formula in more than maxPosting documents is not walked and does not count', () => {
    const rand = prng(7);
    // 30 pages that are mostly one 800-shingle formula: formula samples stop being walked
    // once more than maxPosting documents have them, so late pages do not all meet each other
    const formula = overlappingSets(rand, 0, 800, 0)[0];
    const pages = Array.from({ length: 30 }, () => {
      const own = overlappingSets(rand, 0, 200, 0)[0];
      return Uint32Array.from([...formula, ...own]).sort();
    });
    const shape = { ...defaultSampleShape, maxPosting: 5 };
    const pairs = candidatesOf(pages, new SampleIndex(shape));
    expect(pairs).toContain('0-1');
    expect(pairs.every((p) => Number(p.split('-')[1]) <= 5)).toBe(true);
  });

  test('candidates come grouped by the newer document, earlier ids ascending', () => {
    const rand = prng(3);
    const [x, y] = overlappingSets(rand, 1000, 100, 100);
    const out: Candidate[] = [];
    const index = new SampleIndex();
    [x, y, x, y].forEach((s, d) => index.add(d, s, out));
    expect(out.map((c) => `${c.a}-${c.b}`)).toEqual(['0-1', '0-2', '1-2', '0-3', '1-3', '2-3']);
  });

  test('samples shared with earlier documents do not carry over to the next document added', () => {
    const rand = prng(11);
    // coarse samples (low 4 bits 0) and unsampled fillers (low 2 bits 1), all distinct; the page has 10
    // coarse samples and shares 2 (below minShared) with each later page: 4 would be a candidate
    const coarse = () => ((rand() * 0x10000000) >>> 0) << 4;
    const filler = () => ((((rand() * 0x40000000) >>> 0) << 2) | 1) >>> 0;
    const doc = (samples: number[]) => Uint32Array.from(new Set([...samples, ...Array.from({ length: 150 }, filler)])).sort();
    const own = (n: number) => Array.from({ length: n }, coarse);
    const page = own(10);
    const later = Array.from({ length: 5 }, (_, k) => doc([...page.slice(2 * k, 2 * k + 2), ...own(40)]));
    expect(candidatesOf([doc(page), ...later])).toEqual([]);
  });

  test('tallies start over when their base runs out, with the same candidates', () => {
    const rand = prng(5);
    const sets: Uint32Array[] = [];
    for (let k = 0; k < 6; k++) sets.push(...overlappingSets(rand, 400, 0, 1200), ...overlappingSets(rand, 40, 0, 600));
    const expected = candidatesOf(sets);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    const index = new SampleIndex();
    // a few documents before the start-over
    (index as unknown as { base: number }).base = 0x3fffffff - 3000;
    expect(candidatesOf(sets, index)).toEqual(expected);
    expect((index as unknown as { base: number }).base).toBeLessThan(1e6);
  });

  test('with the caller keeping the sets (setOf), the same candidates and no set held', () => {
    const rand = prng(9);
    const sets: Uint32Array[] = [];
    // pages, then short items that index the pages' fine samples (which the index reads through setOf)
    for (let k = 0; k < 5; k++) sets.push(...overlappingSets(rand, 400, 0, 1200));
    for (let k = 0; k < 5; k++) sets.push(overlappingSets(rand, 40, 0, 0)[0], ...overlappingSets(rand, 30, 0, 600).slice(1));
    const sparse: (Uint32Array | undefined)[] = [];
    const index = new SampleIndex(defaultSampleShape, (d) => sparse[d]);
    const out: Candidate[] = [];
    // every other id skipped, as exact duplicates are: setOf answers undefined for them
    sets.forEach((s, d) => {
      sparse[2 * d] = s;
      index.add(2 * d, s, out);
    });
    const expected = candidatesOf(sets);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(out.map((c) => `${c.a / 2}-${c.b / 2}`)).toEqual(expected);
    expect((index as unknown as { pending: unknown[] }).pending).toHaveLength(0);
  });
});
