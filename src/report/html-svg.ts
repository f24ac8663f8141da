/**
 * Inline SVG charts for the HTML report. No script, no external refs: CSP allows none. Outlet names are
 * untrusted and escaped; every cell and bar also prints its number so colour is never the only cue.
 */

import { escapeHtml } from './html-escape.js';
import { fill, LABELS } from './html-labels.js';
import type { OutletMatrix } from './report-model.js';

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** Bar chart of `counts` over [0, 1]; the x axis stays left-to-right like the numbers on it. */
export function histogramSvg(counts: readonly number[]): string {
  const barW = 40;
  const gap = 6;
  const plotH = 140;
  const left = 36;
  const top = 18;
  const width = left + counts.length * (barW + gap) + 14;
  const height = top + plotH + 44;
  const max = Math.max(1, ...counts);
  const bins = counts.length;
  const bars = counts.map((n, i) => {
    const h = Math.round((n / max) * plotH);
    const x = left + i * (barW + gap);
    const y = top + plotH - h;
    const lo = fmt(i / bins);
    const hi = fmt((i + 1) / bins);
    return (
      `<g><title>${lo}–${hi}: ${n}</title>` +
      `<rect class="bar" x="${x}" y="${y}" width="${barW}" height="${h}"/>` +
      `<text class="count" x="${x + barW / 2}" y="${y - 4}" text-anchor="middle">${n}</text>` +
      `<text class="tick" x="${x - gap / 2}" y="${top + plotH + 14}" text-anchor="middle">${(i / bins).toFixed(1)}</text></g>`
    );
  });
  const axisY = top + plotH;
  return (
    `<svg class="chart histogram" role="img" aria-label="${escapeHtml(LABELS.histogram)}" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line class="axis" x1="${left - gap / 2}" y1="${axisY}" x2="${left + bins * (barW + gap) - gap / 2}" y2="${axisY}"/>` +
    bars.join('') +
    `<text class="tick" x="${left + bins * (barW + gap) - gap / 2}" y="${axisY + 14}" text-anchor="middle">1.0</text>` +
    `<text class="label" x="${(left + width) / 2}" y="${height - 6}" text-anchor="middle">${escapeHtml(LABELS.histogramAxis)}</text>` +
    `<text class="label" x="12" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 12 ${top + plotH / 2})">` +
    `${escapeHtml(LABELS.histogramCount)}</text></svg>`
  );
}

/** Truncates long outlet names so labels don't push the grid off screen. */
function shortLabel(name: string, max = 22): string {
  const chars = [...name];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name;
}

/**
 * Outlet × outlet grid laid out right-to-left for the Arabic reader: first outlet in the rightmost column,
 * row labels on the right. Cell shade scales with the count; the count is printed in the cell.
 */
export function matrixSvg(matrix: OutletMatrix): string {
  const n = matrix.outlets.length;
  if (n === 0) return `<p class="muted">${escapeHtml(LABELS.matrixEmpty)}</p>`;
  const cell = 30;
  const labelW = 150;
  // Room for the rotated column labels: about 5.5px per character at 12px, times sin 55°.
  const longest = Math.max(...matrix.outlets.map((o) => [...shortLabel(o)].length));
  const top = 16 + Math.ceil(longest * 5.5 * 0.82);
  const pad = 8;
  const gridW = n * cell;
  const width = pad + gridW + labelW;
  const height = top + n * cell + pad;
  const gridRight = pad + gridW;
  const max = Math.max(1, ...matrix.counts.flat());
  const colX = (j: number): number => gridRight - (j + 1) * cell;
  const parts: string[] = [];
  matrix.outlets.forEach((name, i) => {
    const label = escapeHtml(shortLabel(name));
    const full = escapeHtml(name);
    const y = top + i * cell;
    parts.push(
      `<text class="outlet" x="${gridRight + 6}" y="${y + cell / 2 + 4}"><title>${full}</title>${label}</text>`,
      `<text class="outlet" x="${colX(i) + cell / 2}" y="${top - 6}" transform="rotate(-55 ${colX(i) + cell / 2} ${top - 6})">` +
        `<title>${full}</title>${label}</text>`,
    );
    matrix.counts[i]!.forEach((count, j) => {
      const level = count === 0 ? 0 : 1 + Math.min(4, Math.floor((count / max) * 4.999));
      const x = colX(j);
      parts.push(
        `<g><title>${full} → ${escapeHtml(matrix.outlets[j]!)}: ${count}</title>` +
          `<rect class="cell l${level}" x="${x}" y="${y}" width="${cell}" height="${cell}"/>` +
          (count > 0 ? `<text class="cell-count l${level}" x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle">${count}</text>` : '') +
          `</g>`,
      );
    });
  });
  const title = matrix.mode === 'copied' ? LABELS.matrixCopied : LABELS.matrixCooccurrence;
  const note = matrix.omitted > 0 ? `<p class="muted">${escapeHtml(fill(LABELS.matrixOmitted, { n: matrix.omitted }))}</p>` : '';
  return (
    `<svg class="chart matrix" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>${note}`
  );
}
