import { describe, expect, test } from '@jest/globals';
import type { GuardDocArena } from '../../src/match/guard-doc.js';
import type { Pair } from '../../src/records.js';
import { guardedClusters } from '../../src/match/guarded-clusters.js';
import { TemplateGuard } from '../../src/match/template-guard.js';
import type { PairFeatures, PairModel } from '../../src/match/pair-model.js';
import { featureVector, fitPairModel, modelVerdicts, predictVerdict } from '../../src/match/pair-model.js';

const pair = (a: number, b: number, ab: number, ba: number): Pair => ({ a, b, jaccard: Math.min(ab, ba), containsAinB: ab, containsBinA: ba });

/** A royal-cable-like frame whose slots (president, country, occasion) vary. */
const cable = (name: string, country: string) =>
  `بعث خادم الحرمين الشريفين الملك سلمان برقيه تهنيه لفخامه الرييس ${name} رييس جمهوريه ${country} بمناسبه ذكري استقلال بلاده وعبر الملك عن اطيب التهاني واصدق التمنيات بموفور الصحه والسعاده`;

function guardWith(bodies: string[]): TemplateGuard {
  const g = new TemplateGuard();
  bodies.forEach((b, i) => g.add(i, b));
  // frame words must be common (document frequency above rareDf) for the slots to stand out
  for (let i = 0; i < 40; i++) g.add(100 + i, cable(`س${i}`, `ص${i}`));
  return g;
}

describe('TemplateGuard.rules (the hand rules)', () => {
  test('same frame, different president and country: template', () => {
    const g = guardWith([cable('ايسوفو محمدو', 'النيجر'), cable('الباجي قايد السبسي', 'التونسيه')]);
    expect(g.rules(pair(0, 1, 0.8, 0.78))).toBe('template');
  });
  test('same slots with a rewritten clause: copy', () => {
    const a = cable('ايسوفو محمدو', 'النيجر');
    const g = guardWith([a, `${a} وتمني للشعب النيجري الصديق المزيد من التقدم`]);
    expect(g.rules(pair(0, 1, 0.95, 0.7))).toBe('copy');
  });
  test('a short story inside a page that leads with another story: partial', () => {
    const story = 'اعلنت شركه هوندا موتور اليابانيه ارتفاع صافي ارباحها خلال الربع السنوي بنسبه 19 بالميه';
    const other = 'سيفاكس ايرلاينز التونسيه الخاصه تعلق رحلاتها الجويه قالت شركه الطيران انها علقت جميع رحلاتها';
    const page = `${Array.from({ length: 6 }, (_, i) => `${other} ${i}`).join(' ')} ${story}`;
    const g = guardWith([story, page]);
    expect(g.rules(pair(0, 1, 0.8, 0.3))).toBe('partial');
  });
  test('containment at the sure threshold is a copy whatever the slots say', () => {
    const g = guardWith([cable('ايسوفو محمدو', 'النيجر'), cable('الباجي قايد السبسي', 'التونسيه')]);
    expect(g.rules(pair(0, 1, 0.95, 0.9))).toBe('copy');
  });
});

