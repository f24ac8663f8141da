/**
 * The JSON report contract (version 1). Later issues extend it with optional fields, never break it.
 * Keys are snake_case in the JSON, as the contract in the README says.
 */

export interface ReportDocument {
  /** Stable external id (POSIX path relative to the input root, or the record id). */
  readonly id: string;
  readonly path: string;
  /** Characters of the original text. */
  readonly chars: number;
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
  /** Spans of the original text left out of comparison (boilerplate), `[start, end, reason]`. */
  readonly stripped?: readonly (readonly [number, number, string])[];
}

export interface ReportPair {
  readonly a: string;
  readonly b: string;
  readonly jaccard: number;
  readonly containment_ab: number;
  readonly containment_ba: number;
  readonly exact?: boolean;
}

export interface ReportEvidence {
  readonly kind: string;
  readonly detail: string;
  /** Positive favours the relation's direction, negative opposes it. */
  readonly weight?: number;
}

export interface ReportProvenance {
  readonly from: string;
  readonly to: string;
  readonly relation: 'copied' | 'common-source' | 'unknown';
  readonly confidence: number;
  readonly source?: string;
  readonly evidence: readonly ReportEvidence[];
}

export interface ReportCluster {
  readonly id: string;
  readonly members: readonly string[];
  readonly representative: string;
  readonly pairs: readonly ReportPair[];
  readonly provenance?: readonly ReportProvenance[];
}

export interface ReportStats {
  readonly documents: number;
  readonly candidates: number;
  readonly verified_pairs: number;
  readonly clusters: number;
  readonly seconds: number;
  /** Documents/records not processed, by reason code. */
  readonly skipped?: Readonly<Record<string, number>>;
  readonly exact_duplicates?: number;
}

export interface ReportIssue {
  readonly code: string;
  readonly source: string;
  readonly message: string;
}

export interface ReportLink extends ReportPair {
  readonly kind: 'copy' | 'template' | 'partial';
  /** The copy clusters (kinds copy, partial) or template families (kind template) of `a` and `b` (null: in none). */
  readonly clusters: readonly [string | null, string | null];
}

export interface ScanReport {
  readonly version: 1;
  readonly params: Readonly<Record<string, unknown>>;
  readonly documents: readonly ReportDocument[];
  readonly clusters: readonly ReportCluster[];
  readonly stats: ReportStats;
  readonly issues?: readonly ReportIssue[];
  readonly templates?: readonly ReportCluster[];
  /**
   * Verified pairs the groups could not hold together. `kind: "copy"`: a page carrying two stories is a copy
   * of both but sits in one cluster; a cut version may be outvoted by its cluster. `kind: "template"`: two
   * templated items in different families. `kind: "partial"`: partial reuse, another story carrying part of
   * this one (a follow-up pasting it as background, a page among whose items it is); never clustered.
   * `clusters` names each side's cluster (or family).
   */
  readonly links?: readonly ReportLink[];
  readonly outlets?: Readonly<Record<string, unknown>>;
}
