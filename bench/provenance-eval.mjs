// Provenance evaluation (issue 7): how often the direction SPA → outlet is given, with and without the outlet
// field. Usage: npm run build && node bench/provenance-eval.mjs [dir-of-zips]
//
// 1. Real data: clusters holding a `was` (Saudi Press Agency) article and other outlets' copies. The 12 shared
//    SaudiNewsNet days hold NO `was` article (the crawl added SPA later), so this part reports 0 pairs here.
// 2. Simulation, labelled as such: SPA originals rebuilt from Sabq's «واس- CITY:» reprints (SPA's house
//    dateline «CITY D HIJRI هـ الموافق D GREGORIAN م واس» + the body), paired with every other outlet's copy
//    of the same story (char 7-gram Jaccard ≥ 0.3, exact sets), then scored with and without outlet fields.
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRecords } from '../dist/io/record-source.js';
import { mapFields } from '../dist/io/fields.js';
import { prepareBody } from '../dist/text/body.js';
import { shingleHashes } from '../dist/sketch/shingle.js';
import { comparePair } from '../dist/match/verify.js';
import { inferProvenance } from '../dist/provenance/direction.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? path.join(root, '../shared/data/saudinewsnet');
const limits = { maxRecordBytes: 50 << 20, maxInflatedBytes: 4 * 2 ** 30, maxInflateRatio: 100 };
const all = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.zip')).sort()) {
  for await (const e of readRecords(path.join(dir, f), limits)) {
    if (e.kind !== 'record') continue;
    const m = mapFields(e.fields, {});
    if (m.text) all.push({ key: m.id, outlet: m.outlet, publishedAt: m.published?.replace(' ', 'T'), text: m.text });
  }
}
const shingles = (text) => shingleHashes(prepareBody({ id: 0, text }, { stripBoilerplate: true }).normalised.text, 'char', 7, 1);
const sets = all.map((d) => shingles(d.text));
const bodyChars = (text) => prepareBody({ id: 0, text }, { stripBoilerplate: true }).normalised.text.length;

function pairsWith(origins, originSets) {
  const inv = new Map();
  originSets.forEach((s, k) => s.forEach((x) => (inv.get(x) ?? inv.set(x, []).get(x)).push(k)));
  const out = [];
  sets.forEach((s, j) => {
    const count = new Map();
    for (const x of s) for (const k of inv.get(x) ?? []) count.set(k, (count.get(k) ?? 0) + 1);
    for (const [k] of count) {
      if (origins[k].outlet === all[j].outlet && origins[k].key === all[j].key) continue;
      const p = comparePair(0, originSets[k], 1, s);
      if (p.jaccard >= 0.3 && all[j].outlet !== 'was') out.push({ a: origins[k].key, b: all[j].key, jaccard: p.jaccard, containment_ab: p.containsAinB, containment_ba: p.containsBinA });
    }
  });
  return out;
}

function score(label, docs, pairs, isSpa) {
  const rows = [];
  for (const mode of ['with outlet field', 'outlet field removed']) {
    const ds = docs.map((d) => ({ ...d, outlet: mode.startsWith('with') ? d.outlet : undefined }));
    const res = inferProvenance(ds, pairs);
    const ok = res.filter((r) => r.relation === 'copied' && isSpa(r.from)).length;
    rows.push({ data: label, mode, pairs: res.length, 'SPA → outlet': ok, share: res.length ? `${((100 * ok) / res.length).toFixed(1)}%` : 'n/a' });
  }
  return rows;
}

const rows = [];
const spa = all.filter((d) => d.outlet === 'was');
const realPairs = pairsWith(spa, spa.map((d) => sets[all.indexOf(d)]));
const docsOf = (pairs, extra = []) => {
  const keys = new Set(pairs.flatMap((p) => [p.a, p.b]));
  return [...extra, ...all.filter((d) => keys.has(d.key))].map((d) => ({ ...d, bodyChars: bodyChars(d.text) }));
};
rows.push(...score(`real: ${spa.length} was articles`, docsOf(realPairs), realPairs, (k) => spa.some((d) => d.key === k)));

const H = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];
const G = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
const dateline = (city, iso) => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const p = Object.fromEntries(hijri.formatToParts(d).map((x) => [x.type, x.value]));
  return `${city} ${p.day} ${H[p.month - 1]} ${p.year} هـ الموافق ${d.getUTCDate()} ${G[d.getUTCMonth()]} ${d.getUTCFullYear()} م واس`;
};
const synthetic = [];
for (const d of all) {
  const m = /^\s*واس\s*-\s*([^:\n]{2,30}):\s*/.exec(d.text);
  if (d.outlet === 'sabq' && m) {
    const body = d.text.slice(m[0].length);
    synthetic.push({ key: `spa:${d.key}`, outlet: 'was', publishedAt: d.publishedAt, text: `${dateline(m[1].trim(), d.publishedAt)}\n${body}` });
  }
}
const synthPairs = pairsWith(synthetic, synthetic.map((d) => shingles(d.text)));
const synthDocs = docsOf(synthPairs, synthetic.filter((s) => synthPairs.some((p) => p.a === s.key)));
rows.push(...score(`simulated: ${synthetic.length} SPA originals`, synthDocs, synthPairs, (k) => k.startsWith('spa:')));
console.table(rows);
