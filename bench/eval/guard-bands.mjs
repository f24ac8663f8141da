#!/usr/bin/env node
/**
 * `node bench/eval/guard-bands.mjs`: the template guard's verdicts on every exact-truth pair of the
 * SaudiNewsNet days (max containment ≥ 0.5, brute force as in `npm run eval`), counted by containment band
 * and headline evidence (slot swap, days apart). Shows what the headline rules act on; `npm run build` first.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateGuard } from '../../dist/match/template-guard.js';
import { pairFromCounts } from '../../dist/match/verify.js';
import { resolveParams } from '../../dist/params.js';
import { shingleHashes } from '../../dist/sketch/shingle.js';
import { loadCorpus } from './corpus.mjs';
import { exactPairs } from './truth.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const p = resolveParams({});
const docs = await loadCorpus([path.join(here, '../../../shared/data/saudinewsnet')]);
const guard = new TemplateGuard();
for (const d of docs) guard.add(d.id, d.body, d.title, d.publishedAt);
const sets = docs.map((d) => shingleHashes(d.body, p.sketch.shingle, p.sketch.size, p.sketch.seed));
const truth = exactPairs(sets, 0.5);
const kinds = ['copy', 'same-story', 'template', 'partial'];
const table = new Map();
for (let k = 0; k < truth.count; k++) {
  const i = truth.a[k];
  const j = truth.b[k];
  const pr = pairFromCounts(docs[i].id, sets[i].length, docs[j].id, sets[j].length, truth.inter[k]);
  const c = Math.max(pr.containsAinB, pr.containsBinA);
  const ev = guard.headlineEvidence(pr);
  const band = c >= 0.9 ? '≥ 0.9' : c >= 0.7 ? '0.7–0.9' : '0.5–0.7';
  const when = !ev || Number.isNaN(ev.gap) ? 'no headline/date' : ev.gap >= 2 ? '≥ 2 days' : ev.gap >= 1 ? '1–2 days' : '< 1 day';
  const key = `| ${band} | ${ev?.swap ? 'swap' : 'no swap'} | ${when} |`;
  const row = table.get(key) ?? table.set(key, Object.fromEntries(kinds.map((x) => [x, 0]))).get(key);
  row[guard.classify(pr)]++;
}
console.log(`| containment | headlines | apart | ${kinds.join(' | ')} |\n| --- | --- | --- |${kinds.map(() => ' ---: |').join('')}`);
for (const key of [...table.keys()].sort()) console.log(`${key} ${kinds.map((x) => table.get(key)[x]).join(' | ')} |`);
