import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { env } from "@/server/env";
import { anonymous, type Actor } from "./actor";
import { clientAddress } from "./client-address";
import { actorFromCookies, revokeSession, SESSION_MAX_AGE_SECONDS, sessionToken, startSession } from "./session";
import { checkCredentials, type SignInResult } from "./sign-in";

/**
 * next-auth's options. `onResult` hears each credentials check, so that the route can answer a
 * throttled attempt with 429 (app/api/auth/[...nextauth]/route.ts).
 */
export function buildAuthOptions(onResult?: (result: SignInResult) => void): NextAuthOptions {
  return {
    secret: env.NEXTAUTH_SECRET,
    // the token lives at most as long as its server-side session (session.ts), which also ends
    // when idle or signed out
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) throw new Error("missing_fields");
          const address = clientAddress(req.headers ?? {}, env.PARKLINK_TRUST_PROXY);
          const result = await checkCredentials(getDb(), email, password, { address });
          onResult?.(result);
          // next-auth hands this message to the sign-in page as `error`
          if (!result.ok) throw new Error(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.reason);
          return { id: String(result.user.id), name: result.user.name, email: result.user.email };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // signing in: a new server-side session every time, its id in the token
        if (user) {
          token.uid = Number(user.id);
          token.sid = await startSession(getDb(), token.uid);
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.uid === "number") session.user.id = token.uid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(getDb(), token.sid);
      },
    },
  };
}

export const authOptions = buildAuthOptions();

/**
 * The acting user of this request: a live server-side session (not signed out, idle or too old)
 * and the user loaded fresh (roles and disabling take effect at once).
 */
export async function getRequestActor(): Promise<Actor> {
  const cookie = (await headers()).get("cookie");
  // no session cookie, no session: spare anonymous requests (search, the public pages) the database
  if (!sessionToken(cookie)) return anonymous;
  return actorFromCookies(getDb(), cookie);
}
