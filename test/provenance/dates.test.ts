import { findDates, hijriToIso, parseDate } from '../../src/provenance/dates.js';

describe('parseDate', () => {
  test.each([
    ['English ordinal day, month, year (corpus/000)', 'تاريخ النشر: 12th, November 2024 GMT', '2024-11-12', '12th, November 2024'],
    ['English month first', 'Published Nov 12, 2024 10:00', '2024-11-12', 'Nov 12, 2024'],
    ['English full month, lower case', 'on 3 august 2015', '2015-08-03', '3 august 2015'],
    ['Egyptian/Gulf month', 'يوم 12 نوفمبر 2024 أعلنت', '2024-11-12', '12 نوفمبر 2024'],
    ['Gulf month with alef-hamza', '10 أغسطس 2015', '2015-08-10', '10 أغسطس 2015'],
    ['Gulf month without hamza', '03 اغسطس 2015', '2015-08-03', '03 اغسطس 2015'],
    ['«إبريل» spelling', '5 إبريل 2020', '2020-04-05', '5 إبريل 2020'],
    ['«يونيه» spelling', '30 يونيه 2013', '2013-06-30', '30 يونيه 2013'],
    ['Levantine month', '1 كانون الثاني 2020', '2020-01-01', '1 كانون الثاني 2020'],
    ['Levantine «آب»', '15 آب 2019', '2019-08-15', '15 آب 2019'],
    ['Levantine «تشرين الأول»', '6 تشرين الأول 1973', '1973-10-06', '6 تشرين الأول 1973'],
    ['Maghreb month', '14 جويلية 2022', '2022-07-14', '14 جويلية 2022'],
    ['month glossed in brackets (Asharq Al-Awsat)', '10 يونيو (حزيران) 2024', '2024-06-10', '10 يونيو (حزيران) 2024'],
    ['«من شهر» and «عام»', '5 من شهر مارس عام 2021', '2021-03-05', '5 من شهر مارس عام 2021'],
    ['Gregorian era mark attached', 'في 22 يوليو 2015م بدأ', '2015-07-22', '22 يوليو 2015م'],
    ['Arabic-Indic digits', '١٢ نوفمبر ٢٠٢٤', '2024-11-12', '١٢ نوفمبر ٢٠٢٤'],
    ['Persian digits', '۱۲ نوفمبر ۲۰۲۴', '2024-11-12', '۱۲ نوفمبر ۲۰۲۴'],
    ['ISO numeric', 'بتاريخ 2015-08-01 صدر', '2015-08-01', '2015-08-01'],
    ['ISO numeric, Arabic-Indic', '٢٠١٥-٠٨-٠١', '2015-08-01', '٢٠١٥-٠٨-٠١'],
    ['day-first slashes', 'بتاريخ 01/08/2015', '2015-08-01', '01/08/2015'],
    ['day-first dashes', '22-07-2015م', '2015-07-22', '22-07-2015م'],
    ['Hijri with month name', '25 شوال 1436 هـ', '2015-08-10', '25 شوال 1436 هـ'],
    ['Hijri Ramadan numeric', 'التاريخ : 26 / 9 / 1436هـ', '2015-07-13', '26 / 9 / 1436هـ'],
    ['Hijri «ذي القعدة»', '1 ذي القعدة 1436هـ', '2015-08-16', '1 ذي القعدة 1436هـ'],
    ['Hijri «جمادى الأولى»', '15 جمادى الأولى 1447هـ', '2025-11-06', '15 جمادى الأولى 1447هـ'],
    ['SPA dateline: Gregorian part wins', 'الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس', '2015-08-10', '25 شوال 1436 هـ الموافق 10 أغسطس 2015 م'],
    ['SPA dateline, Gregorian disagreeing by a day', 'جدة 24 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس', '2015-08-10', '24 شوال 1436 هـ الموافق 10 أغسطس 2015 م'],
    ['Hijri and Gregorian joined by «الموافق لـ»', '3/2/1448هـ الموافق لـ 17 يوليو 2026م', '2026-07-17', '3/2/1448هـ الموافق لـ 17 يوليو 2026م'],
  ])('%s', (_rule, text, iso, written) => {
    const d = parseDate(text);
    expect(d?.iso).toBe(iso);
    expect(d?.text).toBe(written);
    expect(text.slice(d?.start ?? 0, d?.end ?? 0)).toBe(written);
  });

  test.each([
    ['31 February', '31 فبراير 2024'],
    ['29 February in a common year', '29 February 2023'],
    ['month 13', '2015-13-01'],
    ['day 32', '32/01/2015'],
    ['day 0', '0 مارس 2020'],
    ['year out of range', '12 نوفمبر 1850'],
    ['Hijri day 31', '31 شوال 1436 هـ'],
    ['a month name without a year', 'في 12 نوفمبر الماضي'],
    ['«اب» (father) without a date around it', 'قال الاب 2015 مرة'],
    ['a phone-like number', '0555 12 3456'],
  ])('rejects %s', (_rule, text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  test('marks Hijri-only dates approximate and keeps the Hijri value', () => {
    const d = parseDate('25 شوال 1436 هـ');
    expect(d).toMatchObject({ calendar: 'hijri', approximate: true, hijri: '1436-10-25' });
    expect(parseDate('الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس')).toMatchObject({
      calendar: 'gregorian', approximate: false, hijri: '1436-10-25',
    });
  });

  test('finds every date in order', () => {
    const text = 'من 1 يناير 2020 إلى 2020-12-31 ثم ١ محرم ١٤٤٢ هـ';
    expect(findDates(text).map((d) => d.iso)).toEqual(['2020-01-01', '2020-12-31', '2020-08-20']);
  });
});

describe('hijriToIso', () => {
  // Umm al-Qura reference values (Saudi civil calendar).
  test.each([
    [1436, 10, 25, '2015-08-10'],
    [1436, 9, 1, '2015-06-18'],
    [1445, 1, 1, '2023-07-19'],
    [1446, 9, 1, '2025-03-01'],
  ])('%i-%i-%i → %s', (y, m, d, iso) => {
    expect(hijriToIso(y, m, d)).toBe(iso);
  });

  test('rejects years outside 1300–1500', () => {
    expect(hijriToIso(1200, 1, 1)).toBeUndefined();
  });
});
