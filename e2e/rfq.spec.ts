import { expect, freshUscc, signIn, test, unique, type Page } from "./fixtures";

/**
 * 群发询价 on rows of its own: park staff register and verify three suppliers in the demo park, each
 * of whose admins lists a product of a material named for this run; the demo buyer (procurement)
 * posts a demand for it, ticks the three ranked candidates and sends one request for quotation
 * with a deadline; each supplier finds its own thread and quotes; the buyer's matrix shows the
 * three answers ranked by price, and the buyer splits the award between the two cheapest after a
 * confirmation showing each amount: two agreement drafts, the third supplier thanked.
 */

async function registerSupplier(park: Page, supplier: Page, run: string, i: number, material: string) {
  const name = `询价测试化工有限公司${run}${i}`;
  const email = `rfq-${run.toLowerCase()}-${i}@example.cn`;
  await park.goto("/park");
  await park.getByLabel("统一社会信用代码").fill(freshUscc());
  await park.getByLabel("企业名称").fill(name);
  await park.getByLabel("同时为该企业开通首个账号").check();
  await park.getByLabel("姓名").fill(`询价测试管理员${i}`);
  await park.getByLabel("邮箱").fill(email);
  await park.getByLabel("初始密码").fill("rfq-password-1");
  await park.getByRole("button", { name: "登记企业" }).click();
  const registered = park.getByText(`已登记 ${name}`);
  await expect(registered).toBeVisible();
  await registered.getByRole("link").click();
  await park.waitForURL(/\/enterprises\/\d+\/manage$/);
  await park.getByRole("button", { name: "审核通过" }).first().click();
  await expect(park.getByRole("button", { name: "撤销审核" })).toBeVisible();

  await signIn(supplier, email, "rfq-password-1");
  await supplier.goto("/enterprise/products/new");
  await supplier.getByLabel("产品编码").fill(`R-${run}-${i}`);
  await supplier.getByLabel("产品名称").fill(`${material} 工业品`);
  await supplier.getByLabel("可供量（吨）").fill("500");
  await supplier.getByLabel("参考价（元/吨）").fill("6800");
  await supplier.getByRole("button", { name: "添加产品" }).click();
  await supplier.waitForURL(/\/enterprise\/products\/\d+$/);
  return name;
}

async function quoteAs(supplier: Page, subject: string, price: string, quantity: string) {
  await supplier.goto("/inquiries");
  await supplier.getByRole("row").filter({ hasText: subject }).getByRole("link", { name: subject }).click();
  await supplier.waitForURL(/\/inquiries\/\d+$/);
  await expect(supplier.getByText(/请于 \d{4}-\d{2}-\d{2}（含）前报价/)).toBeVisible();
  await supplier.getByLabel("单价（元/吨）").fill(price);
  await supplier.getByLabel("数量（吨）").fill(quantity);
  await supplier.getByRole("button", { name: "发送报价" }).click();
  await expect(supplier.getByTestId("quote").filter({ hasText: "待确认" })).toBeVisible();
}

