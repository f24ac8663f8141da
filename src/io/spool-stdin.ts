import { createWriteStream } from 'node:fs';
import { mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Copies standard input to a temporary file named `stdin.<format>` after sniffing its first bytes, for jobs
 * that must read their input twice (dedup writes the kept records in a second pass). Disk, not memory, holds
 * the crawl. Returns the file's path; the caller removes the folder.
 */
export async function spoolStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sada-stdin-'));
  const raw = path.join(dir, 'stdin.raw');
  let head = Buffer.alloc(0);
  const sniffed = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (head.length < 64) head = Buffer.concat([head, chunk]).subarray(0, 64);
      done(null, chunk);
    },
  });
  await pipeline(stdin, sniffed, createWriteStream(raw));
  const file = path.join(dir, `stdin.${sniff(head)}`);
  await rename(raw, file);
  return file;
}

function sniff(head: Buffer): string {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    return 'jsonl.gz'; // the gzip reader sniffs again after inflating; the name only has to say "gzip"
  }
  const text = head.toString('latin1').trimStart();
  if (text.startsWith('WARC/')) return 'warc';
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) return 'jsonl';
  return 'txt';
}
