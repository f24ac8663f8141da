/** The `minhash` package (baseline and cross-check only) ships no types. */
declare module 'minhash' {
  export class Minhash {
    constructor(config?: { numPerm?: number; seed?: number });
    update(value: string): void;
    jaccard(other: Minhash): number;
    hashvalues: number[];
  }
  export class LshIndex {
    constructor(config?: { bandSize?: number });
    insert(key: string, minhash: Minhash): void;
    query(minhash: Minhash): string[];
  }
  const pkg: { Minhash: typeof Minhash; LshIndex: typeof LshIndex };
  export default pkg;
}
