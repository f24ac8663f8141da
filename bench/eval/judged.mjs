/**
 * Agreement with the hand-judged pairs (test/fixtures/judged-pairs.json). The first set (pairs without `set`)
 * was read while tuning, so agreement on it is optimistic; the `blind` set was drawn and judged afterwards
 * without looking at sada's verdicts (bench/eval/draw-pairs.mjs).
 */

/** sada's three verdicts: copy, template, other (partial and unrelated are both "other") */
export const wanted = (verdict) => (verdict === 'copy' || verdict === 'template' ? verdict : 'other');

/**
 * @param {Array<{a:string,b:string,verdict:string}>} pairs
 * @param {(a:string,b:string)=>('copy'|'template'|'other'|undefined)} said sada's verdict, undefined when a side is not in the corpus
 * @returns {{share:number,n:number,list:string,low:number,high:number}} share agreeing, pairs counted, confusions as
 *   "judged→sada n, …", and the share's 95% Wilson interval (the judged sets are samples: 166 pairs at 0.89 is ±0.05)
 */
export function agreement(pairs, said) {
  const confusions = {};
  let ok = 0;
  let n = 0;
  for (const { a, b, verdict } of pairs) {
    const s = said(a, b);
    if (s === undefined) continue;
    n++;
    if (s === wanted(verdict)) ok++;
    else confusions[`${verdict}→${s}`] = (confusions[`${verdict}→${s}`] ?? 0) + 1;
  }
  const list = Object.entries(confusions)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return { share: ok / n, n, list: list || 'no confusions', ...wilson(ok, n) };
}

/** 95% Wilson score interval of a binomial share `ok / n`. */
export function wilson(ok, n, z = 1.96) {
  if (n === 0) return { low: 0, high: 1 };
  const p = ok / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const denominator = 1 + (z * z) / n;
  return { low: (centre - spread) / denominator, high: (centre + spread) / denominator };
}

/**
 * sada's verdict on a pair of record ids, read from a `scan` report as the eval reads it: copy when co-clustered
 * or listed as a copy link (a verified copy the partition split), template when a template family or a template
 * link lists it, else other (listed pairs hold for exact copies too: `reportedPairs`).
 * @returns {(a:string,b:string,withLinks?:boolean)=>'copy'|'template'|'other'} withLinks false: copy links count as other
 */
export function sadaVerdicts(report) {
  const key = (a, b) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
  const { templatePair, linkPair } = reportedPairs(report, key);
  const clusterOf = new Map();
  report.clusters.forEach((c, i) => c.members.forEach((m) => clusterOf.set(m, i)));
  return (a, b, withLinks = true) => {
    if ((clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b)) || (withLinks && linkPair.has(key(a, b)))) return 'copy';
    return templatePair.has(key(a, b)) ? 'template' : 'other';
  };
}

/**
 * The report's template pairs (inside a family, or template links between families), copy links and partial-reuse
 * links, as sets of `key(a, b)`. Groups list pairs between distinct bodies, with an exact copy beside its original as an exact pair;
 * the original's pairs hold for its exact copies (same body), so each listed pair is expanded to the copies of its
 * sides.
 */
export function reportedPairs(report, key) {
  const copiesOf = new Map();
  for (const g of [...report.clusters, ...(report.templates ?? [])])
    for (const pr of g.pairs) {
      if (!pr.exact) continue;
      const list = copiesOf.get(pr.a) ?? [];
      if (!list.includes(pr.b)) list.push(pr.b);
      copiesOf.set(pr.a, list);
    }
  const expand = (pairs, into = new Set()) => {
    for (const pr of pairs) {
      if (pr.exact) continue;
      for (const x of [pr.a, ...(copiesOf.get(pr.a) ?? [])]) for (const y of [pr.b, ...(copiesOf.get(pr.b) ?? [])]) into.add(key(x, y));
    }
    return into;
  };
  const links = report.links ?? [];
  return {
    templatePair: expand(links.filter((l) => l.kind === 'template'), expand((report.templates ?? []).flatMap((t) => t.pairs))),
    // copy links: verified copies the partition could not hold in one cluster (a page carrying two stories)
    linkPair: expand(links.filter((l) => l.kind === 'copy')),
    // partial reuse: overlap reported as another story carrying part of this one (sada's "other")
    partialPair: expand(links.filter((l) => l.kind === 'partial')),
  };
}
