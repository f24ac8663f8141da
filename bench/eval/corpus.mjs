/**
 * Loads an evaluation corpus exactly as `scan` sees it: same discovery, readers, boilerplate stripping,
 * normalisation and skip rules, so truth and sada's report speak about the same documents.
 */
import { discoverInputs } from '../../dist/io/discover.js';
import { readDocs } from '../../dist/io/read-docs.js';
import { resolveParams } from '../../dist/params.js';
import { bodyProblem, prepareBody } from '../../dist/text/body.js';

/**
 * @returns {Promise<Array<{id:number,key:string,outlet?:string,title?:string,publishedAt?:string,text:string,body:string}>>}
 *   `text` is the original, `body` the normalised, stripped text that shingles are taken from.
 */
export async function loadCorpus(inputs, paramsInput = {}) {
  const p = resolveParams(paramsInput);
  const found = await discoverInputs(inputs, p.io.extensions);
  const docs = [];
  for await (const event of readDocs(found.files, p.io)) {
    if (event.kind !== 'doc') continue;
    const doc = event.doc;
    const body = prepareBody(doc, p.text);
    const text = body.normalised.text;
    if (bodyProblem(text, p.text.minChars)) continue; // scan's own rule (too short, not Arabic)
    docs.push({ id: doc.id, key: doc.key, outlet: doc.outlet, title: doc.title, publishedAt: doc.publishedAt, text: doc.text, body: text });
  }
  return docs;
}
