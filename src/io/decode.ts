/**
 * Bytes → text. UTF-8 first (strictly: a lossy decode would hide mojibake from the comparison), then
 * windows-1256, the Arabic Windows code page older outlets and archives still serve.
 */

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
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    if (options.fallback === false) {
      return { ok: false, code: 'invalid_utf8', message: 'invalid UTF-8' };
    }
    const text = cp1256.decode(bytes);
    // windows-1256 maps every byte, so it cannot fail; accept it only if it yields Arabic letters.
    if (!/[\u0621-\u064a]/.test(text)) {
      return { ok: false, code: 'invalid_utf8', message: 'invalid UTF-8 and not windows-1256 Arabic' };
    }
    return { ok: true, text, encoding: 'windows-1256' };
  }
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
