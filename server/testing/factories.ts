import crypto from "node:crypto";
import { getDb } from "@/db";
import { enterprises, licences, memberships, parkStaff, parks, products, users } from "@/db/schema";
import { loadActor, type Actor, type EnterpriseRole } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { usccCheckCharacter } from "@/server/enterprises/uscc";

/** Factories for unique rows, so integration tests never collide and run in any order. */

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const unique = () => crypto.randomBytes(4).toString("hex");

export function randomUscc(): string {
  let body = "91320600";
  for (let i = 0; i < 9; i++) body += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return body + usccCheckCharacter(body);
}

export async function makePark(overrides: Partial<typeof parks.$inferInsert> = {}) {
  const [park] = await getDb()
    .insert(parks)
    .values({ code: `T${unique().toUpperCase()}`, name: `测试园区${unique()}`, city: "南通", ...overrides })
    .returning();
  return park!;
}

export async function makeEnterprise(overrides: Partial<typeof enterprises.$inferInsert> = {}) {
  const [enterprise] = await getDb()
    .insert(enterprises)
    .values({ uscc: randomUscc(), name: `测试化工有限公司${unique()}`, chains: ["精细化工"], ...overrides })
    .returning();
  return enterprise!;
}

let passwordHash: Promise<string> | null = null;
export const TEST_PASSWORD = "correct horse 42";

export async function makeUser(
  options: { enterpriseId?: number; role?: EnterpriseRole; parkId?: number; admin?: boolean; email?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const db = getDb();
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${unique()}@test.parklink.cn`,
      name: `测试用户${unique()}`,
      passwordHash: await passwordHash,
      isPlatformAdmin: options.admin ?? false,
    })
    .returning();
  if (options.enterpriseId) {
    await db.insert(memberships).values({ userId: user!.id, enterpriseId: options.enterpriseId, role: options.role ?? "staff" });
  }
  if (options.parkId) await db.insert(parkStaff).values({ userId: user!.id, parkId: options.parkId });
  const actor: Actor = await loadActor(db, user!.id);
  return { user: user!, actor };
}

/** A park with two enterprises, each with an admin, plus the park's staff: the usual cast. */
export async function makeParkWithTwoEnterprises() {
  const park = await makePark();
  const [a, b] = await Promise.all([makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id })]);
  const [adminA, adminB, staff] = await Promise.all([
    makeUser({ enterpriseId: a.id, role: "admin" }),
    makeUser({ enterpriseId: b.id, role: "admin" }),
    makeUser({ parkId: park.id }),
  ]);
  return { park, a, b, adminA, adminB, staff };
}

/** A catalogue product of an enterprise, with a unique sku unless given. */
export async function makeProduct(enterpriseId: number, overrides: Partial<typeof products.$inferInsert> = {}) {
  const [product] = await getDb()
    .insert(products)
    .values({ enterpriseId, sku: `SKU-${unique()}`, name: `测试产品${unique()}`, ...overrides })
    .returning();
  return product!;
}

/** A licence on file for an enterprise (verified by default). */
export async function makeLicence(enterpriseId: number, overrides: Partial<typeof licences.$inferInsert> = {}) {
  const [licence] = await getDb()
    .insert(licences)
    .values({ enterpriseId, type: "hazardous_trade", number: `LIC-${unique()}`, validUntil: "2099-12-31", verifiedAt: new Date(), ...overrides })
    .returning();
  return licence!;
}
