/**
 * The rules of call-off orders against a framework agreement, as pure functions: the form shows the
 * same warnings the service enforces.
 */

/** Days before the end of the term from which a call-off carries a "term ends soon" warning. */
export const TERM_WARNING_DAYS = 30;

/**
 * How far call-offs may exceed the agreed volume once the excess warning was acknowledged (10 %),
 * and how far one delivery may exceed its call-off (10 %, the usual loading tolerance). Beyond,
 * never: a delivery is recorded against one call-off and replaces what was recorded before.
 */
export const CALL_OFF_TOLERANCE = 0.1;
export const DELIVERY_TOLERANCE = 0.1;

export interface CallOffCheckInput {
  /** agreed volume in tonnes (of the line, or of the whole agreement); null when not agreed */
  agreedT: number | null;
  /** already called off */
  calledOffT: number;
  /** this call-off */
  requestedT: number;
  /** YYYY-MM-DD */
  orderedOn: string;
  endOn: string | null;
}

export type CallOffWarning = "exceeds_agreement" | "term_ending";

export interface CallOffCheck {
  remainingT: number | null;
  remainingAfterT: number | null;
  /** the call-off would exceed the agreed volume */
  exceeds: boolean;
  /** it would exceed the agreed volume by more than CALL_OFF_TOLERANCE: never allowed */
  beyondTolerance: boolean;
  /** ordered after the term ended: never allowed */
  afterTerm: boolean;
  daysLeft: number | null;
  warnings: CallOffWarning[];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function checkCallOff(input: CallOffCheckInput): CallOffCheck {
  const remainingT = input.agreedT === null ? null : round3(input.agreedT - input.calledOffT);
  const remainingAfterT = remainingT === null ? null : round3(remainingT - input.requestedT);
  const exceeds = remainingAfterT !== null && remainingAfterT < 0;
  const beyondTolerance = exceeds && input.agreedT !== null && round3(input.calledOffT + input.requestedT) > round3(input.agreedT * (1 + CALL_OFF_TOLERANCE));
  const daysLeft = input.endOn ? days(input.orderedOn, input.endOn) : null;
  const afterTerm = daysLeft !== null && daysLeft < 0;
  const warnings: CallOffWarning[] = [];
  if (exceeds) warnings.push("exceeds_agreement");
  if (daysLeft !== null && daysLeft >= 0 && daysLeft <= TERM_WARNING_DAYS) warnings.push("term_ending");
  return { remainingT, remainingAfterT, exceeds, beyondTolerance, afterTerm, daysLeft, warnings };
}

/**
 * The states of an agreement and the changes allowed between them: never back to draft, nothing
 * after completed or terminated. Between enterprises draft → signed happens by proposal and
 * confirmation (a proposal is a mark on the draft); park staff record it directly.
 */
export const TRANSITIONS: Record<string, readonly string[]> = {
  draft: ["signed", "terminated"],
  signed: ["active", "terminated"],
  active: ["completed", "terminated"],
  completed: [],
  terminated: [],
};

export function canTransition(from: string, to: string): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}
