import type { ReportCluster, ScanReport } from '../report/report-types.js';
import type { ProvenanceDoc } from './evidence.js';
import { inferProvenance } from './direction.js';
import { outletMatrix } from './outlet-matrix.js';

/**
 * Adds who-copied-whom to a report: `clusters[].provenance` for every verified pair whose texts are at hand,
 * and the top-level `outlets` section (outlet × outlet counts of copied and common-source edges).
 */
export function annotateProvenance(
  report: ScanReport,
  texts: ReadonlyMap<string, string>,
  bodyChars: ReadonlyMap<string, number>,
): ScanReport {
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const clusters: ReportCluster[] = report.clusters.map((c) => {
    const members: ProvenanceDoc[] = [];
    for (const key of c.members) {
      const d = docs.get(key);
      const text = texts.get(key);
      if (!d || text === undefined) continue;
      members.push({ key, outlet: d.outlet, publishedAt: d.published, text, bodyChars: bodyChars.get(key) ?? text.length });
    }
    return { ...c, provenance: inferProvenance(members, c.pairs) };
  });
  const m = outletMatrix(clusters, docs);
  const perOutlet: Record<string, number> = {};
  for (const d of report.documents) if (d.outlet) perOutlet[d.outlet] = (perOutlet[d.outlet] ?? 0) + 1;
  return {
    ...report,
    clusters,
    outlets: { documents: perOutlet, outlets: m.outlets, copied: m.matrix, common_source: m.commonSource },
  };
}
