import { stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { RecordIssue } from '../records.js';

/** One input file, with the key prefix that makes document ids relative to the input root. */
export interface InputFile {
  /** Path to open. */
  readonly path: string;
  /** POSIX path relative to the input root: the document id for plain files. */
  readonly key: string;
}

export interface Discovery {
  readonly files: InputFile[];
  readonly issues: RecordIssue[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/**
 * Expands the command line's inputs: a directory is searched recursively for the given extensions (hidden
 * files and node_modules skipped), a file is taken as it is, `-` is standard input. Each input's files are
 * sorted, so ids are the same on every run and machine.
 */
export async function discoverInputs(inputs: readonly string[], extensions: readonly string[]): Promise<Discovery> {
  const files: InputFile[] = [];
  const issues: RecordIssue[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      files.push({ path: '-', key: 'stdin' });
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (e) {
      issues.push(missing(input, e));
      continue;
    }
    if (info.isDirectory()) {
      const patterns = extensions.flatMap((e) => [e, `${e}.gz`]);
      const found = await fg(`**/*.{${patterns.join(',')}}`, {
        cwd: input,
        // onlyFiles would silently drop dangling links; they must be reported as unreadable instead
        onlyFiles: false,
        markDirectories: true,
        dot: false,
        followSymbolicLinks: true,
        ignore: ['**/node_modules/**'],
        caseSensitiveMatch: false,
      });
      const filesFound = found.filter((f) => !f.endsWith('/')).sort();
      if (filesFound.length === 0) {
        issues.push({
          code: 'unsupported',
          source: { path: toPosix(input) },
          message: `no matching files (looked for *.${extensions.join(', *.')})`,
          severity: 'skipped',
        });
      }
      for (const rel of filesFound) add(path.join(input, rel), rel);
    } else add(input, path.basename(input));
  }
  return { files, issues };

  function add(p: string, key: string): void {
    const resolved = path.resolve(p);
    if (seen.has(resolved)) return; // the same file named twice is one document, not a duplicate pair
    seen.add(resolved);
    files.push({ path: toPosix(p), key: toPosix(key) });
  }
}

function missing(input: string, e: unknown): RecordIssue {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
  return { code: 'unreadable', source: { path: toPosix(input) }, message: reason, severity: 'skipped' };
}
