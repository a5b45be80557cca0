/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-letter
 * alphabet (no I, O, Z, S, V); the 18th is a check character over the first 17.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The code in canonical form (trimmed, upper case) when valid, otherwise null. */
export function normalizeUscc(input: string): string | null {
  const code = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return null;
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? code : null;
}

export function isValidUscc(input: string): boolean {
  return normalizeUscc(input) !== null;
}
