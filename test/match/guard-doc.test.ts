import { describe, expect, test } from '@jest/globals';
import { GuardDocArena, guardDocOf, slabArrays } from '../../src/match/guard-doc.js';
import { Uint32Slab } from '../../src/sketch/uint32-slab.js';
import { bloomHas, emptyBloom } from '../../src/match/guard-words.js';
import { wordHash } from '../../src/match/headline.js';
import { TemplateGuard } from '../../src/match/template-guard.js';
import type { Pair } from '../../src/records.js';

const h = (w: string) => wordHash(w, 0, w.length);
const pair = (a: number, b: number, ab: number, ba: number): Pair => ({ a, b, jaccard: Math.min(ab, ba), containsAinB: ab, containsBinA: ba });
const cable = (name: string, country: string) =>
  `بعث خادم الحرمين الشريفين الملك سلمان برقيه تهنيه لفخامه الرييس ${name} رييس جمهوريه ${country} بمناسبه ذكري استقلال بلاده وعبر الملك عن اطيب التهاني`;

describe('guardDocOf', () => {
  test('distinct words in first-seen order, a digit flag per word, the lead with repeats', () => {
    const g = guardDocOf('في الرياض 2015 في الرياض اليوم', 3);
    expect([...g.words]).toEqual(['في', 'الرياض', '2015', 'اليوم'].map(h));
    const flags = [0, 1, 2, 3].map((i) => (g.digits[i >>> 5] >>> (i & 31)) & 1);
    expect(flags).toEqual([0, 0, 1, 0]);
    expect([...g.lead]).toEqual(['في', 'الرياض', '2015'].map(h));
    expect(g.counters[2] >>> 28).toBe(1); // a number counts, by its digits
    expect(g.counters[0]).toBe(0);
  });

  test('leadFirst marks each lead word\'s first occurrence in the lead', () => {
    const g = guardDocOf('ا ب ا ج ب د ا', 6);
    const first = [...g.lead].map((_, i) => (g.leadFirst[i >>> 5] >>> (i & 31)) & 1);
    expect(first).toEqual([1, 1, 0, 1, 0, 1]);
    const long = guardDocOf(Array.from({ length: 100 }, (_, i) => `ك${i % 40}`).join(' '), 60);
    const expected = [...long.lead].map((w, i) => (long.lead.indexOf(w) === i ? 1 : 0));
    expect([...long.lead].map((_, i) => (long.leadFirst[i >>> 5] >>> (i & 31)) & 1)).toEqual(expected);
  });

  test('a body after a longer one sees none of its words as repeats', () => {
    guardDocOf(Array.from({ length: 5000 }, (_, i) => `كلمه${i}`).join(' '), 60);
    const g = guardDocOf('كلمه1 كلمه2 كلمه1', 60);
    expect([...g.words]).toEqual(['كلمه1', 'كلمه2'].map(h));
  });

  test('records packed in a batch slab survive a move between threads, and the arena keeps copies', () => {
    const pack = new Uint32Slab(64);
    const bodies = ['في الرياض 2015 في الرياض اليوم', 'امطار غزيره بالقصيم', Array.from({ length: 90 }, (_, i) => `ك${i}`).join(' ')];
    const records = bodies.map((b) => guardDocOf(b, 3, slabArrays(pack)));
    const fields = (g: ReturnType<typeof guardDocOf>) => [g.words, g.digits, g.lead, g.counters, g.leadFirst, g.bloom].map((v) => [...v]);
    const alone = bodies.map((b) => fields(guardDocOf(b, 3)));
    expect(records.map(fields)).toEqual(alone);
    // the third body needs more than one 64-value chunk: every chunk moves
    const buffers = pack.buffers();
    expect(buffers.length).toBeGreaterThan(1);
    const moved = structuredClone(records, { transfer: buffers });
    expect(records[0].lead.length).toBe(0); // detached: the values went with the move
    expect(moved.map(fields)).toEqual(alone);
    const arena = new GuardDocArena();
    arena.file(7, moved[2], false);
    const kept = arena.words(7)!;
    expect([kept.lead, kept.counters, kept.leadFirst, kept.bloom].map((v) => [...v])).toEqual(alone[2].slice(2));
    expect(kept.bloom.buffer).not.toBe(moved[2].bloom.buffer);
  });

  test('the Bloom filter holds words and their cores', () => {
    const g = guardDocOf('امطار غزيره بالقصيم', 60);
    for (const w of ['امطار', 'غزيره', 'بالقصيم', 'قصيم']) expect(bloomHas(g.bloom, h(w))).toBe(true);
    expect(bloomHas(g.bloom, h('الرياض'))).toBe(false);
  });

  test('the key is the word sequence: order matters, not the text object', () => {
    expect(guardDocOf('ا ب ج', 60).key).toBe(guardDocOf(['ا', 'ب', 'ج'].join(' '), 60).key);
    expect(guardDocOf('ا ب ج', 60).key).not.toBe(guardDocOf('ب ا ج', 60).key);
    // long bodies grow the per-thread scratch without losing words
    const long = Array.from({ length: 20000 }, (_, i) => `كلمه${i}`).join(' ');
    expect(guardDocOf(long, 60).words.length).toBe(20000);
  });

  test('a guard fed records (addDoc, as from workers) classifies as one fed bodies (add)', () => {
    const bodies = [cable('ايسوفو محمدو', 'النيجر'), cable('الباجي قايد السبسي', 'التونسيه'), cable('ايسوفو محمدو', 'النيجر')];
    for (let i = 0; i < 40; i++) bodies.push(cable(`س${i}`, `ص${i}`));
    const byText = new TemplateGuard();
    const byRecord = new TemplateGuard();
    bodies.forEach((b, i) => {
      const title = i < 2 ? ['تهنئه النيجر', 'برقيه تونس'][i] : undefined;
      byText.add(i, b, title, `2015-07-${10 + (i % 3) * 5}`);
      byRecord.addDoc(i, guardDocOf(b, byRecord.leadWords), title, `2015-07-${10 + (i % 3) * 5}`);
    });
    const pairs = [pair(0, 1, 0.8, 0.78), pair(0, 2, 1, 1), pair(1, 5, 0.7, 0.7), pair(3, 4, 0.6, 0.95)];
    const kinds = pairs.map((p) => byText.classify(p));
    expect(kinds).toContain('template');
    expect(pairs.map((p) => byRecord.classify(p))).toEqual(kinds);
  });

  test('records built in an arena equal those with their own buffers, and kept arrays outlive the next record', () => {
    const arena = new GuardDocArena();
    const fields = ['words', 'digits', 'lead', 'counters', 'leadFirst', 'bloom'] as const;
    const bodies = [cable('ماكي سال', 'السنغال'), 'في الرياض 2015 في الرياض اليوم', cable('محمد ولد عبد العزيز', 'موريتانيا'), 'ا'];
    const kept = bodies.map((b) => {
      const g = guardDocOf(b, 6, arena);
      const own = guardDocOf(b, 6);
      for (const f of fields) expect([...g[f]]).toEqual([...own[f]]);
      expect(g.key).toBe(own.key);
      return { g, own };
    });
    // what the guard keeps stays intact after later records; the counted words are scratch, reused
    for (const { g, own } of kept) for (const f of ['lead', 'counters', 'leadFirst', 'bloom'] as const) expect([...g[f]]).toEqual([...own[f]]);
    expect(kept[0].g.words.buffer).toBe(kept[1].g.words.buffer);
  });

  test('the arena files records made on it in place, copies others, aliases, and reads them back by id', () => {
    const arena = new GuardDocArena();
    const bodies = ['في الرياض 2015 في الرياض اليوم', '', 'امطار غزيره بالقصيم', Array.from({ length: 900 }, (_, i) => `ك${i}`).join(' ')];
    const fields = (g: { lead: Uint32Array; counters: Uint32Array; leadFirst: Uint32Array; bloom: Uint32Array }) =>
      [g.lead, g.counters, g.leadFirst, g.bloom].map((v) => [...v]);
    const want = bodies.map((b) => fields(guardDocOf(b, 60)));
    bodies.forEach((b, i) => {
      if (i % 2 === 0) arena.file(10 * i, guardDocOf(b, 60, arena), true);
      else arena.file(10 * i, guardDocOf(b, 60), false);
    });
    arena.alias(5, 20);
    for (let i = 0; i < bodies.length; i++) expect(fields(arena.words(10 * i)!)).toEqual(want[i]);
    expect(fields(arena.words(5)!)).toEqual(want[2]);
    expect(arena.words(3)).toBeUndefined();
    expect(arena.words(1000)).toBeUndefined();
    // the empty body keeps the shared empty filter
    expect(arena.words(10)!.bloom).toBe(emptyBloom);
  });
});
