import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { agreementLines, appMeta, callOffOrders, events, licences, memberships, parkStaff, parks, substances, users } from "@/db/schema";
import { insertAgreement, updateAgreementRecord } from "@/server/agreements/write-agreement";
import { systemActor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { insertProducts, type ProductRecord } from "@/server/catalogue/write-product";
import { usccCheckCharacter } from "@/server/enterprises/uscc";
import { insertEnterprise, type EnterpriseRecord } from "@/server/enterprises/write-enterprise";
import { insertByproduct, insertDemand, insertOffer } from "@/server/listings/write-listing";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { seedDemoDeals } from "./demo-deals";
import { seedDemoMatching } from "./demo-matching";
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

type Grade = "industrial" | "reagent" | "electronic" | "pharma" | "food";
type Form = "liquid" | "solid" | "gas";

/** What the demo enterprises make: CAS, how catalogues name it, price (元/吨), form, usual grades. */
interface Item { cas: string; names: string[]; price: number; form: Form; grades: Grade[]; pack: string }

const ITEMS: Record<string, Item[]> = {
  基础化工: [
    { cas: "7664-93-9", names: ["硫酸 98%", "工业硫酸"], price: 450, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "7647-01-0", names: ["盐酸 31%", "工业盐酸"], price: 260, form: "liquid", grades: ["industrial", "reagent"], pack: "槽车" },
    { cas: "1310-73-2", names: ["烧碱 32%", "液碱", "片碱 99%"], price: 950, form: "liquid", grades: ["industrial"], pack: "槽车/25kg袋" },
    { cas: "7664-41-7", names: ["液氨", "Liquid Ammonia"], price: 3100, form: "gas", grades: ["industrial"], pack: "槽车" },
    { cas: "7782-50-5", names: ["液氯"], price: 300, form: "gas", grades: ["industrial"], pack: "钢瓶/槽车" },
    { cas: "7697-37-2", names: ["硝酸 68%", "浓硝酸"], price: 2300, form: "liquid", grades: ["industrial"], pack: "槽车/IBC" },
    { cas: "7722-84-1", names: ["双氧水 27.5%", "过氧化氢 50%"], price: 1100, form: "liquid", grades: ["industrial", "electronic"], pack: "IBC吨桶" },
    { cas: "7681-52-9", names: ["次氯酸钠溶液 10%"], price: 650, form: "liquid", grades: ["industrial"], pack: "IBC吨桶" },
    { cas: "1336-21-6", names: ["氨水 20%"], price: 800, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "7705-08-0", names: ["三氯化铁", "液体三氯化铁 40%"], price: 1200, form: "solid", grades: ["industrial"], pack: "25kg袋" },
    { cas: "7446-09-5", names: ["液体二氧化硫"], price: 1800, form: "gas", grades: ["industrial"], pack: "钢瓶" },
  ],
  有机新材料: [
    { cas: "79-10-7", names: ["丙烯酸", "冰晶级丙烯酸 GAA"], price: 6500, form: "liquid", grades: ["industrial"], pack: "200L桶/槽车" },
    { cas: "141-32-2", names: ["丙烯酸丁酯", "BA"], price: 9200, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "80-62-6", names: ["甲基丙烯酸甲酯", "MMA"], price: 12000, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "79-41-4", names: ["甲基丙烯酸", "MAA"], price: 14500, form: "liquid", grades: ["industrial"], pack: "200L桶" },
    { cas: "100-42-5", names: ["苯乙烯", "SM"], price: 8300, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "107-13-1", names: ["丙烯腈", "AN"], price: 9800, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "108-05-4", names: ["醋酸乙烯", "VAM"], price: 6200, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "75-21-8", names: ["环氧乙烷", "EO"], price: 6900, form: "gas", grades: ["industrial"], pack: "槽车" },
    { cas: "75-56-9", names: ["环氧丙烷", "PO"], price: 9500, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "106-99-0", names: ["1,3-丁二烯"], price: 9000, form: "gas", grades: ["industrial"], pack: "槽车" },
    { cas: "107-21-1", names: ["乙二醇", "MEG"], price: 4300, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "110-63-4", names: ["1,4-丁二醇", "BDO"], price: 9800, form: "liquid", grades: ["industrial"], pack: "200kg桶" },
    { cas: "108-95-2", names: ["苯酚", "石炭酸"], price: 7200, form: "solid", grades: ["industrial"], pack: "槽车/200kg桶" },
    { cas: "50-00-0", names: ["甲醛 37%", "福尔马林"], price: 1300, form: "liquid", grades: ["industrial"], pack: "槽车" },
  ],
  精细化工: [
    { cas: "67-63-0", names: ["异丙醇", "IPA 99.9%", "2-丙醇"], price: 7000, form: "liquid", grades: ["industrial", "reagent", "electronic"], pack: "160kg桶" },
    { cas: "67-56-1", names: ["甲醇", "精甲醇"], price: 2400, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "64-17-5", names: ["无水乙醇", "乙醇 95%"], price: 6300, form: "liquid", grades: ["industrial", "pharma", "food"], pack: "160kg桶" },
    { cas: "67-64-1", names: ["丙酮"], price: 5600, form: "liquid", grades: ["industrial", "reagent"], pack: "160kg桶" },
    { cas: "108-88-3", names: ["甲苯"], price: 6000, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "1330-20-7", names: ["二甲苯", "混合二甲苯"], price: 6400, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "141-78-6", names: ["乙酸乙酯", "醋酸乙酯"], price: 5800, form: "liquid", grades: ["industrial", "pharma"], pack: "180kg桶" },
    { cas: "123-86-4", names: ["乙酸丁酯", "醋酸丁酯"], price: 7000, form: "liquid", grades: ["industrial"], pack: "180kg桶" },
    { cas: "75-09-2", names: ["二氯甲烷", "DCM"], price: 2600, form: "liquid", grades: ["industrial", "pharma"], pack: "270kg桶" },
    { cas: "67-66-3", names: ["三氯甲烷", "氯仿"], price: 2800, form: "liquid", grades: ["industrial", "reagent"], pack: "300kg桶" },
    { cas: "68-12-2", names: ["DMF", "N,N-二甲基甲酰胺"], price: 5000, form: "liquid", grades: ["industrial", "electronic"], pack: "190kg桶" },
    { cas: "127-19-5", names: ["DMAC", "二甲基乙酰胺"], price: 9500, form: "liquid", grades: ["industrial"], pack: "190kg桶" },
    { cas: "109-99-9", names: ["四氢呋喃", "THF"], price: 13000, form: "liquid", grades: ["industrial", "pharma"], pack: "180kg桶" },
    { cas: "75-05-8", names: ["乙腈"], price: 11000, form: "liquid", grades: ["industrial", "pharma", "electronic"], pack: "160kg桶" },
    { cas: "110-54-3", names: ["正己烷"], price: 7500, form: "liquid", grades: ["industrial", "reagent"], pack: "135kg桶" },
    { cas: "110-82-7", names: ["环己烷"], price: 7800, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "108-94-1", names: ["环己酮"], price: 8600, form: "liquid", grades: ["industrial"], pack: "190kg桶" },
    { cas: "78-93-3", names: ["丁酮", "MEK 甲乙酮"], price: 7600, form: "liquid", grades: ["industrial"], pack: "165kg桶" },
    { cas: "108-10-1", names: ["MIBK 甲基异丁基酮"], price: 11500, form: "liquid", grades: ["industrial"], pack: "165kg桶" },
    { cas: "64-19-7", names: ["冰醋酸", "乙酸 99.8%"], price: 3000, form: "liquid", grades: ["industrial", "food"], pack: "槽车/IBC" },
    { cas: "64-18-6", names: ["甲酸 85%", "蚁酸"], price: 3300, form: "liquid", grades: ["industrial"], pack: "IBC吨桶" },
    { cas: "62-53-3", names: ["苯胺"], price: 9000, form: "liquid", grades: ["industrial"], pack: "200kg桶" },
    { cas: "98-95-3", names: ["硝基苯"], price: 8000, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "108-90-7", names: ["氯苯", "一氯苯"], price: 7200, form: "liquid", grades: ["industrial"], pack: "槽车" },
    { cas: "95-50-1", names: ["邻二氯苯"], price: 9800, form: "liquid", grades: ["industrial"], pack: "250kg桶" },
    { cas: "110-86-1", names: ["吡啶"], price: 21000, form: "liquid", grades: ["industrial", "pharma"], pack: "180kg桶" },
    { cas: "121-44-8", names: ["三乙胺"], price: 12500, form: "liquid", grades: ["industrial"], pack: "150kg桶" },
    { cas: "123-91-1", names: ["1,4-二氧六环", "二噁烷"], price: 16000, form: "liquid", grades: ["industrial", "reagent"], pack: "200kg桶" },
    { cas: "75-15-0", names: ["二硫化碳"], price: 5200, form: "liquid", grades: ["industrial"], pack: "250kg桶" },
  ],
  医药大健康: [
    { cas: "64-17-5", names: ["药用乙醇", "医用酒精 75%"], price: 7200, form: "liquid", grades: ["pharma"], pack: "25kg桶" },
    { cas: "56-81-5", names: ["甘油", "丙三醇 99.5%"], price: 6800, form: "liquid", grades: ["pharma", "food"], pack: "250kg桶" },
    { cas: "57-55-6", names: ["1,2-丙二醇", "USP丙二醇"], price: 9000, form: "liquid", grades: ["pharma", "food", "industrial"], pack: "215kg桶" },
    { cas: "141-78-6", names: ["药用乙酸乙酯"], price: 6600, form: "liquid", grades: ["pharma"], pack: "180kg桶" },
    { cas: "75-09-2", names: ["药用二氯甲烷"], price: 3200, form: "liquid", grades: ["pharma"], pack: "270kg桶" },
    { cas: "110-86-1", names: ["吡啶 99.9%"], price: 24000, form: "liquid", grades: ["pharma"], pack: "180kg桶" },
    { cas: "143-33-9", names: ["氰化钠 98%"], price: 11000, form: "solid", grades: ["industrial"], pack: "50kg铁桶" },
    { cas: "151-50-8", names: ["氰化钾"], price: 26000, form: "solid", grades: ["industrial", "reagent"], pack: "50kg铁桶" },
  ],
  电子化学品: [
    { cas: "7664-39-3", names: ["电子级氢氟酸 49%", "氢氟酸 UP-S"], price: 12000, form: "liquid", grades: ["electronic"], pack: "PFA桶" },
    { cas: "7722-84-1", names: ["电子级双氧水 31%"], price: 3800, form: "liquid", grades: ["electronic"], pack: "PE桶" },
    { cas: "67-63-0", names: ["电子级异丙醇 IPA"], price: 13500, form: "liquid", grades: ["electronic"], pack: "200L桶" },
    { cas: "7664-93-9", names: ["电子级硫酸 96%"], price: 3500, form: "liquid", grades: ["electronic"], pack: "PFA桶" },
    { cas: "7803-62-5", names: ["电子级硅烷", "SiH4"], price: 380000, form: "gas", grades: ["electronic"], pack: "钢瓶" },
    { cas: "10025-78-2", names: ["三氯氢硅", "TCS"], price: 11000, form: "liquid", grades: ["electronic", "industrial"], pack: "槽车" },
    { cas: "7697-37-2", names: ["电子级硝酸 70%"], price: 6200, form: "liquid", grades: ["electronic"], pack: "PE桶" },
    { cas: "68-12-2", names: ["电子级DMF"], price: 9000, form: "liquid", grades: ["electronic"], pack: "200L桶" },
  ],
  新能源材料: [
    { cas: "96-49-1", names: ["碳酸乙烯酯", "EC"], price: 6000, form: "solid", grades: ["electronic", "industrial"], pack: "200kg桶" },
    { cas: "616-38-6", names: ["碳酸二甲酯", "DMC"], price: 4300, form: "liquid", grades: ["electronic", "industrial"], pack: "槽车" },
    { cas: "105-58-8", names: ["碳酸二乙酯", "DEC"], price: 9800, form: "liquid", grades: ["electronic"], pack: "200kg桶" },
    { cas: "1310-65-2", names: ["氢氧化锂", "单水氢氧化锂"], price: 78000, form: "solid", grades: ["electronic", "industrial"], pack: "25kg袋" },
    { cas: "872-50-4", names: ["NMP", "N-甲基吡咯烷酮"], price: 15000, form: "liquid", grades: ["electronic", "industrial"], pack: "200kg桶" },
    { cas: "7440-21-3", names: ["硅粉", "金属硅粉"], price: 13500, form: "solid", grades: ["industrial"], pack: "吨袋" },
    { cas: "7758-98-7", names: ["硫酸铜", "五水硫酸铜"], price: 19000, form: "solid", grades: ["industrial", "electronic"], pack: "25kg袋" },
  ],
};

/** Controlled substances only a few licensed enterprises trade. */
const CONTROLLED: Item[] = [
  { cas: "6484-52-2", names: ["硝酸铵"], price: 2600, form: "solid", grades: ["industrial"], pack: "40kg袋" },
  { cas: "7757-79-1", names: ["硝酸钾"], price: 5500, form: "solid", grades: ["industrial", "food"], pack: "25kg袋" },
  { cas: "7775-09-9", names: ["氯酸钠"], price: 4800, form: "solid", grades: ["industrial"], pack: "50kg袋" },
];

const PARKS = [
  { code: "BJHG", name: "滨江化学工业园", nameEn: "Binjiang Chemical Industrial Park", city: "南通", lat: 32.02, lng: 121.05 },
  { code: "LGXC", name: "临港新材料产业园", nameEn: "Lingang New Materials Park", city: "盐城", lat: 33.35, lng: 120.45 },
  { code: "YHSH", name: "沿海石化产业基地", nameEn: "Coastal Petrochemical Base", city: "连云港", lat: 34.72, lng: 119.45 },
];

/** [name, park code or null, industry chains] */
const ENTERPRISES: [string, string | null, string[]][] = [
  ["江苏滨江精细化工有限公司", "BJHG", ["精细化工"]],
  ["南通华晟新材料股份有限公司", "BJHG", ["有机新材料", "精细化工"]],
  ["滨江永泰化学有限公司", "BJHG", ["基础化工"]],
  ["江苏瑞丰丙烯酸有限公司", "BJHG", ["有机新材料"]],
  ["南通德源医药化工有限公司", "BJHG", ["医药大健康", "精细化工"]],
  ["滨江晶芯电子材料有限公司", "BJHG", ["电子化学品"]],
  ["江苏锂源新能源材料有限公司", "BJHG", ["新能源材料"]],
  ["南通海川氯碱化工有限公司", "BJHG", ["基础化工"]],
  ["滨江明达溶剂有限公司", "BJHG", ["精细化工"]],
  ["江苏中润树脂有限公司", "BJHG", ["有机新材料"]],
  ["南通康宁药业有限公司", "BJHG", ["医药大健康"]],
  ["滨江华星化学品有限公司", "BJHG", ["精细化工", "基础化工"]],
  ["江苏新宇电子化学品有限公司", "BJHG", ["电子化学品"]],
  ["南通恒力聚合材料有限公司", "BJHG", ["有机新材料"]],
  ["滨江东方涂料有限公司", "BJHG", ["精细化工"]],
  ["江苏蓝海环保科技有限公司", "BJHG", ["基础化工"]],
  ["南通宏远染料化工有限公司", "BJHG", ["精细化工"]],
  ["滨江金泰电池材料有限公司", "BJHG", ["新能源材料"]],
  ["江苏安达化学有限公司", "BJHG", ["基础化工", "精细化工"]],
  ["南通同源生物医药有限公司", "BJHG", ["医药大健康"]],
  ["滨江嘉华高分子材料有限公司", "BJHG", ["有机新材料"]],
  ["江苏光明特种气体有限公司", "BJHG", ["电子化学品", "基础化工"]],
  ["南通天成农化有限公司", "BJHG", ["精细化工"]],
  ["滨江立信化工有限公司", "BJHG", ["基础化工"]],
  ["江苏博远新材料科技有限公司", "BJHG", ["有机新材料", "新能源材料"]],
  ["南通泰和化学试剂有限公司", "BJHG", ["精细化工"]],
  ["滨江奥克表面活性剂有限公司", "BJHG", ["有机新材料"]],
  ["江苏兴业民爆化工有限公司", "BJHG", ["基础化工"]],
  ["盐城临港化学有限公司", "LGXC", ["基础化工"]],
  ["盐城新泽材料科技有限公司", "LGXC", ["有机新材料"]],
  ["江苏海晶硅材料有限公司", "LGXC", ["新能源材料", "电子化学品"]],
  ["盐城百川医药中间体有限公司", "LGXC", ["医药大健康"]],
  ["连云港海湾石化有限公司", "YHSH", ["有机新材料", "基础化工"]],
  ["连云港恒润芳烃有限公司", "YHSH", ["精细化工"]],
  ["连云港远东乙烯有限公司", "YHSH", ["有机新材料"]],
  ["上海浦化贸易有限公司", null, ["精细化工"]],
  ["浙江江南新材料有限公司", null, ["有机新材料"]],
  ["山东鲁源化工有限公司", null, ["基础化工"]],
  ["安徽皖江精细化学品有限公司", null, ["精细化工", "医药大健康"]],
  ["苏州晶华半导体材料有限公司", null, ["电子化学品"]],
];


const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid credit code for demo enterprise i: 91 + region + "MA1" + six characters + check character. */
function demoUscc(i: number, region: string): string {
  const chars = generator(1000 + i);
  let serial = "MA1";
  for (let k = 0; k < 6; k++) serial += chars.pick([...USCC_ALPHABET]);
  const body = `91${region}${serial}`;
  return body + usccCheckCharacter(body);
}

const REGION: Record<string, string> = { BJHG: "320600", LGXC: "320900", YHSH: "320700" };
const EXTERNAL_REGION = ["310000", "330000", "370000", "340000", "320500"];

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
        verifiedAt: i % 9 === 8 ? null : addDays(today, -200 + i),
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
        await tx.insert(callOffOrders).values(
          Array.from({ length: months }, (_, m) => {
            const ordered = Math.round(volume / 12);
            const orderedOn = addDays(signed, 20 + m * 30);
            const delivered = orderedOn < addDays(today, -10);
            return {
              agreementId: agreement.id, lineId: line!.id, orderedT: qty(ordered), deliveredT: qty(delivered ? ordered : 0),
              orderedOn: isoDate(orderedOn), deliveredOn: delivered ? isoDate(addDays(orderedOn, 7)) : null,
            };
          }).filter((c) => new Date(c.orderedOn) <= today),
        );
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
