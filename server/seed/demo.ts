import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, appMeta, callOffOrders, events, licences, memberships, parkStaff, parks, substances, users } from "@/db/schema";
import { residentIdCheckCharacter } from "@/server/agreements/resident-id";
import { insertAgreement, updateAgreementRecord } from "@/server/agreements/write-agreement";
import { insertShipment } from "@/server/agreements/write-shipment";
import { systemActor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { insertProducts, type ProductRecord } from "@/server/catalogue/write-product";
import { insertEnterprise, type EnterpriseRecord } from "@/server/enterprises/write-enterprise";
import { insertByproduct, insertDemand, insertOffer } from "@/server/listings/write-listing";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedDemoDeals } from "./demo-deals";
import { seedDemoMatching } from "./demo-matching";
import { CONTROLLED, demoUscc, ENTERPRISES, EXTERNAL_REGION, ITEMS, PARKS, REGION, type Grade } from "./demo-catalogue";
import { generator } from "./random";

/**
 * The demo: three parks, about forty enterprises (most in 滨江化学工业园), a few hundred products
 * drawn from the reference dictionary, open demands, supply offers, by-products, two matchmaking
 * events with their agreements and call-offs, and one account per kind of user. Deterministic
 * (a seeded generator), written in one transaction, once per database. Enterprises, products,
 * listings and agreements go through their writers like any other change (checked, audited as the
 * system's, announced to search and matching); the agreements are recorded as signed at the
 * park's events, as park staff record them, then moved on to their state step by step.
 */

const SEEDED_KEY = "demo_seeded";


const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
const money = (n: number) => n.toFixed(2);
const qty = (n: number) => n.toFixed(3);

/** The demo is written as the system, the actor of the CLI: platform admin, like park staff of every park. */
const seeder = systemActor;

/** The steps from signed to each state an agreement of the demo is in. */
const STEPS_TO: Record<"signed" | "active" | "completed", ("active" | "completed")[]> = {
  signed: [], active: ["active"], completed: ["active", "completed"],
};

export interface DemoResult {
  seeded: boolean;
  parks: number;
  enterprises: number;
  products: number;
  demands: number;
  agreements: number;
}

