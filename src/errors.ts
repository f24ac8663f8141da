/** Codes a caller can branch on; the CLI maps them to exit codes (see `cli/exit.ts`). */
export type SadaErrorCode =
  | 'E_USAGE'
  | 'E_NO_INPUT'
  | 'E_INPUT'
  | 'E_PARAMS'
  | 'E_PARAMS_MISMATCH'
  | 'E_INTERNAL';

/** The one error type sada throws: a literal code, a one-line message naming the file and what to do. */
export class SadaError extends Error {
  override readonly name = 'SadaError';
  readonly code: SadaErrorCode;
  readonly hint?: string;

  constructor(code: SadaErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }
}

export function isSadaError(e: unknown): e is SadaError {
  return e instanceof SadaError;
}
