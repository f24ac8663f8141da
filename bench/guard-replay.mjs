// Times two builds of the template guard in one process and checks they agree record for record and
// verdict for verdict. A shared machine drifts by 2–3× within a minute, so the builds alternate every
// `chunk` documents (or pairs), each phase summed over its chunks; best of `rounds`.
//   node --expose-gc bench/guard-replay.mjs OLD_DIST NEW_DIST INPUT [rounds] [cold]
// The guard is fed what detect.ts feeds it in a serial scan of INPUT with default params: the bodies the
// exact-duplicate check keeps, then the detector's verified pairs (computed once, with NEW_DIST's pipeline).
// Two copies of one build still differ by up to ~15% by position (placement of code and data): run both
// orders and take the geometric mean of the two median ratios.
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { detectWithDist } from './dist-detect.mjs';

const [oldDist, newDist, input, roundsArg, coldArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 7);
// In a scan the index's work between two documents evicts the guard's word table from the caches; `cold`
// random reads over 64 MB before each document stand in for it (0: the table stays warm, as in no scan).
const cold = Number(coldArg ?? 0);
const chunk = 200;
const load = async (dist) => ({
  ...(await import(path.resolve(dist, 'match/guard-doc.js'))),
  ...(await import(path.resolve(dist, 'match/template-guard.js'))),
});
// Each build gets its own copy of the loops that call it: one call site shared by both would see two
// callees and two record shapes, and optimise for neither.
const loops = () => ({
  records: new Function('guardDocOf', 'docs', 'out', 'from', 'to', 'for (let i = from; i < to; i++) out.push(guardDocOf(docs[i][1], 60));'),
  add: new Function('guard', 'docs', 'gs', 'from', 'to', 'for (let i = from; i < to; i++) guard.addDoc(docs[i][0], gs[i], docs[i][2], docs[i][3]);'),
  classify: new Function('guard', 'pairs', 'out', 'from', 'to', 'for (let i = from; i < to; i++) out.push(guard.classify(pairs[i]));'),
});
const builds = [{ ...(await load(oldDist)), ...loops() }, { ...(await load(newDist)), ...loops() }];

async function guardInput() {
  const docs = [];
  const { detector } = await detectWithDist(newDist, input, {}, (doc, body) => docs.push([doc.id, body.normalised.text, doc.title, doc.publishedAt]));
  return { docs, pairs: detector.pairs };
}
const { docs, pairs } = await guardInput();
// CPU time, not wall-clock: a descheduled thread's wall-clock time says nothing
const now = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const gc = globalThis.gc ?? (() => {});

const junk = new Int32Array(cold > 0 ? 1 << 24 : 1);
let sink = 0;
function evict() {
  let x = sink | 0;
  for (let k = 0; k < cold; k++) {
    x = (Math.imul(x, 0x2c1b3c6d) + 0x61c88647) | 0;
    sink += junk[(x >>> 8) & (junk.length - 1)];
  }
  sink += x & 1;
}

/** Runs `step(build, from, to)` over [0, n) chunk by chunk, the two builds alternating; µs CPU per build. */
function alternate(n, step) {
  const t = [0, 0];
  for (let from = 0, c = 0; from < n; from += chunk, c++) {
    const to = Math.min(n, from + chunk);
    for (const b of c % 2 ? [1, 0] : [0, 1]) t[b] += step(b, from, to);
  }
  return t;
}

function round() {
  const gs = [[], []];
  gc();
  const tDoc = alternate(docs.length, (b, from, to) => {
    const t0 = now();
    builds[b].records(builds[b].guardDocOf, docs, gs[b], from, to);
    return now() - t0;
  });
  const guards = builds.map((b) => new b.TemplateGuard());
  gc();
  const tAdd = alternate(docs.length, (b, from, to) => {
    if (cold === 0) {
      const t0 = now();
      builds[b].add(guards[b], docs, gs[b], from, to);
      return now() - t0;
    }
    let t = 0;
    for (let i = from; i < to; i++) {
      evict();
      const t0 = now();
      builds[b].add(guards[b], docs, gs[b], i, i + 1);
      t += now() - t0;
    }
    return t;
  });
  const kinds = [[], []];
  gc();
  const tClassify = alternate(pairs.length, (b, from, to) => {
    const t0 = now();
    builds[b].classify(guards[b], pairs, kinds[b], from, to);
    return now() - t0;
  });
  return { times: { guardDocOf: tDoc, addDoc: tAdd, classify: tClassify }, gs, kinds };
}

// the fields both builds have (a new build may keep more)
const plain = (g) => ({ key: g.key, words: [...g.words], digits: [...g.digits], lead: [...g.lead], counters: [...g.counters], bloom: [...g.bloom] });
const best = {};
const ratios = {};
for (let r = 0; r < rounds; r++) {
  const { times, gs, kinds } = round();
  if (r === 0) {
    const bad = gs[0].findIndex((g, i) => !isDeepStrictEqual(plain(g), plain(gs[1][i])));
    if (bad >= 0) throw new Error(`guard records differ at doc ${bad}`);
    if (!isDeepStrictEqual(kinds[0], kinds[1])) throw new Error('verdicts differ');
    console.log(`records and verdicts identical (${docs.length} docs, ${pairs.length} pairs)`);
  }
  for (const [k, [o, n]] of Object.entries(times)) {
    best[k] ??= [Infinity, Infinity];
    best[k] = [Math.min(best[k][0], o), Math.min(best[k][1], n)];
    if (r > 0) (ratios[k] ??= []).push(n / o);
  }
  console.log(`round ${r}: ${Object.entries(times).map(([k, [o, n]]) => `${k} ${(o / 1e3).toFixed(0)}/${(n / 1e3).toFixed(0)}`).join(', ')}`);
}
// the median of the per-round ratios (round 0, with compilation, left out) is steadier than either best
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const [k, [o, n]] of Object.entries(best)) {
  const ratio = ratios[k] ? `, median new/old ${median(ratios[k]).toFixed(3)}` : '';
  console.log(`${k.padEnd(10)} best of ${rounds}: old ${(o / 1e3).toFixed(1)} ms, new ${(n / 1e3).toFixed(1)} ms CPU${ratio}`);
}
