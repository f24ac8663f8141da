/** The template guard's thresholds (template-guard.ts), each with the default docs/tuning.md measured. */
export interface GuardOptions {
  /** Words at the start of a body that carry its slots (who, where, how many). @default 60 */
  readonly leadWords: number;
  /** A word in at most this many documents is a slot value rather than template frame. @default 30 */
  readonly rareDf: number;
  /** Below this lead-slot agreement a pair is a template (or partial reuse when the leads differ). @default 0.2 */
  readonly minSlotAgreement: number;
  /** Below this share of the longer lead found in the shorter body, the pair is partial reuse. @default 0.1 */
  readonly minLargerLead: number;
  /** Templates keep their frame at the start: the longer lead must be found at least this much. @default 0.4 */
  readonly templateLeadShare: number;
  /** Pairs this contained are copies unless their leads swap a counter or a page carries the item. @default 0.9 */
  readonly sureContainment: number;
  /** Slot substitutions (same context, different number/name) that make a pair a template. @default 1 */
  readonly minSubstitutions: number;
  /**
   * Publication dates this many days apart or more make a pair whose headlines swap a slot a template (a
   * recurring item of another day); copies of one story appear within a day or so. @default 2
   */
  readonly templateGapDays: number;
  /**
   * A pair below `sureContainment` published this many days apart or more is a follow-up that carries the
   * older story as background (a director's visit pasting the notice of the interviews, a statement quoting
   * the clinic's figures of twelve days before), not a reprint: copies of one story appear within a day or
   * so. Judged 'partial' (reported as a link, never clustered) unless a template rule caught it first.
   * @default 2
   */
  readonly followUpDays: number;
  /**
   * At the sure containment, a larger document whose headline has less than this share of its words (3+
   * letters) in the smaller body, and whose lead slots disagree, is a page carrying the smaller as one item
   * among others: 'partial'. @default 0.2
   */
  readonly carriedHeadlineShare: number;
  /** Headlines agreeing this much (share of the shorter's words) mark one story. @default 0.6 */
  readonly headlineAgreement: number;
  /** A copy with agreeing headlines published less than this many days apart is 'same-story'. @default 1 */
  readonly sameStoryDays: number;
  /**
   * A headline published word for word on this many distinct days or more names a recurring item (the daily
   * weather bulletin, a market close, a column); a story is reprinted over a day or two. @default 3
   */
  readonly recurringDays: number;
}

export const defaultGuardOptions: GuardOptions = {
  leadWords: 60,
  rareDf: 30,
  minSlotAgreement: 0.2,
  minLargerLead: 0.1,
  templateLeadShare: 0.4,
  sureContainment: 0.9,
  minSubstitutions: 1,
  templateGapDays: 2,
  followUpDays: 2,
  carriedHeadlineShare: 0.2,
  headlineAgreement: 0.6,
  sameStoryDays: 1,
  recurringDays: 3,
};
