import { describe, expect, test } from '@jest/globals';
import { counterValue, headlineCounters, WordTable } from '../../src/match/guard-words.js';
import { headlineOf, wordHash } from '../../src/match/headline.js';

const h = (w: string) => wordHash(w, 0, w.length);
const value = (w: string) => counterValue(w, 0, w.length, h(w), /[0-9]/.test(w));

describe('counters', () => {
  test('ordinals (both genders), weekdays and months have a class and a value; other words none', () => {
    expect(value('الخامس')).toBe(value('الخامسه'));
    expect(value('الخامس') >>> 28).toBe(2);
    expect(value('الخامس')).not.toBe(value('الرابع'));
    expect(value('الاثنين') >>> 28).toBe(3);
    expect(value('مارس') >>> 28).toBe(4);
    expect(value('رمضان') >>> 28).toBe(5);
    expect(value('الرياض')).toBe(0);
    expect(value('2014')).toBe(value('2014م'));
    expect(value('2014') >>> 28).toBe(1);
  });

  test('a headline names ordinals by their core too', () => {
    const a = headlineOf('وصول الطائرة الثانية');
    const b = headlineOf('وصول ثانية الطائرات');
    expect(headlineCounters(a!)).toEqual([value('الثانيه')]);
    expect(headlineCounters(b!)).toEqual([value('الثانيه')]);
  });
});

describe('WordTable', () => {
  test('counts documents per word, digit words apart, through growth', () => {
    const t = new WordTable();
    // 3 × 30 000 distinct words outgrow the initial table twice
    const docs = [0, 1, 2].map((d) => Uint32Array.from({ length: 30000 }, (_, i) => h(`w${d}-${i}`)));
    const common = Uint32Array.from(['في', 'من', 'عام2015'], h);
    for (const words of [...docs, common, common]) {
      const digits = new Uint32Array((words.length + 31) >>> 5);
      if (words === common) digits[0] = 1 << 2;
      t.countDoc(words, digits);
    }
    t.countDoc(docs[1], new Uint32Array(docs[1].length));
    expect(t.df(h('w0-5'))).toBe(1);
    expect(t.df(h('w1-29999'))).toBe(2);
    expect(t.df(h('في'))).toBe(2);
    expect(t.df(h('عام2015'))).toBe(-1);
    expect(t.df(h('غائب'))).toBe(0);
  });
});
