import { readFileSync } from 'node:fs';
import { findBody } from '../../src/text/boilerplate.js';

const seed000 = readFileSync(new URL('../../corpus/000_b86daad347500d15.txt', import.meta.url), 'utf8');
const keptText = (text: string) =>
  findBody(text)
    .ranges.map(([s, e]) => text.slice(s, e))
    .join('\n');

describe('findBody', () => {
  test('a source footer near the end ends the body: tags, read-also and the next article are cut (seed 000)', () => {
    const body = findBody(seed000);
    const kept = keptText(seed000);
    expect(kept).toContain('ويخشى الغرب أن تقدم روسيا');
    expect(kept).not.toContain('المصدر: سكاي نيوز عربية');
    expect(kept).not.toContain('كلمات دلالية');
    expect(kept).not.toContain('شقيقة زعيم كوريا الشمالية');
    const footer = body.stripped.find((s) => s.reason.startsWith('footer'))!;
    expect(seed000.slice(footer.start, footer.start + 7)).toBe('المصدر:');
    expect(footer.end).toBe(seed000.length);
  });

  test('markers are read on line prefixes, footer reasons on whole lines', () => {
    const sentence = 'قال الوزير إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث الملفات العالقة بين البلدين والمنطقة.';
    // the footer's third word ends past the 48 units the markers are tested on: the reason still names it whole
    const footer = 'المصدر: وكالةالأنباءالسعوديةالرسميةبالرياضوالمناطقكلها واس';
    const page = `${sentence}\n${sentence}\n${footer}`;
    expect(findBody(page).stripped).toEqual([
      { start: page.indexOf(footer), end: page.length, reason: 'footer: المصدر وكالهالانباءالسعوديهالرسميهبالرياضوالمناطقكلها واس' },
    ]);
    // a line that only starts like a marker word ("المصدرية") is article text; so is «ذات صلة» inside a longer line
    const prose = [`${sentence}`, 'المصدرية في هذا الملف عالية', 'ذات صلة بالموضوع الذي نوقش امس', `${sentence}`].join('\n');
    expect(findBody(prose).stripped).toEqual([]);
  });

  test("run-on footers are cut: alweeam's story link (on its own line or after the last sentence), almadina's writer contact", () => {
    const sentence = 'قال الوزير إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث الملفات العالقة بين البلدين.';
    const link = 'رابط الخبر بصحيفة الوئام: الوزير يعلن موعد الاجتماع';
    for (const page of [`${sentence}\n${link}`, `${sentence} ${link} `]) {
      expect(keptText(page).trim()).toBe(sentence);
      expect(findBody(page).stripped).toEqual([{ start: page.indexOf(link), end: page.length, reason: 'footer: story link' }]);
    }
    const column = `${sentence} aaljamili@yahoo.comللتواصل مع الكاتب أرسل رسالة SMS تبدأ بالرمز 3 ثم مسافة ثم نص الرسالة إلى 88591 STC 635031 Mobily 737221 Zain`;
    expect(keptText(column)).toBe(`${sentence} aaljamili@yahoo.com`);
    expect(findBody(column).stripped[0].reason).toBe('footer: writer contact');
    const okazColumn = `${sentence}\n\nsuraihi@gmail.com\n\nللتواصل أرسل SMS إلى 88548 الاتصالات ،636250 موبايلي،\n 738303 زين تبدأ بالرمز 165 مسافة ثم الرسالة\n `;
    expect(keptText(okazColumn)).toBe(`${sentence}\nsuraihi@gmail.com`);
    const runOn = `${sentence} للتواصل أرسل sms إلى 88548 الاتصالات 636250 موبايلي 738303 زين تبدأ بالرمز 153 مسافة ثم الرسالة\n `;
    expect(keptText(runOn).trim()).toBe(sentence);
    // a photo item whose whole text is the link keeps nothing to compare
    expect(keptText(' رابط الخبر بصحيفة الوئام: بالصور .. رمضان في ليبيا ').trim()).toBe('');
    // the phrase inside the article, with more text after it, is text
    const quoted = `${link}\n${sentence}`;
    expect(keptText(quoted)).toBe(quoted);
  });

  test("a slider's buttons opening a page are stripped with their line, the article kept", () => {
    const page = ' Next Previous حامد القرشي – عين اليوم\nأبدع المغردون الليلة في تطبيق سناب شات في بث صور ومقاطع للمسجد الحرام.';
    expect(keptText(page)).toBe('أبدع المغردون الليلة في تطبيق سناب شات في بث صور ومقاطع للمسجد الحرام.');
    expect(findBody(page).stripped.map((s) => s.reason)).toEqual(['slider buttons']);
  });

  test('the publication stamp line is stripped, the rest kept', () => {
    const body = findBody(seed000);
    const stamp = body.stripped.find((s) => s.reason === 'publication stamp')!;
    expect(seed000.slice(stamp.start, stamp.end)).toBe('تاريخ النشر: 12th, November 2024 GMT');
  });

  test('an early "read also" insert drops its marker and one headline, and the article goes on', () => {
    const article = [
      'قال الوزير إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لبحث الملفات العالقة بين البلدين.',
      'اقرأ أيضاً:',
      'عنوان مقال آخر لا علاقة له',
      'وأضاف الوزير أن المحادثات ستتناول التعاون الاقتصادي والأمني وتبادل الخبرات في مجالات عدة.',
      'وختم بأن الجانبين متفقان على ضرورة الإسراع في تنفيذ الاتفاقات الموقعة سابقاً بينهما.',
      'وأشار إلى أن اللجان الفنية ستجتمع قبل ذلك لإعداد جدول الأعمال ومسودات الاتفاقيات الجديدة.',
    ].join('\n');
    const kept = keptText(article);
    expect(kept).not.toContain('اقرأ أيضاً');
    expect(kept).not.toContain('عنوان مقال آخر');
    expect(kept).toContain('وأضاف الوزير');
    expect(kept).toContain('وختم بأن');
  });

  test('prose that merely starts with a marker word is kept', () => {
    const article = [
      'افتتح المعرض أمس بحضور عدد كبير من الزوار والمسؤولين والمهتمين بالشأن الثقافي.',
      'وقال إن المعرض يضم أكثر من مئة دار نشر من عشرين دولة عربية وأجنبية.',
      `المصدر الأمني قال إن الإجراءات مشددة ${'وإن الحراسة موزعة على كل المداخل والمخارج '.repeat(4)}`,
    ].join('\n');
    expect(keptText(article)).toContain('المصدر الأمني');
  });

  test('a text without boilerplate is kept whole', () => {
    const article = 'صادقت كوريا الشمالية على معاهدة دفاع مشترك مع روسيا.\nوأصبحت كوريا الشمالية إحدى أبرز الدول الداعمة.';
    expect(findBody(article).stripped).toEqual([]);
    expect(keptText(article)).toBe(article);
  });
});
