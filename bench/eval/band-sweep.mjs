#!/usr/bin/env node
/**
 * `node bench/eval/band-sweep.mjs [hashes=256] [BxR ...] [--share S] [--coarse MASK] [--fine MASK] [--max-posting N] [--short N]`: with the containment index on (its candidates do
 * not depend on the bands), how many LSH bands does candidate recall of the verified truth still need?
 * Prints candidates (union of LSH and the index, each pair once) and recall at C ≥ 0.9 and of the verified
 * truth (J ≥ 0.5 or C ≥ 0.5) for each bands × rows, on the 12 SaudiNewsNet days. `npm run build` first.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveParams } from '../../dist/params.js';
import { defaultSampleShape, SampleIndex } from '../../dist/index/sample-index.js';
import { shingleHashes } from '../../dist/sketch/shingle.js';
import { loadCorpus } from './corpus.mjs';
import { candidates, signAll } from './lsh-sim.mjs';
import { exactPairs } from './truth.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const hashes = Number(args.find((a) => /^\d+$/.test(a)) ?? 256);
const shape = {};
for (const [flag, field] of [['--share', 'minShare'], ['--coarse', 'coarseMask'], ['--fine', 'fineMask'], ['--max-posting', 'maxPosting'], ['--short', 'shortShingles']]) {
  const i = args.indexOf(flag);
  if (i >= 0) shape[field] = Number(args.splice(i, 2)[1]);
}
const configs = args.filter((a) => /^\d+x\d+$/.test(a)).map((a) => a.split('x').map(Number));
if (configs.length === 0) configs.push([128, 2], [85, 3], [64, 3], [64, 4], [42, 3], [32, 4]);
const p = resolveParams({});
const docs = await loadCorpus([path.join(here, '../../../shared/data/saudinewsnet')]);
const sets = docs.map((d) => shingleHashes(d.body, p.sketch.shingle, p.sketch.size, p.sketch.seed));
const truth = exactPairs(sets, 0.5);
const sigs = signAll(sets, hashes, p.sketch.seed);
const shapes = [shape];
const si = args.indexOf('--shapes'); // several index shapes in one run, as a JSON list of partial shapes
if (si >= 0) shapes.splice(0, 1, ...JSON.parse(args.splice(si, 2)[1]));
console.log(`${docs.length} documents, ${truth.count} truth pairs at C ≥ 0.5; ${hashes} hashes\n`);
console.log('| containment index | bands×rows | LSH candidates | with index | recall C≥0.9 | recall verified truth | missed |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
const lsh = new Map();
for (const sh of shapes) {
const sampled = sets.map(() => new Set());
const idx = new SampleIndex({ ...defaultSampleShape, ...sh });
const out = [];
const t0 = performance.now();
sets.forEach((s, d) => {
  out.length = 0;
  idx.add(d, s, out);
  for (const c of out) sampled[d].add(c.a);
});
const indexMs = performance.now() - t0;
for (const [bands, rows] of configs) {
  if (bands * rows > hashes) continue;
  const key = `${bands}x${rows}`;
  if (!lsh.has(key)) {
    const { partners, count } = candidates(sigs, bands, rows);
    lsh.set(key, { cand: partners.map((x) => new Set(x)), count });
  }
  const { cand, count } = lsh.get(key);
  let union = count;
  sampled.forEach((s, d) => s.forEach((o) => (cand[d].has(o) ? 0 : union++)));
  const has = (a, b) => (a < b ? cand[b].has(a) || sampled[b].has(a) : cand[a].has(b) || sampled[a].has(b));
  let n9 = 0, h9 = 0, nv = 0, hv = 0;
  for (let k = 0; k < truth.count; k++) {
    const a = truth.a[k];
    const b = truth.b[k];
    const c = truth.inter[k] / Math.min(sets[a].length, sets[b].length);
    const j = truth.inter[k] / (sets[a].length + sets[b].length - truth.inter[k]);
    const hit = has(a, b);
    if (c >= 0.9) { n9++; if (hit) h9++; }
    if (j >= p.match.threshold || c >= p.match.containment) { nv++; if (hit) hv++; }
  }
  console.log(`| ${JSON.stringify(sh)} (${(indexMs / 1000).toFixed(1)} s) | ${bands}×${rows} | ${count} | ${union} | ${(h9 / n9).toFixed(4)} | ${(hv / nv).toFixed(4)} | ${nv - hv} |`);
}
}