describe('TemplateGuard counter substitutions', () => {
  const flight = (ordinal: string, tonnes: string) =>
    `وصلت اليوم الطايره الاغاثيه السعوديه ${ordinal} الي مطار عدن الدولي محمله ب ${tonnes} اطنان من المستلزمات الطبيه يرافقها فريق اغاثي من مركز الملك سلمان للاغاثه والاعمال الانسانيه`;
  test('near-identical items that swap an ordinal are two events, even at containment 0.9', () => {
    const g = guardWith([flight('الرابعه', '10'), flight('الخامسه', '10')]);
    expect(g.substitutions(pair(0, 1, 0.95, 0.95))).toBe(1);
    expect(g.rules(pair(0, 1, 0.95, 0.95))).toBe('template');
  });
  test('a number written 2014 and 2014م is the same number', () => {
    const g = guardWith([`${flight('الرابعه', '2014')}`, `${flight('الرابعه', '2014م')}`]);
    expect(g.substitutions(pair(0, 1, 0.95, 0.95))).toBe(0);
    expect(g.rules(pair(0, 1, 0.95, 0.95))).toBe('copy');
  });
  test('different numbers alone never split texts (a corrected toll, 10 آلاف for عشرة آلاف)', () => {
    const g = guardWith([flight('الرابعه', '10'), flight('الرابعه', '15')]);
    expect(g.rules(pair(0, 1, 0.95, 0.95))).toBe('copy');
    expect(g.rules(pair(0, 1, 0.8, 0.8))).toBe('copy');
  });
  test('an exact duplicate shares its original\'s guard record', () => {
    const g = guardWith([flight('الرابعه', '10'), flight('الرابعه', '10')]);
    // the same block of the same chunk, not a second copy
    const arena = (g as unknown as { arena: GuardDocArena }).arena;
    const [a, b] = [arena.words(0)!, arena.words(1)!];
    expect(b.lead.buffer).toBe(a.lead.buffer);
    expect(b.lead.byteOffset).toBe(a.lead.byteOffset);
    expect(b.bloom.length).toBe(a.bloom.length);
  });
});

