// Speed bench (issue 6): per-stage docs/s and MB/s on SaudiNewsNet (one JSONL file) and on synthetic corpora,
// end to end against the plain Node yardstick (../shared/yardstick/node_ref.mjs) in the same run, and the
// `minhash` and `bloom-filters` npm packages on a subset of the same documents. Run `npm run build` first.
//
//   node bench/speed.mjs [--jsonl FILE] [--synthetic 100000,300000,1000000] [--subset 300] [--runs 3] [--workers-list 1,2] [--synthetic-only]
//                        [--no-containment-index]   (params.index.containment off, in-process and in every `sada scan`)
//
// Every number is measured in this run; nothing is hard-coded. Stage times come from the same code path as
// `sada scan` (readDocs → prepareBody → Detector + TemplateGuard → guardedClusters), clocked per document or per batch.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { readDocs } from '../dist/io/read-docs.js';
import { discoverInputs } from '../dist/io/discover.js';
import { resolveParams } from '../dist/params.js';
import { bodyProblem, prepareBody } from '../dist/text/body.js';
import { Detector } from '../dist/match/detector.js';
import { MemoryBandStore } from '../dist/index/memory-store.js';
import { guardedClusters } from '../dist/match/guarded-clusters.js';
import { ExactGroups, withExactCopies } from '../dist/match/exact-groups.js';
import { TemplateGuard } from '../dist/match/template-guard.js';
import { shingleHashes } from '../dist/sketch/shingle.js';
import { synthCorpus } from './speed-synth.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
/** A full collection, for heap figures (`--expose-gc` turned on at run time: the bench is run plainly). */
v8.setFlagsFromString('--expose-gc');
const fullGc = vm.runInNewContext('gc');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const jsonl = opt('jsonl', path.join(root, 'bench/out/saudinewsnet.jsonl'));
const synthSizes = opt('synthetic', '100000').split(',').filter(Boolean).map(Number);
const subset = Number(opt('subset', '300'));
const runs = Number(opt('runs', '1'));
const stagesOnly = args.includes('--stages-only');
// the containment index is on by default; flags are explicit both ways so a --compare build of another
// default runs the same configuration
const containmentIndex = !args.includes('--no-containment-index');
const scanFlags = containmentIndex ? ['--containment-index'] : ['--no-containment-index'];
const otherIndexFlag = containmentIndex ? '--no-containment-index' : '--containment-index';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? '?'} × ${os.availableParallelism?.() ?? cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Runs the scan pipeline on documents from `source` (an async iterable of {id,text}) with stage clocks. */
async function stagePipeline(source, p) {
  const store = new MemoryBandStore();
  const detector = await Detector.create(p, store);
  const times = detector.timeStages();
  const guard = new TemplateGuard();
  let guarding = 0;
  let read = 0;
  let normalise = 0;
  let docs = 0;
  let lastId = -1;
  let chars = 0;
  let bytes = 0;
  let last = performance.now();
  fullGc();
  const heapBefore = process.memoryUsage();
  // CPU time of the whole run (all threads, GC included): on a shared machine wall clocks count the time
  // other jobs held the cores, CPU time does not (it still grows with their cache and memory traffic)
  const cpuBefore = process.cpuUsage();
  for await (const doc of source) {
    const t0 = performance.now();
    read += t0 - last;
    bytes += doc.bytes ?? Buffer.byteLength(doc.text);
    const body = prepareBody(doc, p.text);
    const ok = bodyProblem(body.normalised.text, p.text.minChars) === undefined;
    const t1 = performance.now();
    normalise += t1 - t0;
    if (ok) {
      docs++;
      chars += doc.text.length;
      const original = await detector.add(body);
      lastId = body.docId;
      const g0 = performance.now();
      // as detect.ts: exact duplicates add nothing to the guard
      if (original < 0) guard.add(body.docId, body.normalised.text, doc.title, doc.publishedAt);
      guarding += performance.now() - g0;
    }
    last = performance.now();
  }
  const t0 = performance.now();
  await detector.flush();
  const t1 = performance.now();
  // what scan does: the template guard labels each verified pair, then copies are clustered without chains
  const documents = lastId + 1;
  const kinds = detector.pairs.map((pair) => guard.classify(pair));
  const name = (prefix, m) => `${prefix}${m[0]}`;
  const guarded = guardedClusters(documents, detector.pairs, kinds, (m) => m[0], name);
  // exact duplicates back beside their originals (match/exact-groups.ts), as scan reports them
  const clusters = withExactCopies(guarded.clusters, new ExactGroups(detector.duplicatesOf(documents)), { pairs: true, prefix: 'c', clusterId: name, chooseRepresentative: (m) => m[0] });
  const cluster = performance.now() - t1;
  const cpu = process.cpuUsage(cpuBefore);
  const mem = process.memoryUsage();
  const index = indexBytes(store);
  const shingleBytes = detector.sets.bytes;
  // what stays on V8's heap (objects, strings, arrays) per document, the detector and guard still alive;
  // typed arrays' contents are off-heap and counted above. V8's heap has a fixed limit (~4 GB here), so
  // this bounds how many documents one scan can hold, whatever the machine's memory
  fullGc();
  const heapKept = process.memoryUsage().heapUsed - heapBefore.heapUsed;
  void guard;
  const counts = { candidates: detector.candidates, verified: detector.verified, pairs: detector.pairs.length, clusters: clusters.length };
  await detector.finish();
  void t0;
  return {
    docs,
    bytes,
    chars,
    stages: { 'read+decode': read, normalise, fingerprint: times.fingerprint, 'shingle+hash': times.shingle, MinHash: times.minhash, LSH: times.lsh, verify: times.verify, 'template guard': guarding, cluster },
    counts,
    cpuMs: (cpu.user + cpu.system) / 1000,
    sampleMs: times.sample,
    sampleBytesPerDoc: (detector.samples?.bytes ?? 0) / docs,
    indexBytesPerDoc: index / docs,
    shingleBytesPerDoc: shingleBytes / docs,
    heapDeltaPerDoc: (mem.heapUsed + mem.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / docs,
    heapKeptPerDoc: heapKept / docs,
  };
}

/** Bytes held by the in-memory band store (typed arrays; read through its private fields, honestly summed). */
function indexBytes(store) {
  let n = store.chain.byteLength;
  for (const t of store.tables) n += t.slots ? t.slots.byteLength : t.keys.byteLength + t.heads.byteLength;
  return n;
}

async function* jsonlDocs(file, p) {
  const found = await discoverInputs([file], p.io.extensions);
  for await (const e of readDocs(found.files, p.io)) if (e.kind === 'doc') yield e.doc;
}

function row(cells, widths) {
  return `| ${cells.map((c, i) => String(c).padStart(widths[i] ?? 8)).join(' | ')} |`;
}

function stageTable(r) {
  const total = Object.values(r.stages).reduce((a, b) => a + b, 0);
  const lines = [row(['stage', 'ms', 'docs/s', 'MB/s'], [14, 8, 10, 8]), '|---|---:|---:|---:|'];
  for (const [name, ms] of Object.entries(r.stages)) {
    lines.push(row([name, ms.toFixed(0), Math.round(r.docs / (ms / 1000)), (r.bytes / 1e6 / (ms / 1000)).toFixed(1)], [14, 8, 10, 8]));
  }
  lines.push(row(['all stages', total.toFixed(0), Math.round(r.docs / (total / 1000)), (r.bytes / 1e6 / (total / 1000)).toFixed(1)], [14, 8, 10, 8]));
  lines.push(row(['process CPU', r.cpuMs.toFixed(0), Math.round(r.docs / (r.cpuMs / 1000)), (r.bytes / 1e6 / (r.cpuMs / 1000)).toFixed(1)], [14, 8, 10, 8]));
  lines.push('');
  lines.push(
    `${r.docs} docs, ${(r.bytes / 1e6).toFixed(1)} MB; ${r.counts.candidates} candidates verified at ${Math.round(r.counts.candidates / (r.stages.verify / 1000))}/s; ` +
      `${r.counts.pairs} matched pairs, ${r.counts.clusters} clusters. Index (band tables + chains) ${r.indexBytesPerDoc.toFixed(0)} B/doc; ` +
      `exact shingle sets kept for verification ${r.shingleBytesPerDoc.toFixed(0)} B/doc; V8 heap kept (after a full GC, detector and guard alive) ${r.heapKeptPerDoc.toFixed(0)} B/doc.`,
  );
  if (r.sampleBytesPerDoc > 0) {
    lines.push(`Containment index (inside LSH): ${r.sampleMs.toFixed(0)} ms, ${r.sampleBytesPerDoc.toFixed(0)} B/doc of typed arrays.`);
  }
  return lines.join('\n');
}

/** Whole-process wall time and peak RSS of a command (GNU time when present). */
function timed(cmd, argv) {
  const hasTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
  const [maxKB, user, sys] = hasTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { s, rssMB: maxKB / 1024, cpuS: user + sys, stdout: r.stdout };
}

function tryTimed(cmd, argv) {
  try {
    return timed(cmd, argv);
  } catch (e) {
    console.error(String(e.message).split('\n')[0]);
    return { s: NaN, rssMB: NaN, cpuS: NaN, stdout: '' };
  }
}

async function packagesBaseline(file, p, n) {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const { Minhash, LshIndex } = require('minhash');
  const bf = await import('bloom-filters');
  const MinHashFactory = bf.MinHashFactory ?? bf.default.MinHashFactory;
  const texts = [];
  for await (const d of jsonlDocs(file, p)) {
    const body = prepareBody(d, p.text);
    if (body.normalised.text.length >= p.text.minChars) texts.push(body.normalised.text);
    if (texts.length >= n) break;
  }
  const k = p.sketch.size;
  // minhash package: string shingles (its update() takes strings), 128 permutations, bandSize = sada's rows
  let t = performance.now();
  const index = new LshIndex({ bandSize: p.index.rows });
  const mhs = [];
  for (let i = 0; i < texts.length; i++) {
    const s = texts[i].replaceAll(' ', '');
    const m = new Minhash({ numPerm: p.sketch.hashes });
    for (let j = 0; j + k <= s.length; j++) m.update(s.slice(j, j + k));
    index.insert(i, m);
    mhs.push(m);
  }
  for (const m of mhs) index.query(m);
  const minhashPkg = (performance.now() - t) / texts.length;
  // bloom-filters: its MinHash on sada's 32-bit shingle hashes (signatures only, no LSH index in the package)
  t = performance.now();
  const factory = new MinHashFactory(p.sketch.hashes, 2 ** 32 - 1);
  for (const s of texts) {
    const m = factory.create();
    m.bulkLoad(Array.from(shingleHashes(s, p.sketch.shingle, k, p.sketch.seed)));
  }
  const bloom = (performance.now() - t) / texts.length;
  return { docs: texts.length, minhashPkgMs: minhashPkg, bloomMs: bloom };
}

async function main() {
  const p = resolveParams({ index: { containment: containmentIndex } });
  const out = [];
  out.push(`# sada speed bench\n\nMachine: ${machine()}. Params: ${p.sketch.shingle} ${p.sketch.size}-grams, ${p.sketch.hashes} hashes, LSH ${p.index.bands}×${p.index.rows}, match J≥${p.match.threshold} or C≥${p.match.containment}, containment index ${p.index.containment ? 'on' : 'off'}.\n`);
  if (!existsSync(jsonl)) {
    mkdirSync(path.dirname(jsonl), { recursive: true });
    execFileSync('python3', [path.join(root, '../shared/yardstick/extract.py'), path.join(root, '../shared/data/saudinewsnet'), jsonl], { stdio: 'inherit' });
  }
  if (args.includes('--synthetic-only')) {
    await syntheticSections(p, out);
    console.log(out.join('\n'));
    return;
  }
  const mb = statSync(jsonl).size / 1e6;
  out.push(`## SaudiNewsNet as one JSONL file (${mb.toFixed(1)} MB)\n`);
  const stageRuns = [];
  for (let r = 0; r < runs; r++) stageRuns.push(await stagePipeline(jsonlDocs(jsonl, p), p));
  const sr = stageRuns.sort((a, b) => sumStages(a) - sumStages(b))[Math.floor(runs / 2)];
  out.push(`In-process stage clocks (median of ${runs} by total):\n`);
  out.push(stageTable(sr));

  if (stagesOnly) {
    console.log(out.join('\n'));
    return;
  }
  // end to end, whole process, side by side with the yardstick on the same file
  const e2e = [];
  const ref = [];
  // `--workers N`: N threads sketch while the main thread reads, indexes and verifies (`--workers-list 1,2`)
  const workersList = opt('workers-list', '1,2').split(',').map(Number);
  const par = Object.fromEntries(workersList.map((w) => [w, []]));
  // --compare TREE: another checkout's build (e.g. HEAD: `git archive HEAD | tar -x -C /tmp/headtree`, built there)
  const compare = opt('compare', '');
  const other = [];
  const noProv = [];
  // what the containment index costs (lead's call whether it goes on by default): the scan with it, here and in --compare
  const withCi = [];
  const otherCi = [];
  for (let r = 0; r < runs; r++) {
    ref.push(timed(process.execPath, [path.join(root, '../shared/yardstick/node_ref.mjs'), jsonl, 'oph', '0']));
    for (const w of workersList) par[w].push(tryTimed(process.execPath, [path.join(root, 'bin/sada.js'), 'scan', jsonl, '--out', '/dev/null', '--quiet', ...scanFlags, '--workers', String(w)]));
    noProv.push(tryTimed(process.execPath, [path.join(root, 'bin/sada.js'), 'scan', jsonl, '--out', '/dev/null', '--quiet', '--no-provenance', '--workers', '1', ...scanFlags]));
    if (compare) other.push(tryTimed(process.execPath, [path.join(compare, 'bin/sada.js'), 'scan', jsonl, '--out', '/dev/null', '--quiet', '--workers', '1', ...scanFlags]));
    withCi.push(tryTimed(process.execPath, [path.join(root, 'bin/sada.js'), 'scan', jsonl, '--out', '/dev/null', '--quiet', '--workers', '1', otherIndexFlag]));
    if (compare) otherCi.push(tryTimed(process.execPath, [path.join(compare, 'bin/sada.js'), 'scan', jsonl, '--out', '/dev/null', '--quiet', '--workers', '1', otherIndexFlag]));
  }
  void e2e;
  const refDocs = JSON.parse(ref[0].stdout).docs;
  out.push(`\nEnd to end, whole process (\`sada scan FILE --out /dev/null\`, report written), median of ${runs}, same file, same run:\n`);
  out.push('| program | s | CPU s (user+sys) | docs/s | MB/s | peak RSS MB | × yardstick |\n|---|---:|---:|---:|---:|---:|---:|');
  const refS = median(ref.map((x) => x.s));
  out.push(`| yardstick node_ref.mjs oph (word 5-grams, LSH only, no verification) | ${refS.toFixed(2)} | ${median(ref.map((x) => x.cpuS)).toFixed(2)} | ${Math.round(refDocs / refS)} | ${(mb / refS).toFixed(1)} | ${median(ref.map((x) => x.rssMB)).toFixed(0)} | 1.00 |`);
  for (const w of workersList) {
    const s = median(par[w].map((x) => x.s));
    out.push(`| sada scan --workers ${w} | ${s.toFixed(2)} | ${median(par[w].map((x) => x.cpuS)).toFixed(2)} | ${Math.round(sr.docs / s)} | ${(mb / s).toFixed(1)} | ${median(par[w].map((x) => x.rssMB)).toFixed(0)} | ${(refS / s).toFixed(2)} |`);
  }
  const row2 = (name, xs) => {
    const s = median(xs.map((x) => x.s));
    out.push(`| ${name} | ${s.toFixed(2)} | ${median(xs.map((x) => x.cpuS)).toFixed(2)} | ${Math.round(sr.docs / s)} | ${(mb / s).toFixed(1)} | ${median(xs.map((x) => x.rssMB)).toFixed(0)} | ${(refS / s).toFixed(2)} |`);
  };
  row2('sada scan --no-provenance (workers 1)', noProv);
  if (compare) row2(`\`${compare}\` sada scan (workers 1)`, other);
  if (withCi.length) row2(`sada scan ${otherIndexFlag} (workers 1)`, withCi);
  if (otherCi.length) row2(`\`${compare}\` sada scan ${otherIndexFlag} (workers 1)`, otherCi);

  const base = await packagesBaseline(jsonl, p, subset);
  const sadaMsPerDoc = sumStages(sr) / sr.docs;
  // the same work as each package, from the same stage clocks: the minhash package shingles, hashes, signs and
  // bands (no containment index, no verification); bloom-filters only signs sada's shingle hashes
  const sameAsMinhash = (sr.stages['shingle+hash'] + sr.stages.MinHash + sr.stages.LSH - sr.sampleMs) / sr.docs;
  const sameAsBloom = sr.stages.MinHash / sr.docs;
  out.push(`\nnpm packages on the first ${base.docs} documents (normalised bodies, same shingles and parameters), per document; sada's figures are its stage clocks above (all 20k documents):\n`);
  out.push('| implementation | ms/doc | sada all stages is × faster | sada doing the same work | ms/doc | × faster |\n|---|---:|---:|---|---:|---:|');
  out.push(`| sada, all stages (in-process, above) | ${sadaMsPerDoc.toFixed(3)} | 1 | | | |`);
  out.push(`| \`minhash\` 0.0.9 Minhash + LshIndex (insert + query) | ${base.minhashPkgMs.toFixed(3)} | ${(base.minhashPkgMs / sadaMsPerDoc).toFixed(0)} | shingle+hash, MinHash, LSH bands (no containment index) | ${sameAsMinhash.toFixed(4)} | ${(base.minhashPkgMs / sameAsMinhash).toFixed(0)} |`);
  out.push(`| \`bloom-filters\` MinHash (signatures only) | ${base.bloomMs.toFixed(3)} | ${(base.bloomMs / sadaMsPerDoc).toFixed(0)} | MinHash | ${sameAsBloom.toFixed(4)} | ${(base.bloomMs / sameAsBloom).toFixed(0)} |`);

  await syntheticSections(p, out);
  console.log(out.join('\n'));
}

async function syntheticSections(p, out) {
  for (const n of synthSizes) {
    const before = process.memoryUsage().rss;
    const r = await stagePipeline(synthCorpus(n, 42), p);
    out.push(`\n## Synthetic corpus, ${n} documents (generated on the fly; generation counts as read+decode)\n`);
    out.push(stageTable(r));
    out.push(`Peak-ish RSS after the run: ${(Math.max(before, process.memoryUsage().rss) / 2 ** 20).toFixed(0)} MB.`);
  }
}

function sumStages(r) {
  return Object.values(r.stages).reduce((a, b) => a + b, 0);
}

await main();
