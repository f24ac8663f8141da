import { bloomHas } from './guard-words.js';

/** Words of a body's opening read for frames, and the most days a frame is counted on. */
const frameWords = 12;
const frameDaysCap = 8;

/**
 * Opening frames: the word 4-grams among a body's first `frameWords` words, and on how many distinct days each
 * opened a body. A bulletin's or a referral notice's frame opens one every day, a story's opening once — what
 * tells a weather bulletin of another day from a reprint when the bodies differ only in frequent words.
 */
export class OpeningFrames {
  /** 4-gram hash → the distinct days it opened a body on (at most `frameDaysCap`). */
  private readonly days = new Map<number, number[]>();

  /** Counts a document's lead (word hashes in order), published on `day` (days since the epoch). */
  add(lead: Uint32Array, day: number): void {
    const d = Math.floor(day);
    for (const k of openingFrames(lead)) {
      const days = this.days.get(k);
      if (!days) this.days.set(k, [d]);
      else if (days.length < frameDaysCap && !days.includes(d)) days.push(d);
    }
  }

  /** The most days an opening 4-gram both leads share opened a body on; 0 when they share none. */
  recurrence(a: Uint32Array, b: Uint32Array): number {
    const mine = new Set(openingFrames(a));
    let most = 0;
    for (const k of openingFrames(b)) if (mine.has(k)) most = Math.max(most, this.days.get(k)?.length ?? 0);
    return most;
  }
}

/** Share of a lead's first `frameWords` words that the other document's Bloom filter holds. */
export function openingShare(lead: Uint32Array, otherBloom: Uint32Array): number {
  const n = Math.min(frameWords, lead.length);
  let found = 0;
  for (let i = 0; i < n; i++) if (bloomHas(otherBloom, lead[i])) found++;
  return n === 0 ? 1 : found / n;
}

/** Hashes of the word 4-grams among a lead's first `frameWords` words. */
function openingFrames(lead: Uint32Array): number[] {
  const out: number[] = [];
  const n = Math.min(frameWords, lead.length);
  for (let i = 0; i + 4 <= n; i++) out.push((Math.imul(Math.imul(Math.imul(lead[i], 31) + lead[i + 1], 31) + lead[i + 2], 31) + lead[i + 3]) >>> 0);
  return out;
}
