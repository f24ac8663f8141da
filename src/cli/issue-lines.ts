import type { RecordIssue } from '../records.js';
import { describeSource } from '../report/json.js';

/** Issues printed in full per code before the rest are only counted (unless --all-issues). */
export const issuesShownPerCode = 10;

/**
 * Issues as stderr lines while the run goes: the first `perCode` of each code in full, the rest counted in one
 * closing line. A crawl of millions of records with a few percent empty would otherwise print tens of thousands
 * of lines; scan's JSON report lists every issue anyway, and --all-issues prints them all.
 */
export function issueLines(write: (s: string) => void, perCode: number) {
  const seen = new Map<string, number>();
  return {
    issue(i: RecordIssue): void {
      const n = (seen.get(i.code) ?? 0) + 1;
      seen.set(i.code, n);
      if (n <= perCode) write(`sada: ${i.severity === 'warning' ? 'warning' : 'skipped'}: ${describeSource(i)}: ${i.message} [${i.code}]\n`);
    },
    /** Writes what was counted but not shown, if anything. */
    untold(): void {
      const more = [...seen].filter(([, n]) => n > perCode).map(([code, n]) => `${n - perCode} ${code}`);
      if (more.length) write(`sada: not shown: ${more.join(', ')} more (--all-issues prints every one)\n`);
    },
  };
}
