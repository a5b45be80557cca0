import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, memberships, parkStaff, users } from "@/db/schema";

export type EnterpriseRole = "admin" | "staff" | "procurement";

/** Who is acting: a signed-in user with their enterprises and parks, or an anonymous visitor. */
export interface Actor {
  userId: number | null;
  name: string | null;
  platformAdmin: boolean;
  /** `verified`: the enterprise is verified by its park (missing counts as not verified) */
  enterprises: { enterpriseId: number; role: EnterpriseRole; verified?: boolean }[];
  parkIds: number[];
}

export const anonymous: Actor = { userId: null, name: null, platformAdmin: false, enterprises: [], parkIds: [] };

/** What the CLI acts as: park staff of every park and platform admin, as DESIGN.md says. */
export const systemActor: Actor = { userId: null, name: "cli", platformAdmin: true, enterprises: [], parkIds: [] };

/** Loads the actor for a user id; a disabled or unknown user is anonymous. */
export async function loadActor(db: Db, userId: number): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt) return anonymous;
  const [ms, ps] = await Promise.all([
    db
      .select({ enterpriseId: memberships.enterpriseId, role: memberships.role, verifiedAt: enterprises.verifiedAt })
      .from(memberships)
      .innerJoin(enterprises, eq(enterprises.id, memberships.enterpriseId))
      .where(eq(memberships.userId, userId)),
    db.select().from(parkStaff).where(eq(parkStaff.userId, userId)),
  ]);
  return {
    userId,
    name: user.name,
    platformAdmin: user.isPlatformAdmin,
    enterprises: ms.map((m) => ({ enterpriseId: m.enterpriseId, role: m.role, verified: m.verifiedAt !== null })),
    parkIds: ps.map((p) => p.parkId),
  };
}

/** The kind of home a user lands on, by their strongest role. */
export type HomeKind = "admin" | "park" | "enterprise" | "procurement" | "visitor";

export function homeKind(actor: Actor): HomeKind {
  if (actor.platformAdmin) return "admin";
  if (actor.parkIds.length) return "park";
  if (actor.enterprises.some((e) => e.role !== "procurement")) return "enterprise";
  if (actor.enterprises.length) return "procurement";
  return "visitor";
}
