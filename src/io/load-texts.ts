import type { SourceRef } from '../records.js';
import type { ReadOptions } from './read-docs.js';
import { parseDeferred, readDocs, readDocsDeferred } from './read-docs.js';
import { isRecordFile } from './record-source.js';

/**
 * A document to fetch again: its report id and the file it came from, and where in the file when the caller
 * knows it (a scan does; a report read back from JSON does not).
 */
export interface TextRequest {
  readonly key: string;
  readonly path: string;
  readonly source?: SourceRef;
}

/**
 * Reads the original texts of some documents again from their files — a scan keeps only metadata, so a
 * crawl's text is never all in memory; provenance and the HTML report fetch just the cluster members.
 * Plain files hold one document; in record files a document is found by its id field, or by its place in
 * the file (`!entry`, `:line`, `#record`) when the record had no id.
 */
export async function loadTexts(requests: readonly TextRequest[], io: ReadOptions): Promise<Map<string, string>> {
  const byPath = new Map<string, Set<string>>();
  const byPlace = new Map<string, Map<string, string> | undefined>();
  for (const r of requests) {
    if (r.path === '-') continue; // standard input cannot be read twice
    let keys = byPath.get(r.path);
    if (!keys) {
      byPath.set(r.path, (keys = new Set()));
      byPlace.set(r.path, isRecordFile(r.path) ? new Map() : undefined);
    }
    keys.add(r.key);
    const places = byPlace.get(r.path);
    if (places && r.source) places.set(placeOf(r.source), r.key);
    else byPlace.set(r.path, undefined);
  }
  const texts = new Map<string, string>();
  for (const [path, wanted] of byPath) {
    const places = byPlace.get(path);
    if (places) {
      await readAtPlaces(path, places, io, texts);
      continue;
    }
    // wanted keys by the place suffix an id-less record comes back with ("!entry#5", ":12"): one map probe
    // per record read instead of a scan of every wanted key (a 20k-record file re-read for 10k members)
    const bySuffix = placeSuffixIndex(wanted);
    // key '' makes id-less records come back keyed by their place alone, e.g. "!2015-07-21.json#5"
    for await (const event of readDocs([{ path, key: '' }], io)) {
      if (event.kind !== 'doc') continue;
      const { key, text } = event.doc;
      if (key === '') {
        for (const k of wanted) texts.set(k, text); // a plain file: one document
        break;
      }
      const hit = wanted.has(key) ? key : placeHit(key, wanted, bySuffix);
      if (hit !== undefined) {
        texts.set(hit, text);
        wanted.delete(hit);
        if (wanted.size === 0) break;
      }
    }
  }
  return texts;
}

/**
 * The records of one file at the places asked for. Records are cut without parsing (as `--workers` reads
 * them) and only the wanted ones are parsed: provenance asks for the ~40% of records that sit in clusters,
 * and parsing every line to learn its id was most of the re-read. The place also finds a record whose id
 * repeats, which an id lookup can only guess at.
 */
async function readAtPlaces(path: string, places: Map<string, string>, io: ReadOptions, texts: Map<string, string>): Promise<void> {
  for await (const e of readDocsDeferred([{ path, key: '' }], io)) {
    if (e.kind === 'issue') continue;
    const source = e.kind === 'deferred' ? e.source : e.doc.source;
    const place = placeOf(source);
    const key = places.get(place);
    if (key === undefined) continue;
    const event = e.kind === 'deferred' ? parseDeferred(e, io) : e;
    if (event.kind === 'doc') texts.set(key, event.doc.text);
    places.delete(place);
    if (places.size === 0) break;
  }
}

function placeOf(s: SourceRef): string {
  return `${s.entry ?? ''}\n${s.line ?? ''}\n${s.record ?? ''}`;
}

const placeStart = /[!:#]/;

/** Wanted keys by each of their suffixes that starts at a `!`, `:` or `#` (candidates for an id-less record's key). */
function placeSuffixIndex(wanted: ReadonlySet<string>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const k of wanted) {
    for (let i = 0; i < k.length; i++) {
      if (!placeStart.test(k[i])) continue;
      const suffix = k.slice(i);
      const list = index.get(suffix);
      if (list) list.push(k);
      else index.set(suffix, [k]);
    }
  }
  return index;
}

/** The first wanted key (in request order) that ends with `key`, when `key` is a place ("!e#5"); as `[...wanted].find`. */
function placeHit(key: string, wanted: ReadonlySet<string>, bySuffix: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (!placeStart.test(key[0] ?? '')) return undefined;
  const list = bySuffix.get(key);
  if (!list) return undefined;
  for (const k of list) if (wanted.has(k)) return k;
  return undefined;
}
