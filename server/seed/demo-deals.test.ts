import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, inquiries, quotes } from "@/db/schema";
import { seedDemo } from "./demo";

describe("demo deals", () => {
  it("give the demo supplier an inquiry to answer and a quote its customer may accept, and the buyer a demand it makes", async () => {
    await seedDemo(getDb());
    const [supplier] = await getDb().select().from(enterprises).where(eq(enterprises.name, "江苏滨江精细化工有限公司"));
    const threads = await getDb().select().from(inquiries).where(eq(inquiries.supplierEnterpriseId, supplier!.id));
    expect(threads.map((t) => t.status).sort()).toEqual(expect.arrayContaining(["open", "quoted"]));
    const pending = await getDb().select().from(quotes).where(eq(quotes.inquiryId, threads.find((t) => t.status === "quoted")!.id));
    expect(pending[0]!.status).toBe("pending");
    const [pair] = await getDb().execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM demand d JOIN enterprise b ON b.id = d.enterprise_id
      JOIN product p ON p.cas = d.cas JOIN enterprise s ON s.id = p.enterprise_id
      WHERE b.name = '江苏中润树脂有限公司' AND s.id = ${supplier!.id}`);
    expect(pair!.n).toBeGreaterThan(0);
  });
});
