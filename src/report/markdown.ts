/**
 * The Markdown report: summary table, then one section per cluster with members, provenance and a compact
 * word diff (`~~deleted~~`, `**inserted**`). Meant for pasting into issues and reviews, so labels are
 * English; article text is escaped so it can never become Markdown or HTML.
 */

import {
  compactRuns,
  displayDate,
  duplicatesRemoved,
  histogram,
  indexDocuments,
  maxContainments,
  orderMembers,
  sortClusters,
  type DocIndex,
  type RenderInput,
} from './report-model.js';
import type { ReportCluster, ReportProvenance } from './report-types.js';

/** Diffs per cluster; Markdown is read top to bottom, so fewer than the HTML report. */
export const MAX_MARKDOWN_DIFFS = 5;

/**
 * Escapes text for inline Markdown (GFM): `<>&` become entities so no raw HTML survives, and the
 * characters that start emphasis, code, links, headings, tables, strikethrough or math get a backslash.
 * Line breaks become spaces because every article string sits inside a table cell or one paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\\`*_[\]#|~$]/g, '\\$&');
}

/** A paragraph must not open with a list or heading marker; those only matter at the start of a line. */
function guardLineStart(line: string): string {
  return line.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=>])/, '\\$1');
}

const fmt = (x: number): string => x.toFixed(2);

function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly string[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(align ?? head.map(() => '---')), ...rows.map(line)].join('\n');
}

function docName(docs: DocIndex, id: string): string {
  const outlet = docs.get(id)?.outlet;
  return outlet ? `${escapeMarkdown(outlet)} (${escapeMarkdown(id)})` : escapeMarkdown(id);
}

function provenanceLine(p: ReportProvenance, docs: DocIndex): string {
  const via = p.source ? `, via ${escapeMarkdown(p.source)}` : '';
  const evidence = p.evidence.map((e) => {
    const w = e.weight === undefined ? '' : ` (${e.weight > 0 ? '+' : ''}${fmt(e.weight)})`;
    return `${escapeMarkdown(e.kind)}: ${escapeMarkdown(e.detail)}${w}`;
  });
  const ev = evidence.length > 0 ? `. Evidence: ${evidence.join('; ')}` : '';
  return `- ${docName(docs, p.from)} → ${docName(docs, p.to)}: ${p.relation}, confidence ${fmt(p.confidence)}${via}${ev}`;
}

function diffSection(input: RenderInput, docs: DocIndex, a: string, b: string): string {
  const head = `${docName(docs, a)} → ${docName(docs, b)}`;
  const d = input.diff(a, b);
  if (d === undefined) return `*Diff* ${head}: text unavailable.`;
  const body = compactRuns(d.runs)
    .map((s) => {
      const text = escapeMarkdown(s.text);
      if (s.op === 'insert') return `**${text}**`;
      if (s.op === 'delete') return `~~${text}~~`;
      if (s.op === 'skip') return `*… ${s.words} words unchanged …*`;
      return text;
    })
    .join(' ');
  const stats = `+${d.stats.inserted} / −${d.stats.deleted} / =${d.stats.equal} words`;
  return `*Diff* ${head} (${stats}):\n\n> ${guardLineStart(body)}`;
}

function clusterSection(cluster: ReportCluster, n: number, input: RenderInput, docs: DocIndex): string {
  const ids = orderMembers(cluster, docs);
  const rep = docs.get(ids[0] ?? '');
  const title = rep?.title ? escapeMarkdown(rep.title) : '(untitled)';
  const rows = ids.map((id) => {
    const doc = docs.get(id);
    return [
      id === cluster.representative ? '★' : '',
      escapeMarkdown(doc?.outlet ?? ''),
      escapeMarkdown(displayDate(doc?.published)),
      escapeMarkdown(doc?.title ?? ''),
      escapeMarkdown(id),
    ];
  });
  const parts = [
    `### ${n}. ${title} — ${cluster.members.length} members`,
    `Cluster ${escapeMarkdown(cluster.id)}; ★ marks the representative.`,
    table(['', 'Outlet', 'Date', 'Title', 'Id'], rows),
  ];
  if (cluster.provenance && cluster.provenance.length > 0) {
    parts.push('**Provenance**', cluster.provenance.map((p) => provenanceLine(p, docs)).join('\n'));
  }
  const [first, ...others] = ids;
  if (first !== undefined) {
    for (const other of others.slice(0, MAX_MARKDOWN_DIFFS)) parts.push(diffSection(input, docs, first, other));
    if (others.length > MAX_MARKDOWN_DIFFS) parts.push(`*${others.length - MAX_MARKDOWN_DIFFS} more diffs not shown.*`);
  }
  return parts.join('\n\n');
}

/** Renders the report as GitHub-flavoured Markdown. Deterministic for the same input. */
export function renderMarkdown(input: RenderInput): string {
  const { report } = input;
  const docs = indexDocuments(report);
  const s = report.stats;
  const summary: [string, string][] = [
    ['Documents', String(s.documents)],
    ['Clusters', String(report.clusters.length)],
    ['Duplicates removed', String(duplicatesRemoved(report.clusters))],
    ['Time (s)', s.seconds.toFixed(1)],
    ['Candidate pairs', String(s.candidates)],
    ['Verified pairs', String(s.verified_pairs)],
  ];
  if (s.exact_duplicates !== undefined) summary.push(['Exact duplicates', String(s.exact_duplicates)]);
  for (const [reason, n] of Object.entries(s.skipped ?? {})) summary.push([`Skipped: ${escapeMarkdown(reason)}`, String(n)]);
  if (report.issues && report.issues.length > 0) summary.push(['Input issues', String(report.issues.length)]);
  const links = report.links ?? [];
  if (links.length > 0) {
    const count = (kind: string) => links.filter((l) => l.kind === kind).length;
    summary.push(['Links (copy / template / partial reuse; in the JSON)', `${count('copy')} / ${count('template')} / ${count('partial')}`]);
  }

  const bins = histogram(maxContainments(report.clusters));
  const histRows = bins.map((count, i) => [`${(i / bins.length).toFixed(1)}–${((i + 1) / bins.length).toFixed(1)}`, String(count)]);

  const out = [
    `# ${escapeMarkdown(input.title ?? 'sada report')}`,
    '## Summary',
    table(['Metric', 'Value'], summary, ['---', '---:']),
    '## Similarity of verified pairs (max containment)',
    table(['Range', 'Pairs'], histRows, ['---', '---:']),
    '## Clusters',
  ];
  const clusters = sortClusters(report.clusters, docs);
  if (clusters.length === 0) out.push('No near-duplicates found.');
  clusters.forEach((c, i) => out.push(clusterSection(c, i + 1, input, docs)));
  const templates = report.templates ?? [];
  if (templates.length > 0) {
    out.push('## Templates (excluded from clusters)');
    out.push(
      templates
        .map((t) => `- ${t.members.length} × ${escapeMarkdown(docs.get(t.representative)?.title ?? t.representative)}`)
        .join('\n'),
    );
  }
  return `${out.join('\n\n')}\n`;
}
