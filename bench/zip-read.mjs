#!/usr/bin/env node
/**
 * `npm run bench:zip [-- DIR] [--runs=3]` (issue 6): reading SaudiNewsNet from its zips, split into inflate and JSON
 * parse, plain Node against sada's readers, one run, same process. Plain Node: yauzl (the zip library sada
 * uses) + zlib inflate of every entry into memory, then `JSON.parse` of each array. sada: `readRecords` (its
 * bounded inflate and streaming JSON-array scanner, records cut and parsed one by one) and `readDocs`
 * (records → documents: field mapping, decoding, numbering). Prints a table.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { discoverInputs } from '../dist/io/discover.js';
import { readDocs } from '../dist/io/read-docs.js';
import { readRecords } from '../dist/io/record-source.js';
import { resolveParams } from '../dist/params.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(here, '../../shared/data/saudinewsnet');
const zips = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort().map((f) => path.join(dir, f));
if (zips.length === 0) throw new Error(`no zips in ${dir}`);
const MB = zips.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const p = resolveParams({});
const openZip = promisify(yauzl.open);

async function inflateAll() {
  const out = [];
  for (const file of zips) {
    const zip = await openZip(file, { lazyEntries: true });
    const openStream = promisify(zip.openReadStream.bind(zip));
    await new Promise((resolve, reject) => {
      zip.on('entry', async (entry) => {
        if (!entry.fileName.endsWith('.json')) return zip.readEntry();
        const chunks = [];
        for await (const c of await openStream(entry)) chunks.push(c);
        out.push(Buffer.concat(chunks));
        zip.readEntry();
      });
      zip.on('end', resolve).on('error', reject);
      zip.readEntry();
    });
  }
  return out;
}

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const rows = [];
// median of `runs` (the first run of a step also pays for JIT warm-up)
const time = async (name, f) => {
  const times = [];
  let n = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    n = await f();
    times.push(performance.now() - t);
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(runs / 2)];
  rows.push({ step: name, ms: Math.round(ms), records: n, 'docs/s': Math.round((n / ms) * 1000), 'MB/s (zip)': (MB / (ms / 1000)).toFixed(1) });
};

let buffers;
let inflatedMB = 0;
await time('plain Node: inflate (yauzl + zlib)', async () => {
  buffers = await inflateAll();
  inflatedMB = buffers.reduce((n, b) => n + b.length, 0) / 1e6;
  return 0;
});
await time('plain Node: JSON.parse of each array', async () => buffers.reduce((n, b) => n + JSON.parse(b.toString('utf8')).length, 0));
const records = rows[1].records;
rows[0].records = records;
rows[0]['docs/s'] = Math.round((records / rows[0].ms) * 1000);
buffers = undefined;
await time('sada readRecords (inflate + streamed parse)', async () => {
  let n = 0;
  for (const f of zips) for await (const e of readRecords(f, p.io, p.io.fields ?? {})) if (e.kind === 'record') n++;
  return n;
});
await time('sada readDocs (records → documents)', async () => {
  let n = 0;
  const found = await discoverInputs(zips, p.io.extensions);
  for await (const e of readDocs(found.files, p.io)) if (e.kind === 'doc') n++;
  return n;
});
console.log(`\n${zips.length} zips (median of ${runs} runs), ${MB.toFixed(1)} MB compressed, ${inflatedMB.toFixed(1)} MB of JSON inflated\n`);
console.log('| step | ms | records | docs/s | MB/s of zip |\n| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.step} | ${r.ms} | ${r.records} | ${r['docs/s']} | ${r['MB/s (zip)']} |`);
