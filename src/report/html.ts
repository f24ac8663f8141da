/**
 * The self-contained HTML report: one file, no network. CSS and JS are inline and allowed by sha256 hash
 * in a CSP meta tag (`default-src 'none'`), so even a markup bug in article text could not run script
 * or fetch anything. Article strings are escaped into markup or carried as script-safe JSON.
 */

import type { WordDiff } from './diff-types.js';
import { clusterData, clusterSummary, linksByDocument } from './html-cluster.js';
import { CLIENT_CSS, CLIENT_JS } from './html-client.js';
import { cspHash, escapeHtml, jsonForScript } from './html-escape.js';
import { fill, LABELS } from './html-labels.js';
import {
  duplicatesRemoved,
  histogram,
  indexDocuments,
  maxContainments,
  outletMatrix,
  sortClusters,
} from './report-model.js';
import { histogramSvg, matrixSvg } from './html-svg.js';
import type { ReportCluster, ScanReport } from './report-types.js';
import type { RenderInput } from './report-model.js';

export type { RenderInput };

/** `img-src data:` covers the favicon; nothing else may load. */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const MAX_ISSUES_SHOWN = 200;

function summaryHtml(report: ScanReport): string {
  const s = report.stats;
  const rows: [string, string | number][] = [
    [LABELS.documents, s.documents],
    [LABELS.clusters, report.clusters.length],
    [LABELS.duplicatesRemoved, duplicatesRemoved(report.clusters)],
    [LABELS.seconds, s.seconds.toFixed(1)],
    [LABELS.candidates, s.candidates],
    [LABELS.verifiedPairs, s.verified_pairs],
  ];
  if (s.exact_duplicates !== undefined) rows.push([LABELS.exactDuplicates, s.exact_duplicates]);
  for (const [reason, n] of Object.entries(s.skipped ?? {})) rows.push([`${LABELS.skipped}: ${reason}`, n]);
  const cards = rows.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd></div>`);
  const issues = report.issues ?? [];
  const issueList = issues
    .slice(0, MAX_ISSUES_SHOWN)
    // messages are English and paths Latin: a left-to-right line, or the bidi algorithm moves the punctuation
    .map((i) => `<li dir="ltr"><span class="id">${escapeHtml(i.source)}</span> ${escapeHtml(i.code)}: ${escapeHtml(i.message)}</li>`)
    .join('');
  return (
    `<section><h2>${escapeHtml(LABELS.summary)}</h2><dl class="cards">${cards.join('')}</dl>` +
    (issues.length > 0
      ? `<details><summary>${escapeHtml(LABELS.issues)} (${issues.length})</summary><ul>${issueList}</ul></details>`
      : '') +
    `<details><summary>${escapeHtml(LABELS.params)}</summary><pre>${escapeHtml(JSON.stringify(report.params, null, 2))}</pre></details>` +
    `</section>`
  );
}

function templatesHtml(templates: readonly ReportCluster[], docs: ReturnType<typeof indexDocuments>): string {
  if (templates.length === 0) return '';
  const items = templates.map((t) => {
    const rep = docs.get(t.representative);
    const ids = t.members.slice(0, 20).map((id) => `<span class="id">${escapeHtml(id)}</span>`).join(' ');
    const more = t.members.length > 20 ? ` +${t.members.length - 20}` : '';
    return (
      `<li><span class="size">${t.members.length}</span> <span dir="auto">${escapeHtml(rep?.title ?? LABELS.untitled)}</span> ` +
      `<details><summary class="muted">${escapeHtml(LABELS.members)}</summary>${ids}${more}</details></li>`
    );
  });
  return `<section><h2>${escapeHtml(LABELS.templates)}</h2><ul class="templates">${items.join('')}</ul></section>`;
}

/** Renders the whole report as one HTML string (UTF-8). Deterministic for the same input. */
export function renderHtml(input: RenderInput): string {
  const { report } = input;
  const docs = indexDocuments(report);
  const clusters = sortClusters(report.clusters, docs);
  const ctx = { docs, texts: input.texts, diff: input.diff, fullTexts: input.fullTexts ?? true, links: linksByDocument(input.report.links) };
  const title = input.title ?? 'sada';
  const matrix = outletMatrix(report.clusters, docs);
  const matrixTitle = matrix.mode === 'copied' ? LABELS.matrixCopied : LABELS.matrixCooccurrence;
  // Details are JSON strings inside the JSON so page load parses only strings; each cluster's own parse
  // waits until it is opened. A 10k-cluster report then loads in about a second instead of ten or more
  // with one <details> element and data block per cluster.
  const data = {
    clusters: clusters.map((c) => clusterSummary(c, docs)),
    details: clusters.map((c) => JSON.stringify(clusterData(c, ctx))),
  };
  const empty = clusters.length === 0 ? `<p class="muted">${escapeHtml(LABELS.noClusters)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(CLIENT_JS, CLIENT_CSS))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${CLIENT_CSS}</style>
</head>
<body>
<header><h1><bdi>${escapeHtml(title)}</bdi></h1></header>
<main>
${summaryHtml(report)}
<section><div class="charts">
<figure><figcaption>${escapeHtml(LABELS.histogram)}</figcaption>${histogramSvg(histogram(maxContainments(report.clusters)))}</figure>
<figure><figcaption>${escapeHtml(matrixTitle)}</figcaption>${matrixSvg(matrix)}</figure>
</div></section>
<section><h2>${escapeHtml(LABELS.clusters)}</h2>
<div class="filter"><input type="search" id="filter" placeholder="${escapeHtml(LABELS.filter)}" aria-label="${escapeHtml(LABELS.filter)}" autocomplete="off">
<span id="filter-count" class="muted">${escapeHtml(fill(LABELS.shown, { n: clusters.length, total: clusters.length }))}</span></div>
<div id="clusters"></div>${empty}<button type="button" id="more" hidden>${escapeHtml(LABELS.more)}</button>
<noscript><p>${escapeHtml(LABELS.noScript)}</p></noscript></section>
${templatesHtml(report.templates ?? [], docs)}
</main>
<script type="application/json" id="sada-data">${jsonForScript(data)}</script>
<script>${CLIENT_JS}</script>
</body>
</html>
`;
}
