import { normaliseLazily, normalisedPrefix, normaliseText, wordsOf } from '../../src/text/normalise.js';

const norm = (s: string) => normaliseText(s).text;

describe('normaliseText rules', () => {
  test.each([
    // [rule, input, expected]
    ['hamza above alef → alef', 'أحمد', 'احمد'],
    ['hamza below alef → alef', 'إسلام', 'اسلام'],
    ['madda alef → alef', 'آمن', 'امن'],
    ['wasla alef → alef', 'ٱلله', 'الله'],
    ['alef maqsura → ya', 'على', 'علي'],
    ['Persian yeh → ya', 'کوریا', 'كوريا'],
    ['keheh → kaf', 'کتاب', 'كتاب'],
    ['ta marbuta → ha', 'الدولة', 'الدوله'],
    ['waw hamza → waw', 'مؤتمر', 'موتمر'],
    ['ya hamza → ya', 'رئيس', 'رييس'],
    ['fatha dropped', 'كَتب', 'كتب'],
    ['damma dropped', 'كُتب', 'كتب'],
    ['kasra dropped', 'بِسم', 'بسم'],
    ['shadda dropped', 'صوّت', 'صوت'],
    ['sukun dropped', 'قُلْ', 'قل'],
    ['tanween fath dropped', 'رئيساً', 'رييسا'],
    ['tanween damm dropped', 'كتابٌ', 'كتاب'],
    ['tanween kasr dropped', 'كتابٍ', 'كتاب'],
    ['superscript alef dropped', 'هٰذا', 'هذا'],
    ['Quranic mark dropped (U+0617)', 'الله\u0617', 'الله'],
    ['annotation sign dropped (U+06D6)', 'قال\u06d6', 'قال'],
    ['tatweel dropped (U+0640)', 'الـــرياض', 'الرياض'],
    ['zero-width space dropped (U+200B)', 'كو\u200bريا', 'كوريا'],
    ['zero-width non-joiner dropped (U+200C)', 'كو\u200cريا', 'كوريا'],
    ['RLM dropped (U+200F)', '\u200fكوريا', 'كوريا'],
    ['LRM dropped (U+200E)', 'كوريا\u200e', 'كوريا'],
    ['RLE/PDF dropped (U+202B, U+202C)', '\u202bكوريا\u202c', 'كوريا'],
    ['RLO dropped (U+202E)', '\u202eكوريا', 'كوريا'],
    ['isolates dropped (U+2066–2069)', '\u2067كوريا\u2069', 'كوريا'],
    ['Arabic letter mark dropped (U+061C)', 'كوريا\u061c', 'كوريا'],
    ['BOM dropped (U+FEFF)', '\ufeffكوريا', 'كوريا'],
    ['soft hyphen dropped (U+00AD)', 'كو\u00adريا', 'كوريا'],
    ['Arabic-Indic digits → ASCII', '١٠ آلاف', '10 الاف'],
    ['Arabic-Indic nine and zero', '٢٠٢٤', '2024'],
    ['Persian digits → ASCII', '۱۴۳۶', '1436'],
    ['Latin lowercased', 'NATO and F-16', 'nato and f 16'],
    ['Latin accented lowercased', 'ÉCOLE', 'école'],
    ['guillemets are separators', '«اختراقاً»', 'اختراقا'],
    ['ASCII quotes are separators', '"اختراقا"', 'اختراقا'],
    ['Arabic comma and question mark separate', 'نعم،لا؟', 'نعم لا'],
    ['whitespace runs collapse', 'كوريا   \n\t الشمالية', 'كوريا الشماليه'],
    ['leading/trailing space trimmed', '  روسيا  ', 'روسيا'],
    ['NFKC: lam-alef ligature expands', '\ufefbسلام', 'لاسلام'],
    ['NFKC: presentation forms fold', '\ufe8d\ufedf\ufeb3\ufefc\ufee1', 'السلام'],
    ['NFKC: full-width digits', '\uff11\uff12', '12'],
    ['NFKC: non-breaking space separates', 'كوريا\u00a0الشمالية', 'كوريا الشماليه'],
    ['empty input', '', ''],
    ['only punctuation', '«»"".،', ''],
  ])('%s', (_rule, input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  test('the two spellings of the seed edit fold to the same words', () => {
    expect(norm('بصفته "رئيسا لشؤون الدولة"')).toBe(norm('بصفته «رئيساً لشؤون الدولة»'));
  });
});

describe('offset map', () => {
  test('every normalised unit points at the original character it came from', () => {
    const original = 'قالَ «الرئيسُ»: ١٠ آلافٍ';
    const n = normaliseText(original);
    expect(n.text).toBe('قال الرييس 10 الاف');
    expect(n.toOriginal.length).toBe(n.text.length + 1);
    for (let i = 0; i < n.text.length; i++) {
      if (n.text[i] === ' ') continue;
      const o = original[n.toOriginal[i]];
      expect(normaliseText(o).text).toBe(n.text[i]);
    }
  });

  test('words carry their original spans, diacritics included', () => {
    const original = 'وصف الوثيقة بأنها «اختراقاً».';
    const words = wordsOf(normaliseText(original), original);
    expect(words.map((w) => original.slice(w.start, w.end))).toEqual(['وصف', 'الوثيقة', 'بأنها', 'اختراقاً']);
  });

  test('ranges skip the stripped parts and separate words', () => {
    const original = 'أولاً FOOTER ثانياً';
    const n = normaliseText(original, [
      [0, 5],
      [13, original.length],
    ]);
    expect(n.text).toBe('اولا ثانيا');
    expect(original.slice(n.toOriginal[5])).toBe('ثانياً');
  });
});

describe('lazy offset map (the scan path)', () => {
  test.each([
    ['plain Arabic', 'قالَ «الرئيسُ»: ١٠ آلافٍ', undefined],
    ['ranges', 'أولاً FOOTER ثانياً', [[0, 5], [13, 19]] as [number, number][]],
    ['ligature expansion', 'ﻻ يوجد ﻷن', undefined],
    ['long text', 'الرئيس قال إن الاجتماع '.repeat(2000), undefined],
  ])('%s: same text and map as normaliseText', (_name, original, ranges) => {
    const eager = normaliseText(original, ranges);
    const lazy = normaliseLazily(original, ranges);
    expect(lazy.text).toBe(eager.text);
    expect(Array.from(lazy.toOriginal)).toEqual(Array.from(eager.toOriginal));
  });
});

describe('normalisedPrefix (boilerplate markers read line prefixes)', () => {
  test('is the start of the whole normalisation, one unit past the limit when the slice goes on', () => {
    // diacritics dropped, a ligature expanded (ﻻ → لا), punctuation runs folded to one space: all near the cut
    const text = 'xx  «المَصْدَرُ»:   وكالة ﻻ الأنباء — السعودية، واس ١٢٣ Reuters!!  end';
    const start = 2;
    const full = normaliseText(text, [[start, text.length]]).text;
    for (let limit = 0; limit <= full.length + 2; limit++) {
      const prefix = normalisedPrefix(text, start, text.length, limit);
      expect(full.startsWith(prefix)).toBe(true);
      // exactly the whole text when it fits, else more than `limit` units (the caller's sign that it goes on)
      if (full.length <= limit) expect(prefix).toBe(full);
      else expect(prefix.length).toBeGreaterThan(limit);
    }
  });
});
