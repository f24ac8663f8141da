/** sada's public API: the CLI calls exactly these. */
export { scan } from './scan.js';
export type { ScanOptions } from './scan.js';
export { dedup } from './dedup.js';
export type { DedupDecision, DedupOptions, DedupResult, DedupStats, KeepPolicy } from './dedup.js';
export { diff, diffTexts } from './diff.js';
export type { DiffOptions } from './diff.js';
export { resolveParams, paramsId, optimalBands, collisionProbability } from './params.js';
export type { Params, ParamsInput } from './params.js';
export { SadaError, isSadaError } from './errors.js';
export type { SadaErrorCode } from './errors.js';
export { normaliseText } from './text/normalise.js';
export { prepareBody } from './text/body.js';
export { renderDiffText } from './report/diff-text.js';
export type * from './records.js';
export type * from './report/report-types.js';
export type * from './report/diff-types.js';
export type { BandStore, IndexMeta, KeyHits } from './index/store.js';
export { MemoryBandStore } from './index/memory-store.js';
