import type { WordDiff } from './diff-types.js';

export interface DiffTextOptions {
  /** ANSI colour as well as the markers (markers stay, so nothing relies on colour alone). */
  readonly color: boolean;
  /** Words of context kept at each side of a collapsed unchanged run. */
  readonly context: number;
}

const sentenceEnd = /([.!?؟؛]["»”)]*)\s+/gu;

/**
 * Renders a word diff for a terminal: git's word-diff markers `[-deleted-]` and `{+inserted+}`, long
 * unchanged runs collapsed to `…(N words unchanged)…`, and one sentence per line, because terminals
 * render right-to-left text line by line and a wrapped mixed-direction paragraph becomes unreadable.
 */
export function renderDiffText(diff: WordDiff, options: DiffTextOptions): string {
  const red = options.color ? '\x1b[31m' : '';
  const green = options.color ? '\x1b[32m' : '';
  const dim = options.color ? '\x1b[2m' : '';
  const reset = options.color ? '\x1b[0m' : '';
  const parts: string[] = [];
  diff.runs.forEach((r, i) => {
    const text = r.text.replace(/\s*\n\s*/g, '\n');
    if (r.op === 'delete') parts.push(`${red}[-${text}-]${reset}`);
    else if (r.op === 'insert') parts.push(`${green}{+${text}+}${reset}`);
    else parts.push(collapse(text, options.context, i === 0, i === diff.runs.length - 1, `${dim}`, reset));
  });
  const body = parts
    .map((part, i) => (i === 0 ? part : separator(diff, i) + part))
    .join('').replace(sentenceEnd, '$1\n').replace(/\n{2,}/g, '\n').trim();
  const { equal, inserted, deleted } = diff.stats;
  const header = `--- ${diff.a}\n+++ ${diff.b}\n${equal} words unchanged, ${deleted} deleted, ${inserted} inserted`;
  return `${header}\n\n${body}\n`;
}

/** A replacement (delete then insert) stays on one line; otherwise paragraphs end where the original's did. */
function separator(diff: WordDiff, i: number): string {
  const prev = diff.runs[i - 1];
  if (prev.op === 'delete' && diff.runs[i].op === 'insert') return ' ';
  return prev.breakAfter || (diff.runs[i - 2]?.op === 'delete' && prev.op === 'insert' && diff.runs[i - 2].breakAfter) ? '\n' : ' ';
}

function collapse(text: string, context: number, first: boolean, last: boolean, dim: string, reset: string): string {
  const words = text.split(/\s+/);
  const keepHead = first ? 0 : context;
  const keepTail = last ? 0 : context;
  if (words.length <= keepHead + keepTail + 3) return text;
  const hidden = words.length - keepHead - keepTail;
  const head = words.slice(0, keepHead).join(' ');
  const tail = keepTail ? words.slice(-keepTail).join(' ') : '';
  const marker = `${dim}…(${hidden} words unchanged)…${reset}`;
  return [head, marker, tail].filter((s) => s.length > 0).join(head || tail ? '\n' : '');
}
