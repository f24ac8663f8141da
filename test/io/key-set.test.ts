import { KeySet } from '../../src/io/key-set.js';

describe('KeySet', () => {
  test('tells new keys from repeats, through many growths of its table', () => {
    const set = new KeySet();
    const keys = Array.from({ length: 50_000 }, (_, i) => `https://example.com/news/${i}?p=${i % 7}`);
    expect(keys.every((k) => set.add(k))).toBe(true);
    expect(keys.filter((k) => set.add(k))).toEqual([]);
    expect(set.add('https://example.com/news/50000?p=0')).toBe(true);
  });

  test('Arabic keys and near-identical keys are distinct', () => {
    const set = new KeySet();
    expect(set.add('خبر-1')).toBe(true);
    expect(set.add('خبر-2')).toBe(true);
    expect(set.add('خبر-1')).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
  });
});
