// Dumps the detector's verified pairs (a, b, jaccard, containments, exact) for a tree's dist/, so two builds
// can be compared pair for pair on the same input and parameters (used to check speed work changes nothing).
//   node bench/speed-identity.mjs DIST_DIR INPUT OUT.json [params JSON]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
const [dist, input, out, paramsJson] = process.argv.slice(2);
const imp = (f) => import(path.resolve(dist, f));
const { readDocs } = await imp('io/read-docs.js');
const { discoverInputs } = await imp('io/discover.js');
const { resolveParams } = await imp('params.js');
const { prepareBody, arabicShare } = await imp('text/body.js');
const { Detector } = await imp('match/detector.js');
const p = resolveParams(paramsJson ? JSON.parse(paramsJson) : {});
const found = await discoverInputs([input], p.io.extensions);
const det = await Detector.create(p);
for await (const e of readDocs(found.files, p.io)) {
  if (e.kind !== 'doc') continue;
  const body = prepareBody(e.doc, p.text);
  if (body.normalised.text.length < p.text.minChars || arabicShare(body.normalised.text) < 0.5) continue;
  await det.add(body);
}
const counts = await det.finish();
writeFileSync(out, JSON.stringify({ counts, pairs: det.pairs.map((q) => [q.a, q.b, q.jaccard, q.containsAinB, q.containsBinA, q.exact ?? false]) }));
console.log(JSON.stringify(counts), det.pairs.length);
