import { execFileSync } from "node:child_process";
import { expect, freshUscc, test, unique, type Page } from "./fixtures";

/**
 * The park dashboard says what `report --json` says for the same filter, and what a hand sum says.
 *
 * Park staff register two enterprises of their own, import three signed agreements dated in 2019
 * (March and May: April stays empty), terminate one of them after signing, and record a draft that
 * they terminate unsigned. By hand, in 2019, the agreements add:
 *
 *   contract   看板卖方 → 看板买方   2019-03-10   1,200,000 元
 *   order      看板卖方 → 看板买方   2019-05-20     350,000 元
 *   framework  看板卖方 → 看板买方   2019-05-25     500,000 元   (terminated after signing: counts)
 *   contract   draft, terminated unsigned           90,000 元   (never counts)
 *
 * that is 3 agreements and 2,050,000 元, all in the park; under both chains of the parties (精细化工
 * for the seller, 电子化学品 for the buyer), so the chains add up to twice the distinct total.
 * Figures are compared as differences to the CLI's before the test (a reused data folder may hold
 * an earlier run's 2019 agreements), and the page's figures equal the CLI's afterwards.
 */

const PARK = "BJHG"; // the demo park staff's park
const FROM = "2019-01-01";
const TO = "2019-12-31";

interface CliReport {
  agreements: number;
  amountCny: number;
  inParkAmountCny: number;
  inParkShare: number;
  enterprises: number;
  enterprisesActive: number;
  listings: { total: number };
  matches: number;
  inquiries: number;
  byType: Record<"framework" | "contract" | "order", number>;
  amountByType: Record<"framework" | "contract" | "order", number>;
  byChain: Record<string, { count: number; amountCny: number }>;
  chainTotals: { count: number; amountCny: number; attributedAmountCny: number; unattributed: { count: number; amountCny: number } };
  byMonth: { month: string; count: number; amountCny: number }[];
  flows: { seller: string; buyer: string; count: number; amountCny: number }[];
  fulfilment: { frameworks: number; agreedT: number; calledOffT: number; deliveredT: number; calledOffRate: number; deliveredRate: number };
}

/** `npm run cli -- report … --json` against the app's own data folder (the CLI joins its databases). */
function cliReport(filter: { from?: string; to?: string } = {}): CliReport {
  const args = ["tsx", "server/cli/main.ts", "report", "--park", PARK, "--json"];
  if (filter.from) args.push("--from", filter.from);
  if (filter.to) args.push("--to", filter.to);
  const stdout = execFileSync("npx", args, {
    encoding: "utf8", timeout: 90_000,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "", MEILI_URL: "" },
  });
  return JSON.parse(stdout.slice(stdout.indexOf("{"))) as CliReport;
}

/** i18n/index.ts formatCny in Chinese (the spec cannot import the message files it sits beside). */
function money(n: number): string {
  if (Math.abs(n) >= 1e8) return `${(n / 1e8).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 亿元`;
  if (Math.abs(n) >= 1e4) return `${(n / 1e4).toLocaleString("zh-CN", { maximumFractionDigits: 1 })} 万元`;
  return `${n.toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 元`;
}
const pct = (x: number) => `${(x * 100).toLocaleString("zh-CN", { maximumFractionDigits: 1 })}%`;
const TYPE_ZH = { framework: "框架协议", contract: "供货合同", order: "采购订单" } as const;

/** The rows of one of the dashboard's chart data tables (cells as text). */
async function rows(page: Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())));
}

