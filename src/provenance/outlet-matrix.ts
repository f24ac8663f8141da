/**
 * Outlet × outlet counts of provenance edges, for the report's `outlets` section: who copies whom, and who
 * shares sources with whom. Rows are the `from` (original) outlet of `copied` edges; common-source counts are
 * symmetric. Documents without an outlet count under `(unknown)` so totals match the edge count.
 */
import type { ReportProvenance } from '../report/report-types.js';

export const UNKNOWN_OUTLET = '(unknown)';

export interface OutletMatrix {
  /** Outlet ids, sorted; row and column order of both matrices. */
  readonly outlets: string[];
  /** `copied[i][j]`: edges where outlet i's document was copied by outlet j's. */
  readonly matrix: number[][];
  /** `commonSource[i][j] = commonSource[j][i]`: pairs of outlets i and j rewriting a common source. */
  readonly commonSource: number[][];
}

type DocsByKey = ReadonlyMap<string, { readonly outlet?: string }> | Readonly<Record<string, { readonly outlet?: string }>>;

function outletOf(docs: DocsByKey, key: string): string {
  const doc = docs instanceof Map ? docs.get(key) : (docs as Readonly<Record<string, { readonly outlet?: string }>>)[key];
  return doc?.outlet ?? UNKNOWN_OUTLET;
}

/** Count `copied` and `common-source` edges between outlets; `unknown` edges are not counted. */
export function outletMatrix(
  clusters: readonly { readonly provenance?: readonly ReportProvenance[] }[],
  docsByKey: DocsByKey,
): OutletMatrix {
  const edges = clusters.flatMap((c) => c.provenance ?? []).filter((p) => p.relation !== 'unknown');
  const outlets = [...new Set(edges.flatMap((e) => [outletOf(docsByKey, e.from), outletOf(docsByKey, e.to)]))].sort();
  const index = new Map(outlets.map((o, i) => [o, i]));
  const square = (): number[][] => outlets.map(() => outlets.map(() => 0));
  const matrix = square();
  const commonSource = square();
  for (const e of edges) {
    const i = index.get(outletOf(docsByKey, e.from)) ?? 0;
    const j = index.get(outletOf(docsByKey, e.to)) ?? 0;
    if (e.relation === 'copied') matrix[i][j]++;
    else {
      commonSource[i][j]++;
      if (i !== j) commonSource[j][i]++;
    }
  }
  return { outlets, matrix, commonSource };
}
