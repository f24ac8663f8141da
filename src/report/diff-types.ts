/** One run of a word-level diff. Text is ORIGINAL text (as the user wrote it), never normalised text. */
export interface DiffRun {
  readonly op: 'equal' | 'insert' | 'delete';
  /** Original text of the run, from the first word's start to the last word's end (punctuation inside kept). */
  readonly text: string;
  /** Number of words in the run. */
  readonly words: number;
  /** Offsets in the original text of A (equal, delete) or B (insert). */
  readonly start: number;
  readonly end: number;
  /** The original text has a line break after this run (a paragraph ends). */
  readonly breakAfter?: boolean;
}

/** A word diff of two documents' bodies; equal under normalisation counts as equal. */
export interface WordDiff {
  readonly a: string;
  readonly b: string;
  readonly runs: readonly DiffRun[];
  readonly stats: { readonly equal: number; readonly inserted: number; readonly deleted: number };
}
