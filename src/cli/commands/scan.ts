import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import type { ParamsInput } from '../../params.js';
import type { ScanReport } from '../../report/report-types.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit.js';
import { createProgress } from '../progress.js';
import { issuesOption, matchOptions, paramsFromFlags, restoreStdin, workersFromFlags, workersOption, type IssueFlags, type MatchFlags, type WorkerFlags } from '../flags.js';
import { issueLines, issuesShownPerCode } from '../issue-lines.js';

export interface ScanFlags extends MatchFlags, WorkerFlags, IssueFlags {
  inputs: string[];
  format: 'json' | 'text';
  out?: string;
  quiet: boolean;
  failOnDuplicates: boolean;
  strict: boolean;
  provenance: boolean;
}

export function scanBuilder(y: Argv): Argv<ScanFlags> {
  return issuesOption(workersOption(matchOptions(y)))
    .positional('inputs', { type: 'string', array: true, describe: 'files or directories to scan', demandOption: true })
    .option('format', { choices: ['json', 'text'] as const, default: 'json' as const, describe: 'report format' })
    .option('out', { type: 'string', describe: 'write the report to this file instead of stdout' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no summary or warnings on stderr' })
    .option('fail-on-duplicates', { type: 'boolean', default: false, describe: 'exit 1 when any cluster is found' })
    .option('strict', { type: 'boolean', default: false, describe: 'exit 1 when any file or record was skipped' })
    .option('provenance', { type: 'boolean', default: true, describe: 'infer who copied whom per cluster (--no-provenance: skip)' }) as unknown as Argv<ScanFlags>;
}

export async function runScan(flags: ScanFlags): Promise<number> {
  const params: ParamsInput = paramsFromFlags(flags);
  const warn = (s: string) => {
    if (!flags.quiet) process.stderr.write(s);
  };
  const progress = createProgress(!flags.quiet);
  const issues = issueLines(warn, flags.allIssues ? Infinity : issuesShownPerCode);
  const { scan } = await import('../../scan.js');
  const report = await scan(restoreStdin(flags.inputs), {
    params,
    onIssue: issues.issue,
    onProgress: progress.tick,
    provenance: flags.provenance,
    workers: workersFromFlags(flags),
  }).finally(progress.stop);
  const text = flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatText(report);
  if (flags.out) await writeFile(flags.out, text);
  else process.stdout.write(text);
  issues.untold();
  warn(summary(report));
  if (flags.failOnDuplicates && report.clusters.length > 0) return EXIT_FINDINGS;
  if (flags.strict && Object.keys(report.stats.skipped ?? {}).length > 0) return EXIT_FINDINGS;
  return EXIT_OK;
}

function summary(r: ScanReport): string {
  const s = r.stats;
  const inClusters = r.clusters.reduce((n, c) => n + c.members.length, 0);
  const skipped = Object.entries(s.skipped ?? {}).map(([k, v]) => `${v} ${k}`).join(', ');
  return (
    `sada: ${s.documents} documents, ${s.clusters} cluster(s) holding ${inClusters} documents, ` +
    `${s.candidates} candidates, ${s.verified_pairs} matched pairs, ${s.seconds.toFixed(2)} s` +
    (skipped ? `; skipped: ${skipped}` : '') +
    '\n'
  );
}

function formatText(r: ScanReport): string {
  const lines: string[] = [];
  for (const c of r.clusters) {
    lines.push(`${c.id}  ${c.members.length} documents, representative ${c.representative}`);
    for (const p of c.pairs) {
      const cmax = Math.max(p.containment_ab, p.containment_ba);
      lines.push(`  ${p.a}  ~  ${p.b}  jaccard ${p.jaccard.toFixed(3)}  containment ${cmax.toFixed(3)}${p.exact ? '  (exact)' : ''}`);
    }
  }
  if (lines.length === 0) lines.push('no near-duplicates found');
  return `${lines.join('\n')}\n`;
}
