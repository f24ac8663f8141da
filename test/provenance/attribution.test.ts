import { readFileSync } from 'node:fs';
import { findAttributions } from '../../src/provenance/attribution.js';

const corpus = (name: string): string => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');
const brief = (text: string) => findAttributions(text).map((a) => [a.kind, a.agency, a.credit ?? a.date ?? null]);

describe('findAttributions', () => {
  test.each([
    ['source line', 'نص الخبر.\nالمصدر: سكاي نيوز عربية', [['source-line', 'skynews-arabia', null]]],
    ['source line naming no known agency', 'نص.\nالمصدر: صحيفة الرياض', [['source-line', undefined, null]]],
    ['SPA dated dateline', 'الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nأصدر مجلس الوزراء', [['dateline', 'spa', '2015-08-10']]],
    ['SPA dated dateline run into the body', 'جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس أصدر المجلس قرارا', [['dateline', 'spa', '2015-08-10']]],
    ['SPA dated dateline after a title line', 'عنوان الخبر\nمكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nنص', [['dateline', 'spa', '2015-08-10']]],
    ['Sabq rewrite of the SPA dateline', 'واس- جدة: التقى صاحب السمو الملكي', [['dateline', 'spa', null]]],
    ['Al-Riyadh credit line', '    الرياض - واس \n أصدر مجلس الشورى', [['dateline', 'spa', null]]],
    ['Ain Alyoum credit line', 'Next Previous عين اليوم – واس\nتشرف بأداء القسم', [['dateline', 'spa', null]]],
    ['AFP dateline', 'موسكو - (أ ف ب) - أعلن الكرملين', [['dateline', 'afp', null]]],
    ['Reuters dateline', 'القاهرة (رويترز) - قالت مصادر', [['dateline', 'reuters', null]]],
    ['Okaz credit line at the end', 'نص الخبر.\n(واس)\n', [['cites-agency', 'spa', true]]],
    ['bracketed credit mid-text', 'وقال الوزير (رويترز) إن', [['cites-agency', 'reuters', true]]],
    ['reporting verb: a news source, not a credit', 'وأوردت وكالة الأنباء المركزية الكورية أن', [['cites-agency', 'kcna', false]]],
    ['«وفقا لـ» cue', 'ووفقا لـ "واس" تواصل الفعاليات', [['cites-agency', 'spa', false]]],
    ['«نقلا عن» cue', 'قال مسؤول نقلا عن وكالة رويترز', [['cites-agency', 'reuters', false]]],
    ['full name and tag count once', 'وتلقت وكالة الأنباء السعودية "واس" نسخة منه', [['cites-agency', 'spa', false]]],
    ['prose with a quoted agency is no dateline', 'وبحسب «رويترز» من المتوقع الآن', [['cites-agency', 'reuters', false]]],
    ['no attribution', 'صادقت كوريا الشمالية على المعاهدة.', []],
  ])('%s', (_rule, text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  test('quotes the cue as written', () => {
    const [a] = findAttributions('وبحسب وكالة رويترز');
    expect(a.cue).toBe('وبحسب');
  });

  test('corpus/000: Sky News Arabia source line and KCNA quoted as a news source', () => {
    const text = corpus('000_b86daad347500d15.txt');
    const atts = findAttributions(text);
    const line = atts.find((a) => a.kind === 'source-line');
    expect(line).toMatchObject({ agency: 'skynews-arabia', text: 'المصدر: سكاي نيوز عربية' });
    expect(text.slice(line?.start, line?.end).trim()).toBe('المصدر: سكاي نيوز عربية');
    expect(atts.filter((a) => a.kind === 'cites-agency').map((a) => [a.agency, a.credit])).toEqual([['kcna', false], ['kcna', false]]);
    // «وفق ما ذكرت وسائل إعلام رسمية» names no agency: nothing to attribute.
    expect(atts.some((a) => a.kind === 'dateline')).toBe(false);
  });

  test('corpus/004: no footer, no dateline, KCNA only as a news source', () => {
    const atts = findAttributions(corpus('004_17c881bf89d1ecee.txt'));
    expect(atts.map((a) => [a.kind, a.agency, a.credit])).toEqual([['cites-agency', 'kcna', false]]);
  });
});
