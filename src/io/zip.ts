/**
 * Zip archives: each entry is read by its own extension (the caller's `readEntry`). yauzl reads the
 * central directory, which sits at the end of the file; a truncated zip has none, so we then walk the
 * local file headers from the start instead and keep whatever entries (and records) precede the cut.
 * Sizes in either directory are claims: every entry's inflated bytes are counted against its declared
 * size, and the whole archive's against `maxInflateRatio` (overlapping-entry bombs declare honest sizes).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { SourceRef } from '../records.js';
import { ReadFault, countInflated, issueAt, ratioFloorBytes } from './bounded.js';
import type { ReaderContext, ReaderEvent } from './record-source.js';

/** How the caller reads entries: which names it can read (others get `unsupported`), and how (events in batches, as the format readers give them); `read` never throws. */
export interface EntryReader {
  accepts(name: string): boolean;
  read(chunks: AsyncIterable<Uint8Array>, name: string, base: SourceRef): AsyncIterable<ReaderEvent[]>;
}

const localHeaderSignature = 0x04034b50;

export async function* readZip(path: string, ctx: ReaderContext, readEntry: EntryReader): AsyncGenerator<ReaderEvent[]> {
  const fileBytes = (await stat(path)).size;
  let zip: yauzl.ZipFile;
  try {
    zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))),
    );
  } catch (e) {
    if (!(await startsWithLocalHeader(path))) {
      yield [issueAt('unreadable', { path }, `not a readable zip archive (${(e as Error).message})`)];
      return;
    }
    yield [issueAt('truncated', { path }, 'zip has no central directory (truncated?); reading entries from local headers')];
    yield* readLocalEntries(path, fileBytes, ctx, readEntry);
    return;
  }
  // yauzl may emit 'error' between our reads; without a listener that would crash the process.
  zip.on('error', () => {});
  const archive = { inflated: 0 };
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (entry === undefined) return;
      const name = entry.fileName;
      if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
      const base: SourceRef = { path, entry: name };
      const refusal = refuse(name, entry.uncompressedSize, entry.compressedSize, ctx);
      if (refusal !== undefined) {
        yield [issueAt('too_large', base, refusal)];
        continue;
      }
      if (!readEntry.accepts(name)) {
        yield [issueAt('unsupported', base, 'not a readable entry type (want .json, .jsonl, .warc, .wet, .txt, .md, or .gz of those); skipped')];
        continue;
      }
      if (entry.isEncrypted()) {
        yield [issueAt('unsupported', base, 'encrypted zip entry; skipped')];
        continue;
      }
      let raw: Readable;
      try {
        raw = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      } catch (e) {
        yield [issueAt('truncated', base, `cannot open entry (${(e as Error).message})`)];
        continue;
      }
      const chunks = bound(raw, name, entry.uncompressedSize, entry.compressedSize, ctx, archive, fileBytes);
      yield* readEntry.read(chunks, name, base);
    }
  } catch (e) {
    yield [issueAt('truncated', { path }, `zip directory unreadable (${(e as Error).message})`)];
  } finally {
    zip.close();
  }
}

/** Why an entry is refused on its declared sizes alone, or undefined. */
function refuse(name: string, declaredBytes: number, compressedBytes: number, ctx: ReaderContext): string | undefined {
  const { maxInflatedBytes, maxInflateRatio } = ctx.limits;
  if (declaredBytes > maxInflatedBytes) return `entry ${name} declares ${declaredBytes} bytes, over maxInflatedBytes (${maxInflatedBytes}); refused`;
  if (declaredBytes > ratioFloorBytes && declaredBytes / Math.max(1, compressedBytes) > maxInflateRatio) {
    return `entry ${name} declares a ${Math.round(declaredBytes / Math.max(1, compressedBytes))}:1 inflate ratio, over ${maxInflateRatio}:1; refused`;
  }
  return undefined;
}

