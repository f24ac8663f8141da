/**
 * Which field of a structured record holds what. News dumps disagree: SaudiNewsNet has `content`,
 * `source`, `date_extracted`; CommonCrawl-derived JSONL has `text`, `url`; WARC records get `id`,
 * `published`. The defaults try the common names in order; a `FieldMap` entry overrides one role.
 */

/** Field names chosen by the user (`--text-field` etc.); unset roles fall back to the defaults. */
export interface FieldMap {
  id?: string;
  text?: string;
  title?: string;
  outlet?: string;
  date?: string;
}

export interface MappedFields {
  id?: string;
  text?: string;
  title?: string;
  outlet?: string;
  published?: string;
}

const defaults = {
  id: ['id', 'url'],
  text: ['text', 'content'],
  title: ['title'],
  outlet: ['outlet', 'source'],
  date: ['published', 'date', 'date_extracted'],
} as const;

/**
 * Defaults: id|url, text|content, title, outlet|source, published|date|date_extracted.
 * Returns undefined text when missing/empty (whitespace only counts as empty).
 * Numbers are accepted for id (numeric ids are common) and stringified.
 */
export function mapFields(fields: Record<string, unknown>, map: FieldMap): MappedFields {
  const out: MappedFields = {};
  const id = pick(fields, map.id, defaults.id, true);
  if (id !== undefined) out.id = id;
  const text = pick(fields, map.text, defaults.text, false);
  if (text !== undefined && text.trim() !== '') out.text = text;
  const title = pick(fields, map.title, defaults.title, false);
  if (title !== undefined && title !== '') out.title = title;
  const outlet = pick(fields, map.outlet, defaults.outlet, false);
  if (outlet !== undefined && outlet !== '') out.outlet = outlet;
  const published = pick(fields, map.date, defaults.date, false);
  if (published !== undefined && published !== '') out.published = published;
  return out;
}

/** An explicit name is used alone (a user who names a field means that one); else the first default present. */
function pick(fields: Record<string, unknown>, name: string | undefined, names: readonly string[], numeric: boolean): string | undefined {
  for (const key of name === undefined ? names : [name]) {
    const v = fields[key];
    if (typeof v === 'string' && v !== '') return v;
    if (numeric && typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return undefined;
}

/** True when the record has non-blank text under `map`: the readers' `no_text` test, without building the rest. */
export function hasText(fields: Record<string, unknown>, map: FieldMap): boolean {
  const text = pick(fields, map.text, defaults.text, false);
  return text !== undefined && text.trim() !== '';
}
