/**
 * Escaping for the HTML report. Crawled article text is untrusted: every string that reaches markup goes
 * through `escapeHtml`, and data for the inline script goes through `jsonForScript`.
 */

import { createHash } from 'node:crypto';

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values alike (OWASP rule #1 and #2 set). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON safe to place inside `<script type="application/json">` or a script body: no `<` means no
 * `</script>` or `<!--` can end or alter the element; U+2028/2029 are escaped because older JS parsers
 * treat them as line ends inside string literals.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c);
}

/** CSP source expression for an inline element's exact content (CSP3 hash-source, UTF-8 bytes). */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}
