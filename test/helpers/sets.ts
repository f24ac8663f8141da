/** Seeded random sets with a chosen overlap, for checking kernels against exact values. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two sorted sets of distinct 32-bit values sharing `shared` elements, with `onlyA`/`onlyB` of their own. */
export function overlappingSets(rand: () => number, shared: number, onlyA: number, onlyB: number): [Uint32Array, Uint32Array] {
  const seen = new Set<number>();
  const draw = (n: number) => {
    const out: number[] = [];
    while (out.length < n) {
      const v = Math.floor(rand() * 4294967296) >>> 0;
      if (!seen.has(v)) {
        seen.add(v);
        out.push(v);
      }
    }
    return out;
  };
  const common = draw(shared);
  const a = Uint32Array.from([...common, ...draw(onlyA)]).sort();
  const b = Uint32Array.from([...common, ...draw(onlyB)]).sort();
  return [a, b];
}
