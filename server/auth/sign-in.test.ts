import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/server/testing/factories";
import { checkCredentials, lockSeconds } from "./sign-in";

describe("checkCredentials", () => {
  it("signs in with the right password, case-insensitively by email", async () => {
    const { user } = await makeUser();
    const result = await checkCredentials(getDb(), user.email.toUpperCase(), TEST_PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("tells a wrong password from an unknown user and a disabled one", async () => {
    const { user } = await makeUser();
    expect(await checkCredentials(getDb(), user.email, "wrong")).toEqual({ ok: false, reason: "wrong_password" });
    expect(await checkCredentials(getDb(), "nobody@nowhere.cn", TEST_PASSWORD)).toEqual({ ok: false, reason: "unknown_user" });
    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await checkCredentials(getDb(), user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "disabled" });
  });

  it("slows repeated failures down with a growing lock, even for the right password", async () => {
    const { user } = await makeUser();
    const now = new Date("2026-11-23T10:00:00Z");
    for (let i = 0; i < 4; i++) {
      expect((await checkCredentials(getDb(), user.email, "wrong", now)).ok).toBe(false);
    }
    const fifth = await checkCredentials(getDb(), user.email, "wrong", now);
    expect(fifth).toEqual({ ok: false, reason: "locked", retryAfterSeconds: 30 });
    const whileLocked = await checkCredentials(getDb(), user.email, TEST_PASSWORD, new Date(now.getTime() + 10_000));
    expect(whileLocked).toMatchObject({ ok: false, reason: "locked", retryAfterSeconds: 20 });
    const after = await checkCredentials(getDb(), user.email, TEST_PASSWORD, new Date(now.getTime() + 31_000));
    expect(after.ok).toBe(true);
    const [row] = await getDb().select().from(users).where(eq(users.id, user.id));
    expect(row!.failedLogins).toBe(0);
  });

  it("doubles the lock per failure up to 15 minutes", () => {
    expect([4, 5, 6, 7, 20].map(lockSeconds)).toEqual([0, 30, 60, 120, 900]);
  });
});