/** Counts an entry against its declared size and the archive's total against the file's size. */
async function* bound(
  raw: AsyncIterable<Uint8Array>,
  name: string,
  declaredBytes: number,
  compressedBytes: number,
  ctx: ReaderContext,
  archive: { inflated: number },
  fileBytes: number,
): AsyncGenerator<Uint8Array> {
  const entry = countInflated(raw, {
    maxBytes: Math.min(declaredBytes, ctx.limits.maxInflatedBytes),
    maxRatio: ctx.limits.maxInflateRatio,
    compressedBytes: () => compressedBytes,
    what: `entry ${name}`,
    overMessage:
      declaredBytes <= ctx.limits.maxInflatedBytes
        ? `entry ${name} inflates past its declared size (${declaredBytes} bytes)`
        : `entry ${name} inflates past maxInflatedBytes (${ctx.limits.maxInflatedBytes})`,
  });
  for await (const chunk of entry) {
    archive.inflated += chunk.length;
    if (archive.inflated > ratioFloorBytes && archive.inflated / Math.max(1, fileBytes) > ctx.limits.maxInflateRatio) {
      throw new ReadFault('too_large', `archive inflates more than ${ctx.limits.maxInflateRatio}:1 its file size (overlapping entries?); refused`);
    }
    yield chunk;
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry): void => (done(), resolve(entry));
    const onEnd = (): void => (done(), resolve(undefined));
    const onError = (err: Error): void => (done(), reject(err));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

async function startsWithLocalHeader(path: string): Promise<boolean> {
  const fh = await open(path);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === localHeaderSignature;
  } finally {
    await fh.close();
  }
}

/**
 * Walks local headers (APPNOTE 4.3.7) from offset 0. An entry written with a data descriptor (flag bit 3)
 * may not state its compressed size; that entry is inflated to the end of the file and the walk stops.
 */
async function* readLocalEntries(path: string, fileBytes: number, ctx: ReaderContext, readEntry: EntryReader): AsyncGenerator<ReaderEvent[]> {
  const fh = await open(path);
  const archive = { inflated: 0 };
  try {
    let pos = 0;
    for (;;) {
      const head = Buffer.alloc(30);
      const { bytesRead } = await fh.read(head, 0, 30, pos);
      if (bytesRead < 30 || head.readUInt32LE(0) !== localHeaderSignature) return;
      const flags = head.readUInt16LE(6);
      const method = head.readUInt16LE(8);
      const compressed = head.readUInt32LE(18);
      const declared = head.readUInt32LE(22);
      const nameBytes = Buffer.alloc(head.readUInt16LE(26));
      await fh.read(nameBytes, 0, nameBytes.length, pos + 30);
      const name = nameBytes.toString('utf8');
      const dataStart = pos + 30 + nameBytes.length + head.readUInt16LE(28);
      const sized = (flags & 8) === 0 || compressed > 0;
      const dataEnd = sized ? dataStart + compressed : fileBytes;
      const base: SourceRef = { path, entry: name };
      const limit = sized ? declared : ctx.limits.maxInflatedBytes;
      const refusal = refuse(name, limit, dataEnd - dataStart, ctx);
      if (refusal !== undefined) yield [issueAt('too_large', base, refusal)];
      else if (!name.endsWith('/') && !readEntry.accepts(name)) yield [issueAt('unsupported', base, 'not a readable entry type; skipped')];
      else if (method !== 0 && method !== 8) yield [issueAt('unsupported', base, `zip compression method ${method}; skipped`)];
      else if (!name.endsWith('/') && dataEnd > dataStart) {
        const raw = createReadStream(path, { start: dataStart, end: Math.min(dataEnd, fileBytes) - 1 });
        const chunks = method === 8 ? pipeline(raw, zlib.createInflateRaw(), () => {}) : raw;
        yield* readEntry.read(bound(chunks, name, limit, dataEnd - dataStart, ctx, archive, fileBytes), name, base);
      }
      if (!sized || dataEnd >= fileBytes) return;
      pos = dataEnd;
      // Skip a data descriptor (with or without its optional signature) before the next header.
      if ((flags & 8) !== 0) pos += (await readUInt32At(fh, pos)) === 0x08074b50 ? 16 : 12;
    }
  } finally {
    await fh.close();
  }
}

async function readUInt32At(fh: Awaited<ReturnType<typeof open>>, pos: number): Promise<number> {
  const b = Buffer.alloc(4);
  const { bytesRead } = await fh.read(b, 0, 4, pos);
  return bytesRead === 4 ? b.readUInt32LE(0) : -1;
}
