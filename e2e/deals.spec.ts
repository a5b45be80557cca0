import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { signInAs } from "./fixtures";

/**
 * The deal journey on the demo data: a buyer sends an inquiry from a match, the supplier quotes,
 * the buyer accepts, the agreement is signed and activated, a call-off is placed and delivered,
 * and park staff see the agreement on the dashboard.
 *
 * The match row is written straight into the app's database (the embedded PostgreSQL of the e2e
 * data folder): the demo buyer's demand paired with a product of the demo supplier.
 */
const DATA_DIR = process.env.E2E_DATA_DIR || path.join(os.tmpdir(), "parklink-e2e");

async function insertMatch(): Promise<number> {
  const { port, password } = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "postgres.json"), "utf8")) as { port: number; password: string };
  const sql = postgres({ host: "127.0.0.1", port, user: "postgres", password, database: "parklink", max: 1, onnotice: () => {} });
  try {
    const [pair] = await sql<{ demand_id: number; product_id: number; supplier_id: number }[]>`
      SELECT d.id AS demand_id, p.id AS product_id, s.id AS supplier_id
      FROM demand d
      JOIN enterprise b ON b.id = d.enterprise_id
      JOIN product p ON p.cas = d.cas
      JOIN enterprise s ON s.id = p.enterprise_id
      WHERE b.name = '江苏中润树脂有限公司' AND s.name = '江苏滨江精细化工有限公司' AND d.status = 'open'
      ORDER BY d.id, p.id LIMIT 1`;
    if (!pair) throw new Error("the demo has no demand of the buyer that the supplier can meet");
    const [match] = await sql<{ id: number }[]>`
      INSERT INTO match (demand_id, supplier_enterprise_id, product_id, score, reasons)
      VALUES (${pair.demand_id}, ${pair.supplier_id}, ${pair.product_id}, 0.9, '[{"code":"same_park","zh":"同园区","en":"Same park"}]'::jsonb)
      ON CONFLICT ON CONSTRAINT match_demand_candidate_key DO UPDATE SET status = 'suggested'
      RETURNING id`;
    return match!.id;
  } finally {
    await sql.end();
  }
}

async function as(browser: Browser, kind: "procurement" | "enterprise" | "park"): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await signInAs(page, kind);
  return page;
}

