import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agreements, enterprises, parks, products, users } from "@/db/schema";
import { checkCredentials } from "@/server/auth/sign-in";
import { isValidCas } from "@/server/substances/cas";
import { isValidUscc } from "@/server/enterprises/uscc";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedDemo } from "./demo";

describe("demo data", () => {
  it("seeds a believable park once, and a second run changes nothing", async () => {
    const db = getDb();
    const first = await seedDemo(db);
    const second = await seedDemo(db);
    expect(second.seeded).toBe(false);
    if (first.seeded) {
      expect(first.parks).toBe(3);
      expect(first.enterprises).toBeGreaterThanOrEqual(35);
      expect(first.products).toBeGreaterThanOrEqual(200);
      expect(first.agreements).toBeGreaterThanOrEqual(20);
    }

    const [main] = await db.select().from(parks).where(eq(parks.code, "BJHG"));
    const inMain = await db.select().from(enterprises).where(eq(enterprises.parkId, main!.id));
    const external = await db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(sql`${enterprises.parkId} IS NULL AND ${enterprises.name} LIKE '%有限公司'`);
    expect(inMain.length).toBeGreaterThan(25);
    expect(external[0]!.n).toBeGreaterThan(0);
    expect(inMain.every((e) => isValidUscc(e.uscc))).toBe(true);

    const catalogue = await db.select().from(products).where(inArray(products.enterpriseId, inMain.map((e) => e.id)));
    expect(catalogue.every((p) => p.cas === null || isValidCas(p.cas))).toBe(true);
    expect(new Set(catalogue.map((p) => p.grade)).size).toBeGreaterThanOrEqual(4);

    const signed = await db.select().from(agreements).where(sql`${agreements.ref} LIKE 'BJHG-%'`);
    expect(signed.some((a) => a.type === "framework")).toBe(true);
    expect(signed.reduce((sum, a) => sum + Number(a.totalAmountCny), 0)).toBeGreaterThan(1e8);
  });

  it("lets every demo account sign in with the demo password", async () => {
    await seedDemo(getDb());
    for (const account of DEMO_ACCOUNTS) {
      const result = await checkCredentials(getDb(), account.email, DEMO_PASSWORD);
      expect(result.ok, account.email).toBe(true);
    }
    const rows = await getDb().select().from(users).where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
    expect(rows.find((u) => u.email === "admin@parklink.demo")!.isPlatformAdmin).toBe(true);
  });
});