describe('TemplateGuard headline and date evidence', () => {
  const execution = (province: string) =>
    `اصدرت وزاره الداخليه بيانا بشان تنفيذ حكم القتل قصاصا في احد الجناه في منطقه ${province} قال الله تعالي يا ايها الذين امنوا كتب عليكم القصاص في القتلي`;
  function guardWithMeta(docs: [string, string, string][]): TemplateGuard {
    const g = new TemplateGuard();
    docs.forEach(([body, title, date], i) => g.add(i, body, title, date));
    for (let i = 0; i < 40; i++) g.add(100 + i, cable(`س${i}`, `ص${i}`));
    return g;
  }
  // (the guard's Bloom filters answer "found" for ~2% of absent words, which can hide a slot but never
  // invent one; the provinces here do not collide in these small filters)
  test('headlines that each name a province the other lacks, days apart: template', () => {
    const g = guardWithMeta([
      [execution('القصيم'), 'القتل قصاصا في أحد الجناة بالقصيم', '2015-07-23T10:00:00'],
      [execution('جازان'), 'القتل قصاصا في أحد الجناة بجازان', '2015-08-03T10:00:00'],
    ]);
    expect(g.headlineEvidence(pair(0, 1, 0.8, 0.8))).toMatchObject({ swap: true });
    expect(g.rules(pair(0, 1, 0.8, 0.8))).toBe('template');
    // the same pair without headlines is what the body alone says
    const bare = guardWith([execution('القصيم'), execution('جازان')]);
    expect(bare.rules(pair(0, 1, 0.8, 0.8))).toBe('copy');
  });
  test('the same swap on one day is left to the body (two outlets headline one story differently)', () => {
    const g = guardWithMeta([
      [execution('القصيم'), 'القتل قصاصا في أحد الجناة بالقصيم', '2015-07-23T10:00:00'],
      [execution('جازان'), 'القتل قصاصا في أحد الجناة بجازان', '2015-07-23T18:00:00'],
    ]);
    expect(g.rules(pair(0, 1, 0.8, 0.8))).toBe('copy');
  });
  test('at the sure containment the body decides, whatever the headlines', () => {
    const g = guardWithMeta([
      [execution('القصيم'), 'القتل قصاصا في أحد الجناة بالقصيم', '2015-07-23T10:00:00'],
      [execution('جازان'), 'القتل قصاصا في أحد الجناة بجازان', '2015-08-03T10:00:00'],
    ]);
    expect(g.rules(pair(0, 1, 0.95, 0.95))).toBe('copy');
  });
  test('lead slots disagree but the headlines agree and appeared the same day: one story, confirmed', () => {
    const a = cable('ايسوفو محمدو', 'النيجر');
    const b = cable('الباجي قايد السبسي', 'التونسيه');
    const g = guardWithMeta([
      [a, 'خادم الحرمين يهنئ رئيس النيجر', '2015-08-03T10:00:00'],
      [b, 'خادم الحرمين يهنئ رئيس النيجر', '2015-08-03T12:00:00'],
    ]);
    expect(guardWith([a, b]).rules(pair(0, 1, 0.8, 0.78))).toBe('template');
    expect(g.rules(pair(0, 1, 0.8, 0.78))).toBe('same-story');
  });
  test('headlines naming different ordinals are two events (the second flight, the first flight)', () => {
    const body = 'هبطت في مطار عدن الدولي طايره اغاثه سعوديه محمله بالمستلزمات الطبيه مقدمه من مركز الملك سلمان للاغاثه';
    const g = guardWithMeta([
      [body, 'طائرة إغاثة سعودية ثانية تهبط في مطار عدن', '2015-07-23T10:00:00'],
      [`${body} والاعمال الانسانيه`, 'أول طائرة إغاثية سعودية تهبط في مطار عدن', '2015-07-23T12:00:00'],
    ]);
    expect(g.headlineEvidence(pair(0, 1, 0.8, 0.8))).toMatchObject({ counters: true });
    expect(g.rules(pair(0, 1, 0.8, 0.8))).toBe('template');
  });
  test("headlines giving different numbers in digits are evidence the model reads (a running count of another day)", () => {
    const body = 'اوضحت المديريه العامه للجوازات ان عدد المصحح وضعهم من الاشقاء اليمنيين في مراكز التصحيح بمناطق المملكه';
    const g = guardWithMeta([
      [body, 'الجوازات تصحح أوضاع ٣٥٤ ألف يمني', '2015-07-21T10:00:00'],
      [`${body} حتي الساعه الواحده`, 'الجوازات: تصحيح أوضاع 363 ألف يمني', '2015-07-23T10:00:00'],
      [`${body} حتي اليوم`, 'تصحيح أوضاع 354 ألف يمني حتى أمس', '2015-07-21T12:00:00'],
    ]);
    // Arabic-Indic digits read as ASCII ones: 354 and ٣٥٤ are one number
    expect(g.headlineEvidence(pair(0, 1, 0.8, 0.8))).toMatchObject({ numbers: true });
    expect(g.headlineEvidence(pair(0, 2, 0.8, 0.8))).toMatchObject({ numbers: false });
    expect(g.features(pair(0, 1, 0.8, 0.8)).headlineNumbers).toBe(1);
    expect(g.features(pair(0, 2, 0.8, 0.8)).headlineNumbers).toBe(0);
  });
  test('a headline printed word for word on three days is a recurring item: issues of other days are templates', () => {
    const bulletin = (wind: string) => `توقعت الرياسه العامه للارصاد وحمايه البييه في تقريرها عن حاله الطقس لهذا اليوم طقسا شديد الحراره ورياحا ${wind}`;
    const title = 'طقس شديد الحرارة على شرق ووسط المملكة';
    const g = guardWithMeta([
      [bulletin('شماليه'), title, '2015-07-22T10:00:00'],
      [bulletin('جنوبيه'), title, '2015-07-23T10:00:00'],
      [bulletin('شرقيه'), title, '2015-07-24T10:00:00'],
      [bulletin('شرقيه'), title, '2015-07-24T16:00:00'],
    ]);
    expect(g.rules(pair(0, 1, 0.8, 0.8))).toBe('template');
    expect(g.rules(pair(2, 3, 0.8, 0.8))).not.toBe('template');
  });
  const notice =
    'تبدا الاداره العامه للتعليم بمنطقه الرياض الاحد المقبل في استقبال الخريجين الجدد المتقدمين للتدريس والبالغ عددهم 300 خريج لاجراء المقابلات الشخصيه';
  const visit = `زار المدير العام لشوون المعلمين خالد القحطاني مقر لجان المقابلات ${notice}`;
  test('below the sure containment, days apart: a follow-up carrying the older story (partial), not a reprint', () => {
    const at = (date: string) =>
      guardWithMeta([
        [notice, 'تعليم الرياض يستقبل الخريجين المتقدمين للتدريس', '2015-07-24T06:00:00'],
        [visit, 'مدير عام المعلمين يزور لجان المقابلات', date],
      ]);
    expect(at('2015-07-27T17:00:00').rules(pair(0, 1, 0.75, 0.55))).toBe('partial');
    // the same two texts a day apart are a reprint; so are they without dates
    expect(at('2015-07-25T17:00:00').rules(pair(0, 1, 0.75, 0.55))).toBe('copy');
    expect(guardWith([notice, visit]).rules(pair(0, 1, 0.75, 0.55))).toBe('copy');
    // at the sure containment the body decides
    expect(at('2015-07-27T17:00:00').rules(pair(0, 1, 0.95, 0.55))).toBe('copy');
  });
  test('a template of another day stays a template, whatever the gap (the lead slots decide first)', () => {
    const g = guardWithMeta([
      [cable('ايسوفو محمدو', 'النيجر'), 'برقية تهنئة', '2015-07-23T10:00:00'],
      [cable('الباجي قايد السبسي', 'التونسيه'), 'برقية تهنئة', '2015-07-28T10:00:00'],
    ]);
    expect(g.rules(pair(0, 1, 0.8, 0.78))).toBe('template');
  });
  test('at the sure containment, a page whose headline tells another story carries the item (partial)', () => {
    const item = 'وصلت الدفعه الثالثه من المعونه الطبيه الاغاثيه الي مدينه سييون علي متن 3 قاطرات قادمه عبر منفذ الوديعه';
    const lead = 'اصدر خادم الحرمين الشريفين امرا بترقيه وتعيين 125 قاضيا بوزاره العدل وديوان المظالم في مختلف درجات السلك القضايي';
    // the page's first 60 words (the guard's lead) are its own story's
    const page = `${[1, 2, 3, 4].map((i) => `${lead} ${i}`).join(' ')} ${item}`;
    const withHeadline = (headline: string) =>
      guardWithMeta([
        [item, 'الدفعة الطبية الثالثة تصل إلى حضرموت', '2015-07-22T10:00:00'],
        [page, headline, '2015-07-22T00:49:00'],
      ]);
    expect(withHeadline('أمر ملكي بترقية وتعيين 125 قاضيا بالعدل والمظالم').rules(pair(0, 1, 0.95, 0.4))).toBe('partial');
    // the larger document's headline about the item: a copy with more material (the cabinet's page and one decision)
    expect(withHeadline('وصول الدفعة الطبية الثالثة إلى سيئون').rules(pair(0, 1, 0.95, 0.4))).toBe('copy');
  });
});

