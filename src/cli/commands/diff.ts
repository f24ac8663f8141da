import type { Argv } from 'yargs';
import { EXIT_OK } from '../exit.js';

export interface DiffFlags {
  a: string;
  b: string;
  format: 'text' | 'json';
  context: number;
  color: boolean | undefined;
  strip: boolean;
}

export function diffBuilder(y: Argv): Argv<DiffFlags> {
  return y
    .positional('a', { type: 'string', describe: 'first document (file)', demandOption: true })
    .positional('b', { type: 'string', describe: 'second document (file)', demandOption: true })
    .option('format', { choices: ['text', 'json'] as const, default: 'text' as const })
    .option('context', { type: 'number', default: 4, describe: 'words kept around collapsed unchanged runs' })
    .option('color', { type: 'boolean', describe: 'colour as well as markers [default: when stdout is a terminal]' })
    .option('strip', { type: 'boolean', default: true, describe: 'diff article bodies without boilerplate (--no-strip: whole texts)' }) as unknown as Argv<DiffFlags>;
}

export async function runDiff(flags: DiffFlags): Promise<number> {
  const [{ diff }, { renderDiffText }] = await Promise.all([import('../../diff.js'), import('../../report/diff-text.js')]);
  const d = await diff(flags.a, flags.b, { params: { text: { stripBoilerplate: flags.strip } } });
  if (flags.format === 'json') process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
  else {
    const color = flags.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
    process.stdout.write(renderDiffText(d, { color, context: Math.max(0, flags.context) }));
  }
  return EXIT_OK;
}
