import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import type { Db } from "@/db";
import { sessions } from "@/db/schema";
import { env } from "@/server/env";
import { anonymous, loadActor, type Actor } from "./actor";

/** next-auth's session cookie, over http or https, whole or in numbered chunks */
export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(?:\.(\d+))?$/;

/** A session ends after this long without a request… */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** …and this long after signing in, whatever happens. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** last_seen_at is written at most this often per session, not on every request */
export const SESSION_TOUCH_SECONDS = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const before = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);

/**
 * Opens a new server-side session for a user signing in (a new id at every sign-in) and clears the
 * user's sessions that have ended. Its id goes into next-auth's token.
 */
export async function startSession(db: Db, userId: number, now = new Date()): Promise<string> {
  const [row] = await db.insert(sessions).values({ userId, createdAt: now, lastSeenAt: now }).returning({ id: sessions.id });
  await db.delete(sessions).where(
    and(
      eq(sessions.userId, userId),
      or(isNotNull(sessions.revokedAt), lt(sessions.lastSeenAt, before(now, SESSION_IDLE_SECONDS)), lt(sessions.createdAt, before(now, SESSION_MAX_AGE_SECONDS))),
    ),
  );
  return row!.id;
}

/** Ends a session (signing out): its token, even copied, no longer stands for anyone. */
export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * Whether a session is live for this user: known, not revoked, used within the idle timeout and
 * younger than the absolute one. A live session is marked seen, at most once a minute.
 */
export async function sessionIsLive(db: Db, sessionId: string, userId: number, now = new Date()): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  if (!row || row.userId !== userId || row.revokedAt) return false;
  if (row.lastSeenAt < before(now, SESSION_IDLE_SECONDS) || row.createdAt < before(now, SESSION_MAX_AGE_SECONDS)) return false;
  if (row.lastSeenAt < before(now, SESSION_TOUCH_SECONDS)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, now)));
  }
  return true;
}

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
 * The acting user of a request, from its Cookie header: the token next-auth issued (checked and
 * decrypted with NEXTAUTH_SECRET), its server-side session live (not signed out, not idle or too
 * old), then the user as they are now (roles and disabling take effect at once). No cookie, a
 * forged one, an ended session: a visitor. Every request's actor comes from here (getRequestActor,
 * the search API in serve.ts).
 */
export async function actorFromCookies(
  db: Db,
  cookieHeader: string | null | undefined,
  { secret = env.NEXTAUTH_SECRET, now = new Date() }: { secret?: string; now?: Date } = {},
): Promise<Actor> {
  const token = sessionToken(cookieHeader);
  if (!token || !secret) return anonymous;
  const payload = await decode({ token, secret }).catch(() => null);
  const userId = payload?.uid;
  const sessionId = payload?.sid;
  if (typeof userId !== "number" || typeof sessionId !== "string") return anonymous;
  const [live, actor] = await Promise.all([sessionIsLive(db, sessionId, userId, now), loadActor(db, userId)]);
  return live ? actor : anonymous;
}