export async function seedDemo(db: Db, options: { today?: Date } = {}): Promise<DemoResult> {
  const today = options.today ?? new Date();
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
  if (done) return { seeded: false, parks: 0, enterprises: 0, products: 0, demands: 0, agreements: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction(async (tx) => {
    // a concurrent first start (two instances) seeds once: the second waits here, then finds the key
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7311043)`);
    const [again] = await tx.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY));
    if (again) return { seeded: false, parks: 0, enterprises: 0, products: 0, demands: 0, agreements: 0 };
    const rnd = generator(20261123);

    // parks
    const parkRows = await tx
      .insert(parks)
      .values(PARKS.map(({ code, name, nameEn, city }) => ({ code, name, nameEn, city })))
      .onConflictDoUpdate({ target: parks.code, set: { name: sql`excluded.name` } })
      .returning();
    const parkByCode = new Map(parkRows.map((p) => [p.code, p]));

    // the substances the catalogue uses, with their names from the dictionary
    const allItems = [...Object.values(ITEMS).flat(), ...CONTROLLED];
    const known = await tx
      .select({ cas: substances.cas, nameZh: substances.nameZh, nameEn: substances.nameEn })
      .from(substances)
      .where(inArray(substances.cas, [...new Set(allItems.map((i) => i.cas))]));
    const substanceByCas = new Map(known.map((s) => [s.cas, s]));

    // enterprises
    const enterpriseRecords = ENTERPRISES.map(([name, parkCode, chains], i): EnterpriseRecord => {
      const park = parkCode ? PARKS.find((p) => p.code === parkCode)! : null;
      return {
        uscc: demoUscc(i, parkCode ? REGION[parkCode]! : EXTERNAL_REGION[i % EXTERNAL_REGION.length]!),
        name,
        parkId: parkCode ? parkByCode.get(parkCode)!.id : null,
        chains,
        address: park ? `${park.city}市${park.name}${["纬一路", "经三路", "化工大道", "滨江路", "海港路"][i % 5]}${10 + i}号` : null,
        lat: park ? park.lat + (rnd.next() - 0.5) * 0.05 : null,
        lng: park ? park.lng + (rnd.next() - 0.5) * 0.05 : null,
        contactName: `${"王李张刘陈杨赵黄"[i % 8]}${["经理", "主任", "工", "总"][i % 4]}`,
        contactPhone: `0513-8${String(6000000 + i * 7919).slice(0, 7)}`,
        description: `${name.replace(/有限公司|股份有限公司/, "")}主要从事${chains.join("、")}相关产品的生产与销售。`,
        // every ninth waits for verification; the acetone trader (易制毒, signed at an event) is verified
        verifiedAt: i % 9 === 8 && !name.includes("浦化贸易") ? null : addDays(today, -200 + i),
      };
    });
    const enterpriseRows: Awaited<ReturnType<typeof insertEnterprise>>[] = [];
    for (const record of enterpriseRecords) enterpriseRows.push(await insertEnterprise(tx, seeder, record));

    // licences: hazardous trade and safety production for most; one expired; precursors for the explosives maker
    const licenceRows: (typeof licences.$inferInsert)[] = [];
    enterpriseRows.forEach((e, i) => {
      if (i % 4 !== 3) {
        licenceRows.push({
          enterpriseId: e.id, type: "safety_production", number: `(苏)WH安许证字[F${String(1000 + i)}]`,
          validUntil: isoDate(addDays(today, 300 + i * 5)), verifiedAt: e.verifiedAt,
        });
      }
      if (i % 3 === 0) {
        licenceRows.push({
          enterpriseId: e.id, type: "hazardous_trade", number: `苏通危化经字[2025]${String(100 + i).padStart(5, "0")}`,
          // one supplier's licence has lapsed: its controlled listings are blocked
          validUntil: isoDate(addDays(today, i === 9 ? -20 : 400)), verifiedAt: e.verifiedAt,
        });
      }
    });
    const explosivesMaker = enterpriseRows.find((e) => e.name.includes("民爆"))!;
    licenceRows.push({
      enterpriseId: explosivesMaker.id, type: "explosive_precursor", number: "320600-YZB-2025-0017",
      scope: "硝酸铵、硝酸钾、氯酸钠", validUntil: isoDate(addDays(today, 500)), verifiedAt: addDays(today, -100),
    });
    const pharma = enterpriseRows.find((e) => e.name.includes("德源医药"))!;
    licenceRows.push({
      enterpriseId: pharma.id, type: "highly_toxic", number: "苏公剧毒购[2025]0088",
      scope: "氰化钠、氰化钾", validUntil: isoDate(addDays(today, 250)), verifiedAt: addDays(today, -60),
    });
    // the chlorine buyer (its agreement BJHG-…-027) holds the purchase licence a highly toxic substance needs to be signed for
    licenceRows.push({
      enterpriseId: enterpriseRows.find((e) => e.name.includes("立信化工"))!.id, type: "highly_toxic", number: "苏公剧毒购[2025]0131",
      scope: "液氯", validUntil: isoDate(addDays(today, 200)), verifiedAt: addDays(today, -90),
    });
    // the buyers of toluene, acetone and sulfuric acid at the signing events (易制毒 category 3) hold their
    // 购买备案证明; the demo buyer (中润树脂) holds none, so its toluene suppliers read needs_licence
    for (const [fragment, scope, serial] of [["滨江精细化工", "甲苯", "0031"], ["泰和化学试剂", "丙酮", "0047"], ["安达化学", "硫酸", "0052"]] as const) {
      licenceRows.push({
        enterpriseId: enterpriseRows.find((e) => e.name.includes(fragment))!.id, type: "precursor_purchase_record",
        number: `(苏通)公（禁毒）备字[2025]${serial}号`, scope, validUntil: isoDate(addDays(today, 280)), verifiedAt: addDays(today, -45),
      });
    }
    await tx.insert(licences).values(licenceRows);

    // products: each enterprise makes a handful of its chains' items
    const insertedProducts: { id: number; enterpriseId: number; availableT: string | null; priceCnyPerT: string | null }[] = [];
    for (const e of enterpriseRows) {
      const productRows: ProductRecord[] = [];
      const pool = e.id === explosivesMaker.id ? [...CONTROLLED, ...ITEMS.基础化工!] : e.chains.flatMap((c) => ITEMS[c] ?? []);
      const count = Math.min(pool.length, rnd.int(5, 11));
      const chosen = [...pool].sort(() => rnd.next() - 0.5).slice(0, count);
      chosen.forEach((item, k) => {
        const grade = rnd.pick(item.grades);
        const name = rnd.pick(item.names);
        // a name that states its content ("IPA 99.9%", "盐酸 31%") is what the purity says
        const stated = /(\d+(?:\.\d+)?)%/.exec(name);
        const purity = stated ? Number(stated[1])
          : grade === "electronic" ? 99.99 : grade === "reagent" ? 99.9 : grade === "pharma" ? 99.5 : rnd.pick([98, 99, 99.5, 99.9]);
        const capacity = rnd.pick([500, 1000, 2000, 5000, 10000, 20000, 50000]) * (grade === "electronic" ? 0.1 : 1);
        const factor = { industrial: 1, reagent: 1.8, electronic: 2.5, pharma: 1.4, food: 1.3 }[grade];
        const known = substanceByCas.get(item.cas);
        productRows.push({
          sku: `${e.uscc.slice(-4)}-${String(k + 1).padStart(3, "0")}`,
          name,
          cas: known ? item.cas : null,
          grade,
          purityPct: purity,
          form: item.form,
          packaging: item.pack,
          capacityTpy: capacity,
          availableT: Math.round(capacity * rnd.pick([0.05, 0.1, 0.2, 0.3])),
          priceCnyPerT: Math.round((item.price * factor * (0.9 + rnd.next() * 0.2)) / 10) * 10,
          description: known ? `${known.nameZh ?? name}${known.nameEn ? ` (${known.nameEn})` : ""}，${{ industrial: "工业级", reagent: "试剂级", electronic: "电子级", pharma: "医药级", food: "食品级" }[grade]}，含量≥${purity}%。` : null,
        });
      });
      insertedProducts.push(...(await insertProducts(tx, seeder, e.id, productRows)));
    }

    // supply offers for a few products
    for (const p of insertedProducts.filter((_, i) => i % 9 === 0)) {
      await insertOffer(tx, seeder, p.enterpriseId, {
        productId: p.id, quantity: Math.max(10, Math.round(Number(p.availableT) / 2)), priceCnyPerUnit: p.priceCnyPerT === null ? null : Number(p.priceCnyPerT),
        validFrom: isoDate(addDays(today, -10)), validUntil: isoDate(addDays(today, 80)), place: "园区自提",
      }, { status: "open" });
    }

    // demands: buyers ask for what the park makes, and for some things nobody in the park makes (chain gaps)
    const byName = (fragment: string) => enterpriseRows.find((e) => e.name.includes(fragment))!;
    const demandSpecs: [string, string, number, Grade | null, number | null, number][] = [
      ["中润树脂", "79-10-7", 800, "industrial", 99.5, 6600],
      ["中润树脂", "141-32-2", 600, "industrial", null, 9300],
      ["东方涂料", "1330-20-7", 300, "industrial", null, 6300],
      ["东方涂料", "123-86-4", 200, "industrial", 99, 7100],
      ["康宁药业", "141-78-6", 150, "pharma", 99.5, 6800],
      ["康宁药业", "75-09-2", 120, "pharma", null, 3300],
      ["新宇电子", "7664-39-3", 60, "electronic", 49, 12500],
      ["新宇电子", "67-63-0", 80, "electronic", 99.99, 13000],
      ["金泰电池", "616-38-6", 500, "electronic", 99.99, 4500],
      ["金泰电池", "96-49-1", 300, "electronic", 99.99, 6200],
      ["金泰电池", "21324-40-3", 50, "electronic", 99.9, 65000],
      ["宏远染料", "62-53-3", 400, "industrial", 99.5, 9000],
      ["宏远染料", "98-95-3", 300, "industrial", null, 8100],
      ["嘉华高分子", "100-42-5", 1000, "industrial", 99.7, 8200],
      ["嘉华高分子", "107-13-1", 500, "industrial", null, 9700],
      ["同源生物", "110-86-1", 20, "pharma", 99.9, 23000],
      ["同源生物", "143-33-9", 10, "industrial", 98, 11000],
      ["天成农化", "108-90-7", 200, "industrial", null, 7300],
      ["天成农化", "7775-09-9", 30, "industrial", null, 4800],
      ["奥克表面", "75-21-8", 2000, "industrial", 99.9, 6800],
      ["博远新材料", "872-50-4", 200, "electronic", 99.9, 15500],
      ["博远新材料", "1310-65-2", 80, "electronic", 56.5, 76000],
      ["蓝海环保", "7681-52-9", 600, "industrial", null, 600],
      ["蓝海环保", "7705-08-0", 400, "industrial", null, 1200],
      ["新泽材料", "80-62-6", 700, "industrial", 99.9, 11800],
      ["百川医药", "127-19-5", 100, "industrial", 99.9, 9600],
    ];
    let demandCount = 0;
    for (const [i, [buyer, cas, quantity, grade, minPurity, target]] of demandSpecs.entries()) {
      const known = substanceByCas.get(cas);
      await insertDemand(tx, seeder, byName(buyer).id, {
        cas: known ? cas : null,
        substanceName: known?.nameZh ?? (cas === "21324-40-3" ? "六氟磷酸锂" : cas),
        quantity,
        grade,
        minPurityPct: minPurity,
        deliveryFrom: isoDate(addDays(today, 7 + i)),
        deliveryTo: isoDate(addDays(today, 90 + i)),
        place: "滨江化学工业园",
        targetPriceCnyPerUnit: target,
        recurrence: i % 3 === 0 ? "monthly" : "once",
        expiresOn: isoDate(addDays(today, 60 + i)),
        note: i % 4 === 0 ? "长期稳定采购，可签框架协议" : null,
      }, { status: "open" });
      demandCount++;
    }

    // by-products offered as feedstock (circular economy)
    const byproductSpecs: [string, { name: string; cas: string | null; wasteCode: string | null; composition: string; monthlyVolumeT: number }][] = [
      ["海川氯碱", { name: "副产盐酸 20%", cas: "7647-01-0", wasteCode: null, composition: "HCl 20%，含微量有机物", monthlyVolumeT: 800 }],
      ["华晟新材料", { name: "废甲醇溶剂", cas: "67-56-1", wasteCode: "HW06 900-404-06", composition: "甲醇 85%，水 12%，杂质 3%", monthlyVolumeT: 60 }],
      ["瑞丰丙烯酸", { name: "丙烯酸重组分", cas: null, wasteCode: "HW11 900-013-11", composition: "丙烯酸二聚体、阻聚剂", monthlyVolumeT: 35 }],
      ["永泰化学", { name: "副产硫酸铵", cas: "7783-20-2", wasteCode: null, composition: "(NH4)2SO4 ≥ 95%", monthlyVolumeT: 300 }],
    ];
    for (const [owner, byproduct] of byproductSpecs) {
      await insertByproduct(tx, seeder, byName(owner).id, { ...byproduct, place: "滨江化学工业园" }, { status: "open" });
    }

    // events and the agreements signed there
    const [event2025, event2026] = await tx
      .insert(events)
      .values([
        { parkId: parkByCode.get("BJHG")!.id, name: "2025年滨江化学工业园产业链供需对接会", heldOn: isoDate(addDays(today, -320)), place: "滨江化学工业园管委会" },
        { parkId: parkByCode.get("BJHG")!.id, name: "2026年滨江化学工业园产业链战略合作签约大会", heldOn: isoDate(addDays(today, -150)), place: "南通国际会议中心" },
      ])
      .onConflictDoNothing()
      .returning();

    const pairs: [string, string, string, number, number][] = [
      // buyer, seller, CAS, volume t/yr, unit price
      ["中润树脂", "瑞丰丙烯酸", "79-10-7", 6000, 6500],
      ["中润树脂", "华晟新材料", "141-32-2", 4000, 9100],
      ["东方涂料", "滨江精细化工", "1330-20-7", 3000, 6350],
      ["东方涂料", "明达溶剂", "123-86-4", 1500, 7000],
      ["康宁药业", "滨江精细化工", "141-78-6", 1200, 6600],
      ["新宇电子", "晶芯电子", "7664-39-3", 600, 12000],
      ["金泰电池", "锂源新能源", "616-38-6", 5000, 4300],
      ["宏远染料", "华星化学品", "62-53-3", 2500, 9000],
      ["嘉华高分子", "恒力聚合", "100-42-5", 8000, 8300],
      ["同源生物", "德源医药", "110-86-1", 200, 22000],
      ["天成农化", "安达化学", "108-90-7", 1800, 7200],
      ["奥克表面", "海湾石化", "75-21-8", 10000, 6900],
      ["蓝海环保", "海川氯碱", "7681-52-9", 6000, 650],
      ["博远新材料", "锂源新能源", "872-50-4", 1200, 15000],
      ["恒力聚合", "远东乙烯", "107-13-1", 6000, 9800],
      ["华晟新材料", "海川氯碱", "1310-73-2", 20000, 950],
      ["滨江精细化工", "海湾石化", "108-88-3", 8000, 6000],
      ["明达溶剂", "恒润芳烃", "1330-20-7", 10000, 6400],
      ["晶芯电子", "光明特种气体", "7803-62-5", 20, 380000],
      ["锂源新能源", "海晶硅材料", "7440-21-3", 2000, 13500],
      ["新泽材料", "瑞丰丙烯酸", "79-41-4", 900, 14500],
      ["浙江江南", "中润树脂", "80-62-6", 3000, 12000],
      ["泰和化学试剂", "浦化贸易", "67-64-1", 800, 5600],
      ["德源医药", "皖江精细", "75-05-8", 500, 11000],
      ["苏州晶华", "晶芯电子", "67-63-0", 400, 13500],
      ["安达化学", "永泰化学", "7664-93-9", 30000, 450],
      ["立信化工", "海川氯碱", "7782-50-5", 12000, 300],
      ["兴业民爆", "永泰化学", "7697-37-2", 5000, 2300],
    ];
    // the buyers' agents (经办人) of the demo's shipments, with resident ID numbers that pass their check digit
    const people = generator(20261129);
    const AGENTS = ["王建国", "李秀英", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄海涛"];
    const PURPOSES = ["生产原料", "合成中间体原料", "配制溶剂", "水处理药剂", "实验室分析用"];
    const shipmentPeople = () => {
      const first17 = `320602${people.int(1965, 1998)}${String(people.int(1, 12)).padStart(2, "0")}${String(people.int(1, 28)).padStart(2, "0")}${String(people.int(0, 999)).padStart(3, "0")}`;
      return { purpose: people.pick(PURPOSES), agentName: people.pick(AGENTS), agentIdNumber: `${first17}${residentIdCheckCharacter(first17)}` };
    };
    const types = ["framework", "contract", "order"] as const;
    const statuses = ["signed", "active", "active", "completed"] as const;
    let agreementCount = 0;
    for (const [i, [buyer, seller, cas, volume, price]] of pairs.entries()) {
      const type = types[i % 3 === 2 ? 2 : i % 2]!;
      const event = i < 12 ? event2026! : i < 20 ? event2025! : null;
      const signed = event ? new Date(`${event.heldOn}T00:00:00Z`) : addDays(today, -rnd.int(20, 200));
      const amount = volume * price;
      const agreement = await insertAgreement(tx, seeder, {
        ref: `BJHG-${signed.getUTCFullYear()}-${String(i + 1).padStart(3, "0")}`,
        type,
        title: `${substanceByCas.get(cas)?.nameZh ?? cas}${type === "framework" ? "年度供应框架协议" : type === "contract" ? "供货合同" : "采购订单"}`,
        buyerEnterpriseId: byName(buyer).id,
        sellerEnterpriseId: byName(seller).id,
        status: "signed",
        signedOn: isoDate(signed),
        startOn: isoDate(signed),
        endOn: isoDate(addDays(signed, type === "order" ? 60 : 365)),
        eventId: event?.id ?? null,
        lines: [{
          cas: substanceByCas.has(cas) ? cas : null, productName: substanceByCas.get(cas)?.nameZh ?? cas,
          volumeT: qty(volume), unitPriceCny: money(price), amountCny: money(amount),
        }],
      });
      // on from signed, one allowed step at a time, as the parties' admins move it
      const status = type === "order" && i % 2 === 0 ? "completed" : statuses[i % statuses.length]!;
      for (const step of STEPS_TO[status]) await updateAgreementRecord(tx, seeder, agreement.id, { status: step }, { action: step });
      const [line] = await tx.select().from(agreementLines).where(eq(agreementLines.agreementId, agreement.id));
      if (type === "framework") {
        const months = rnd.int(2, 6);
        const callOffs = await tx.insert(callOffOrders).values(
          Array.from({ length: months }, (_, m) => {
            const ordered = Math.round(volume / 12);
            const orderedOn = addDays(signed, 20 + m * 30);
            // due ten days after the order (delivered after seven: on time), every fourth one five days after (late)
            const dueOn = isoDate(addDays(orderedOn, m % 4 === 3 ? 5 : 10));
            return { agreementId: agreement.id, lineId: line!.id, orderedT: qty(ordered), orderedOn: isoDate(orderedOn), dueOn };
          }).filter((c) => new Date(c.orderedOn) <= today),
        ).returning();
        // what was delivered once the agreement took effect: one shipment per call-off ordered more than ten days ago (the writer sums it into the call-off)
        for (const c of callOffs.filter((c) => status !== "signed" && new Date(c.orderedOn) < addDays(today, -10))) {
          await insertShipment(tx, seeder, {
            agreementId: agreement.id, lineId: line!.id, callOffId: c.id,
            deliveredOn: isoDate(addDays(new Date(`${c.orderedOn}T00:00:00Z`), 7)), quantityT: Number(c.orderedT), ...shipmentPeople(),
          });
        }
      } else if (status === "completed" || status === "active") {
        // contracts and orders deliver against their line: a completed one in full (two shipments), an active one a first part
        const shipped = status === "completed" ? [volume / 2, volume - volume / 2] : [Math.round(volume * 0.4)];
        const span = Math.max(2, Math.min(50, Math.round((today.getTime() - signed.getTime()) / 86_400_000) - 1));
        for (const [n, quantity] of shipped.entries()) {
          await insertShipment(tx, seeder, {
            agreementId: agreement.id, lineId: line!.id, callOffId: null,
            deliveredOn: isoDate(addDays(signed, Math.round((span * (n + 1)) / (shipped.length + 1)))), quantityT: quantity, ...shipmentPeople(),
          });
        }
      }
      agreementCount++;
    }

    // demo accounts, one per kind of user
    const supplier = byName("滨江精细化工");
    const buyerEnterprise = byName("中润树脂");
    const accounts = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, passwordHash, isPlatformAdmin: a.kind === "admin" })))
      .returning({ id: users.id, email: users.email });
    const idOf = (kind: string) => accounts.find((a) => a.email === DEMO_ACCOUNTS.find((d) => d.kind === kind)!.email)!.id;
    await tx.insert(memberships).values([
      { userId: idOf("enterprise"), enterpriseId: supplier.id, role: "admin" },
      { userId: idOf("procurement"), enterpriseId: buyerEnterprise.id, role: "procurement" },
    ]);
    await tx.insert(parkStaff).values({ userId: idOf("park"), parkId: parkByCode.get("BJHG")!.id });

    // everything searchable has reached the outbox through the writers
    await seedDemoDeals(tx, { today });
    await tx.insert(appMeta).values({ key: SEEDED_KEY, value: today.toISOString() });
    await seedDemoMatching(tx, today);

    return {
      seeded: true,
      parks: parkRows.length,
      enterprises: enterpriseRows.length,
      products: insertedProducts.length,
      demands: demandCount,
      agreements: agreementCount,
    };
  });
}
