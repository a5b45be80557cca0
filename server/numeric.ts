/**
 * Money and tonnage as PostgreSQL `numeric` columns hold them (strings) and as the services compute
 * with them (numbers). Money has 2 decimals (yuan), tonnes 3 (kilograms).
 */

/** A yuan amount as stored: `1234.50`. */
export const money = (n: number) => n.toFixed(2);

/** A quantity in tonnes (or another unit) as stored: `12.500`. */
export const tonnes = (n: number) => n.toFixed(3);

/** `money` for a field that may be empty. */
export const moneyOrNull = (n: number | null) => (n === null ? null : money(n));

/** `tonnes` for a field that may be empty. */
export const tonnesOrNull = (n: number | null) => (n === null ? null : tonnes(n));

/** A stored amount in whole fen (cents), so sums and comparisons are exact. */
export const fen = (amount: string | number) => Math.round(Number(amount) * 100);

/** The sum of stored amounts, as stored. */
export const sumMoney = (amounts: (string | number)[]) => money(amounts.reduce<number>((sum, a) => sum + fen(a), 0) / 100);
