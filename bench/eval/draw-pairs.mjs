#!/usr/bin/env node
/**
 * `node bench/eval/draw-pairs.mjs [PER_BAND=14] [SEED=7] [--set NAME] [--chars N] [--json] [--dir DIR]`: a
 * seeded random sample of exact truth pairs to judge by hand, stratified across max-containment bands 0.5–0.7,
 * 0.7–0.9 and 0.9–1.0, on the corpus as the eval loads it (bench/eval/corpus.mjs) with the eval's truth
 * (truth.mjs).
 *
 * Skipped: pairs in test/fixtures/judged-pairs.json (either order) outside the set being drawn (--set, default
 * "blind", so the blind set redraws the same once appended; name a new set to skip it too), pairs of identical
 * bodies, and — so a few large syndication clusters do not fill a band — pairs reusing a document or a body
 * pair already drawn. Prints ids, outlets, dates, titles, containment and both bodies (first N characters,
 * default 1500); never sada's verdict, so the pairs can be judged blind. --json prints the drawn pairs as JSON
 * instead. `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveParams } from '../../dist/params.js';
import { shingleHashes } from '../../dist/sketch/shingle.js';
import { loadCorpus } from './corpus.mjs';
import { prng } from './synth.mjs';
import { exactPairs } from './truth.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const chars = Number(option('--chars', 1500));
const dataDir = option('--dir', path.join(here, '../../../shared/data/saudinewsnet'));
const json = args.includes('--json');
const drawing = option('--set', 'blind');
const [perBand = 14, seed = 7] = args.filter((a) => /^\d+$/.test(a)).map(Number);
const bands = [[0.5, 0.7], [0.7, 0.9], [0.9, 1.0001]];

const p = resolveParams({});
const docs = await loadCorpus([dataDir]);
const sets = docs.map((d) => shingleHashes(d.body, p.sketch.shingle, p.sketch.size, p.sketch.seed));
const truth = exactPairs(sets, 0.5);
const judged = JSON.parse(readFileSync(path.join(here, '../../test/fixtures/judged-pairs.json'), 'utf8')).pairs;
const inFixture = new Set(judged.filter((j) => j.set !== drawing).flatMap((j) => [`${j.a}\n${j.b}`, `${j.b}\n${j.a}`]));

// truth pairs by band, in truth order (deterministic), before shuffling
const byBand = bands.map(() => []);
for (let k = 0; k < truth.count; k++) {
  const a = truth.a[k];
  const b = truth.b[k];
  if (docs[a].body === docs[b].body || inFixture.has(`${docs[a].key}\n${docs[b].key}`)) continue;
  const inter = truth.inter[k];
  const c = inter / Math.min(sets[a].length, sets[b].length);
  const band = bands.findIndex(([lo, hi]) => c >= lo && c < hi);
  if (band >= 0) byBand[band].push({ a, b, c, aInB: inter / sets[a].length, bInA: inter / sets[b].length });
}

const rand = prng(seed);
const usedDocs = new Set();
const usedBodies = new Set();
const drawn = [];
byBand.forEach((pool, band) => {
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  let taken = 0;
  for (const pr of pool) {
    if (taken === perBand) break;
    const bodyKey = [docs[pr.a].body, docs[pr.b].body].sort().join('\n\u0000\n');
    if (usedDocs.has(pr.a) || usedDocs.has(pr.b) || usedBodies.has(bodyKey)) continue;
    usedDocs.add(pr.a).add(pr.b);
    usedBodies.add(bodyKey);
    drawn.push({ band, pool: pool.length, ...pr });
    taken++;
  }
});

const f2 = (x) => x.toFixed(2);
const bandName = (band) => `${bands[band][0]}–${Math.min(1, bands[band][1])}`;
if (json) {
  const out = drawn.map((d) => ({ a: docs[d.a].key, b: docs[d.b].key, band: bandName(d.band), containment: Number(d.c.toFixed(3)) }));
  console.log(JSON.stringify(out, null, 1));
} else {
  console.log(`${docs.length} documents, ${truth.count} truth pairs at C ≥ 0.5; ${perBand} per band, seed ${seed}`);
  bands.forEach((_, band) => console.log(`band ${bandName(band)}: ${byBand[band].length} eligible pairs, ${drawn.filter((d) => d.band === band).length} drawn`));
  const trim = (t) => (t.length > chars ? `${t.slice(0, chars)} … [${t.length - chars} more chars]` : t);
  drawn.forEach((d, n) => {
    console.log(`\n════ pair ${n + 1} · band ${bandName(d.band)} · C max ${f2(d.c)} (a⊂b ${f2(d.aInB)}, b⊂a ${f2(d.bInA)})`);
    for (const [side, i] of [['a', d.a], ['b', d.b]]) {
      const doc = docs[i];
      console.log(`── ${side} ${doc.key} · ${doc.outlet ?? '—'} · ${doc.publishedAt ?? '—'} · ${doc.text.length} chars\n   «${doc.title ?? ''}»\n${trim(doc.text)}`);
    }
  });
}
