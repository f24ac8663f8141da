// V8 heap a scan keeps per usable document, after detection with the detector alive (dedup's coverage keeps
// it), after a full GC; typed arrays' contents (off-heap) apart. V8's heap has a fixed limit, so this bounds
// how many documents one process can scan whatever the machine's memory.
//   node bench/heap-per-doc.mjs [--dist DIR] [FILE]     (DIR: a build to measure, default ./dist; FILE: the 12 days' JSONL)
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--dist');
const dist = path.resolve(at >= 0 ? args.splice(at, 2)[1] : path.join(root, 'dist'));
const file = args[0] ?? path.join(root, 'bench/out/saudinewsnet.jsonl');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const { detectInputs } = await import(pathToFileURL(path.join(dist, 'scan.js')).href);

gc();
const before = process.memoryUsage();
const { detection } = await detectInputs([file], { workers: 1, coverage: true }, () => undefined);
gc();
const after = process.memoryUsage();
const n = detection.usable;
console.log(`${dist}: ${n} usable documents; V8 heap kept ${Math.round((after.heapUsed - before.heapUsed) / n)} B/doc; ` +
  `typed arrays (off-heap) ${Math.round((after.arrayBuffers - before.arrayBuffers) / n)} B/doc; RSS ${Math.round(after.rss / 2 ** 20)} MB`);
// the detection (and through `covered` the detector) must stay alive until measured
if (detection.covered === undefined) throw new Error('coverage did not keep the detector');