describe('TemplateGuard.classify (the learned verdict)', () => {
  const royal = [cable('ايسوفو محمدو', 'النيجر'), cable('الباجي قايد السبسي', 'التونسيه')];
  const dated = (docs: [string, string, string][], model?: null) => {
    const g = model === null ? new TemplateGuard(undefined, null) : new TemplateGuard();
    docs.forEach(([body, title, date], i) => g.add(i, body, title, date));
    for (let i = 0; i < 40; i++) g.add(100 + i, cable(`س${i}`, `ص${i}`), `برقية ${i}`, '2015-07-10T10:00:00');
    return g;
  };
  const probes = [pair(0, 1, 0.8, 0.78), pair(0, 1, 0.95, 0.9), pair(0, 1, 0.6, 0.3)];
  test('without a model it is the hand rules', () => {
    const g = dated([
      [royal[0], 'خادم الحرمين يهنئ رئيس النيجر', '2015-08-03T10:00:00'],
      [royal[1], 'خادم الحرمين يهنئ الرئيس التونسي', '2015-07-25T10:00:00'],
    ], null);
    for (const p of probes) expect(g.classify(p)).toBe(g.rules(p));
  });
  test('without headlines and dates (plain text files) it is the hand rules: the model never saw such pairs', () => {
    const g = guardWith(royal);
    for (const p of probes) expect(g.classify(p)).toBe(g.rules(p));
    expect(g.classify(pair(0, 1, 0.8, 0.78))).toBe('template');
  });
  test('the shipped model: the same cable to another president days apart is a template, a same-day reprint a copy', () => {
    const cables = dated([
      [royal[0], 'خادم الحرمين يهنئ رئيس النيجر', '2015-08-03T10:00:00'],
      [royal[1], 'خادم الحرمين يهنئ الرئيس التونسي', '2015-07-25T10:00:00'],
    ]);
    expect(cables.classify(pair(0, 1, 0.8, 0.78))).toBe('template');
    const reprint = dated([
      [royal[0], 'خادم الحرمين يهنئ رئيس النيجر', '2015-08-03T10:00:00'],
      [`${royal[0]} وتمني للشعب النيجري الصديق المزيد من التقدم`, 'الملك يهنئ رئيس النيجر بذكرى الاستقلال', '2015-08-03T18:00:00'],
    ]);
    expect(['copy', 'same-story']).toContain(reprint.classify(pair(0, 1, 0.95, 0.7)));
  });
  test('the shipped model reads the guard\'s measurements of the pair', () => {
    const g = guardWith(royal);
    const f = g.features(pair(0, 1, 0.8, 0.78));
    expect(f).toMatchObject({ containment: 0.8, smallerContainment: 0.78, jaccard: 0.78, daysApart: 0, headlineAgreement: 0.5, frameDays: 0 });
    // the two leads differ only in their slots, so each direction agrees on less than all of its words
    expect(f.slotMin).toBeLessThan(1);
    expect(f.largerLead).toBeGreaterThan(0.5);
    expect(f.largerLead).toBeLessThan(1);
  });
  test('an exact copy is a copy without asking the model', () => {
    const g = guardWith(royal);
    expect(g.classify({ ...pair(0, 1, 1, 1), exact: true })).toBe('copy');
  });
});

