import type { Body, Doc } from '../records.js';
import { findBody, wholeText } from './boilerplate.js';
import { normaliseText } from './normalise.js';

/** The comparable body of a document: boilerplate cut (unless disabled), then normalised. */
export function prepareBody(doc: Pick<Doc, 'id' | 'text'>, options: { readonly stripBoilerplate: boolean }): Body {
  const { ranges, stripped } = options.stripBoilerplate ? findBody(doc.text) : wholeText(doc.text);
  return { docId: doc.id, normalised: normaliseText(doc.text, ranges), stripped };
}

const arabicLetter = /[\u0621-\u064a]/g;
const anyLetter = /\p{L}/gu;

/** Share of letters that are Arabic; a page mostly in another script is still compared, but flagged. */
export function arabicShare(normalisedText: string): number {
  const letters = normalisedText.match(anyLetter)?.length ?? 0;
  if (letters === 0) return 0;
  return (normalisedText.match(arabicLetter)?.length ?? 0) / letters;
}
