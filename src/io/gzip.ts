/**
 * Gzip (including concatenated members, as in `.warc.gz` where every record is its own member: zlib's
 * Gunzip reads on past each member's trailer) inflated as a stream under a byte and ratio budget.
 */
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { countInflated } from './bounded.js';
import type { ReadLimits } from './record-source.js';

/** Inflated chunks of `source`; throws `ReadFault('too_large')` past the limits, zlib errors as-is. */
export function gunzipBounded(source: AsyncIterable<Uint8Array>, limits: ReadLimits, what = 'gzip stream'): AsyncGenerator<Uint8Array> {
  let compressed = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      compressed += chunk.length;
      yield chunk;
    }
  }
  const gunzip = zlib.createGunzip({ chunkSize: 64 * 1024 });
  // pipeline destroys gunzip with any upstream error, so it surfaces from the iterator below.
  pipeline(Readable.from(counted()), gunzip, () => {});
  return countInflated(gunzip, {
    maxBytes: limits.maxInflatedBytes,
    maxRatio: limits.maxInflateRatio,
    compressedBytes: () => compressed,
    what,
  });
}

/** The two magic bytes every gzip member starts with (RFC 1952 §2.3.1). */
export function isGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
