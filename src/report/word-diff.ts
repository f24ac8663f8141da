import { diffArrays } from 'diff';
import type { Body } from '../records.js';
import type { Word } from '../text/normalise.js';
import { wordsOf } from '../text/normalise.js';
import type { DiffRun, WordDiff } from './diff-types.js';

export interface DiffSide {
  /** Document id shown in the output. */
  readonly key: string;
  /** Original text. */
  readonly text: string;
  /** Its body (boilerplate cut, normalised); words are compared in normalised form. */
  readonly body: Body;
}

/**
 * Word-level diff of two documents' bodies. Words are compared after normalisation, so differences that
 * vanish under it (رئيسا/رئيساً, «»/"", أ/ا) are not edits; runs carry the ORIGINAL text, so users see the
 * words as each outlet printed them. Myers' diff via jsdiff.
 */
export function diffBodies(a: DiffSide, b: DiffSide): WordDiff {
  const wa = wordsOf(a.body.normalised, a.text);
  const wb = wordsOf(b.body.normalised, b.text);
  const changes = diffArrays(
    wa.map((w) => w.text),
    wb.map((w) => w.text),
  );
  const runs: DiffRun[] = [];
  let ia = 0;
  let ib = 0;
  const stats = { equal: 0, inserted: 0, deleted: 0 };
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) {
      runs.push(run('insert', b.text, wb, ib, n));
      ib += n;
      stats.inserted += n;
    } else if (c.removed) {
      runs.push(run('delete', a.text, wa, ia, n));
      ia += n;
      stats.deleted += n;
    } else {
      runs.push(run('equal', a.text, wa, ia, n));
      ia += n;
      ib += n;
      stats.equal += n;
    }
  }
  return { a: a.key, b: b.key, runs, stats };
}

const opening = /[«"“(\[']/u;
const whitespace = /\s/u;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * A run's original text: its words plus the punctuation that clings to them (an opening quote before,
 * a comma, full stop or closing quote after), so sentences read as printed.
 */
function run(op: DiffRun['op'], text: string, words: readonly Word[], from: number, count: number): DiffRun {
  let start = words[from].start;
  let end = words[from + count - 1].end;
  while (start > 0 && opening.test(text[start - 1])) start--;
  while (end < text.length && !whitespace.test(text[end]) && !letterOrDigit.test(text[end])) end++;
  const nextStart = words[from + count]?.start ?? text.length;
  const breakAfter = text.slice(end, nextStart).includes('\n');
  return { op, text: text.slice(start, end), words: count, start, end, ...(breakAfter ? { breakAfter } : {}) };
}
