import { agencyForOutlet, findAgencies } from '../../src/provenance/agencies.js';

const ids = (text: string): string[] => findAgencies(text).map((m) => m.agency);

describe('findAgencies', () => {
  test.each([
    ['AFP Arabic name', 'قالت فرانس برس إن', ['afp']],
    ['AFP variant spelling', 'ذكرت فرانس بريس', ['afp']],
    ['AFP spaced acronym in brackets', 'موسكو - (أ ف ب) -', ['afp']],
    ['AFP dotted acronym', 'بيروت - أ.ف.ب:', ['afp']],
    ['AFP full name with ل clitic', 'قال لوكالة الصحافة الفرنسية', ['afp']],
    ['Reuters with و clitic', 'وقالت ورويترز', ['reuters']],
    ['Reuters in brackets', 'القاهرة (رويترز) -', ['reuters']],
    ['AP written together', 'وكالة اسوشيتدبرس', ['ap']],
    ['AP with alef-hamza', 'أفادت وكالة أسوشيتد برس', ['ap']],
    ['dpa acronym', 'برلين - د ب أ:', ['dpa']],
    ['dpa «الألمانية» in quotes', 'وبحسب "الألمانية"، فقد', ['dpa']],
    ['Anadolu with لل contraction', 'وقال للأناضول', ['anadolu']],
    ['Sputnik', 'نقلت وكالة سبوتنيك', ['sputnik']],
    ['TASS', 'نقلت وكالة تاس', ['tass']],
    ['RIA Novosti', 'وكالة ريا نوفوستي', ['ria']],
    ['Xinhua', 'وكالة شينخوا', ['xinhua']],
    ['Yonhap in guillemets', 'وذكرت وكالة «يونهاب»', ['yonhap']],
    ['SPA tag', 'الرياض - واس', ['spa']],
    ['SPA full name with ل clitic', 'وأوضح لوكالة الأنباء السعودية', ['spa']],
    ['SPA tag after لـ with tatweel', 'روته لـ “واس” حينما', ['spa']],
    ['WAM tag in slashes', 'أبوظبي في 10 أغسطس / وام /', ['wam']],
    ['QNA in brackets', 'الدوحة (قنا) -', ['qna']],
    ['KUNA after «وكالة»', 'ذكرت وكالة كونا', ['kuna']],
    ['Petra in brackets', 'عمان (بترا) -', ['petra']],
    ['SANA after «وكالة»', 'أفادت وكالة سانا', ['sana']],
    ['KCNA full name', 'وأوردت وكالة الأنباء المركزية الكورية الشمالية', ['kcna']],
    ['MENA acronym', 'القاهرة - أ ش أ', ['mena']],
    ['BNA in brackets', 'المنامة (بنا) -', ['bna']],
    ['IRNA', 'نقلت إرنا عن', ['irna']],
    ['MAP', 'أفادت لاماب', ['map']],
    ['Sky News Arabia', 'المصدر: سكاي نيوز عربية', ['skynews-arabia']],
    ['Al Arabiya after «قناة»', 'وذكرت قناة “العربية” أن', ['alarabiya']],
    ['Al Jazeera Net', 'موقع الجزيرة نت', ['aljazeera']],
    ['BBC Arabic spelling', 'قالت بي بي سي', ['bbc']],
    ['CNN Arabic spelling', 'وذكرت سي إن إن', ['cnn']],
    ['RT Arabic name', 'قناة روسيا اليوم', ['rt']],
    ['Latin names', 'AFP and Reuters and AP', ['afp', 'reuters', 'ap']],
    ['two agencies in order', 'رويترز وفرانس برس', ['reuters', 'afp']],
  ])('finds %s', (_rule, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  test.each([
    ['«واسع» is not SPA', 'انتشر بصورة واسعة في مجال واسع'],
    ['«تاسع» is not TASS', 'في اليوم التاسع والتاسعة'],
    ['«واستمر» after a date is not SPA', '17 مايو 2015م واستمر لمدة 4 أيام'],
    ['«بنا» in prose is not BNA', 'مر بنا الوقت سريعا'],
    ['«العربية» as an adjective', 'اللغة العربية والدول العربية'],
    ['«الجزيرة» as a place', 'في شبه الجزيرة الكورية'],
    ['«الألمانية» as an adjective', 'قالت الحكومة الألمانية أمس'],
    ['«وأم» (and mother) is not WAM', 'حضر أب وأم الطالب'],
    ['«بترا» the city in prose', 'زار مدينة بترا الأثرية'],
    ['lowercase «ap» inside words', 'an apple a day'],
    ['diacritics do not join «واس» to a word', 'واسْتَغْفَروا ربهم'],
  ])('ignores %s', (_rule, text) => {
    expect(ids(text)).toEqual([]);
  });

  test('reports original offsets and the name as written', () => {
    const text = 'قال لوكالة الأنباء السعودية';
    const [m] = findAgencies(text);
    expect(text.slice(m.start, m.end)).toBe('وكالة الأنباء السعودية');
    expect(m.text).toBe('وكالة الأنباء السعودية');
  });
});

describe('agencyForOutlet', () => {
  test.each([
    ['was', 'spa'],
    ['WAS', 'spa'],
    ['spa.gov.sa', 'spa'],
    ['https://www.reuters.com/', 'reuters'],
    ['skynewsarabia', 'skynews-arabia'],
    ['sabq', undefined],
    ['aljazirah', undefined],
    [undefined, undefined],
  ])('%s → %s', (outlet, expected) => {
    expect(agencyForOutlet(outlet)).toBe(expected);
  });
});
