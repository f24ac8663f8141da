import { describe, expect, test } from '@jest/globals';
import { coreStart, dayOf, headlineAgreement, headlineOf, headlineSwap, wordHash } from '../../src/match/headline.js';

/** A body's words and their cores, as the guard's Bloom filter holds them. */
function has(body: string): (h: number) => boolean {
  const set = new Set<number>();
  for (const w of body.split(' ')) {
    set.add(wordHash(w, 0, w.length));
    set.add(wordHash(w, coreStart(w, 0, w.length), w.length));
  }
  return (h) => set.has(h);
}

describe('headlineOf', () => {
  test('normalises like bodies, decodes crawled entities, drops one-letter words', () => {
    const h = headlineOf('أميرعسير&quot; يدشن ملتقى &#8220;السياحة&#8221; و');
    expect(h?.words).toEqual(['اميرعسير', 'يدشن', 'ملتقي', 'السياحه']);
  });
  test('no title, no headline', () => {
    expect(headlineOf(undefined)).toBeUndefined();
    expect(headlineOf(' … ')).toBeUndefined();
  });
});

describe('coreStart', () => {
  test('strips one proclitic when three letters remain', () => {
    const core = (w: string) => w.slice(coreStart(w, 0, w.length));
    expect(core('بالقصيم')).toBe('قصيم');
    expect(core('القصيم')).toBe('قصيم');
    expect(core('ولي')).toBe('ولي');
  });
  test('agrees with stripping the longest matching proclitic of the list, on every short word of those letters', () => {
    const proclitics = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];
    const byList = (w: string) => proclitics.find((p) => w.length - p.length >= 3 && w.startsWith(p))?.length ?? 0;
    const letters = ['و', 'ب', 'ك', 'ف', 'ل', 'ا', 'م'];
    let words = [''];
    for (let len = 1; len <= 6; len++) {
      words = words.flatMap((w) => letters.map((c) => w + c));
      // inside a longer text, so the letters after the word's end are there to be misread
      for (const w of words) expect(coreStart(`ال${w}ال`, 2, 2 + w.length) - 2).toBe(byList(w));
    }
  });
});

describe('headlineSwap', () => {
  // executions in two provinces: the same frame, the province in each headline and body only
  const qassim = 'نفذ حكم القتل قصاصا في احد الجناه بمنطقه القصيم يوم الخميس';
  const ahsa = 'نفذ حكم القتل قصاصا في احد الجناه بمحافظه الاحساء يوم الاثنين';
  test('each headline names a place the other story lacks: a swap', () => {
    const a = headlineOf('القتل قصاصا في أحد الجناة بالقصيم')!;
    const b = headlineOf('القتل قصاصا في أحد الجناة بالأحساء')!;
    expect(headlineSwap(a, has(qassim), b, has(ahsa))).toBe(true);
  });
  test('a rewrite with a more specific headline is no swap (one side only)', () => {
    const a = headlineOf('القتل قصاصا في أحد الجناة بالقصيم')!;
    const b = headlineOf('تنفيذ حكم القتل قصاصا')!;
    expect(headlineSwap(a, has(qassim), b, has(`${qassim} اليوم`))).toBe(false);
  });
  test('deictic time words and spelling variants are not slots', () => {
    const body = 'استقبل خادم الحرمين وزير الدفاع الامريكي الاميركي في جده';
    const a = headlineOf('خادم الحرمين يستقبل وزير الدفاع الأمريكي اليوم')!;
    const b = headlineOf('خادم الحرمين يستقبل وزير الدفاع الأميركي غدا')!;
    const onlyA = has(body.replace('الاميركي', ''));
    const onlyB = has(body.replace('الامريكي', ''));
    expect(headlineSwap(a, onlyA, b, onlyB)).toBe(false);
  });
});

describe('headlineAgreement and dayOf', () => {
  test('share of the shorter headline found in the other', () => {
    const a = headlineOf('الذهب يتجه نحو تسجيل أطول موجة من الخسائر الأسبوعية في 16 عامًا')!;
    const b = headlineOf('الذهب يسجل أطول موجة من الخسائر الأسبوعية في 16 عاما')!;
    expect(headlineAgreement(a, b)).toBeCloseTo(9 / 10, 5);
  });
  test('days between dates; NaN when unknown', () => {
    expect(dayOf('2015-07-24T00:00:00Z') - dayOf('2015-07-22T12:00:00Z')).toBeCloseTo(1.5, 5);
    expect(dayOf(undefined)).toBeNaN();
    expect(dayOf('yesterday')).toBeNaN();
  });
});
