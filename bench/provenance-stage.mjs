// Provenance stage timing, OLD vs NEW build in one process, interleaved (machine noise hits both alike).
// Usage: npm run build && node bench/provenance-stage.mjs [old-root=/tmp/prov-old] [runs=5] [file]
// Times loadTexts (re-reading member texts) and annotateProvenance separately, CPU ms (process.cpuUsage)
// and wall ms, best of `runs`; checks the two annotated reports are byte-identical.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const oldRoot = process.argv[2] ?? '/tmp/prov-old';
const runs = Number(process.argv[3] ?? 5);
const file = process.argv[4] ?? path.join(root, 'bench/out/saudinewsnet.jsonl');
const load = async (r) => ({
  loadTexts: (await import(pathToFileURL(path.join(r, 'dist/io/load-texts.js')).href)).loadTexts,
  annotate: (await import(pathToFileURL(path.join(r, 'dist/provenance/annotate.js')).href)).annotateProvenance,
});
const builds = { old: await load(oldRoot), new: await load(root) };
const { scanDetailed } = await import(pathToFileURL(path.join(root, 'dist/scan.js')).href);
const { resolveParams } = await import(pathToFileURL(path.join(root, 'dist/params.js')).href);

const bodyChars = new Map();
const { report } = await scanDetailed([file], { provenance: false }, (doc) => bodyChars.set(doc.key, doc.bodyChars));
const members = new Set(report.clusters.flatMap((c) => c.members));
const requests = report.documents.filter((d) => members.has(d.id)).map((d) => ({ key: d.id, path: d.path }));
const chars = new Map([...members].map((k) => [k, bodyChars.get(k)]));
const io = resolveParams({}).io;
console.log(`${report.clusters.length} clusters, ${members.size} members, ${report.clusters.reduce((n, c) => n + c.pairs.length, 0)} pairs`);

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const best = { old: { load: [Infinity, Infinity], annotate: [Infinity, Infinity] }, new: { load: [Infinity, Infinity], annotate: [Infinity, Infinity] } };
const out = {};
for (let i = 0; i < runs; i++) {
  for (const name of i % 2 ? ['new', 'old'] : ['old', 'new']) {
    const b = builds[name];
    globalThis.gc?.();
    let c = cpu(), w = performance.now();
    const texts = await b.loadTexts(requests, io);
    const lc = cpu() - c, lw = performance.now() - w;
    c = cpu(); w = performance.now();
    const r = b.annotate(report, texts, chars);
    const ac = cpu() - c, aw = performance.now() - w;
    out[name] = JSON.stringify([r.clusters.map((x) => x.provenance), r.outlets]);
    const s = best[name];
    s.load = [Math.min(s.load[0], lc), Math.min(s.load[1], lw)];
    s.annotate = [Math.min(s.annotate[0], ac), Math.min(s.annotate[1], aw)];
    console.log(`run ${i} ${name}: loadTexts ${lc.toFixed(0)} ms CPU (${lw.toFixed(0)} wall), annotate ${ac.toFixed(0)} ms CPU (${aw.toFixed(0)} wall)`);
  }
}
for (const name of ['old', 'new']) {
  const s = best[name];
  console.log(`best ${name}: loadTexts ${s.load[0].toFixed(0)} ms CPU (${s.load[1].toFixed(0)} wall), annotate ${s.annotate[0].toFixed(0)} ms CPU (${s.annotate[1].toFixed(0)} wall)`);
}
console.log(out.old === out.new ? 'provenance identical' : 'PROVENANCE DIFFERS');
