import { usccCheckCharacter } from "@/server/enterprises/uscc";
import { generator } from "./random";

/**
 * What the demo is made of: the products each chain's enterprises make (from the reference
 * dictionary's CAS numbers), the controlled ones, the three parks, the enterprises with their
 * chains, and their credit codes. server/seed/demo.ts writes them.
 */
export type Grade = "industrial" | "reagent" | "electronic" | "pharma" | "food";
export type Form = "liquid" | "solid" | "gas";

/** What the demo enterprises make: CAS, how catalogues name it, price (元/吨), form, usual grades. */
export interface Item { cas: string; names: string[]; price: number; form: Form; grades: Grade[]; pack: string }

export const ITEMS: Record<string, Item[]> = {
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
export const CONTROLLED: Item[] = [
  { cas: "6484-52-2", names: ["硝酸铵"], price: 2600, form: "solid", grades: ["industrial"], pack: "40kg袋" },
  { cas: "7757-79-1", names: ["硝酸钾"], price: 5500, form: "solid", grades: ["industrial", "food"], pack: "25kg袋" },
  { cas: "7775-09-9", names: ["氯酸钠"], price: 4800, form: "solid", grades: ["industrial"], pack: "50kg袋" },
];

export const PARKS = [
  { code: "BJHG", name: "滨江化学工业园", nameEn: "Binjiang Chemical Industrial Park", city: "南通", lat: 32.02, lng: 121.05 },
  { code: "LGXC", name: "临港新材料产业园", nameEn: "Lingang New Materials Park", city: "盐城", lat: 33.35, lng: 120.45 },
  { code: "YHSH", name: "沿海石化产业基地", nameEn: "Coastal Petrochemical Base", city: "连云港", lat: 34.72, lng: 119.45 },
];

/** [name, park code or null, industry chains] */
export const ENTERPRISES: [string, string | null, string[]][] = [
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
export function demoUscc(i: number, region: string): string {
  const chars = generator(1000 + i);
  let serial = "MA1";
  for (let k = 0; k < 6; k++) serial += chars.pick([...USCC_ALPHABET]);
  const body = `91${region}${serial}`;
  return body + usccCheckCharacter(body);
}

export const REGION: Record<string, string> = { BJHG: "320600", LGXC: "320900", YHSH: "320700" };
export const EXTERNAL_REGION = ["310000", "330000", "370000", "340000", "320500"];
