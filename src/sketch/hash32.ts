/**
 * 32-bit hash primitives for the hot loops: pure integer arithmetic on `Math.imul`, no allocation.
 * (xxhash-wasm costs ~70 ns a call across the WASM boundary: it fingerprints whole documents, not tokens.)
 */

/** MurmurHash3's finaliser: full avalanche, so low and high bits both are usable (OPH bins by high bits). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 mixing round of `k` into `h`. */
export function mixRound(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 units of `text[start, end)`. */
export function fnv1a(text: string, start: number, end: number, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Deterministic stream of 32-bit values from a seed (splitmix32), for hash parameters. */
export function seededStream(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state);
  };
}