/** Every figure of the dashboard page, beside the same figure of the CLI's report. */
async function expectPageEqualsCli(page: Page, path: string, r: CliReport) {
  await page.goto(path);
  const stat = (label: string) => page.getByTestId(`stat-${label}`);
  await expect(stat("签约协议")).toHaveText(r.agreements.toLocaleString("zh-CN"));
  await expect(stat("协议金额")).toHaveText(money(r.amountCny));
  await expect(stat("园内配套占比")).toHaveText(pct(r.inParkShare));
  await expect(page.getByText(`园内企业间 ${money(r.inParkAmountCny)}`)).toBeVisible();
  await expect(stat("参与签约企业")).toHaveText(r.enterprises.toLocaleString("zh-CN"));
  await expect(stat("活跃企业")).toHaveText(r.enterprisesActive.toLocaleString("zh-CN"));
  await expect(stat("供需信息")).toHaveText(r.listings.total.toLocaleString("zh-CN"));
  await expect(stat("供需匹配")).toHaveText(r.matches.toLocaleString("zh-CN"));
  await expect(stat("询价")).toHaveText(r.inquiries.toLocaleString("zh-CN"));
  if (r.agreements === 0) return;
  const rate = (x: number) => `${Math.round(x * 1000) / 10}%`;
  await expect(page.getByText(`${r.fulfilment.frameworks} 份框架协议：已下单 ${rate(r.fulfilment.calledOffRate)}，已交付 ${rate(r.fulfilment.deliveredRate)}`)).toBeVisible();
  const t = (n: number) => n.toLocaleString("zh-CN");
  expect(await rows(page, "data-fulfilment")).toEqual([["约定量", t(r.fulfilment.agreedT)], ["已下单", t(r.fulfilment.calledOffT)], ["已交付", t(r.fulfilment.deliveredT)]]);
  expect(await rows(page, "data-by-month")).toEqual(r.byMonth.map((m) => [m.month, String(m.count), money(m.amountCny)]));
  const types = (["framework", "contract", "order"] as const).filter((k) => r.byType[k] > 0);
  expect(await rows(page, "data-by-type")).toEqual(types.map((k) => [TYPE_ZH[k], String(r.byType[k]), money(r.amountByType[k])]));
  expect(await rows(page, "data-by-chain")).toEqual([
    ...Object.entries(r.byChain).map(([chain, c]) => [chain, String(c.count), money(c.amountCny)]),
    ["各链相加（含重复计入）", "", money(r.chainTotals.attributedAmountCny)],
    ["去重合计", String(r.chainTotals.count), money(r.chainTotals.amountCny)],
  ]);
  await expect(page.getByTestId("chain-distinct")).toHaveText(`去重合计：${r.chainTotals.count} 份 / ${money(r.chainTotals.amountCny)}`);
  const flows = r.flows.map((f) => [f.seller, f.buyer, String(f.count), money(f.amountCny)]);
  const rest = page.getByTestId("flows-rest");
  const shown = [...(await rows(page, "data-flows")), ...((await rest.count()) ? await rest.locator("tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()))) : [])];
  expect(shown).toEqual(flows);
}

test.use({ role: "park" });

test("every dashboard figure equals report --json for the same filter and the hand sum; a draft terminated unsigned changes none", async ({ page }) => {
  test.slow(); // the CLI starts three times beside the app on two cores
  const u = unique();
  const seller = `看板卖方${u}`, buyer = `看板买方${u}`;
  const before = cliReport({ from: FROM, to: TO });

  // two enterprises of the park, with a chain each
  const uscc = { seller: freshUscc(), buyer: freshUscc() };
  for (const [who, name, chain] of [["seller", seller, "精细化工"], ["buyer", buyer, "电子化学品"]] as const) {
    await page.goto("/park");
    await page.getByLabel("统一社会信用代码").fill(uscc[who]);
    await page.getByLabel("企业名称").fill(name);
    await page.locator("#reg-chains").fill(chain);
    await page.getByRole("button", { name: "登记企业" }).click();
    await expect(page.getByText(`已登记 ${name}`)).toBeVisible();
  }
  await page.goto("/agreements/import");
  const csv = [
    "协议编号,协议类型,协议名称,采购方信用代码,供应方信用代码,CAS号,产品,约定量(吨),金额(元),签约日期,签约活动",
    `FIG-A-${u},供货合同,看板合同${u},${uscc.buyer},${uscc.seller},67-63-0,异丙醇,100,1200000,2019-03-10,`,
    `FIG-B-${u},采购订单,看板订单${u},${uscc.buyer},${uscc.seller},67-63-0,异丙醇,30,350000,2019-05-20,`,
    `FIG-C-${u},框架协议,看板框架${u},${uscc.buyer},${uscc.seller},67-63-0,异丙醇,50,500000,2019-05-25,`,
  ].join("\n");
  await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles({ name: "figures.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 3 条");

  // terminate the framework agreement after signing: it was signed, it still counts
  await page.goto(`/agreements?q=FIG-C-${u}`);
  await page.getByRole("link", { name: `FIG-C-${u}` }).click();
  await terminate(page);

  // a draft between the same two, terminated without signing: it never counts
  await page.goto("/agreements/new");
  await page.locator("#ag-title").fill(`看板草稿${u}`);
  await page.locator("#ag-buyer").selectOption({ label: `${buyer}（滨江化学工业园）` });
  await page.locator("#ag-seller").selectOption({ label: `${seller}（滨江化学工业园）` });
  await page.locator("#ag-status").selectOption("draft");
  await page.locator("#line-0-name").fill("异丙醇");
  await page.locator("#line-0-amount").fill("90000");
  await page.getByRole("button", { name: "保存协议" }).click();
  await page.waitForURL(/\/agreements\/\d+$/);
  await terminate(page);

  // the list shows what it lists, and of it what was signed
  await page.goto(`/agreements?q=${encodeURIComponent(seller)}`);
  await expect(page.getByTestId("agreement-totals")).toHaveText("共 4 份 / 214 万元，其中已签约 3 份 / 205 万元");

  // the hand sum, as differences to before
  const after = cliReport({ from: FROM, to: TO });
  expect(after.agreements - before.agreements).toBe(3);
  expect(after.amountCny - before.amountCny).toBe(2050000);
  expect(after.inParkAmountCny - before.inParkAmountCny).toBe(2050000);
  expect([after.byType.contract - before.byType.contract, after.byType.order - before.byType.order, after.byType.framework - before.byType.framework]).toEqual([1, 1, 1]);
  expect(after.chainTotals.count - before.chainTotals.count).toBe(3);
  expect([after.fulfilment.frameworks - before.fulfilment.frameworks, after.fulfilment.agreedT - before.fulfilment.agreedT]).toEqual([1, 50]);
  expect(after.chainTotals.attributedAmountCny - before.chainTotals.attributedAmountCny).toBe(4100000);
  const month = (r: CliReport, m: string) => r.byMonth.find((x) => x.month === m) ?? { count: 0, amountCny: 0 };
  expect([month(after, "2019-03").amountCny - month(before, "2019-03").amountCny, month(after, "2019-04").amountCny - month(before, "2019-04").amountCny, month(after, "2019-05").amountCny - month(before, "2019-05").amountCny]).toEqual([1200000, 0, 850000]);
  // continuous months over the period
  expect(after.byMonth.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, "0")}`));
  expect(after.flows.find((f) => f.seller === seller && f.buyer === buyer)).toEqual({ seller, buyer, count: 3, amountCny: 2050000 });

  // the page says the same as the CLI, for the period and for the park's whole history
  await expectPageEqualsCli(page, `/park/dashboard?from=${FROM}&to=${TO}`, after);
  await expect(async () => {
    await expectPageEqualsCli(page, "/park/dashboard", cliReport());
  }).toPass({ timeout: 120_000 }); // other specs may sign agreements in the park meanwhile: read both again
});

async function terminate(page: Page) {
  await page.getByRole("button", { name: "终止协议" }).click();
  await page.locator("#terminate-reason").fill("看板测试");
  await page.getByRole("button", { name: "终止协议" }).click();
  await expect(page.getByText("已终止").first()).toBeVisible();
}
