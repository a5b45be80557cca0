import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, licences, products } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { insertProducts, type ProductRecord } from "@/server/catalogue/write-product";
import { enqueue } from "@/server/jobs/outbox";
import { insertOffer } from "@/server/listings/write-listing";

/**
 * Demo rows that make matching's states visible: an in-park solvent supplier with stock and an
 * offer, a supplier of a highly toxic substance whose trading licence has lapsed (blocked, hidden
 * from buyers), a supplier of an explosive precursor with no licence on file (shown with a warning,
 * park staff prompted), and a buyer whose explosive-precursor record is on file (ok). Called at the
 * end of seedDemo, inside its transaction; products and the offer go through their writers.
 */
export async function seedDemoMatching(tx: Db, today: Date) {
  const day = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await tx
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc })
    .from(enterprises)
    .where(inArray(enterprises.name, ["滨江明达溶剂有限公司", "滨江华星化学品有限公司", "滨江立信化工有限公司", "南通天成农化有限公司", "江苏兴业民爆化工有限公司"]));
  const byName = (fragment: string) => rows.find((e) => e.name.includes(fragment))!;
  const [solvents, huaxing, lixin, tiancheng, explosives] = [
    byName("明达溶剂"), byName("华星化学品"), byName("立信化工"), byName("天成农化"), byName("兴业民爆"),
  ];
  // the licensed explosives maker always makes the sodium chlorate the agrochemical maker wants
  const [chlorate] = await tx.select({ id: products.id }).from(products).where(and(eq(products.enterpriseId, explosives.id), eq(products.cas, "7775-09-9")));

  const additions: [number, ProductRecord][] = [
    [solvents.id, {
      sku: `${solvents.uscc.slice(-4)}-IPA`, name: "异丙醇 99.9%", cas: "67-63-0", grade: "industrial", purityPct: 99.9,
      form: "liquid", packaging: "160kg桶/槽车", capacityTpy: 20000, availableT: 600, priceCnyPerT: 6900,
      description: "异丙醇（2-丙醇），工业级，含量≥99.9%，园区管道及槽车配送。",
    }],
    [huaxing.id, {
      sku: `${huaxing.uscc.slice(-4)}-NACN`, name: "氰化钠 98%", cas: "143-33-9", grade: "industrial", purityPct: 98,
      form: "solid", packaging: "50kg铁桶", capacityTpy: 500, availableT: 40, priceCnyPerT: 11200,
    }],
    [lixin.id, {
      sku: `${lixin.uscc.slice(-4)}-KNO3`, name: "硝酸钾", cas: "7757-79-1", grade: "industrial", purityPct: 99.5,
      form: "solid", packaging: "25kg袋", capacityTpy: 3000, availableT: 200, priceCnyPerT: 5400,
    }],
    ...(chlorate ? [] : [[explosives.id, {
      sku: `${explosives.uscc.slice(-4)}-NACLO3`, name: "氯酸钠", cas: "7775-09-9", grade: "industrial",
      purityPct: 99.5, form: "solid", packaging: "50kg袋", capacityTpy: 5000, availableT: 300, priceCnyPerT: 4800,
    }] as [number, ProductRecord]]),
  ];
  const added = [];
  for (const [enterpriseId, product] of additions) added.push(...(await insertProducts(tx, systemActor, enterpriseId, [product])));
  const ipa = added.find((p) => p.enterpriseId === solvents.id)!;
  await insertOffer(tx, systemActor, solvents.id, {
    productId: ipa.id, quantity: 300, priceCnyPerUnit: 6800, validFrom: day(-3), validUntil: day(60), place: "滨江化学工业园管道/槽车",
  }, { status: "open" });
  await tx.insert(licences).values([
    // the chemicals trader's only licence, for trading, lapsed: its cyanide is blocked, and it is told why
    { enterpriseId: huaxing.id, type: "hazardous_trade", number: "苏通危化经字[2023]00231", scope: "氰化钠、氰化钾", validUntil: day(-12), verifiedAt: new Date(today.getTime() - 400 * 86_400_000) },
    // the agrochemical maker's record for explosive precursors is on file: it may buy sodium chlorate
    { enterpriseId: tiancheng.id, type: "explosive_precursor", number: "320600-YZB-2025-0042", scope: "氯酸钠", validUntil: day(300), verifiedAt: new Date(today.getTime() - 30 * 86_400_000) },
  ]);
  await enqueue(tx, "licences", [huaxing.id, tiancheng.id]);
}
