import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises, parks, substances } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { createInquiry } from "@/server/inquiries/create-inquiry";
import { getInquiry } from "@/server/inquiries/get-inquiry";
import { listInquiries } from "@/server/inquiries/list-inquiries";
import { prepareInquiry } from "@/server/inquiries/prepare-inquiry";
import { getRfq } from "@/server/rfq/get-rfq";
import { sendRfqInput } from "@/server/rfq/rfq.schemas";
import { sendRfq } from "@/server/rfq/send-rfq";
import { makeAgreement, makeDealCast, makeProduct, makeRfqCast, pickSubstance } from "@/server/testing/factories";
import { createEvent } from "./create-event";
import { getAgreement } from "./get-agreement";
import { getEvent } from "./get-event";
import { listAgreements } from "./list-agreements";
import { listEvents } from "./list-events";

/**
 * The English UI of the deal pages (issue 16): the services return each enterprise's registered
 * English name and each park's English name beside the Chinese ones, and the dictionary's English
 * name of a line's or an inquiry's substance (park staff's correction first), so that the pages
 * can show English without translating user content.
 */
const db = () => getDb();

async function englishCast() {
  const c = await makeDealCast();
  const stamp = c.buyerEnterprise.id;
  await Promise.all([
    db().update(enterprises).set({ nameEn: `Buyer Resins ${stamp}` }).where(eq(enterprises.id, c.buyerEnterprise.id)),
    db().update(enterprises).set({ nameEn: `Seller Fine Chemicals ${stamp}` }).where(eq(enterprises.id, c.sellerEnterprise.id)),
    db().update(parks).set({ nameEn: `Test Chemical Park ${stamp}` }).where(eq(parks.id, c.park.id)),
  ]);
  return { ...c, buyerEn: `Buyer Resins ${stamp}`, sellerEn: `Seller Fine Chemicals ${stamp}`, parkEn: `Test Chemical Park ${stamp}` };
}

/** A dictionary substance whose English name park staff corrected for the test; restored after. */
async function withCuratedName<T>(run: (s: { cas: string; nameZh: string; curatedEn: string }) => Promise<T>) {
  const s = await pickSubstance("plain");
  const curatedEn = `Curated ${s.cas}`;
  await db().update(substances).set({ curatedNameEn: curatedEn }).where(eq(substances.cas, s.cas));
  try {
    return await run({ cas: s.cas, nameZh: s.nameZh, curatedEn });
  } finally {
    await db().update(substances).set({ curatedNameEn: null }).where(eq(substances.cas, s.cas));
  }
}

describe("English names on the deal pages", () => {
  it("agreements: the parties' English names in the list and on the page, the park's English name, the line's substance by its curated English name", async () => {
    const c = await englishCast();
    await withCuratedName(async (s) => {
      const a = await makeAgreement(c.buyerEnterprise.id, c.sellerEnterprise.id, { lines: [{ cas: s.cas, amountCny: "1000.00", volumeT: "1.000", productName: s.nameZh }] });
      const list = await listAgreements(db(), c.buyer.actor, { page: 1, pageSize: 50, q: a.ref });
      expect(list.items.map((i) => [i.buyerNameEn, i.sellerNameEn])).toEqual([[c.buyerEn, c.sellerEn]]);
      const page = await getAgreement(db(), c.buyer.actor, a.id);
      expect([page.buyer.nameEn, page.seller.nameEn, page.seller.parkNameEn]).toEqual([c.buyerEn, c.sellerEn, c.parkEn]);
      expect(page.lines[0]!.substance).toMatchObject({ nameZh: s.nameZh, nameEn: s.curatedEn });
    });
  });

  it("events: the park's English name in the list and on the event's page", async () => {
    const c = await englishCast();
    const event = await createEvent(db(), c.staff.actor, { parkId: c.park.id, name: `对接会${c.park.id}`, heldOn: todayInChina(), place: "管委会", description: null });
    const listed = (await listEvents(db(), c.staff.actor, { parkId: c.park.id })).items.find((e) => e.id === event.id);
    expect(listed?.parkNameEn).toBe(c.parkEn);
    const page = await getEvent(db(), c.staff.actor, { id: event.id, page: 1, pageSize: 20 });
    expect(page.parkNameEn).toBe(c.parkEn);
  });

  it("inquiries: what is asked for by the dictionary's English name; the parties' and the message authors' English names", async () => {
    const c = await englishCast();
    await withCuratedName(async (s) => {
      const product = await makeProduct(c.sellerEnterprise.id, { cas: s.cas, name: `${s.nameZh} 99%` });
      const prepared = await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: product.id });
      expect(prepared.what).toBe(`${s.nameZh} 99%`);
      expect(prepared.substance).toEqual({ nameZh: s.nameZh, nameEn: s.curatedEn });
      expect(prepared.seller?.nameEn).toBe(c.sellerEn);
      const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: product.id }, subject: "询价", body: "请报价" });
      const listed = (await listInquiries(db(), c.seller.actor, { side: "selling", page: 1, pageSize: 50 })).items.find((i) => i.id === id);
      expect([listed?.buyerNameEn, listed?.sellerNameEn]).toEqual([c.buyerEn, c.sellerEn]);
      const thread = await getInquiry(db(), c.seller.actor, id);
      expect(thread.substance?.nameEn).toBe(s.curatedEn);
      expect(thread.messages.map((m) => m.authorNameEn)).toEqual([c.buyerEn]);
    });
  });

  it("RFQs: the buyer's and the suppliers' English names on the matrix", async () => {
    const c = await makeRfqCast({ suppliers: 2 });
    const [first, second] = c.suppliers;
    await Promise.all([
      db().update(enterprises).set({ nameEn: `Buyer ${c.buyerEnterprise.id}` }).where(eq(enterprises.id, c.buyerEnterprise.id)),
      db().update(enterprises).set({ nameEn: `Supplier ${first!.enterprise.id}` }).where(eq(enterprises.id, first!.enterprise.id)),
    ]);
    const today = todayInChina();
    const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await sendRfq(db(), c.buyer.actor, sendRfqInput.parse({ demandId: c.demand.id, matchIds: c.suppliers.map((s) => s.match.id), deadline, volume: 100 }));
    const r = await getRfq(db(), c.buyer.actor, id);
    expect(r.buyer.nameEn).toBe(`Buyer ${c.buyerEnterprise.id}`);
    const bySupplier = new Map(r.rows.map((row) => [row.supplier.id, row.supplier.nameEn]));
    expect(bySupplier.get(first!.enterprise.id)).toBe(`Supplier ${first!.enterprise.id}`);
    expect(bySupplier.get(second!.enterprise.id)).toBeNull();
  });
});
