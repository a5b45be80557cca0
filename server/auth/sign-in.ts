import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";

export type SignInFailure = "unknown_user" | "wrong_password" | "disabled" | "locked";

export type SignInResult =
  | { ok: true; user: { id: number; name: string; email: string } }
  | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

/** Failures allowed before each further failure locks the account for a growing while. */
const FREE_FAILURES = 4;
const MAX_LOCK_SECONDS = 15 * 60;

export function lockSeconds(failedLogins: number): number {
  if (failedLogins <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, 30 * 2 ** (failedLogins - FREE_FAILURES - 1));
}

/**
 * Checks an email and password. Repeated failures lock the account for 30 s, 60 s, 120 s … (at
 * most 15 min); while locked, no password is even checked.
 */
export async function checkCredentials(db: Db, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  if (!user) return { ok: false, reason: "unknown_user" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000) };
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const failed = user.failedLogins + 1;
    const lock = lockSeconds(failed);
    await db
      .update(users)
      .set({ failedLogins: failed, lockedUntil: lock ? new Date(now.getTime() + lock * 1000) : null })
      .where(eq(users.id, user.id));
    return lock ? { ok: false, reason: "locked", retryAfterSeconds: lock } : { ok: false, reason: "wrong_password" };
  }
  await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
