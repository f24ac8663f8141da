#!/usr/bin/env node
/**
 * `node bench/eval/judged-report.mjs [REPORT.json] [--all] [--set NAME]`: every hand-judged pair
 * (test/fixtures/judged-pairs.json) where sada's report disagrees with the verdict (all pairs with --all; one
 * held-out set only with --set, e.g. `--set blind`), with the evidence: containment, the template guard's kind and signals (lead
 * slots, larger lead, headline swap/agreement, days apart), titles, outlets, dates, the judge's note and the
 * first words of each body. REPORT is a `sada scan --format json` of the SaudiNewsNet days (default
 * /tmp/q.json); `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateGuard } from '../../dist/match/template-guard.js';
import { comparePair } from '../../dist/match/verify.js';
import { resolveParams } from '../../dist/params.js';
import { shingleHashes } from '../../dist/sketch/shingle.js';
import { loadCorpus } from './corpus.mjs';
import { sadaVerdicts, wanted } from './judged.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const all = args.includes('--all');
const setAt = args.indexOf('--set');
const onlySet = setAt >= 0 ? args.splice(setAt, 2)[1] : undefined;
const reportFile = args.find((a) => !a.startsWith('--')) ?? '/tmp/q.json';
const p = resolveParams({});
const docs = await loadCorpus([path.join(here, '../../../shared/data/saudinewsnet')]);
const byKey = new Map(docs.map((d) => [d.key, d]));
// the guard as scan feeds it: every usable document, in reading order, with title and date
const guard = new TemplateGuard();
for (const d of docs) guard.add(d.id, d.body, d.title, d.publishedAt);
const report = JSON.parse(readFileSync(reportFile, 'utf8'));
const clusterOf = new Map();
report.clusters.forEach((c, i) => c.members.forEach((m) => clusterOf.set(m, i)));
// sada's verdict as the eval reads it (links count, exact copies carry their original's pairs)
const verdict = sadaVerdicts(report);
const linkKind = new Map(); // links listed for the pair itself, shown as evidence
for (const l of report.links ?? []) linkKind.set(`${l.a}\n${l.b}`, l.kind).set(`${l.b}\n${l.a}`, l.kind);
const judged = JSON.parse(readFileSync(path.join(here, '../../test/fixtures/judged-pairs.json'), 'utf8')).pairs;
const f2 = (x) => (x === undefined ? '—' : x.toFixed(2));
let shown = 0;
for (const [at, j] of judged.entries()) {
  const a = byKey.get(j.a);
  const b = byKey.get(j.b);
  if (!a || !b || (onlySet !== undefined && j.set !== onlySet)) continue;
  const link = linkKind.get(`${j.a}\n${j.b}`);
  const said = verdict(j.a, j.b);
  const want = wanted(j.verdict);
  if (said === want && !all) continue;
  shown++;
  const sa = shingleHashes(a.body, p.sketch.shingle, p.sketch.size, p.sketch.seed);
  const sb = shingleHashes(b.body, p.sketch.shingle, p.sketch.size, p.sketch.seed);
  const pr = comparePair(a.id, sa, b.id, sb);
  const ev = guard.headlineEvidence(pr);
  console.log(
    `#${at}${j.set ? ` [${j.set}]` : ''} ${j.verdict}→${said}${said === want ? '' : ' (disagrees)'}: C ${f2(Math.max(pr.containsAinB, pr.containsBinA))} J ${f2(pr.jaccard)}; ` +
      `guard ${guard.classify(pr)}; headlines swap ${ev?.swap ?? '—'}, counters ${ev?.counters ?? '—'}, recurring ${ev?.recurring ?? '—'}, ` +
      `agree ${f2(ev?.agreement)}, ${f2(ev?.gap)} days apart; clusters ${clusterOf.get(j.a) ?? '—'} / ${clusterOf.get(j.b) ?? '—'}` +
      `${link ? `, ${link} link` : ''}; shingles ${sa.length} / ${sb.length}, C a⊂b ${f2(pr.containsAinB)} b⊂a ${f2(pr.containsBinA)}`,
  );
  if (j.note) console.log(`   judged: ${j.note}`);
  for (const d of [a, b]) console.log(`   ${d.outlet} ${d.publishedAt} «${d.title}»\n      ${d.body.slice(0, 150)}`);
}
console.log(`${shown} pair(s) shown of ${onlySet !== undefined ? judged.filter((j) => j.set === onlySet).length : judged.length}`);
