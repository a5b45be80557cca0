import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { claimAttempt, recordSuccess, throttleKeys } from "./throttle";

/**
 * Why a sign-in failed, as the client may learn it: an unknown email, a disabled account and a wrong
 * password are all `invalid` (nothing tells which accounts exist); `throttled` comes with the wait.
 */
export type SignInResult =
  | { ok: true; user: { id: number; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password from a client address. The attempt is first counted and admitted
 * or refused by the throttle (server/auth/throttle.ts), before any password is checked; then the
 * password is checked against the user's hash, or a dummy hash of the same cost when the user is
 * unknown or disabled, so every refusal takes the same work.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  { address = "unknown", now = new Date() }: { address?: string; now?: Date } = {},
): Promise<SignInResult> {
  const keys = throttleKeys(email, address);
  const claim = await claimAttempt(db, keys, now);
  if (!claim.ok) return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };

  const [found] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  const user = found && !found.disabledAt ? found : null;
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !matches) return { ok: false, reason: "invalid" };

  await recordSuccess(db, keys, now);
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
