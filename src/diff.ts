import { SadaError } from './errors.js';
import { discoverInputs } from './io/discover.js';
import { readDocs, type ReadOptions } from './io/read-docs.js';
import type { ParamsInput } from './params.js';
import { resolveParams } from './params.js';
import type { Doc } from './records.js';
import type { WordDiff } from './report/diff-types.js';
import { diffBodies } from './report/word-diff.js';
import { prepareBody } from './text/body.js';

export interface DiffOptions {
  readonly params?: ParamsInput;
}

/** Word diff of two documents given as file paths (their bodies, boilerplate cut). */
export async function diff(a: string, b: string, options: DiffOptions = {}): Promise<WordDiff> {
  const p = resolveParams(options.params);
  const [da, db] = [await readOne(a, p.io), await readOne(b, p.io)];
  return diffTexts({ key: da.key, text: da.text }, { key: db.key, text: db.text }, options);
}

/** Word diff of two texts already in memory. */
export function diffTexts(
  a: { readonly key: string; readonly text: string },
  b: { readonly key: string; readonly text: string },
  options: DiffOptions = {},
): WordDiff {
  const p = resolveParams(options.params);
  return diffBodies(
    { key: a.key, text: a.text, body: prepareBody({ id: 0, text: a.text }, p.text) },
    { key: b.key, text: b.text, body: prepareBody({ id: 1, text: b.text }, p.text) },
  );
}

async function readOne(path: string, io: ReadOptions): Promise<Doc> {
  const found = await discoverInputs([path], ['txt', 'md']);
  if (found.issues.length > 0) {
    const i = found.issues[0];
    throw new SadaError('E_INPUT', `${i.source.path}: ${i.message}`);
  }
  for await (const event of readDocs(found.files, io)) {
    if (event.kind === 'issue') throw new SadaError('E_INPUT', `${event.issue.source.path}: ${event.issue.message}`);
    return event.doc;
  }
  throw new SadaError('E_INPUT', `${path}: no document found`);
}
