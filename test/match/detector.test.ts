import { describe, expect, test } from '@jest/globals';
import { Detector } from '../../src/match/detector.js';
import { resolveParams } from '../../src/params.js';
import { createMinHasher } from '../../src/sketch/minhash.js';
import { overlappingSets, prng } from '../helpers/sets.js';

/** Feeds sets through `addSketch` (as the worker threads do) and returns the verified pairs as "a-b". */
async function pairsOf(sets: Uint32Array[], containment: boolean): Promise<string[]> {
  const p = resolveParams({ index: { containment } });
  const detector = await Detector.create(p, undefined, 2);
  const minhash = createMinHasher(p.sketch.hashes, p.sketch.seed);
  for (const [d, set] of sets.entries()) {
    const values = new Uint32Array(p.sketch.hashes);
    minhash(set, values);
    await detector.addSketch(d, `f${d}`, set, values);
  }
  await detector.finish();
  return detector.pairs.map((x) => `${x.a}-${x.b}`);
}

describe('Detector candidates', () => {
  test('a short item inside a long page is verified through the containment index (LSH alone misses it)', async () => {
    const rand = prng(11);
    const [item, page] = overlappingSets(rand, 300, 0, 4000);
    const [x, y] = overlappingSets(rand, 900, 100, 100);
    const sets = [item, x, page, y];
    expect(await pairsOf(sets, true)).toEqual(expect.arrayContaining(['0-2', '1-3']));
    expect(await pairsOf(sets, false)).toEqual(['1-3']);
  });

  test('a pair found by both LSH and the containment index is verified once', async () => {
    const [x, y] = overlappingSets(prng(5), 900, 100, 100);
    expect(await pairsOf([x, y], true)).toEqual(['0-1']);
  });
});
