// Streaming check (issue 4): peak RSS of `sada dedup --ids` on a JSONL file and on the same file grown 10× with
// duplicate records (new ids, same texts: exact duplicates never enter the index). Prints a table.
// usage: node bench/streaming-rss.mjs [base.jsonl]   (default: SaudiNewsNet extracted to bench/out/)
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'bench/out');
mkdirSync(out, { recursive: true });
let base = process.argv[2];
if (!base) {
  base = path.join(out, 'saudinewsnet.jsonl');
  if (!existsSync(base)) {
    const r = spawnSync('python3', [path.join(root, '../shared/yardstick/extract.py'), path.join(root, '../shared/data/saudinewsnet'), base], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not extract SaudiNewsNet (is ../shared/data/saudinewsnet there?)');
  }
}

async function grow(src, dst, times) {
  const w = createWriteStream(dst);
  for (let k = 0; k < times; k++) {
    const rl = readline.createInterface({ input: createReadStream(src), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line) continue;
      const rec = JSON.parse(line);
      rec.id = `${rec.id}~${k}`;
      if (!w.write(`${JSON.stringify(rec)}\n`)) await once(w, 'drain');
    }
  }
  w.end();
  await once(w, 'finish');
}

const big = path.join(out, 'saudinewsnet-x10.jsonl');
if (!existsSync(big)) await grow(base, big, 10);

function run(file) {
  const args = ['-v', process.execPath, path.join(root, 'bin/sada.js'), 'dedup', file, '--ids', '--quiet', '--out', '/dev/null'];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) / 1024;
  const secs = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+(?:\.\d+)?)$/m.exec(r.stderr);
  return { rss, seconds: Number(secs[1] ?? 0) * 60 + Number(secs[2]) };
}

const rows = [];
for (const [name, file] of [['base', base], ['10× duplicates', big]]) {
  const lines = Number(spawnSync('wc', ['-l', file], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]);
  const { rss, seconds } = run(file);
  rows.push({ input: name, records: lines, MB: (statSync(file).size / 1e6).toFixed(0), 'peak RSS MB': rss.toFixed(0), seconds: seconds.toFixed(1) });
}
console.table(rows);
console.log(`peak RSS ratio (10× input / base): ${(Number(rows[1]['peak RSS MB']) / Number(rows[0]['peak RSS MB'])).toFixed(2)}`);