describe('pair model', () => {
  const features = (over: Partial<PairFeatures>): PairFeatures => ({
    containment: 0.8,
    smallerContainment: 0.4,
    jaccard: 0.35,
    slotMin: 1,
    slotMax: 1,
    largerLead: 1,
    smallerLead: 1,
    substitutions: 0,
    substitutionsWithDigits: 0,
    headlineSwap: 0,
    headlineCounters: 0,
    recurringHeadline: 0,
    headlineAgreement: 0.5,
    daysApart: 0,
    frameDays: 0,
    largerOpening: 1,
    smallerOpening: 1,
    headlineNumbers: 0,
    ...over,
  });
  test('the vector: fourteen fields, size ratio, capped gap, gap of 2 days or more, sure containment, frames, openings, headline numbers', () => {
    const x = featureVector(features({ daysApart: 7, containment: 0.95, frameDays: 4, largerOpening: 0.25, headlineNumbers: 1 }));
    expect(x).toHaveLength(23);
    expect(x[22]).toBe(1);
    expect(x.slice(0, 3)).toEqual([0.95, 0.4, 0.35]);
    expect(x[13]).toBe(7);
    expect(x[14]).toBeCloseTo(Math.log(0.95 / 0.4));
    expect(x.slice(15, 18)).toEqual([1, 1, 1]);
    // a frame of 4 days shared by two bodies a week apart; the larger's opening mostly not in the smaller
    expect(x.slice(18, 22)).toEqual([0.5, 1, 0.25, 1]);
    expect(featureVector(features({ daysApart: 1 })).slice(15, 18)).toEqual([0.2, 0, 0]);
    expect(featureVector(features({ daysApart: 0, frameDays: 8 })).slice(18, 20)).toEqual([1, 0]);
    expect(featureVector(features({ smallerContainment: 0 }))[14]).toBe(0);
  });
  test('the verdict scoring highest wins, on standardised columns', () => {
    // copy rises with column 0, template with column 1, other is a constant
    const model: PairModel = { mean: [1, 1], scale: [2, 2], weights: [[1, 0, 0], [0, 1, 0], [0, 0, 0.25]] };
    expect(predictVerdict(model, [5, 1])).toBe('copy');
    expect(predictVerdict(model, [1, 5])).toBe('template');
    expect(predictVerdict(model, [1, 1])).toBe('other');
  });
  test('fitting separates separable verdicts, the same way every time', () => {
    const xs: number[][] = [];
    const ys: (typeof modelVerdicts)[number][] = [];
    for (let i = 0; i < 30; i++) {
      const t = (i % 10) / 10;
      xs.push([2 + t, 0, t]), ys.push('copy');
      xs.push([0, 2 + t, t]), ys.push('template');
      xs.push([0, 0, 2 + t]), ys.push('other');
    }
    const model = fitPairModel(xs, ys);
    expect(xs.map((x) => predictVerdict(model, x))).toEqual(ys);
    expect(fitPairModel(xs, ys)).toEqual(model);
    expect(model.weights).toHaveLength(3);
    expect(model.weights[0]).toHaveLength(4);
  });
});

