import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, inquiries, inquiryMessages, products, quotes, substances } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { tierOf } from "@/server/compliance/compliance";
import { insertDemand } from "@/server/listings/write-listing";
import { ENTERPRISES } from "./demo-catalogue";

/**
 * Deals for the demo, added at the end of the demo seed: a demand of the demo buyer (中润树脂) for
 * something the demo supplier (滨江精细化工) makes, so a match can lead to an inquiry; an open
 * inquiry the supplier has to answer; and a thread where the buyer holds a quote to accept. The
 * demand goes through the listing writer.
 */
export async function seedDemoDeals(tx: Db, options: { today: Date }) {
  const isoDate = (days: number) => new Date(options.today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  // the demo's own enterprise of that name (a database shared with other data may hold look-alikes)
  const named = async (fragment: string) => {
    const [name] = ENTERPRISES.find(([full]) => full.includes(fragment))!;
    const [row] = await tx.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.name, name));
    return row!;
  };
  const [buyer, supplier, pharma, coatings] = await Promise.all([named("中润树脂"), named("滨江精细化工"), named("康宁药业"), named("东方涂料")]);

  // the supplier's catalogue items that anyone may inquire about (no controlled substances)
  const catalogue = await tx
    .select({ id: products.id, name: products.name, cas: products.cas, price: products.priceCnyPerT, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic, explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory })
    .from(products)
    .leftJoin(substances, eq(substances.cas, products.cas))
    .where(and(eq(products.enterpriseId, supplier.id)))
    .orderBy(products.sku);
  const open = catalogue.filter((p) => p.cas && tierOf(p.hazardous === null ? null : { hazardous: p.hazardous, highlyToxic: p.highlyToxic!, explosivePrecursor: p.explosivePrecursor!, precursorCategory: p.precursorCategory }) !== "controlled");
  if (open.length < 3) return { demands: 0, inquiries: 0 };
  const [forBuyer, forPharma, forCoatings] = open;
  const nameOf = async (cas: string) => (await tx.select({ nameZh: substances.nameZh }).from(substances).where(inArray(substances.cas, [cas])))[0]?.nameZh;

  const demand = await insertDemand(tx, systemActor, buyer.id, {
    cas: forBuyer!.cas, substanceName: (await nameOf(forBuyer!.cas!)) ?? forBuyer!.name, quantity: 200,
    grade: "industrial", deliveryFrom: isoDate(10), deliveryTo: isoDate(100), place: "滨江化学工业园",
    targetPriceCnyPerUnit: forBuyer!.price === null ? null : Number(forBuyer!.price),
    recurrence: "monthly", expiresOn: isoDate(60), note: "园内配套优先，可签年度框架协议",
  }, { status: "open" });

  // an inquiry the supplier still has to answer
  const [waiting] = await tx
    .insert(inquiries)
    .values({ buyerEnterpriseId: pharma.id, supplierEnterpriseId: supplier.id, productId: forPharma!.id, subject: `${forPharma!.name} 月度采购询价`, createdAt: new Date(options.today.getTime() - 2 * 86_400_000) })
    .returning({ id: inquiries.id });
  await tx.insert(inquiryMessages).values({
    inquiryId: waiting!.id, authorEnterpriseId: pharma.id, body: `您好，我司每月需要 ${forPharma!.name} 约 20 吨，医药级，请报含税到厂价及交期。`,
  });

  // a thread where the buyer holds a quote
  const [quoted] = await tx
    .insert(inquiries)
    .values({ buyerEnterpriseId: coatings.id, supplierEnterpriseId: supplier.id, productId: forCoatings!.id, subject: `${forCoatings!.name} 询价`, status: "quoted" })
    .returning({ id: inquiries.id });
  await tx.insert(inquiryMessages).values([
    { inquiryId: quoted!.id, authorEnterpriseId: coatings.id, body: `请报 ${forCoatings!.name} 50 吨价格，园区内管道或槽车送货。`, readAt: options.today },
    { inquiryId: quoted!.id, authorEnterpriseId: supplier.id, body: "已报价，价格含税，送到厂。" },
  ]);
  await tx.insert(quotes).values({
    inquiryId: quoted!.id, priceCnyPerUnit: forCoatings!.price ?? "5000.00", quantity: "50.000", validUntil: isoDate(20), taxBasis: "incl_vat", vatRatePct: "13", paymentTerms: "cash", deliveryMode: "delivered", deliveryPlace: "园区内槽车送到厂", leadTimeDays: 7, packaging: "槽车散装",
  });
  return { demands: demand ? 1 : 0, inquiries: 2 };
}
