import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { discoverInputs } from '../../src/io/discover.js';
import { readDocs } from '../../src/io/read-docs.js';
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
    let agree = 0;
    const confusions: string[] = [];
    const bySet = new Map<string, [number, number]>(); // set → [agreeing, pairs]; the first set has no `set`
    // a pair one of whose items has no text left to compare (a photo item whose only line is boilerplate) is
    // not scored, as in `npm run eval`
    let scored = 0;
    for (const j of judged) {
      const a = sets.get(j.a);
      const b = sets.get(j.b);
      if (!a || !b) continue;
      scored++;
      const pr = comparePair(a.id, a.set, b.id, b.set);
      const kind = guard.classify(pr);
      // a same-story pair is a copy (one the headlines confirm); partial reuse is neither copy nor template
      const said = !isMatch(pr, p.match) || kind === 'partial' ? 'other' : kind === 'same-story' ? 'copy' : kind;
      const want = j.verdict === 'copy' || j.verdict === 'template' ? j.verdict : 'other';
      const tally = bySet.get(j.set ?? 'first') ?? [0, 0];
      bySet.set(j.set ?? 'first', tally);
      tally[1]++;
      if (said === want) {
        agree++;
        tally[0]++;
      } else confusions.push(`${j.verdict}→${said}`);
    }
    expect(scored).toBeGreaterThanOrEqual(judged.length - 2);
    const share = agree / scored;
    const perSet = [...bySet].map(([name, [ok, n]]) => `${name} ${(ok / n).toFixed(3)} of ${n}`).join(', ');
    console.log(`judged-pairs agreement ${share.toFixed(3)} (${perSet}); confusions: ${confusions.join(', ')}`);
    // measured on the 2015 data, pair level: 0.839 before headline evidence, 0.871 with it (docs/tuning.md,
    // round 5), on the first 124 pairs; with the blind 42 added, 0.861 over 166; with blind2, blind3 and blind4, 0.877
    // over 326 (blind3 0.79, blind4 0.87). The floor guards against regressions
    expect(share).toBeGreaterThanOrEqual(0.85);
  }, 120000);
});