describe('guardedClusters', () => {
  const rep = (m: readonly number[]) => m[0];
  const id = (prefix: string, m: readonly number[]) => `${prefix}${m.join('-')}`;
  test('a bridging document does not chain two stories', () => {
    // 0~1 and 2~3 are two-way copies; 4 is a roundup containing both stories (one-way links)
    const pairs = [pair(0, 1, 0.9, 0.9), pair(2, 3, 0.9, 0.9), pair(0, 4, 0.95, 0.2), pair(2, 4, 0.95, 0.2)];
    const { clusters, links } = guardedClusters(5, pairs, ['copy', 'copy', 'copy', 'copy'], rep, id);
    expect(clusters.some((c) => c.members.includes(0) && c.members.includes(2))).toBe(false);
    // the roundup is a copy of both stories but sits in at most one cluster: its other copy pair is a link
    const inside = clusters.flatMap((c) => c.pairs);
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect([...inside, ...links].map((p) => `${p.a}-${p.b}`).sort()).toEqual(pairs.map((p) => `${p.a}-${p.b}`).sort());
    for (const l of links) expect(clusters.some((c) => c.members.includes(l.a) && c.members.includes(l.b))).toBe(false);
  });
  test('same-story pairs weigh more than their band: two cuts of one story join its longer versions', () => {
    // 0 and 1 are short cuts that overlap each other only 0.3 (not verified); 2 and 3 are long versions that
    // contain each cut at 0.75 and each other at 0.95
    const pairs = [pair(2, 3, 0.95, 0.95), pair(0, 2, 0.75, 0.3), pair(0, 3, 0.75, 0.3), pair(1, 2, 0.75, 0.3), pair(1, 3, 0.75, 0.3)];
    const apart = guardedClusters(4, pairs, ['copy', 'copy', 'copy', 'copy', 'copy'], rep, id);
    expect(apart.clusters.some((c) => c.members.length === 4)).toBe(false);
    const joined = guardedClusters(4, pairs, ['copy', 'same-story', 'same-story', 'same-story', 'same-story'], rep, id);
    expect(joined.clusters.map((c) => c.members)).toEqual([[0, 1, 2, 3]]);
  });
  test('template families do not chain: a path of template pairs is not one family, a clique is', () => {
    const path = [pair(0, 1, 0.8, 0.8), pair(1, 2, 0.8, 0.8), pair(2, 3, 0.8, 0.8), pair(3, 4, 0.8, 0.8), pair(4, 5, 0.8, 0.8)];
    const chained = guardedClusters(6, path, path.map(() => 'template'), rep, id);
    expect(Math.max(...chained.templates.map((t) => t.members.length))).toBeLessThan(6);
    // what the families leave out is still reported, as template links
    expect(chained.templates.flatMap((t) => t.pairs).length + chained.templateLinks.length).toBe(path.length);
    const clique = [pair(0, 1, 0.8, 0.8), pair(0, 2, 0.8, 0.8), pair(1, 2, 0.8, 0.8), pair(0, 3, 0.8, 0.8), pair(1, 3, 0.8, 0.8), pair(2, 3, 0.8, 0.8)];
    const family = guardedClusters(4, clique, clique.map(() => 'template'), rep, id);
    expect(family.templates.map((t) => t.members)).toEqual([[0, 1, 2, 3]]);
    expect(family.templateLinks).toEqual([]);
  });
  test('template pairs form families, not clusters', () => {
    const pairs = [pair(0, 1, 0.8, 0.8), pair(1, 2, 0.8, 0.8)];
    const { clusters, templates } = guardedClusters(3, pairs, ['template', 'template'], rep, id);
    expect(clusters).toEqual([]);
    expect(templates.map((t) => t.members)).toEqual([[0, 1, 2]]);
  });
});
