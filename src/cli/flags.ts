import type { Argv } from 'yargs';
import { SadaError } from '../errors.js';
import type { ParamsInput } from '../params.js';

/**
 * yargs-parser drops a lone `-` (the usual name for standard input), so main() swaps it for this
 * placeholder before parsing and commands swap it back.
 */
export const STDIN_PLACEHOLDER = '\u0000stdin';
export const restoreStdin = (inputs: readonly string[]): string[] => inputs.map((i) => (i === STDIN_PLACEHOLDER ? '-' : i));

/** Flags that map onto `Params`; unset flags leave the documented defaults in force. */
export interface MatchFlags {
  threshold?: number;
  containment?: number;
  verdicts?: 'model' | 'rules';
  shingle?: 'char' | 'word';
  shingleSize?: number;
  hashes?: number;
  lshThreshold?: number;
  bands?: number;
  rows?: number;
  containmentIndex: boolean;
  strip: boolean;
  minChars?: number;
  ext?: string[];
  idField?: string;
  textField?: string;
  titleField?: string;
  outletField?: string;
  dateField?: string;
}

export function matchOptions(y: Argv): Argv<MatchFlags> {
  return y
    .option('threshold', { type: 'number', describe: 'keep pairs with exact Jaccard ≥ this [default 0.5]' })
    .option('containment-index', {
      type: 'boolean',
      default: true,
      describe: 'also find short items inside long pages by sampled-shingle containment (--no-containment-index: LSH alone at 128 × 2 bands, candidate recall 0.997 → 0.936)',
    })
    .option('containment', { type: 'number', describe: 'keep pairs whose larger containment ≥ this [default 0.5]' })
    .option('verdicts', {
      choices: ['model', 'rules'] as const,
      describe: 'judge verified pairs copy / template / partial by the learned model or by the hand rules alone [default model]',
    })
    .option('shingle', { choices: ['char', 'word'] as const, describe: 'shingle kind [default char]' })
    .option('shingle-size', { type: 'number', describe: 'n of the n-grams [default 7 char, 5 word]' })
    .option('hashes', { type: 'number', describe: 'MinHash values per document [default 256]' })
    .option('lsh-threshold', { type: 'number', describe: 'Jaccard the LSH bands are tuned for [default 0.5 → 42 bands × 4 rows; 0.15 → 128 × 2 with --no-containment-index]' })
    .option('bands', { type: 'number', describe: 'LSH bands (with --rows; else derived)' })
    .option('rows', { type: 'number', describe: 'rows per LSH band (with --bands)' })
    .option('strip', { type: 'boolean', default: true, describe: 'cut outlet boilerplate before comparing (--no-strip to keep it)' })
    .option('min-chars', { type: 'number', describe: 'skip bodies shorter than this many normalised characters [default 40]' })
    .option('ext', { type: 'string', array: true, describe: 'file extensions to read in directories [default txt md jsonl ndjson json zip warc wet, and .gz of each]' })
    .option('id-field', { type: 'string', describe: 'record field holding the id [default id, else url]' })
    .option('text-field', { type: 'string', describe: 'record field holding the article text [default text, else content]' })
    .option('title-field', { type: 'string', describe: 'record field holding the title [default title]' })
    .option('outlet-field', { type: 'string', describe: 'record field holding the outlet [default outlet, else source]' })
    .option('date-field', { type: 'string', describe: 'record field holding the publication date [default published, date, date_extracted]' }) as unknown as Argv<MatchFlags>;
}

export function paramsFromFlags(f: MatchFlags): ParamsInput {
  return {
    io: {
      ...(f.ext ? { extensions: f.ext.map((e) => e.replace(/^\./, '')) } : {}),
      fields: {
        ...(f.idField ? { id: f.idField } : {}),
        ...(f.textField ? { text: f.textField } : {}),
        ...(f.titleField ? { title: f.titleField } : {}),
        ...(f.outletField ? { outlet: f.outletField } : {}),
        ...(f.dateField ? { date: f.dateField } : {}),
      },
    },
    text: { stripBoilerplate: f.strip, ...(f.minChars !== undefined ? { minChars: f.minChars } : {}) },
    sketch: {
      ...(f.shingle ? { shingle: f.shingle } : {}),
      ...(f.shingleSize !== undefined ? { size: f.shingleSize } : {}),
      ...(f.hashes !== undefined ? { hashes: f.hashes } : {}),
    },
    index: {
      ...(f.lshThreshold !== undefined ? { threshold: f.lshThreshold } : {}),
      ...(f.bands !== undefined ? { bands: f.bands } : {}),
      ...(f.rows !== undefined ? { rows: f.rows } : {}),
      containment: f.containmentIndex,
    },
    match: {
      ...(f.threshold !== undefined ? { threshold: f.threshold } : {}),
      ...(f.containment !== undefined ? { containment: f.containment } : {}),
      ...(f.verdicts ? { verdicts: f.verdicts } : {}),
    },
  };
}

export interface WorkerFlags {
  workers?: number;
}

/** `--workers N` for the commands that scan (scan, dedup). */
export function workersOption<T>(y: Argv<T>): Argv<T & WorkerFlags> {
  return y.option('workers', {
    type: 'number',
    describe:
      'threads that normalise and sketch documents besides the main thread (same report for any N) [default: one a core, up to 8, for inputs of 32 MB or more, else none]',
  }) as unknown as Argv<T & WorkerFlags>;
}

export interface IssueFlags {
  allIssues: boolean;
}

export function issuesOption<T>(y: Argv<T>): Argv<T & IssueFlags> {
  return y.option('all-issues', {
    type: 'boolean',
    default: false,
    describe: 'print every skipped file or record on stderr [default: the first 10 of each kind, then a count]',
  }) as unknown as Argv<T & IssueFlags>;
}

/** The worker count from `--workers` (`auto` when not given), refused unless a whole number from 1 to 64. */
export function workersFromFlags(f: WorkerFlags): number | 'auto' {
  if (f.workers === undefined) return 'auto';
  if (!Number.isInteger(f.workers) || f.workers < 1 || f.workers > 64) {
    throw new SadaError('E_USAGE', `--workers must be a whole number from 1 to 64, not ${f.workers}`);
  }
  return f.workers;
}
