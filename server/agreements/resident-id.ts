/**
 * 居民身份证号码 (citizen identity number, GB 11643-1999): 6-digit address code, 8-digit birth
 * date, 3-digit sequence, and a check character (0–9 or X) over the first 17 (ISO 7064 MOD 11-2).
 * The flow ledger records the buyer's agent (经办人) by it; screens show it masked.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function residentIdCheckCharacter(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type ResidentIdProblem = "shape" | "birth_date" | "check_digit";

/** Why the number is not a valid 18-character resident ID, or null when it is (upper-case X). */
export function residentIdProblem(input: string): ResidentIdProblem | null {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "shape";
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return "birth_date";
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17] ? null : "check_digit";
}

/** The number in canonical form (trimmed, upper-case X) when valid, otherwise null. */
export function normalizeResidentId(input: string): string | null {
  return residentIdProblem(input) === null ? input.trim().toUpperCase() : null;
}

/** The number as screens show it: the first four and last four characters, the rest starred (1101**********1234). */
export function maskResidentId(id: string | null): string | null {
  if (id === null) return null;
  if (id.length <= 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}
