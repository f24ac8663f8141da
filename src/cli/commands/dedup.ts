import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Argv } from 'yargs';
import type { KeepPolicy } from '../../dedup.js';
import { SadaError } from '../../errors.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { issuesOption, matchOptions, paramsFromFlags, restoreStdin, workersFromFlags, workersOption, type IssueFlags, type MatchFlags, type WorkerFlags } from '../flags.js';
import { issueLines, issuesShownPerCode } from '../issue-lines.js';
import { createProgress } from '../progress.js';

export interface DedupFlags extends MatchFlags, WorkerFlags, IssueFlags {
  inputs: string[];
  keep: KeepPolicy;
  dropCoverage?: number;
  ids: boolean;
  out?: string;
  report?: string;
  quiet: boolean;
  strict: boolean;
}

export function dedupBuilder(y: Argv): Argv<DedupFlags> {
  return issuesOption(workersOption(matchOptions(y)))
    .positional('inputs', { type: 'string', array: true, describe: 'files, directories or - (stdin)', demandOption: true })
    .option('keep', { choices: ['earliest', 'longest', 'first'] as const, default: 'earliest' as const, describe: 'which member of a cluster to keep' })
    .option('drop-coverage', {
      type: 'number',
      describe: 'drop a cluster member only when a kept record holds at least this share of its text (0 drops all but one) [default: --containment, 0.5]',
    })
    .option('ids', { type: 'boolean', default: false, describe: 'write one line per record (keep/drop, cluster, representative) instead of the kept records' })
    .option('out', { type: 'string', describe: 'write JSONL here instead of stdout' })
    .option('report', { type: 'string', describe: 'also write the JSON scan report to this file' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no summary or warnings on stderr' })
    .option('strict', { type: 'boolean', default: false, describe: 'exit 1 when any file or record was skipped' }) as unknown as Argv<DedupFlags>;
}

export async function runDedup(flags: DedupFlags): Promise<number> {
  const warn = (s: string) => {
    if (!flags.quiet) process.stderr.write(s);
  };
  if (flags.dropCoverage !== undefined && !(flags.dropCoverage >= 0 && flags.dropCoverage <= 1)) {
    throw new SadaError('E_USAGE', `--drop-coverage must be a share from 0 to 1, not ${flags.dropCoverage}`);
  }
  const progress = createProgress(!flags.quiet);
  const issues = issueLines(warn, flags.allIssues ? Infinity : issuesShownPerCode);
  const { dedup } = await import('../../dedup.js');
  const result = await dedup(restoreStdin(flags.inputs), {
    params: paramsFromFlags(flags),
    keep: flags.keep,
    dropCoverage: flags.dropCoverage,
    report: flags.report !== undefined,
    onIssue: issues.issue,
    onProgress: progress.tick,
    workers: workersFromFlags(flags),
  }).finally(progress.stop);
  let kept = 0;
  let dropped = 0;
  try {
    const out = flags.out ? createWriteStream(flags.out) : process.stdout;
    for await (const { decision, fields } of result.records()) {
      if (decision.action === 'keep') kept++;
      else dropped++;
      if (!flags.ids && decision.action === 'drop') continue;
      const line = `${JSON.stringify(flags.ids ? decision : fields)}\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    if (flags.out) await new Promise<void>((resolve, reject) => (out as NodeJS.WritableStream).end(() => resolve()).on?.('error', reject));
    if (flags.report && result.report) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(flags.report, `${JSON.stringify(result.report, null, 2)}\n`);
    }
  } finally {
    await result.cleanup();
  }
  issues.untold();
  const s = result.stats;
  const uncovered = s.kept_uncovered ? `; ${s.kept_uncovered} cluster member(s) kept: no kept record covers them` : '';
  warn(`sada: kept ${kept}, dropped ${dropped} (${s.exact_duplicates} exact duplicates) in ${s.clusters} cluster(s)${uncovered}\n`);
  if (flags.strict && Object.keys(s.skipped).length > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}
