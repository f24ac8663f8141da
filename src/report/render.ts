import { diffTexts } from '../diff.js';
import { loadTexts } from '../io/load-texts.js';
import type { ParamsInput } from '../params.js';
import { resolveParams } from '../params.js';
import type { WordDiff } from './diff-types.js';
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
  options: { params?: ParamsInput; title?: string; texts?: ReadonlyMap<string, string> } = {},
): Promise<string> {
  const p = resolveParams(options.params ?? paramsOf(report));
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const wanted = [...new Set(report.clusters.concat(report.templates ?? []).flatMap((c) => c.members))];
  const texts = new Map(options.texts ?? []);
  const missing = wanted.filter((k) => !texts.has(k) && docs.has(k)).map((k) => ({ key: k, path: docs.get(k)!.path }));
  for (const [k, t] of await loadTexts(missing, p.io)) texts.set(k, t);
  const cache = new Map<string, WordDiff | undefined>();
  const input: RenderInput = {
    report,
    texts,
    title: options.title,
    diff: (a, b) => {
      const k = `${a}\n${b}`;
      if (!cache.has(k)) {
        const ta = texts.get(a);
        const tb = texts.get(b);
        cache.set(k, ta === undefined || tb === undefined ? undefined : diffTexts({ key: a, text: ta }, { key: b, text: tb }, { params: { text: p.text } }));
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
