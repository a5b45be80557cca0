import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, sessions, users } from "@/db/schema";
import { makeEnterprise, makeUser } from "@/server/testing/factories";
import { authOptions } from "./next-auth";
import {
  actorFromCookies, revokeSession, SESSION_IDLE_SECONDS, SESSION_MAX_AGE_SECONDS, sessionToken, startSession,
} from "./session";

const secret = "a-test-secret-of-enough-length-0123456789";
const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

async function cookieFor(userId: number, now = new Date()) {
  const sid = await startSession(getDb(), userId, now);
  return { sid, cookie: `next-auth.session-token=${await encode({ token: { uid: userId, sid }, secret })}` };
}

const actorAt = (cookie: string, now?: Date) => actorFromCookies(getDb(), cookie, { secret, now });

describe("the session behind a Cookie header", () => {
  it("finds next-auth's token, whole or in chunks, among other cookies", () => {
    expect(sessionToken(null)).toBeNull();
    expect(sessionToken("parklink-locale=en")).toBeNull();
    expect(sessionToken("parklink-locale=en; next-auth.session-token=abc.def")).toBe("abc.def");
    expect(sessionToken("__Secure-next-auth.session-token=xyz")).toBe("xyz");
    expect(sessionToken("next-auth.session-token.1=second; a=b; next-auth.session-token.0=first-")).toBe("first-second");
  });

  it("is the signed-in user as they are now; a forged, foreign or absent session is a visitor", async () => {
    const enterprise = await makeEnterprise();
    const { user } = await makeUser({ enterpriseId: enterprise.id, role: "procurement" });
    const { cookie } = await cookieFor(user.id);
    const actor = await actorAt(cookie);
    expect(actor).toMatchObject({ userId: user.id, enterprises: [{ enterpriseId: enterprise.id, role: "procurement", verified: false }] });
    // whether its enterprise is verified, as it is now (the policy shows hazardous details to verified members only)
    await getDb().update(enterprises).set({ verifiedAt: new Date() }).where(eq(enterprises.id, enterprise.id));
    expect((await actorAt(cookie)).enterprises).toEqual([{ enterpriseId: enterprise.id, role: "procurement", verified: true }]);

    expect((await actorAt(`${cookie}x`)).userId).toBeNull();
    expect((await actorFromCookies(getDb(), cookie, { secret: "another-secret-of-enough-length-987" })).userId).toBeNull();
    expect((await actorAt("")).userId).toBeNull();

    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await actorAt(cookie)).userId).toBeNull();
  });

  it("needs a server-side session of that very user: a token without one, or with another's, is a visitor", async () => {
    const { user } = await makeUser();
    const { user: other } = await makeUser();
    const noSession = `next-auth.session-token=${await encode({ token: { uid: user.id }, secret })}`;
    expect((await actorAt(noSession)).userId).toBeNull();
    const unknown = `next-auth.session-token=${await encode({ token: { uid: user.id, sid: crypto.randomUUID() }, secret })}`;
    expect((await actorAt(unknown)).userId).toBeNull();
    const { sid } = await cookieFor(other.id);
    const borrowed = `next-auth.session-token=${await encode({ token: { uid: user.id, sid }, secret })}`;
    expect((await actorAt(borrowed)).userId).toBeNull();
  });

  it("makes a copied token worthless once its session is signed out", async () => {
    const { user } = await makeUser();
    const { sid, cookie } = await cookieFor(user.id);
    const copy = cookie;
    expect((await actorAt(cookie)).userId).toBe(user.id);
    await revokeSession(getDb(), sid);
    expect((await actorAt(copy)).userId).toBeNull();
  });

  it("ends a session left idle, and marks use at most once a minute", async () => {
    const { user } = await makeUser();
    const start = new Date("2026-11-23T08:00:00Z");
    const { sid, cookie } = await cookieFor(user.id, start);
    const lastSeen = async () => (await getDb().select().from(sessions).where(eq(sessions.id, sid)))[0]!.lastSeenAt;

    expect((await actorAt(cookie, later(start, 30))).userId).toBe(user.id);
    expect(await lastSeen()).toEqual(start);
    // in use: each request within the idle timeout keeps it alive
    const used = later(start, SESSION_IDLE_SECONDS - 60);
    expect((await actorAt(cookie, used)).userId).toBe(user.id);
    expect(await lastSeen()).toEqual(used);
    expect((await actorAt(cookie, later(used, SESSION_IDLE_SECONDS - 1))).userId).toBe(user.id);
    // then left alone past the idle timeout
    const idle = later(used, 2 * SESSION_IDLE_SECONDS);
    expect((await actorAt(cookie, idle)).userId).toBeNull();
  });

  it("ends a session at its absolute age, however busy", async () => {
    const { user } = await makeUser();
    const start = new Date("2026-11-23T08:00:00Z");
    const { cookie } = await cookieFor(user.id, start);
    for (let s = 0; s < SESSION_MAX_AGE_SECONDS; s += SESSION_IDLE_SECONDS / 2) {
      expect((await actorAt(cookie, later(start, s))).userId).toBe(user.id);
    }
    expect((await actorAt(cookie, later(start, SESSION_MAX_AGE_SECONDS - 1))).userId).toBe(user.id);
    expect((await actorAt(cookie, later(start, SESSION_MAX_AGE_SECONDS + 1))).userId).toBeNull();
  });
});

describe("next-auth's session wiring", () => {
  it("opens a new session at every sign-in and revokes it at sign-out", async () => {
    const { user } = await makeUser();
    const signIn = () =>
      authOptions.callbacks!.jwt!({ token: {}, user: { id: String(user.id), email: user.email, name: user.name }, account: null, trigger: "signIn" });
    const first = await signIn();
    const second = await signIn();
    expect(first.uid).toBe(user.id);
    expect(typeof first.sid).toBe("string");
    expect(second.sid).not.toBe(first.sid);

    const cookie = `next-auth.session-token=${await encode({ token: first, secret })}`;
    expect((await actorAt(cookie)).userId).toBe(user.id);
    await authOptions.events!.signOut!({ token: first, session: undefined as never });
    expect((await actorAt(cookie)).userId).toBeNull();
    // the other sign-in is still alive
    expect((await actorAt(`next-auth.session-token=${await encode({ token: second, secret })}`)).userId).toBe(user.id);
  });
});
