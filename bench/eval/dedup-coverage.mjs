#!/usr/bin/env node
/**
 * `node bench/eval/dedup-coverage.mjs [--keep earliest|longest|first] [DIR]`: how much text `sada dedup` throws
 * away that no kept record has. For every dropped near-duplicate (exact copies aside) it measures the share of
 * its char 7-gram shingles found in the record it was dropped for, and prints the distribution with the
 * default `dropCoverage` (the match containment) and with 0 (one record kept per cluster), side by side.
 * DIR defaults to the 12 SaudiNewsNet days; `npm run build` first.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedup } from '../../dist/dedup.js';
import { resolveParams } from '../../dist/params.js';
import { shingleHashes } from '../../dist/sketch/shingle.js';
import { loadCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--keep');
const keep = at >= 0 ? args.splice(at, 2)[1] : 'earliest';
const dir = args[0] ?? path.join(here, '../../../shared/data/saudinewsnet');
const p = resolveParams({});
const bodies = new Map((await loadCorpus([dir])).map((d) => [d.key, d.body]));
const sets = new Map();
const setOf = (key) => {
  let s = sets.get(key);
  if (!s) sets.set(key, (s = new Set(shingleHashes(bodies.get(key), p.sketch.shingle, p.sketch.size, p.sketch.seed))));
  return s;
};

console.log(`dedup --keep ${keep} on ${dir}\n`);
console.log('| dropCoverage | kept | dropped (exact) | near drops by coverage of the dropped record: <0.1 … ≥0.9 | dropped shingles in no kept record |');
console.log('| ---: | ---: | ---: | --- | ---: |');
for (const dropCoverage of [undefined, 0]) {
  const r = await dedup([dir], { keep, dropCoverage });
  const deciles = new Array(10).fill(0);
  let kept = 0;
  let dropped = 0;
  let exact = 0;
  let lost = 0;
  let all = 0;
  for await (const { decision } of r.records()) {
    if (decision.action === 'keep') {
      kept++;
      continue;
    }
    dropped++;
    if (decision.exact) {
      exact++;
      continue;
    }
    const mine = setOf(decision.id);
    const theirs = setOf(decision.representative);
    let shared = 0;
    for (const h of mine) if (theirs.has(h)) shared++;
    deciles[Math.min(9, Math.floor((shared / mine.size) * 10))]++;
    lost += mine.size - shared;
    all += mine.size;
  }
  await r.cleanup();
  const label = dropCoverage === undefined ? `${p.match.containment} (default)` : String(dropCoverage);
  console.log(`| ${label} | ${kept} | ${dropped} (${exact}) | ${deciles.join(' ')} | ${((100 * lost) / all).toFixed(1)}% |`);
}
