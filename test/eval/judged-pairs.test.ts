import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { discoverInputs } from '../../src/io/discover.js';
import { readDocs } from '../../src/io/read-docs.js';
import { pairModelFittedOn } from '../../src/match/pair-model-weights.js';
import { TemplateGuard } from '../../src/match/template-guard.js';
import { comparePair, isMatch } from '../../src/match/verify.js';
import { resolveParams } from '../../src/params.js';
import { shingleHashes } from '../../src/sketch/shingle.js';
import { prepareBody } from '../../src/text/body.js';

/**
 * Pair-level agreement with the hand-judged SaudiNewsNet pairs (test/fixtures/judged-pairs.json): verify +
 * template guard, no clustering. The full evaluation (clusters, truth, synthetic) is `npm run eval`.
 */
const data = path.resolve('../shared/data/saudinewsnet');
const judged: { a: string; b: string; verdict: string; set?: string }[] = JSON.parse(
  readFileSync(path.resolve('test/fixtures/judged-pairs.json'), 'utf8'),
).pairs;

const run = existsSync(data) ? describe : describe.skip;
if (!existsSync(data)) console.warn(`SKIPPED judged-pairs agreement: ${data} is absent`);

run('hand-judged pairs', () => {
  test('verdicts cover copies, templates and partial reuse', () => {
    const kinds = new Set(judged.map((j) => j.verdict));
    expect(judged.length).toBeGreaterThanOrEqual(80);
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['copy', 'partial', 'template']));
  });

  test('pair classification agrees with the judged verdicts', async () => {
    const p = resolveParams({});
    const wanted = new Set(judged.flatMap((j) => [j.a, j.b]));
    const guard = new TemplateGuard();
    const sets = new Map<string, { id: number; set: Uint32Array }>();
    const bodies = new Map<string, number>();
    const found = await discoverInputs([data], p.io.extensions);
    for await (const e of readDocs(found.files, p.io)) {
      if (e.kind !== 'doc') continue;
      const body = prepareBody(e.doc, p.text);
      if (body.normalised.text.length < p.text.minChars) continue;
      // as in scan: an exact duplicate adds nothing to the guard (its words must not count twice)
      const seen = bodies.get(body.normalised.text);
      if (seen === undefined) {
        bodies.set(body.normalised.text, e.doc.id);
        guard.add(e.doc.id, body.normalised.text, e.doc.title, e.doc.publishedAt);
      }
      if (wanted.has(e.doc.key)) sets.set(e.doc.key, { id: seen ?? e.doc.id, set: shingleHashes(body.normalised.text, p.sketch.shingle, p.sketch.size, p.sketch.seed) });
    }
    // the learned verdict (classify) and the hand rules it was fitted beside; the sets the weights were not
    // fitted on (blind10 and blind11, judged after the fit) are its held-out check, the others are in-sample
    const isHeldOut = (set?: string) => !pairModelFittedOn.includes(set ?? 'first');
    const tally = { model: [0, 0], rules: [0, 0], modelHeldOut: [0, 0], rulesHeldOut: [0, 0] };
    const confusions: string[] = [];
    const score = (key: keyof typeof tally, ok: boolean) => {
      tally[key][1]++;
      if (ok) tally[key][0]++;
    };
    // a pair one of whose items has no text left to compare (a photo item whose only line is boilerplate) is
    // not scored, as in `npm run eval`
    for (const j of judged) {
      const a = sets.get(j.a);
      const b = sets.get(j.b);
      if (!a || !b) continue;
      const pr = comparePair(a.id, a.set, b.id, b.set);
      // a same-story pair is a copy (one the headlines confirm); partial reuse is neither copy nor template
      const said = (kind: string) => (!isMatch(pr, p.match) || kind === 'partial' ? 'other' : kind === 'same-story' ? 'copy' : kind);
      const want = j.verdict === 'copy' || j.verdict === 'template' ? j.verdict : 'other';
      const byModel = said(guard.classify(pr));
      const byRules = said(guard.rules(pr));
      score('model', byModel === want);
      score('rules', byRules === want);
      if (isHeldOut(j.set)) {
        score('modelHeldOut', byModel === want);
        score('rulesHeldOut', byRules === want);
        if (byModel !== want) confusions.push(`${j.verdict}→${byModel}`);
      }
    }
    const share = ([ok, n]: number[]) => ok / n;
    const f3 = (k: keyof typeof tally) => `${share(tally[k]).toFixed(3)} of ${tally[k][1]}`;
    console.log(
      `judged-pairs agreement: model ${f3('model')} (in-sample on ${pairModelFittedOn.join(', ')}), rules ${f3('rules')}; held out: model ${f3('modelHeldOut')}, rules ${f3('rulesHeldOut')}; model's held-out confusions: ${confusions.join(', ')}`,
    );
    expect(tally.model[1]).toBeGreaterThanOrEqual(judged.length - 2);
    expect(tally.modelHeldOut[1]).toBe(judged.filter((j) => isHeldOut(j.set)).length);
    // measured on the 2015 data, pair level: hand rules 0.839 before headline evidence, 0.871 with it
    // (docs/tuning.md, round 5), 0.836 over all 1316 pairs of round 13; the model 0.904 over 1316 (956 in sample),
    // and on the 360 held-out pairs of blind10 and blind11 0.897 where the rules reach 0.825 (pair level; `npm run
    // eval`, which reads the clusters, says 0.900 / 0.831). The floors guard against regressions
    expect(share(tally.rules)).toBeGreaterThanOrEqual(0.83);
    expect(share(tally.model)).toBeGreaterThanOrEqual(0.89);
    expect(share(tally.modelHeldOut)).toBeGreaterThanOrEqual(share(tally.rulesHeldOut));
  }, 120000);
});
