import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { makeEnterprise, makeUser } from "@/server/testing/factories";
import { actorFromCookies, sessionToken } from "./session";

const secret = "a-test-secret-of-enough-length-0123456789";

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
    const token = await encode({ token: { uid: user.id }, secret });
    const actor = await actorFromCookies(getDb(), `next-auth.session-token=${token}`, secret);
    expect(actor).toMatchObject({ userId: user.id, enterprises: [{ enterpriseId: enterprise.id, role: "procurement", verified: false }] });
    // whether its enterprise is verified, as it is now (the policy shows hazardous details to verified members only)
    await getDb().update(enterprises).set({ verifiedAt: new Date() }).where(eq(enterprises.id, enterprise.id));
    expect((await actorFromCookies(getDb(), `next-auth.session-token=${token}`, secret)).enterprises).toEqual([
      { enterpriseId: enterprise.id, role: "procurement", verified: true },
    ]);

    expect((await actorFromCookies(getDb(), `next-auth.session-token=${token}x`, secret)).userId).toBeNull();
    expect((await actorFromCookies(getDb(), `next-auth.session-token=${token}`, "another-secret-of-enough-length-987")).userId).toBeNull();
    expect((await actorFromCookies(getDb(), "", secret)).userId).toBeNull();

    await getDb().update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect((await actorFromCookies(getDb(), `next-auth.session-token=${token}`, secret)).userId).toBeNull();
  });
});
