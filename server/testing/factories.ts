import crypto from "node:crypto";
import { getDb } from "@/db";
import { eq, sql } from "drizzle-orm";
import {
  agreementLines, agreements, byproducts, callOffOrders, demands, enterprises, licences, matches, memberships, parkStaff, parks, products,
  supplyOffers, users,
} from "@/db/schema";
import { insertShipment } from "@/server/agreements/write-shipment";
import { loadActor, systemActor, type Actor, type EnterpriseRole } from "@/server/auth/actor";
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

/**
 * A dictionary substance that no other test and no demo row uses: a random one from the
 * reference dictionary, of the wanted kind, whose CAS appears in no product or demand yet.
 */
export async function pickSubstance(kind: "plain" | "hazardous" | "highly_toxic" | "explosive" = "plain") {
  const where = {
    plain: sql`NOT hazardous AND NOT highly_toxic AND NOT explosive_precursor AND name_zh IS NOT NULL`,
    hazardous: sql`hazardous AND NOT highly_toxic AND NOT explosive_precursor AND name_zh IS NOT NULL`,
    highly_toxic: sql`highly_toxic AND NOT explosive_precursor`,
    explosive: sql`explosive_precursor AND NOT highly_toxic`,
  }[kind];
  const rows = await getDb().execute<{ cas: string; name_zh: string | null; name_en: string | null; aliases: string[] }>(sql`
    SELECT cas, name_zh, name_en, aliases FROM substance s
    WHERE ${where} AND precursor_category IS NULL
      -- a name people would type: at least two characters, not ending in a digit or a percentage
      AND char_length(coalesce(name_zh, name_en)) BETWEEN 2 AND 30 AND coalesce(name_zh, name_en) !~ '[0-9.%]$'
      -- and one that no other substance's name contains or is contained in, so name matches stay unambiguous
      AND NOT EXISTS (SELECT 1 FROM substance o WHERE o.cas <> s.cas AND o.name_zh IS NOT NULL
        AND (strpos(o.name_zh, s.name_zh) > 0 OR strpos(s.name_zh, o.name_zh) > 0))
      AND NOT EXISTS (SELECT 1 FROM product p WHERE p.cas = s.cas) AND NOT EXISTS (SELECT 1 FROM demand d WHERE d.cas = s.cas)
    ORDER BY random() LIMIT 1`);
  const row = rows[0]!;
  return { cas: row.cas, nameZh: row.name_zh ?? row.name_en ?? row.cas, nameEn: row.name_en, aliases: row.aliases };
}

export async function makeProduct(enterpriseId: number, overrides: Partial<typeof products.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(products)
    .values({ enterpriseId, sku: `SKU-${unique()}`, name: `测试产品${unique()}`, grade: "industrial", purityPct: "99.5", availableT: "100", capacityTpy: "1000", priceCnyPerT: "5000", ...overrides })
    .returning();
  return row!;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function makeDemand(enterpriseId: number, overrides: Partial<typeof demands.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(demands)
    .values({ enterpriseId, substanceName: `测试需求${unique()}`, quantity: "100", expiresOn: inDays(30), ...overrides })
    .returning();
  return row!;
}

export async function makeOffer(enterpriseId: number, productId: number, overrides: Partial<typeof supplyOffers.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(supplyOffers)
    .values({ enterpriseId, productId, quantity: "50", priceCnyPerUnit: "4800", validUntil: inDays(30), ...overrides })
    .returning();
  return row!;
}

export async function makeByproduct(enterpriseId: number, overrides: Partial<typeof byproducts.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(byproducts)
    .values({ enterpriseId, name: `测试副产品${unique()}`, monthlyVolumeT: "80", ...overrides })
    .returning();
  return row!;
}

export async function makeLicence(enterpriseId: number, overrides: Partial<typeof licences.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(licences)
    .values({ enterpriseId, type: "hazardous_trade", number: `LIC-${unique()}`, validUntil: inDays(365), verifiedAt: new Date(), ...overrides })
    .returning();
  return row!;
}

/** A completed agreement with one delivered call-off between two enterprises (a fulfilled track record). */
export async function makeFulfilledAgreement(buyerId: number, sellerId: number, cas: string | null = null, volumeT = 100) {
  const db = getDb();
  const [agreement] = await db
    .insert(agreements)
    .values({ ref: `T-${unique()}`, type: "framework", title: "测试协议", buyerEnterpriseId: buyerId, sellerEnterpriseId: sellerId, totalAmountCny: "100000", status: "completed", signedOn: inDays(-100) })
    .returning();
  const [line] = await db
    .insert(agreementLines)
    .values({ agreementId: agreement!.id, lineNo: 1, cas, productName: "测试", volumeT: volumeT.toFixed(3), amountCny: "100000" })
    .returning();
  const [callOff] = await db.insert(callOffOrders).values({ agreementId: agreement!.id, lineId: line!.id, orderedT: "10", orderedOn: inDays(-50) }).returning();
  // delivered through the shipment writer, which sums the shipment into the call-off
  await insertShipment(db, systemActor, {
    agreementId: agreement!.id, lineId: line!.id, callOffId: callOff!.id, deliveredOn: inDays(-45), quantityT: 10,
    purpose: "生产原料", agentName: "测试经办人", agentIdNumber: "11010519491231002X",
  });
  return agreement!;
}

/** The actor of an enterprise's first member (e.g. a demo account), for checks on seeded data. */
export async function actorOfMember(enterpriseId: number): Promise<Actor> {
  const [member] = await getDb().select().from(memberships).where(eq(memberships.enterpriseId, enterpriseId));
  if (!member) throw new Error(`enterprise ${enterpriseId} has no member`);
  return loadActor(getDb(), member.userId);
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

/**
 * An RFQ's cast: a buyer (procurement) with an open demand in one park, `suppliers` verified
 * enterprises of that park each with a staff user, a product and a match on the demand, and the
 * park's staff.
 */
export async function makeRfqCast(options: { suppliers?: number; cas?: string | null } = {}) {
  const park = await makePark();
  const cas = options.cas === undefined ? "56-81-5" : options.cas;
  const buyerEnterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
  const [buyer, staff] = await Promise.all([makeUser({ enterpriseId: buyerEnterprise.id, role: "procurement" }), makeUser({ parkId: park.id })]);
  const demand = await makeDemand(buyerEnterprise.id, { cas, substanceName: "甘油", quantity: "100", status: "open" });
  const suppliers = [];
  for (let i = 0; i < (options.suppliers ?? 3); i++) {
    const enterprise = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
    const user = await makeUser({ enterpriseId: enterprise.id, role: "staff" });
    const product = await makeProduct(enterprise.id, { cas });
    const match = await makeMatch(demand.id, enterprise.id, product.id);
    suppliers.push({ enterprise, user, product, match });
  }
  return { park, buyerEnterprise, buyer, staff, demand, suppliers };
}
