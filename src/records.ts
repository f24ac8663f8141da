/**
 * Typed records passed between pipeline stages (io → text → sketch → index → match → provenance → report).
 * Hot stages carry the dense numeric `Doc.id`; the report speaks in `Doc.key`.
 */

/** Where a document came from: a file, and for container formats the line or record inside it. */
export interface SourceRef {
  /** Path as given on the command line or found by discovery (POSIX separators). */
  readonly path: string;
  /** 1-based line number for line-oriented inputs (JSONL, WARC headers). */
  readonly line?: number;
  /** 0-based record index inside an array, archive entry or WARC file. */
  readonly record?: number;
  /** Entry name inside a zip archive. */
  readonly entry?: string;
}

/** One article as read from the input, before any text processing. */
export interface Doc {
  /** Dense 0-based id in reading order; the same input always gets the same ids. */
  readonly id: number;
  /** Stable external id: POSIX path relative to the input root for plain files, or the record's id field. */
  readonly key: string;
  readonly source: SourceRef;
  readonly title?: string;
  readonly outlet?: string;
  /** ISO 8601 date or date-time, as precise as the input gives it. */
  readonly publishedAt?: string;
  /** The original text, as decoded. Everything users see is sliced from this. */
  readonly text: string;
  /** Input encoding when it was not UTF-8 (e.g. `windows-1256`). */
  readonly encoding?: string;
  /** All fields of a structured record, for `sada dedup` to write back unchanged. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

export type RecordIssueCode =
  | 'invalid_utf8'
  | 'malformed_json'
  | 'binary'
  | 'empty'
  | 'too_large'
  | 'no_text'
  | 'unreadable'
  | 'truncated'
  | 'too_short'
  | 'not_arabic'
  | 'unsupported';

/** A record or file that could not be used. Bad records are data, not exceptions: the run goes on. */
export interface RecordIssue {
  readonly code: RecordIssueCode;
  readonly source: SourceRef;
  readonly message: string;
  /** `warning` items are still processed (e.g. non-Arabic text); `skipped` items are not. */
  readonly severity: 'skipped' | 'warning';
}

/** Normalised text with a map from every normalised UTF-16 unit back to its original offset. */
export interface Normalised {
  readonly text: string;
  /** `toOriginal[i]` is the offset in the original text of normalised unit `i`; one extra entry marks the end. */
  readonly toOriginal: Uint32Array;
}

/** A stretch of the original text left out of comparison, e.g. a source footer or a related-links block. */
export interface StrippedSpan {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/** The article body after boilerplate stripping, ready for shingling. */
export interface Body {
  readonly docId: number;
  /** Normalised body text (tokens separated by single spaces). */
  readonly normalised: Normalised;
  /** Spans of the original text that were stripped, in order. */
  readonly stripped: readonly StrippedSpan[];
}

/** Sorted, de-duplicated 32-bit shingle hashes of a body: the exact set that verification compares. */
export interface ShingleSet {
  readonly docId: number;
  readonly hashes: Uint32Array;
}

/** A MinHash signature. The parameters that made it live in the index meta (`paramsId`). */
export interface Signature {
  readonly docId: number;
  readonly values: Uint32Array;
}

/** A pair proposed by the LSH index, not yet verified. Always `a < b`. */
export interface Candidate {
  readonly a: number;
  readonly b: number;
}

/** A verified pair with its exact similarities on the shingle sets. */
export interface Pair {
  readonly a: number;
  readonly b: number;
  readonly jaccard: number;
  /** |A ∩ B| / |A| */
  readonly containsAinB: number;
  /** |A ∩ B| / |B| */
  readonly containsBinA: number;
  /** Set when the documents' normalised bodies are identical (xxhash fingerprint). */
  readonly exact?: boolean;
}

export interface Cluster {
  readonly id: string;
  /** Doc ids, ascending. */
  readonly members: readonly number[];
  readonly representative: number;
  readonly pairs: readonly Pair[];
}
