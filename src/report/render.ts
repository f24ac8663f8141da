import { loadTexts } from '../io/load-texts.js';
import type { ParamsInput } from '../params.js';
import { resolveParams } from '../params.js';
import type { Body } from '../records.js';
import { prepareBody } from '../text/body.js';
import type { WordDiff } from './diff-types.js';
import { diffBodies } from './word-diff.js';
import { renderHtml, type RenderInput } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { ScanReport } from './report-types.js';

export type ReadableFormat = 'html' | 'md';

/**
 * Renders a scan report for people: fetches the cluster members' original texts again from their files and
 * diffs them on demand (the renderers ask only for the pairs they show).
 */
export async function renderReport(
  report: ScanReport,
  format: ReadableFormat,
  options: { params?: ParamsInput; title?: string; texts?: ReadonlyMap<string, string>; fullTexts?: boolean } = {},
): Promise<string> {
  const p = resolveParams(options.params ?? paramsOf(report));
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const wanted = [...new Set(report.clusters.concat(report.templates ?? []).flatMap((c) => c.members))];
  const texts = new Map(options.texts ?? []);
  const missing = wanted.filter((k) => !texts.has(k) && docs.has(k)).map((k) => ({ key: k, path: docs.get(k)!.path }));
  for (const [k, t] of await loadTexts(missing, p.io)) texts.set(k, t);
  const cache = new Map<string, WordDiff | undefined>();
  // a representative is diffed against every other member: cut and normalise each text once
  const bodies = new Map<string, Body>();
  const side = (key: string, text: string) => {
    let body = bodies.get(key);
    if (!body) bodies.set(key, (body = prepareBody({ id: 0, text }, p.text)));
    return { key, text, body };
  };
  const input: RenderInput = {
    report,
    texts,
    title: options.title,
    fullTexts: options.fullTexts,
    diff: (a, b) => {
      const k = `${a}\n${b}`;
      if (!cache.has(k)) {
        const ta = texts.get(a);
        const tb = texts.get(b);
        cache.set(k, ta === undefined || tb === undefined ? undefined : diffBodies(side(a, ta), side(b, tb)));
      }
      return cache.get(k);
    },
  };
  return format === 'html' ? renderHtml(input) : renderMarkdown(input);
}

/** The text/io settings a report was made with, so texts are found and cut the same way again. */
function paramsOf(report: ScanReport): ParamsInput {
  const params = report.params as { io?: ParamsInput['io']; text?: ParamsInput['text'] };
  return { ...(params.io ? { io: params.io } : {}), ...(params.text ? { text: params.text } : {}) };
}
