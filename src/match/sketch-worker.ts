/**
 * Worker thread of `--workers N`: the per-document half of a scan that needs no shared state — parsing JSON
 * records, boilerplate cut, normalisation, the usability checks, the exact-duplicate fingerprint, shingles,
 * the MinHash signature and the template guard's per-document record. The main thread keeps everything
 * ordered (ids, keys, the index, verification, the guard's word counts), so a report does not depend on the
 * number of workers. Same functions as the serial path (`parseDeferred` is `readDocs`' own record parser;
 * `prepareBody`, `Detector.add`, `guardDocOf`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseDeferred } from '../io/read-docs.js';
import { createMinHasher } from '../sketch/minhash.js';
import { shingleHashes } from '../sketch/shingle.js';
import { bodyProblem, prepareBody } from '../text/body.js';
import { fingerprinter } from './detector.js';
import { guardDocOf, slabArrays, type GuardDocArrays } from './guard-doc.js';
import { Uint32Slab } from '../sketch/uint32-slab.js';
import type { Sketch, SketchJob, SketchResult, SketchSettings } from './sketch-pool.js';

const settings = workerData as SketchSettings;
const fingerprint = await fingerprinter();
const { shingle, size, seed, hashes } = settings.sketch;
const minhash = createMinHasher(hashes, seed);

/**
 * A batch's arrays (sets, signatures, guard records) go into one slab of its own, whose few chunks are
 * transferred together: one ArrayBuffer a document each was 80 k allocations and transfers on the 12 days,
 * and as many objects for the main thread's collector. The main thread copies what it keeps.
 */
function sketchOf(text: string, pack: Uint32Slab, packed: GuardDocArrays): Sketch {
  const body = prepareBody({ id: -1, text }, settings.text);
  const norm = body.normalised.text;
  const problem = bodyProblem(norm, settings.text.minChars);
  if (problem) return { status: problem, chars: norm.length };
  const set = shingleHashes(norm, shingle, size, seed, pack);
  const values = pack.zeros(hashes);
  minhash(set, values);
  return { status: 'ok', chars: norm.length, guard: guardDocOf(norm, settings.guardLeadWords, packed), stripped: body.stripped, fingerprint: fingerprint(norm), set, values };
}

function run(job: SketchJob): { results: SketchResult[]; transfer: ArrayBuffer[] } {
  const results: SketchResult[] = [];
  const pack = new Uint32Slab(1 << 19);
  const packed = slabArrays(pack);
  for (let i = 0; i < job.texts.length; i++) {
    const d = job.deferred[i];
    let result: SketchResult;
    if (d === undefined) result = { sketch: sketchOf(job.texts[i], pack, packed) };
    else {
      const e = parseDeferred({ ...d, bytes: job.bytes.subarray(job.offsets[i], job.offsets[i + 1]) }, settings);
      if (e.kind === 'issue') result = { issue: e.issue };
      else {
        const { text, fields: _fields, ...head } = e.doc;
        result = { head: { ...head, textChars: text.length }, sketch: sketchOf(text, pack, packed) };
      }
    }
    results.push(result);
  }
  return { results, transfer: pack.buffers() };
}

parentPort!.on('message', (job: SketchJob) => {
  const { results, transfer } = run(job);
  parentPort!.postMessage({ seq: job.seq, results }, transfer);
});
