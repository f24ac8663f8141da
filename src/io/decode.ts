/**
 * Bytes → text. UTF-8 first (strictly: a lossy decode would hide mojibake from the comparison), then
 * windows-1256, the Arabic Windows code page older outlets and archives still serve.
 */
import { isUtf8, transcode } from 'node:buffer';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'windows-1256' }
  | { readonly ok: false; readonly code: 'binary' | 'empty' | 'invalid_utf8'; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const cp1256 = new TextDecoder('windows-1256');

/** Share of control bytes above which a buffer is treated as binary rather than text. */
const maxControlShare = 0.01;

export function decodeBytes(bytes: Uint8Array, options: { fallback?: boolean } = {}): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'empty', message: 'empty (0 bytes)' };
  if (looksBinary(bytes)) return { ok: false, code: 'binary', message: 'binary data, not text (NUL or control bytes)' };
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    if (options.fallback === false) {
      return { ok: false, code: 'invalid_utf8', message: 'invalid UTF-8' };
    }
    const latin = cp1256.decode(bytes);
    // windows-1256 maps every byte, so it cannot fail; accept it only if it yields Arabic letters.
    if (!/[\u0621-\u064a]/.test(latin)) {
      return { ok: false, code: 'invalid_utf8', message: 'invalid UTF-8 and not windows-1256 Arabic' };
    }
    return { ok: true, text: latin, encoding: 'windows-1256' };
  }
  return { ok: true, text, encoding: 'utf-8' };
}

/**
 * Strict UTF-8 → string as `TextDecoder('utf-8', { fatal: true })` gives it (leading BOM dropped), or
 * undefined when the bytes are not valid UTF-8. On Node 20 the decoder turns Arabic into UTF-16 at ~6 ns a
 * character (0.22 s of SaudiNewsNet's 65 MB); ICU's transcode into a buffer and one string copy take a
 * fifth of that, and `isUtf8` (simdutf) rejects what the decoder's fatal mode would, first.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  let text: string;
  try {
    text = transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    // a Node built without ICU has no transcode
    return utf8.decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * maxControlShare;
}
