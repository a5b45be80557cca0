import crypto from "node:crypto";
import { getDb } from "@/db";
import {
  agreementLines, agreements, demands, enterprises, matches, memberships, parkStaff, parks, products, users,
} from "@/db/schema";
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

export async function makeProduct(enterpriseId: number, overrides: Partial<typeof products.$inferInsert> = {}) {
  const [product] = await getDb()
    .insert(products)
    .values({ enterpriseId, sku: `SKU-${unique()}`, name: `测试产品${unique()}`, cas: "56-81-5", grade: "industrial", priceCnyPerT: "6800.00", ...overrides })
    .returning();
  return product!;
}

export async function makeDemand(enterpriseId: number, overrides: Partial<typeof demands.$inferInsert> = {}) {
  const [demand] = await getDb()
    .insert(demands)
    .values({ enterpriseId, substanceName: "甘油", cas: "56-81-5", quantity: "100.000", ...overrides })
    .returning();
  return demand!;
}

export async function makeMatch(demandId: number, supplierEnterpriseId: number, productId: number) {
  const [match] = await getDb()
    .insert(matches)
    .values({ demandId, supplierEnterpriseId, productId, score: "0.9000" })
    .returning();
  return match!;
}

/**
 * A buyer and a supplier in one park (both verified), each with a user, the supplier's product and
 * the park's staff: the usual cast of a deal.
 */
export async function makeDealCast(options: { cas?: string | null; verified?: boolean } = {}) {
  const park = await makePark();
  const verifiedAt = options.verified === false ? null : new Date();
  const [buyerEnterprise, sellerEnterprise, outsiderEnterprise] = await Promise.all([
    makeEnterprise({ parkId: park.id, verifiedAt, chains: ["有机新材料"] }),
    makeEnterprise({ parkId: park.id, verifiedAt, chains: ["精细化工"] }),
    makeEnterprise({ parkId: park.id, verifiedAt }),
  ]);
  const [buyer, seller, outsider, staff] = await Promise.all([
    makeUser({ enterpriseId: buyerEnterprise.id, role: "procurement" }),
    makeUser({ enterpriseId: sellerEnterprise.id, role: "staff" }),
    makeUser({ enterpriseId: outsiderEnterprise.id, role: "admin" }),
    makeUser({ parkId: park.id }),
  ]);
  const product = await makeProduct(sellerEnterprise.id, { cas: options.cas === undefined ? "56-81-5" : options.cas });
  return { park, buyerEnterprise, sellerEnterprise, outsiderEnterprise, buyer, seller, outsider, staff, product };
}

/** A signed agreement written straight into the database (for figures computed by hand). */
export async function makeAgreement(
  buyerEnterpriseId: number,
  sellerEnterpriseId: number,
  options: {
    type?: "framework" | "contract" | "order";
    status?: "draft" | "signed" | "active" | "completed" | "terminated";
    signedOn?: string | null;
    startOn?: string | null;
    endOn?: string | null;
    eventId?: number | null;
    lines?: { cas?: string | null; volumeT?: string | null; amountCny: string; productName?: string }[];
  } = {},
) {
  const lines = options.lines ?? [{ amountCny: "1000000.00", volumeT: "100.000" }];
  const total = lines.reduce((s, l) => s + Number(l.amountCny), 0).toFixed(2);
  const [agreement] = await getDb()
    .insert(agreements)
    .values({
      ref: `T-${unique()}-${unique()}`, type: options.type ?? "contract", title: `测试协议${unique()}`, buyerEnterpriseId, sellerEnterpriseId,
      totalAmountCny: total, signedOn: options.signedOn === undefined ? "2026-03-15" : options.signedOn,
      startOn: options.startOn ?? null, endOn: options.endOn ?? null, eventId: options.eventId ?? null, status: options.status ?? "signed",
    })
    .returning();
  const lineRows = await getDb()
    .insert(agreementLines)
    .values(lines.map((l, i) => ({ agreementId: agreement!.id, lineNo: i + 1, cas: l.cas ?? null, productName: l.productName ?? "测试品", volumeT: l.volumeT ?? null, amountCny: l.amountCny })))
    .returning();
  return { ...agreement!, lines: lineRows };
}
