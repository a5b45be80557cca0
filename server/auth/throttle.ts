import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { signInThrottle } from "@/db/schema";

/**
 * Sign-in throttling, shared by every app instance through PostgreSQL (table sign_in_throttle).
 *
 * Every attempt is counted under three keys BEFORE its password is checked, atomically (the keys'
 * rows are locked in one order): the account (`account:<email>`), the client address
 * (`ip:<address>`) and the pair (`account+ip:<address>|<email>`). An attempt may proceed only while
 * none of its keys is blocked; an attempt that proceeds blocks each key for that key's delay, which
 * is nothing for the first few failures, then doubles up to a cap. A refused attempt still counts,
 * but never lengthens a block. A success clears the account keys and takes back its own count on the
 * address; a key quiet for THROTTLE_FORGET_AFTER_SECONDS starts over.
 *
 * The policy, in effect: one address guessing at one account gets 5 free guesses, then waits 30 s,
 * 1 min, 2 min … down to one guess per 15 min (its pair key). The account key only counts guesses from many addresses; once they pass its free
 * failures, the account waits at most ACCOUNT cap (2 min) per guess, so an attacker can hold the
 * real user (signing in from another address) back by at most that cap, and from a single
 * address only for those 2 min in every 15. An address guessing at many accounts is slowed by its
 * address key.
 */
export type ThrottleKind = "account" | "account+ip" | "ip";

export interface ThrottleRule {
  /** failures (counted before the password check) that cost no wait */
  freeFailures: number;
  /** the wait after the free failures, doubled with each further failure… */
  firstDelaySeconds: number;
  /** …up to this */
  maxDelaySeconds: number;
}

export const THROTTLE_RULES: Record<ThrottleKind, ThrottleRule> = {
  /** one address at one account: the attacker's own key, slowed hard */
  "account+ip": { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  /** one account from anywhere: guesses from many addresses; the cap bounds what a victim waits */
  account: { freeFailures: 10, firstDelaySeconds: 5, maxDelaySeconds: 2 * 60 },
  /** one address at any account: password spraying; generous, since offices share an address */
  ip: { freeFailures: 30, firstDelaySeconds: 5, maxDelaySeconds: 15 * 60 },
};

/** A key without an attempt for this long is forgotten (its count starts over). */
export const THROTTLE_FORGET_AFTER_SECONDS = 24 * 60 * 60;

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
}

export type Claim = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The wait that the `failures`-th counted failure under a rule imposes on the next attempt. */
export function throttleDelaySeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(failures - rule.freeFailures, 30));
}

/** The keys an attempt counts under; an address never contains `|`, so the pair key is unambiguous. */
export function throttleKeys(email: string, address: string): ThrottleKey[] {
  const account = email.trim().toLowerCase().slice(0, 320);
  return [
    { kind: "account", key: `account:${account}` },
    { kind: "account+ip", key: `account+ip:${address}|${account}` },
    { kind: "ip", key: `ip:${address}` },
  ];
}

const byKey = (a: ThrottleKey, b: ThrottleKey) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Counts an attempt under its keys and decides, before any password is checked, whether it may
 * proceed. Atomic: concurrent attempts queue on the keys' row locks, so each sees the count and
 * blocks of all attempts before it.
 */
export async function claimAttempt(db: Db, keys: ThrottleKey[], now: Date): Promise<Claim> {
  const sorted = [...keys].sort(byKey);
  return db.transaction(async (tx) => {
    // one statement creates the missing rows and locks all of them, in key order (no deadlock)
    const rows = await tx
      .insert(signInThrottle)
      .values(sorted.map((k) => ({ key: k.key, failures: 0, updatedAt: now })))
      .onConflictDoUpdate({ target: signInThrottle.key, set: { failures: sql`${signInThrottle}.failures` } })
      .returning();
    const found = new Map(rows.map((r) => [r.key, r]));
    const forgetBefore = now.getTime() - THROTTLE_FORGET_AFTER_SECONDS * 1000;
    const state = sorted.map((k) => {
      const row = found.get(k.key)!;
      const fresh = row.updatedAt.getTime() >= forgetBefore;
      return { ...k, failures: fresh ? row.failures : 0, blockedUntil: fresh ? row.blockedUntil : null };
    });
    const waitMs = Math.max(0, ...state.map((s) => (s.blockedUntil ? s.blockedUntil.getTime() - now.getTime() : 0)));
    for (const s of state) {
      const failures = s.failures + 1;
      const delay = throttleDelaySeconds(THROTTLE_RULES[s.kind], failures);
      // a refused attempt counts, but leaves every block as it is
      const blockedUntil = waitMs > 0 ? s.blockedUntil : delay > 0 ? new Date(now.getTime() + delay * 1000) : null;
      await tx.update(signInThrottle).set({ failures, blockedUntil, updatedAt: now }).where(eq(signInThrottle.key, s.key));
    }
    return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { ok: true };
  });
}

/**
 * After a right password: the account keys start over; the address takes back this attempt's count
 * (not the others': signing in to one's own account must not reset a spraying address). Keys
 * forgotten long ago are removed here, so the table does not grow without end.
 */
export async function recordSuccess(db: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  const accountKeys = keys.filter((k) => k.kind !== "ip").map((k) => k.key);
  const addressKeys = keys.filter((k) => k.kind === "ip").map((k) => k.key);
  const free = THROTTLE_RULES.ip.freeFailures;
  if (accountKeys.length) await db.delete(signInThrottle).where(inArray(signInThrottle.key, accountKeys));
  if (addressKeys.length) {
    await db
      .update(signInThrottle)
      .set({
        failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
        blockedUntil: sql`case when ${signInThrottle.failures} - 1 < ${free} then null else ${signInThrottle.blockedUntil} end`,
      })
      .where(inArray(signInThrottle.key, addressKeys));
  }
  await db
    .delete(signInThrottle)
    .where(and(lt(signInThrottle.updatedAt, new Date(now.getTime() - THROTTLE_FORGET_AFTER_SECONDS * 1000))));
}
