import { isSadaError } from '../errors.js';

/** Exit codes: 0 ok, 1 findings reported as an error (only when asked), 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * The only place that prints errors: one line `sada: <message> [<code>]`, a hint if there is one, and the
 * stack only with --debug — a user should never have to read a stack trace to learn a file is missing.
 */
export function reportError(e: unknown, debug: boolean, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (isSadaError(e)) {
    write(`sada: ${e.message} [${e.code}]\n`);
    if (e.hint) write(`sada: hint: ${e.hint}\n`);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    write(`sada: internal error: ${message} [E_INTERNAL]\n`);
    if (!debug) write('sada: hint: run again with --debug for details, and report it\n');
  }
  if (debug && e instanceof Error && e.stack) write(`${e.stack}\n`);
  return EXIT_USAGE;
}
