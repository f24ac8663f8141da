// Dumps the detector's verified pairs (a, b, jaccard, containments, exact) for a tree's dist/, so two builds
// can be compared pair for pair on the same input and parameters (used to check speed work changes nothing).
//   node bench/speed-identity.mjs DIST_DIR INPUT OUT.json [params JSON]
import { writeFileSync } from 'node:fs';
import { detectWithDist } from './dist-detect.mjs';

const [dist, input, out, paramsJson] = process.argv.slice(2);
const { detector: det, counts } = await detectWithDist(dist, input, paramsJson ? JSON.parse(paramsJson) : {});
writeFileSync(out, JSON.stringify({ counts, pairs: det.pairs.map((q) => [q.a, q.b, q.jaccard, q.containsAinB, q.containsBinA, q.exact ?? false]) }));
console.log(JSON.stringify(counts), det.pairs.length);
