import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { anonymous, loadActor, type Actor } from "./actor";
import { SESSION_COOKIE } from "./session";
import { checkCredentials } from "./sign-in";

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password) throw new Error("missing_fields");
        const result = await checkCredentials(getDb(), email, password);
        // next-auth hands this message to the sign-in page as `error`
        if (!result.ok) throw new Error(result.retryAfterSeconds ? `${result.reason}:${result.retryAfterSeconds}` : result.reason);
        return { id: String(result.user.id), name: result.user.name, email: result.user.email };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "number") session.user.id = token.uid;
      return session;
    },
  },
};

/** The acting user of this request, loaded fresh (roles and disabling take effect at once). */
export async function getRequestActor(): Promise<Actor> {
  // no session cookie, no session: spare anonymous requests (search, the public pages) the work
  const jar = await cookies();
  if (!jar.getAll().some((c) => SESSION_COOKIE.test(c.name))) return anonymous;
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  return userId ? loadActor(getDb(), userId) : anonymous;
}
