import type { Body, Doc } from '../records.js';
import { findBody, wholeText } from './boilerplate.js';
import { normaliseLazily } from './normalise.js';

/**
 * The comparable body of a document: boilerplate cut (unless disabled), then normalised. The offset map
 * (`normalised.toOriginal`) is built on first read: a scan never reads it, a diff does.
 */
export function prepareBody(doc: Pick<Doc, 'id' | 'text'>, options: { readonly stripBoilerplate: boolean }): Body {
  const { ranges, stripped } = options.stripBoilerplate ? findBody(doc.text) : wholeText(doc.text);
  return { docId: doc.id, normalised: normaliseLazily(doc.text, ranges), stripped };
}

/**
 * Share of letters that are Arabic, on NORMALISED text (spaces and punctuation already gone, digits ASCII).
 * A counting loop: regex `match` over every document cost more than normalising it.
 */
export function arabicShare(normalisedText: string): number {
  let arabic = 0;
  let letters = 0;
  for (let i = 0; i < normalisedText.length; i++) {
    const c = normalisedText.charCodeAt(i);
    if (c === 0x20 || (c >= 0x30 && c <= 0x39)) continue;
    letters++;
    if (c >= 0x0621 && c <= 0x064a) arabic++;
  }
  return letters === 0 ? 0 : arabic / letters;
}

/** Below this share of Arabic letters a document is skipped as `not_arabic` (sada's normaliser and
 * boilerplate rules are Arabic; a README or an English page in a crawl is not what users dedupe here). */
export const minArabicShare = 0.5;

/** Why a normalised body is not compared (too short, not Arabic), or undefined when it is usable. */
export function bodyProblem(normalisedText: string, minChars: number): 'too_short' | 'not_arabic' | undefined {
  if (normalisedText.length < minChars) return 'too_short';
  if (arabicShare(normalisedText) < minArabicShare) return 'not_arabic';
  return undefined;
}
