import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { signInThrottle, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/server/testing/factories";
import * as password from "./password";
import { checkCredentials, type SignInResult } from "./sign-in";
import { THROTTLE_FORGET_AFTER_SECONDS, THROTTLE_RULES, throttleDelaySeconds } from "./throttle";

// the real bcrypt, watched: which hash each attempt is checked against
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

/**
 * A client address of its own per test, since tests share the database and run in parallel. The
 * injected clocks start at the real time: keys dated more than a day back are pruned by any success.
 */
const address = () => `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);
const PAIR_FREE = THROTTLE_RULES["account+ip"].freeFailures;

async function failures(key: string): Promise<number | undefined> {
  const [row] = await getDb().select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row?.failures;
}

const tally = (results: SignInResult[]) => ({
  ok: results.filter((r) => r.ok).length,
  invalid: results.filter((r) => !r.ok && r.reason === "invalid").length,
  throttled: results.filter((r) => !r.ok && r.reason === "throttled").length,
});

afterEach(() => vi.mocked(password.verifyPassword).mockClear());

describe("checkCredentials", () => {
  it("signs in with the right password, case-insensitively by email", async () => {
    const { user } = await makeUser();
    const result = await checkCredentials(getDb(), user.email.toUpperCase(), TEST_PASSWORD, { address: address() });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("answers an unknown email, a wrong password and a disabled account alike, after the same bcrypt work", async () => {
    const { user } = await makeUser();
    const from = address();
    const verify = vi.mocked(password.verifyPassword);

    expect(await checkCredentials(getDb(), user.email, "wrong", { address: from })).toEqual({ ok: false, reason: "invalid" });
    expect(verify).toHaveBeenLastCalledWith("wrong", user.passwordHash);
    expect(await checkCredentials(getDb(), `nobody-${crypto.randomUUID()}@nowhere.cn`, TEST_PASSWORD, { address: from })).toEqual({ ok: false, reason: "invalid" });
    expect(verify).toHaveBeenLastCalledWith(TEST_PASSWORD, password.DUMMY_PASSWORD_HASH);
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: address() })).toEqual({ ok: false, reason: "invalid" });
    expect(verify).toHaveBeenLastCalledWith(TEST_PASSWORD, password.DUMMY_PASSWORD_HASH);
    expect(verify).toHaveBeenCalledTimes(3);
    // the dummy hash costs what a real one does
    expect(bcrypt.getRounds(password.DUMMY_PASSWORD_HASH)).toBe(password.PASSWORD_ROUNDS);
    expect(bcrypt.getRounds(user.passwordHash)).toBe(password.PASSWORD_ROUNDS);
  });

  it("throttles an unknown email exactly as a known one, so the throttle tells nothing either", async () => {
    const { user } = await makeUser();
    const now = new Date();
    const run = async (email: string) => {
      const from = address();
      const out: SignInResult[] = [];
      for (let i = 0; i < PAIR_FREE + 2; i++) out.push(await checkCredentials(getDb(), email, "wrong", { address: from, now }));
      return out;
    };
    expect(await run(`nobody-${crypto.randomUUID()}@nowhere.cn`)).toEqual(await run(user.email));
  });

  it("counts 40 concurrent wrong passwords as 40 and lets only the free ones reach a password check", async () => {
    const { user } = await makeUser();
    const from = address();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 40 }, () => checkCredentials(getDb(), user.email, "wrong", { address: from, now })));

    expect(tally(results)).toEqual({ ok: 0, invalid: PAIR_FREE, throttled: 40 - PAIR_FREE });
    expect(vi.mocked(password.verifyPassword)).toHaveBeenCalledTimes(PAIR_FREE);
    expect(await failures(`account:${user.email.toLowerCase()}`)).toBe(40);
    expect(await failures(`account+ip:${from}|${user.email.toLowerCase()}`)).toBe(40);
    expect(await failures(`ip:${from}`)).toBe(40);
    // and it holds: the right password from that address waits too
    const right = await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: from, now: later(now, 1) });
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("does not sign in a concurrent burst of 39 wrong and 1 right once the free failures are spent", async () => {
    const { user } = await makeUser();
    const from = address();
    const now = new Date();
    for (let i = 0; i < PAIR_FREE; i++) {
      expect(await checkCredentials(getDb(), user.email, "wrong", { address: from, now })).toEqual({ ok: false, reason: "invalid" });
    }
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 20 ? TEST_PASSWORD : `wrong-${i}`));
    const results = await Promise.all(passwords.map((p) => checkCredentials(getDb(), user.email, p, { address: from, now: later(now, 1) })));
    expect(tally(results)).toEqual({ ok: 0, invalid: 0, throttled: 40 });
    expect(vi.mocked(password.verifyPassword)).toHaveBeenCalledTimes(PAIR_FREE);
  });

  it("grows the wait with each further failure, tells it, and starts over after a success", async () => {
    const { user } = await makeUser();
    const from = address();
    const first = THROTTLE_RULES["account+ip"].firstDelaySeconds;
    let now = new Date();
    for (let i = 0; i < PAIR_FREE; i++) await checkCredentials(getDb(), user.email, "wrong", { address: from, now });
    expect(await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: from, now: later(now, 10) }))
      .toEqual({ ok: false, reason: "throttled", retryAfterSeconds: first - 10 });
    // one more wrong password once the wait is over: the refused attempt counted too, so 4× the wait
    now = later(now, first);
    expect(await checkCredentials(getDb(), user.email, "wrong", { address: from, now })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: from, now }))
      .toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 4 * first });
    now = later(now, 4 * first);
    expect((await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: from, now })).ok).toBe(true);
    expect(await failures(`account:${user.email.toLowerCase()}`)).toBeUndefined();
    expect((await checkCredentials(getDb(), user.email, "wrong", { address: from, now })).ok).toBe(false);
    expect(await failures(`account:${user.email.toLowerCase()}`)).toBe(1);
  });

  it("forgets the failures of a key left quiet for a day", async () => {
    const { user } = await makeUser();
    const from = address();
    const now = new Date();
    await Promise.all(Array.from({ length: 20 }, () => checkCredentials(getDb(), user.email, "wrong", { address: from, now })));
    const dayLater = later(now, THROTTLE_FORGET_AFTER_SECONDS + 1);
    expect((await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: from, now: dayLater })).ok).toBe(true);
  });

  it("doubles the wait per failure from the free ones on, up to the cap", () => {
    const rule = { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 900 };
    expect([1, 4, 5, 6, 7, 9, 50, 5000].map((n) => throttleDelaySeconds(rule, n))).toEqual([0, 0, 30, 60, 120, 480, 900, 900]);
  });
});

/**
 * The policy: an attacker's own address is slowed by its account+address key (5 free, then 30 s
 * doubling to 15 min); the account key, which counts every address, only holds the real user
 * back (from another address) for at most its cap (2 min), and only once many addresses have failed.
 */
describe("the throttle's policy between an attacker and the real user", () => {
  it("lets the real user in from another address while one attacking address is throttled", async () => {
    const { user } = await makeUser();
    const attacker = address();
    const now = new Date();
    await Promise.all(Array.from({ length: 40 }, () => checkCredentials(getDb(), user.email, "wrong", { address: attacker, now })));
    expect(await checkCredentials(getDb(), user.email, "guess", { address: attacker, now: later(now, 1) })).toMatchObject({ reason: "throttled" });

    expect(await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: address(), now: later(now, 1) })).toMatchObject({ ok: true });
    // the attacker stays throttled: the user's success does not clear the attacker's own key
    expect(await checkCredentials(getDb(), user.email, "guess", { address: attacker, now: later(now, 2) })).toMatchObject({ reason: "throttled" });
  });

  it("holds the real user back at most for the account's cap, however many addresses attack", async () => {
    const { user } = await makeUser();
    const rule = THROTTLE_RULES.account;
    let now = new Date();
    // many addresses, each guessing once whenever the account lets one through, and many refused on top
    let waited = 0;
    for (let round = 0; round < 12; round++) {
      await checkCredentials(getDb(), user.email, "wrong", { address: address(), now });
      await Promise.all(Array.from({ length: 3 }, () => checkCredentials(getDb(), user.email, "wrong", { address: address(), now })));
      const probe = await checkCredentials(getDb(), user.email, "wrong-too", { address: address(), now });
      waited = probe.ok || probe.reason !== "throttled" ? 0 : probe.retryAfterSeconds;
      now = later(now, waited);
    }
    expect(waited).toBe(rule.maxDelaySeconds);
    // the real user, from an address of their own, during the attack: waits, but no longer than the cap
    const real = address();
    const during = await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: real, now: later(now, -1) });
    expect(during).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    expect(await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: real, now })).toMatchObject({ ok: true });
  }, 120_000);

  it("slows one address trying many accounts, without resetting it when it signs in to its own", async () => {
    const { user } = await makeUser();
    const sprayer = address();
    const now = new Date();
    const free = THROTTLE_RULES.ip.freeFailures;
    for (let i = 0; i < free - 1; i++) await checkCredentials(getDb(), `victim-${crypto.randomUUID()}@test.parklink.cn`, "123456", { address: sprayer, now });
    expect((await checkCredentials(getDb(), user.email, TEST_PASSWORD, { address: sprayer, now })).ok).toBe(true);
    expect(await failures(`ip:${sprayer}`)).toBe(free - 1);
    expect(await checkCredentials(getDb(), `victim-${crypto.randomUUID()}@test.parklink.cn`, "123456", { address: sprayer, now })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(getDb(), `victim-${crypto.randomUUID()}@test.parklink.cn`, "123456", { address: sprayer, now: later(now, 1) }))
      .toMatchObject({ ok: false, reason: "throttled" });
  }, 120_000); // some 30 bcrypt checks
});
