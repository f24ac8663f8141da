/**
 * The serial scan's detector, run from a given build's dist/ (two builds are compared by running this on
 * each): discovery, reading, `prepareBody`, scan's own skip rule (`bodyProblem`), `Detector.add`.
 * `onKept(doc, body)` sees each document the detector indexes (not an exact duplicate).
 * @returns {Promise<{ detector: any, counts: any }>} after `finish`
 */
import path from 'node:path';

export async function detectWithDist(dist, input, paramsInput = {}, onKept = () => {}) {
  const imp = (f) => import(path.resolve(dist, f));
  const { readDocs } = await imp('io/read-docs.js');
  const { discoverInputs } = await imp('io/discover.js');
  const { resolveParams } = await imp('params.js');
  const { prepareBody, bodyProblem } = await imp('text/body.js');
  const { Detector } = await imp('match/detector.js');
  const p = resolveParams(paramsInput);
  const found = await discoverInputs([input], p.io.extensions);
  const detector = await Detector.create(p);
  for await (const e of readDocs(found.files, p.io)) {
    if (e.kind !== 'doc') continue;
    const body = prepareBody(e.doc, p.text);
    if (bodyProblem(body.normalised.text, p.text.minChars)) continue;
    if ((await detector.add(body)) < 0) onKept(e.doc, body);
  }
  const counts = await detector.finish();
  return { detector, counts };
}
