import { expect, test, unique } from "./fixtures";

/**
 * 索样: the demo supplier lists a product of this run; the demo buyer, on a phone-sized screen,
 * asks for a sample from its page (the form refuses empty fields first), the supplier marks it
 * sent with a waybill number, the buyer confirms receipt and evaluates it as passed after a
 * confirmation; both sides see each state, and the buyer's list marks the thread as a sample.
 */
test.use({ role: "enterprise" });

test("buyer requests a sample → supplier marks it sent → buyer marks it received → evaluates it as passed", async ({ page: supplier, pageAs }) => {
  test.slow();
  const run = unique();
  const product = `甘油 样品 ${run}`;
  const subject = `${product} 样品申请`;
  const waybill = `顺丰 SF${run}`;

  // the supplier lists a product of its own for this run (glycerol: not a controlled substance)
  await supplier.goto("/enterprise/products/new");
  await supplier.getByLabel("产品编码").fill(`S-${run}`);
  await supplier.getByLabel("产品名称").fill(product);
  await supplier.getByLabel("CAS号").fill("56-81-5");
  await supplier.getByRole("button", { name: "添加产品" }).click();
  await supplier.waitForURL(/\/enterprise\/products\/\d+$/);
  const productId = new URL(supplier.url()).pathname.split("/").pop();

  // the buyer, on a 390 px wide screen, asks for a sample from the product page
  const buyer = await pageAs("procurement");
  await buyer.setViewportSize({ width: 390, height: 844 });
  await buyer.goto(`/products/${productId}`);
  await buyer.getByRole("link", { name: "索样" }).click();
  await expect(buyer.getByRole("heading", { level: 1, name: "申请样品" })).toBeVisible();
  await buyer.getByRole("button", { name: "提交样品申请" }).click();
  await expect(buyer.getByText("此项必填")).toBeVisible();
  await expect(buyer.getByText("请填写完整的收样地址（至少 5 个字）")).toBeVisible();
  await expect(buyer.getByText("请说明样品用途")).toBeVisible();
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await buyer.getByLabel("样品数量").fill("500");
  await buyer.getByLabel("单位").selectOption("g");
  await buyer.getByLabel("收样地址").fill("江苏省南通市滨江化学工业园通达路 88 号 质检部");
  await buyer.getByLabel("用途").fill(`小试：醇酸树脂配方验证 ${run}`);
  await buyer.getByRole("button", { name: "提交样品申请" }).click();
  await buyer.waitForURL(/\/inquiries\/\d+$/);
  const thread = new URL(buyer.url()).pathname;
  const buyerCard = buyer.getByRole("region", { name: "样品", exact: true }).first();
  await expect(buyerCard).toContainText("500 g");
  await expect(buyerCard.getByRole("status")).toHaveText("等待供应方寄出样品。");

  // the supplier marks it sent with the waybill number
  await supplier.goto(thread);
  const supplierCard = supplier.getByRole("region", { name: "样品", exact: true }).first();
  await supplierCard.getByRole("button", { name: "标记已寄出" }).click();
  await expect(supplierCard.getByText("请填写快递公司及单号")).toBeVisible();
  await supplierCard.getByLabel("快递公司及单号").fill(waybill);
  await supplierCard.getByRole("button", { name: "标记已寄出" }).click();
  await expect(supplierCard.getByRole("status")).toHaveText("等待采购方确认收到样品。");
  await expect(supplierCard).toContainText(waybill);

  // the buyer confirms receipt, then evaluates it as passed after a confirmation
  await buyer.reload();
  await expect(buyerCard).toContainText(waybill);
  await buyerCard.getByRole("button", { name: "确认收到样品" }).click();
  await buyerCard.getByRole("button", { name: "确认", exact: true }).click();
  await expect(buyerCard.getByRole("heading", { name: "评估样品" })).toBeVisible();
  await buyerCard.getByLabel("合格", { exact: true }).check();
  await buyerCard.getByLabel("评估说明").fill("纯度 99.6%，符合要求");
  await buyerCard.getByRole("button", { name: "提交评估" }).click();
  await expect(buyerCard.getByRole("alertdialog")).toContainText("确认评估结果为“合格”");
  await buyerCard.getByRole("button", { name: "确认", exact: true }).click();
  await expect(buyerCard.getByRole("status")).toHaveText("样品流程已完成。");
  await expect(buyerCard).toContainText("纯度 99.6%，符合要求");
  expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // the supplier sees the result; the buyer's list marks the thread as a sample
  await supplier.reload();
  await expect(supplierCard).toContainText("已评估");
  await expect(supplierCard).toContainText("合格");
  await buyer.goto("/inquiries?side=buying");
  const row = buyer.getByRole("row").filter({ has: buyer.getByRole("link", { name: subject }) });
  await expect(row).toContainText("索样");
});
