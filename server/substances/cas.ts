/**
 * CAS registry numbers: `NNNNNNN-NN-N`, first group 2–7 digits without a leading zero, the last
 * digit a check digit (the other digits weighted 1, 2, 3… from the right, summed, mod 10).
 */

const HYPHENATED = /^([1-9]\d{1,6})-(\d{2})-(\d)$/;
const BARE = /^[1-9]\d{4,9}$/;

export function casCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i + 1);
  return sum % 10;
}

/**
 * The canonical hyphenated form of a CAS number written with or without hyphens (surrounding
 * spaces and full-width digits/hyphens tolerated), or null when it is not a valid CAS number.
 */
export function normalizeCas(input: string): string | null {
  const text = toHalfWidth(input).trim().replace(/[‐‑–—－]/g, "-");
  let digits: string;
  const hyphenated = HYPHENATED.exec(text);
  if (hyphenated) digits = `${hyphenated[1]}${hyphenated[2]}${hyphenated[3]}`;
  else if (BARE.test(text)) digits = text;
  else return null;
  const body = digits.slice(0, -1);
  if (casCheckDigit(body) !== Number(digits.at(-1))) return null;
  return `${digits.slice(0, -3)}-${digits.slice(-3, -1)}-${digits.slice(-1)}`;
}

export function isValidCas(input: string): boolean {
  return normalizeCas(input) !== null;
}

/** Whether the text looks like someone typed a CAS number (valid or not), e.g. to explain a rejection. */
export function looksLikeCas(input: string): boolean {
  const text = toHalfWidth(input).trim();
  return /^\d{2,7}-\d{2}-\d$/.test(text) || /^\d{5,10}$/.test(text);
}

function toHalfWidth(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
