import { intersectionSize, isMatch, minMatchingIntersection, pairFromCounts, SetProbe } from '../../src/match/verify.js';
import { overlappingSets, prng } from '../helpers/sets.js';

describe('SetProbe against the merge walk (slow reference)', () => {
  test.each([
    ['disjoint', 0, 500, 700],
    ['identical', 800, 0, 0],
    ['a inside b', 300, 0, 1500],
    ['b inside a', 300, 1500, 0],
    ['partial overlap', 700, 900, 400],
    ['tiny sets', 1, 1, 2],
    ['large sets (16-bit directory)', 40000, 30000, 30000],
  ])('%s: exact intersection when nothing is required', (_name, shared, onlyA, onlyB) => {
    const [a, b] = overlappingSets(prng(shared + onlyA + onlyB), shared, onlyA, onlyB);
    const probe = new SetProbe();
    probe.reset(b);
    expect(probe.intersect(a, 0)).toBe(intersectionSize(a, b));
  });

  test('stops with −1 exactly when the required size is out of reach, else gives the exact size', () => {
    const rand = prng(7);
    const probe = new SetProbe();
    for (let k = 0; k < 60; k++) {
      const [a, b] = overlappingSets(rand, Math.floor(rand() * 400), Math.floor(rand() * 400), Math.floor(rand() * 400));
      probe.reset(b);
      const exact = intersectionSize(a, b);
      for (const need of [0, exact - 1, exact, exact + 1, a.length + 1]) {
        expect(probe.intersect(a, need)).toBe(exact >= need ? exact : -1);
      }
    }
  });

  test('…also when the probed set is much larger than the prepared one (the bound from the prepared side)', () => {
    const rand = prng(11);
    const probe = new SetProbe();
    for (let k = 0; k < 60; k++) {
      const [a, b] = overlappingSets(rand, Math.floor(rand() * 300), 1000 + Math.floor(rand() * 3000), Math.floor(rand() * 300));
      probe.reset(b);
      const exact = intersectionSize(a, b);
      for (const need of [1, exact - 1, exact, exact + 1, Math.ceil(b.length / 2), b.length]) {
        expect(probe.intersect(a, need)).toBe(exact >= need ? exact : -1);
      }
    }
  });

  test('an empty set probes as empty', () => {
    const probe = new SetProbe();
    probe.reset(new Uint32Array(0));
    expect(probe.intersect(Uint32Array.of(1, 2, 3), 0)).toBe(0);
    probe.reset(Uint32Array.of(0, 0xffffffff));
    expect(probe.intersect(Uint32Array.of(0, 5, 0xffffffff), 0)).toBe(2);
  });
});

describe('minMatchingIntersection', () => {
  test.each([
    [{ threshold: 0.5, containment: 0.6 }],
    [{ threshold: 0.5, containment: 0.5 }],
    [{ threshold: 0.3, containment: 1 }],
    [{ threshold: 0, containment: 0 }],
    [{ threshold: 1, containment: 1 }],
  ])('is the first size at which isMatch holds, for every size pair (%o)', (t) => {
    for (const [la, lb] of [[0, 0], [0, 5], [1, 1], [7, 3], [100, 100], [1700, 1650], [37, 2000]]) {
      const need = minMatchingIntersection(la, lb, t);
      for (let k = 0; k <= Math.min(la, lb); k++) {
        expect(isMatch(pairFromCounts(0, la, 1, lb, k), t)).toBe(k >= need);
      }
    }
  });
});
