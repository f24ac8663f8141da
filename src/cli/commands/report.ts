import { readFile, writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { SadaError } from '../../errors.js';
import type { ScanReport } from '../../report/report-types.js';
import { EXIT_OK } from '../exit.js';

export interface ReportFlags {
  scan?: string;
  index?: string;
  format: 'html' | 'md';
  out?: string;
  title?: string;
  texts: boolean;
}

export function reportBuilder(y: Argv): Argv<ReportFlags> {
  return y
    .positional('scan', { type: 'string', describe: 'a JSON report written by `sada scan`' })
    .option('index', { type: 'string', describe: 'an on-disk index folder (nightly runs)' })
    .option('format', { choices: ['html', 'md'] as const, default: 'html' as const })
    .option('out', { type: 'string', describe: 'write here instead of stdout' })
    .option('title', { type: 'string', describe: 'page title' })
    .option('texts', { type: 'boolean', default: true, describe: "embed members' full texts in the HTML page (--no-texts: diffs only, ~40% smaller)" }) as unknown as Argv<ReportFlags>;
}

export async function runReport(flags: ReportFlags): Promise<number> {
  if (flags.index !== undefined) {
    throw new SadaError('E_USAGE', '--index: the on-disk nightly index is not built yet', { hint: 'render a scan report: sada scan … --out scan.json && sada report scan.json' });
  }
  if (flags.scan === undefined) throw new SadaError('E_USAGE', 'name a scan report (JSON) to render');
  const report = await readReport(flags.scan);
  const { renderReport } = await import('../../report/render.js');
  const text = await renderReport(report, flags.format, { title: flags.title, fullTexts: flags.texts });
  if (flags.out) await writeFile(flags.out, text);
  else process.stdout.write(text);
  return EXIT_OK;
}

async function readReport(path: string): Promise<ScanReport> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    throw new SadaError('E_INPUT', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SadaError('E_INPUT', `${path}: not JSON`, { hint: 'give the output of `sada scan --format json`' });
  }
  const r = parsed as Partial<ScanReport>;
  if (r.version !== 1 || !Array.isArray(r.documents) || !Array.isArray(r.clusters)) {
    throw new SadaError('E_INPUT', `${path}: not a sada scan report (version 1)`, { hint: 'give the output of `sada scan --format json`' });
  }
  return parsed as ScanReport;
}