test("match → inquiry → quote → agreement → call-off, and the park sees it on its dashboard", async ({ browser }) => {
  test.setTimeout(180_000);
  const matchId = await insertMatch();
  const subject = `框架采购询价 ${Date.now()}`;

  // the buyer sends an inquiry from the match
  const buyer = await as(browser, "procurement");
  await buyer.goto(`/inquiries/new?match=${matchId}`);
  await expect(buyer.getByRole("heading", { level: 1, name: "发起询价" })).toBeVisible();
  await expect(buyer.getByText("江苏滨江精细化工有限公司").first()).toBeVisible();
  await buyer.getByLabel("主题").fill(subject);
  await buyer.getByRole("button", { name: "发送询价" }).click();
  await buyer.waitForURL(/\/inquiries\/\d+$/);
  const inquiryUrl = new URL(buyer.url()).pathname;
  await expect(buyer.getByRole("heading", { level: 1, name: subject })).toBeVisible();

  // the supplier finds it unread in its list and quotes
  const supplier = await as(browser, "enterprise");
  await supplier.goto("/inquiries");
  const row = supplier.getByRole("row").filter({ hasText: subject });
  await expect(row.getByText(/条未读/)).toBeVisible();
  await row.getByRole("link", { name: subject }).click();
  await supplier.waitForURL(new RegExp(`${inquiryUrl}$`));
  await supplier.getByLabel("单价（元/吨）").fill("6500");
  await supplier.getByLabel("数量（吨）").fill("200");
  await supplier.getByLabel("交货条款").fill("园区内槽车送到厂，款到发货");
  await supplier.getByRole("button", { name: "发送报价" }).click();
  await expect(supplier.getByTestId("quote").filter({ hasText: "待确认" })).toBeVisible();

  // the buyer compares, accepts as a framework agreement, and the agreement appears
  await buyer.reload();
  const compare = buyer.getByRole("region", { name: "比价" });
  await expect(compare.getByRole("row").filter({ hasText: "江苏滨江精细化工有限公司" })).toContainText("130 万元");
  await compare.getByLabel("生成的协议类型").first().selectOption({ label: "框架协议" });
  await compare.getByRole("button", { name: "接受 江苏滨江精细化工有限公司 的报价" }).click();
  await buyer.waitForURL(/\/agreements\/\d+$/);
  const agreementUrl = new URL(buyer.url()).pathname;
  await expect(buyer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expect(buyer.getByText("草稿", { exact: true })).toBeVisible();
  const ref = (await buyer.getByText(/^PL-\d{4}-\d{5} · /).textContent())!.split(" · ")[0]!;

  // signed, then active; a call-off within the agreed 200 t
  await buyer.getByRole("button", { name: "标记已签署" }).click();
  await buyer.getByRole("button", { name: "标记已签署" }).click();
  await expect(buyer.getByText("已签署", { exact: true })).toBeVisible();
  await buyer.getByRole("button", { name: "生效" }).click();
  await expect(buyer.getByText("生效中", { exact: true })).toBeVisible();
  await buyer.getByLabel("下单量（吨）").fill("250");
  await expect(buyer.getByText("超出剩余约定量 200 吨")).toBeVisible();
  await expect(buyer.getByRole("button", { name: "下单" })).toBeDisabled();
  await buyer.getByLabel("下单量（吨）").fill("50");
  await buyer.getByRole("button", { name: "下单" }).click();
  await expect(buyer.getByRole("region", { name: "分批订单（框架协议项下）" }).getByRole("cell", { name: "50 吨" }).first()).toBeVisible();
  await expect(buyer.getByTestId("stat-下单履约率")).toHaveText("25%");

  // the supplier records the delivery
  await supplier.goto(agreementUrl);
  await supplier.getByRole("button", { name: "登记交付" }).click();
  await supplier.getByLabel("交付量").fill("48");
  await supplier.getByRole("button", { name: "保存" }).click();
  await expect(supplier.getByRole("cell", { name: "48 吨" })).toBeVisible();
  await expect(supplier.getByText("登记交付").last()).toBeVisible();

  // park staff see it on the dashboard
  const park = await as(browser, "park");
  await park.goto("/park/dashboard");
  await expect(park.getByRole("heading", { level: 1, name: "园区供应链看板" })).toBeVisible();
  await expect(park.getByRole("region", { name: "最近签约" }).getByRole("link", { name: ref })).toBeVisible();
  expect(Number(await park.getByTestId("stat-签约协议").textContent())).toBeGreaterThanOrEqual(29);
  await expect(park.getByRole("img", { name: "企业间供应流向" })).toBeVisible();
  await expect(park.getByRole("link", { name: "导出 XLSX" })).toHaveAttribute("href", /\/api\/reports\/dashboard\?park=\d+/);
});

test("park staff import agreements with per-agreement rejections", async ({ page }) => {
  await signInAs(page, "park");
  await page.goto("/agreements/import");
  const { port, password } = JSON.parse(fs.readFileSync(path.join(DATA_DIR, "postgres.json"), "utf8")) as { port: number; password: string };
  const sql = postgres({ host: "127.0.0.1", port, user: "postgres", password, database: "parklink", max: 1 });
  const rows = await sql<{ uscc: string }[]>`SELECT e.uscc FROM enterprise e JOIN park p ON p.id = e.park_id WHERE p.code = 'BJHG' ORDER BY e.id LIMIT 2`;
  await sql.end();
  const [a, b] = rows.map((r) => r.uscc);
  const tag = Date.now();
  const csv = [
    "协议编号,协议类型,协议名称,采购方信用代码,供应方信用代码,CAS号,产品,约定量(吨),金额(元),签约日期,签约活动",
    `E2E-${tag}-1,框架协议,导入框架协议,${a},${b},79-10-7,丙烯酸,100,650000,2026-05-18,E2E 导入签约会 ${tag}`,
    `E2E-${tag}-2,供货合同,同一企业,${a},${a},,甲醇,10,24000,2026-05-18,`,
    `E2E-${tag}-3,采购订单,坏CAS,${a},${b},79-10-8,丙烯酸,1,100,2026-05-18,`,
  ].join("\n");
  await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles({ name: "event.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 1 条，更新 0 条，拒绝 2 条");
  await expect(page.getByRole("row").filter({ hasText: `E2E-${tag}-2` })).toContainText("同一家企业");
  await expect(page.getByRole("row").filter({ hasText: `E2E-${tag}-3` })).toContainText("CAS");
});
