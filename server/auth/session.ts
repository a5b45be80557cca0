import { decode } from "next-auth/jwt";
import type { Db } from "@/db";
import { anonymous, loadActor, type Actor } from "./actor";

/** next-auth's session cookie, over http or https, whole or in numbered chunks */
export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;

/** The session token a Cookie header carries, its chunks joined in order; null without one. */
export function sessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  const parts: { index: number; value: string }[] = [];
  for (const pair of cookieHeader.split(";")) {
    const at = pair.indexOf("=");
    if (at < 0) continue;
    const match = SESSION_COOKIE.exec(pair.slice(0, at).trim());
    if (match) parts.push({ index: Number(match[2] ?? 0), value: decodeURIComponent(pair.slice(at + 1).trim()) });
  }
  return parts.length ? parts.sort((a, b) => a.index - b.index).map((p) => p.value).join("") : null;
}

/**
 * The acting user of a request, from its Cookie header: the session next-auth issued (checked and
 * decrypted with NEXTAUTH_SECRET), then the user as they are now (roles and disabling take effect
 * at once). No cookie, a forged or expired one: a visitor. For routes served outside next-auth's
 * own handlers, such as the search API.
 */
export async function actorFromCookies(db: Db, cookieHeader: string | null | undefined, secret = process.env.NEXTAUTH_SECRET): Promise<Actor> {
  const token = sessionToken(cookieHeader);
  if (!token || !secret) return anonymous;
  const payload = await decode({ token, secret }).catch(() => null);
  return typeof payload?.uid === "number" ? loadActor(db, payload.uid) : anonymous;
}
