import { describe, expect, test } from '@jest/globals';
import { SetTable } from '../../src/sketch/set-table.js';
import { prng } from '../helpers/sets.js';

describe('SetTable (per-document arrays without an object each)', () => {
  test('arrays written in place or copied come back by id, across chunks, unchanged', () => {
    const rand = prng(4);
    const table = new SetTable(64);
    const expected = new Map<number, number[]>();
    for (let id = 0; id < 60; id += 1 + (id % 3)) {
      const values = Array.from({ length: 1 + Math.floor(rand() * 150) }, () => (rand() * 2 ** 32) >>> 0);
      if (id % 2 === 0) {
        const w = table.writer;
        const chunk = w.room(values.length);
        chunk.set(values, w.offset);
        table.keep(id, w.take(values.length));
      } else table.copy(id, Uint32Array.from(values));
      expected.set(id, values);
    }
    // an alias reads its original's array, and one of an unknown id reads as none
    table.alias(61, 2);
    expected.set(61, expected.get(2)!);
    table.alias(62, 500);
    for (let id = 0; id < 70; id++) {
      const want = expected.get(id);
      expect(table.length(id)).toBe(want?.length ?? 0);
      expect(table.get(id) === undefined ? undefined : [...table.get(id)!]).toEqual(want);
    }
  });
});