test("RFQ: one request to three suppliers, three quotes ranked, the award split between two → two agreement drafts", async ({ pageAs }) => {
  test.setTimeout(420_000);
  const run = unique();
  const material = `询价料${run}`;
  const subject = `${material} 询价`;

  const park = await pageAs("park");
  const suppliers = [await pageAs("visitor"), await pageAs("visitor"), await pageAs("visitor")];
  const names: string[] = [];
  for (const [i, supplier] of suppliers.entries()) names.push(await registerSupplier(park, supplier, run, i + 1, material));

  // the buyer posts the demand and sends one RFQ to the three ranked candidates
  const buyer = await pageAs("procurement");
  await buyer.goto("/demands/new");
  await buyer.getByLabel("物质名称").fill(material);
  await buyer.getByLabel("数量").fill("300");
  await buyer.getByRole("button", { name: "发布需求" }).click();
  await buyer.waitForURL(/\/demands\/\d+$/);
  const rfqCard = buyer.getByRole("region", { name: "群发询价" });
  for (const name of names) await expect(rfqCard.getByText(name)).toBeVisible();
  // fewer than two suppliers is refused before anything is sent
  await rfqCard.getByRole("button", { name: /发送询价/ }).click();
  await expect(rfqCard.getByText("请至少勾选 2 家供应商")).toBeVisible();
  await rfqCard.getByRole("button", { name: "勾选前 3 家" }).click();
  await expect(rfqCard.getByText("已选 3 家")).toBeVisible();
  await rfqCard.getByLabel("补充说明（各供应商都能看到）").fill("请注明含税价与交货方式");
  await rfqCard.getByRole("button", { name: "发送询价（3 家）" }).click();
  await buyer.waitForURL(/\/rfq\/\d+$/);
  const rfqUrl = new URL(buyer.url()).pathname;
  await expect(buyer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const rows = buyer.getByTestId("rfq-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "未报价" })).toHaveCount(3);
  await expect(buyer.getByText("0 / 3 家已报价")).toBeVisible();

  // each supplier finds its own thread only, and quotes
  await expect(suppliers[0]!.goto(rfqUrl).then((r) => r?.status())).resolves.toBe(403);
  await quoteAs(suppliers[0]!, subject, "6500", "300");
  await quoteAs(suppliers[1]!, subject, "6300", "200");
  await quoteAs(suppliers[2]!, subject, "6800", "300");

  // the matrix ranks the three answers by price
  await buyer.reload();
  await expect(buyer.getByText("3 / 3 家已报价")).toBeVisible();
  await expect(rows.nth(0)).toContainText(names[1]!);
  await expect(rows.nth(0)).toContainText("6,300 元/吨");
  await expect(rows.nth(1)).toContainText(names[0]!);
  await expect(rows.nth(2)).toContainText(names[2]!);
  await expect(rows.nth(0).getByRole("cell").first()).toHaveText("1");

  // the award split between the two cheapest, confirmed with each amount
  const award = buyer.getByRole("region", { name: "授标" });
  await award.getByRole("checkbox").nth(0).check();
  await award.getByRole("checkbox").nth(1).check();
  await award.getByLabel(`授予 ${names[1]} 的数量`).fill("200");
  await award.getByLabel(`授予 ${names[0]} 的数量`).fill("150");
  await award.getByRole("button", { name: "授标…" }).click();
  await expect(award.getByText("授标数量合计超过询价数量 300 吨")).toBeVisible();
  await award.getByLabel(`授予 ${names[0]} 的数量`).fill("100");
  await award.getByRole("button", { name: "授标…" }).click();
  const dialog = buyer.getByRole("dialog", { name: "确认授标" });
  await expect(dialog).toContainText("126 万元");
  await expect(dialog).toContainText("65 万元");
  await expect(dialog).toContainText("合计 191 万元");
  await dialog.getByRole("button", { name: "确认授标" }).click();

  await expect(rows.filter({ hasText: "已授标" })).toHaveCount(2);
  await expect(rows.filter({ hasText: names[2]! })).toContainText("未中标");
  const drafts = rows.filter({ hasText: "已授标" }).getByRole("link", { name: /^PL-/ });
  await expect(drafts).toHaveCount(2);
  for (const [i, volume, price, total] of [[0, "200 吨", "6,300 元/吨", "126 万元"], [1, "100 吨", "6,500 元/吨", "65 万元"]] as const) {
    await drafts.nth(i).click();
    await buyer.waitForURL(/\/agreements\/\d+$/);
    await expect(buyer.getByText("草稿", { exact: true })).toBeVisible();
    // the line carries the awarded volume at the quoted price
    await expect(buyer.getByRole("row").filter({ has: buyer.getByRole("cell", { name: volume, exact: true }) })).toContainText(price);
    await expect(buyer.getByRole("cell", { name: total, exact: true })).toBeVisible();
    await buyer.goto(rfqUrl);
  }

  // the third supplier is thanked, its thread closed
  await suppliers[2]!.goto("/notifications");
  await expect(suppliers[2]!.getByText(/感谢您参与“.*询价”的询价/)).toBeVisible();
});
