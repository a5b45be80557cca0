import bcrypt from "bcryptjs";

export const PASSWORD_ROUNDS = 10;

/**
 * A bcrypt hash of a random, forgotten password, with the same cost as real ones: checked in place
 * of a password hash when the user is unknown or disabled, so that such an attempt takes as long
 * as a wrong password (a test keeps its cost equal to PASSWORD_ROUNDS).
 */
export const DUMMY_PASSWORD_HASH = "$2b$10$BW3Y/8d.rgg8.u5lYnjz8uv.Xc8Bqj4agHaCm7Wh7Uog30RdHfnYu";

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, PASSWORD_ROUNDS);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}
