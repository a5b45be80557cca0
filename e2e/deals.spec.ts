import { expect, freshUscc, signIn, test, unique, type Page } from "./fixtures";

/**
 * The deal journey on rows of its own: park staff register and verify a supplier in the demo park,
 * whose admin lists a product; the demo buyer posts a demand for its substance and contacts the
 * supplier from the ranked match view, the supplier quotes, the buyer accepts, the buyer proposes
 * the agreement for signing and the supplier's admin confirms and activates it, a call-off is placed
 * and delivered, and park staff see the agreement on the dashboard. The supplier is this test's
 * own, so that no other test (the demo supplier's page walk, say) reads its inquiry first.
 */

/** Clicks 联系 on the in-park candidate that offers `product`, paging through the match view. */
async function contactFromMatchView(buyer: Page, product: string) {
  await buyer.goto(`${new URL(buyer.url()).pathname}?inPark=1`);
  for (;;) {
    const candidate = buyer.getByTestId("supplier-candidate").filter({ hasText: product });
    if (await candidate.count()) {
      await candidate.first().getByRole("link", { name: "联系" }).click();
      return;
    }
    const next = buyer.getByRole("link", { name: "下一页" });
    if (!(await next.count())) throw new Error(`the match view does not list ${product}`);
    await next.click();
    await buyer.waitForLoadState("networkidle");
  }
}

/** An enterprise's credit code, read from its public profile in the directory. */
async function usccOf(page: Page, name: string): Promise<string> {
  await page.goto(`/enterprises?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).first().click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  return (await page.locator("dd.font-mono").first().textContent())!.trim();
}

test("match → inquiry → quote → agreement → call-off, and the park sees it on its dashboard", async ({ page: supplier, pageAs }) => {
  test.setTimeout(300_000);
  const run = unique();
  const subject = `框架采购询价 ${run}`;
  const product = `甘油 E2E ${run}`;
  const supplierName = `交易测试化工有限公司${run}`;
  const email = `deal-${run.toLowerCase()}@example.cn`;

  // park staff register the supplier in their park with its first user, and verify it
  const park = await pageAs("park");
  await park.goto("/park");
  await park.getByLabel("统一社会信用代码").fill(freshUscc());
  await park.getByLabel("企业名称").fill(supplierName);
  await park.getByLabel("同时为该企业开通首个账号").check();
  await park.getByLabel("姓名").fill("交易测试管理员");
  await park.getByLabel("邮箱").fill(email);
  await park.getByLabel("初始密码").fill("deal-password-1");
  await park.getByRole("button", { name: "登记企业" }).click();
  const registered = park.getByText(`已登记 ${supplierName}`);
  await expect(registered).toBeVisible();
  await registered.getByRole("link").click();
  await park.waitForURL(/\/enterprises\/\d+\/manage$/);
  await park.getByRole("button", { name: "审核通过" }).first().click();
  // the confirmation shows the business licence scan on file: none for an enterprise park staff registered
  const confirmation = park.getByRole("dialog", { name: "确认审核通过该企业？" });
  await expect(confirmation).toContainText("该企业没有营业执照扫描件");
  await confirmation.getByRole("button", { name: "确认审核通过" }).click();
  await expect(park.getByRole("button", { name: "撤销审核" })).toBeVisible();

  // its admin signs in and lists a product (glycerol: not a controlled substance)
  await signIn(supplier, email, "deal-password-1");
  await supplier.goto("/enterprise/products/new");
  await supplier.getByLabel("产品编码").fill(`D-${run}`);
  await supplier.getByLabel("产品名称").fill(product);
  await supplier.getByLabel("CAS号").fill("56-81-5");
  await supplier.getByLabel("规格等级").selectOption({ label: "工业级" });
  await supplier.getByLabel("纯度").fill("99.5");
  await supplier.getByLabel("可供量（吨）").fill("500");
  await supplier.getByLabel("参考价（元/吨）").fill("6800");
  await supplier.getByRole("button", { name: "添加产品" }).click();
  await supplier.waitForURL(/\/enterprise\/products\/\d+$/);

  // the buyer posts a demand for it and sends an inquiry from the match view
  const buyer = await pageAs("procurement");
  await buyer.goto("/demands/new");
  await buyer.getByLabel("物质名称").fill("甘油");
  await buyer.getByRole("listbox", { name: "词典建议" }).getByRole("option", { name: /^甘油.*56-81-5/ }).click();
  await expect(buyer.getByLabel("CAS号")).toHaveValue("56-81-5");
  await buyer.getByLabel("数量").fill("200");
  await buyer.getByRole("button", { name: "发布需求" }).click();
  await buyer.waitForURL(/\/demands\/\d+$/);
  await contactFromMatchView(buyer, product);
  await buyer.waitForURL(/\/inquiries\/new\?match=\d+/);
  await expect(buyer.getByRole("heading", { level: 1, name: "发起询价" })).toBeVisible();
  await expect(buyer.getByText(supplierName).first()).toBeVisible();
  await buyer.getByLabel("主题").fill(subject);
  await buyer.getByRole("button", { name: "发送询价" }).click();
  await buyer.waitForURL(/\/inquiries\/\d+$/);
  const inquiryUrl = new URL(buyer.url()).pathname;
  await expect(buyer.getByRole("heading", { level: 1, name: subject })).toBeVisible();

  // the supplier finds it unread in its list and quotes
  await supplier.goto("/inquiries");
  const row = supplier.getByRole("row").filter({ hasText: subject });
  await expect(row.getByText(/条未读/)).toBeVisible();
  await row.getByRole("link", { name: subject }).click();
  await supplier.waitForURL(new RegExp(`${inquiryUrl}$`));
  // the quote form asks the demand's tax basis (含税) first; the terms are data
  await expect(supplier.getByLabel("计税方式")).toHaveValue("incl_vat");
  await supplier.getByLabel("单价（元/吨）").fill("6500");
  await supplier.getByLabel("数量（吨）").fill("200");
  await supplier.getByLabel("付款方式").selectOption({ label: "账期" });
  await supplier.getByLabel("账期天数").fill("30");
  await supplier.getByLabel("交货方式").selectOption({ label: "送货到厂" });
  await supplier.getByLabel("交货地点").fill("园区内槽车送到厂");
  await supplier.getByLabel("交期（天）").fill("7");
  await supplier.getByRole("button", { name: "发送报价" }).click();
  const v1 = supplier.getByTestId("quote").filter({ hasText: "待确认" });
  await expect(v1).toBeVisible();
  await expect(v1.getByTestId("quote-terms")).toHaveText("含税（增值税 13%） · 账期 30 天 · 送货到厂（园区内槽车送到厂） · 交期 7 天");

  // the buyer haggles: a counter-offer of 6,400 元/吨, which the supplier accepts as v2
  await buyer.reload();
  await buyer.getByRole("button", { name: "还价 v1" }).click();
  await buyer.getByLabel("还价单价（元/吨）").fill("6400");
  await buyer.getByRole("button", { name: "发送还价" }).click();
  await expect(buyer.getByTestId("counter").filter({ hasText: "待回复" })).toContainText("还价 6,400 元/吨");
  await supplier.reload();
  await supplier.getByTestId("counter").getByRole("button", { name: "接受还价" }).click();
  await expect(supplier.getByTestId("quote").filter({ hasText: "v2" })).toContainText("6,400 元/吨");
  await expect(supplier.getByTestId("quote").filter({ hasText: "已有新版本" })).toContainText("6,500 元/吨");

  // the buyer compares on 含税到厂价, accepts v2 as a framework agreement after confirming the amount, and the agreement appears
  await buyer.reload();
  const compare = buyer.getByRole("region", { name: "比价" }).first();
  const offer = compare.getByRole("row").filter({ hasText: supplierName });
  await expect(offer).toContainText("128 万元");
  await expect(offer.getByTestId("landed")).toHaveText("6,400 元/吨");
  await compare.getByLabel("生成的协议类型").first().selectOption({ label: "框架协议" });
  await compare.getByRole("button", { name: `接受 ${supplierName} 的报价` }).click();
  const confirmAccept = compare.getByRole("alertdialog");
  await expect(confirmAccept).toContainText("合计 128 万元（6,400 元/吨 × 200 吨），将生成框架协议草稿");
  await confirmAccept.getByRole("button", { name: "确认接受" }).click();
  await buyer.waitForURL(/\/agreements\/\d+$/);
  const agreementUrl = new URL(buyer.url()).pathname;
  await expect(buyer.getByRole("heading", { level: 1, name: `甘油供货合同 · 江苏中润树脂 ← ${supplierName}` })).toBeVisible();
  await expect(buyer.getByTestId("agreement-notes")).toContainText("账期 30 天");
  await expect(buyer.getByText("草稿", { exact: true })).toBeVisible();
  const ref = (await buyer.getByText(/^PL-\d{4}-\d{5} · /).textContent())!.split(" · ")[0]!;

  // the draft's term is still open: the buyer sets its end date before signing
  const endOn = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  await buyer.getByRole("link", { name: "修改草稿" }).click();
  await buyer.waitForURL(/\/agreements\/\d+\/edit$/);
  await expect(buyer.getByLabel("采购方")).toBeDisabled();
  await buyer.getByLabel("结束日期").fill(endOn);
  await buyer.getByRole("button", { name: "保存修改" }).click();
  await buyer.waitForURL(/\/agreements\/\d+$/);
  await expect(buyer.getByRole("region", { name: "变更记录" }).first().getByText("修改草稿")).toBeVisible();
  await expect(buyer.getByText(`– ${endOn.replaceAll("-", "/")}`)).toBeVisible();

  // the buyer cannot sign alone: it proposes the draft for signing, seeing the amount first
  await expect(buyer.getByRole("button", { name: "标记已签署" })).toHaveCount(0);
  await buyer.getByRole("button", { name: "提交签约" }).click();
  const propose = buyer.getByRole("dialog", { name: "提交签约" });
  await expect(propose).toContainText("128 万元");
  await propose.getByRole("button", { name: "确认提交" }).click();
  await expect(buyer.getByText(/已提交签约（合计 128 万元），等待/)).toBeVisible();
  await expect(buyer.getByRole("button", { name: "确认签约" })).toHaveCount(0);
  await expect(buyer.getByText("草稿", { exact: true })).toBeVisible();

  // the supplier's admin confirms the signing, then activates the agreement
  await supplier.goto(agreementUrl);
  await supplier.getByRole("button", { name: "确认签约" }).click();
  const confirm = supplier.getByRole("dialog", { name: "确认签约" });
  await expect(confirm).toContainText("128 万元");
  await confirm.getByRole("button", { name: "确认签署" }).click();
  await expect(supplier.getByText("已签署", { exact: true })).toBeVisible();
  await expect(supplier.getByRole("region", { name: "变更记录" }).first().getByText("确认签约")).toBeVisible();
  await supplier.getByRole("button", { name: "生效" }).click();
  await expect(supplier.getByText("生效中", { exact: true })).toBeVisible();

  // the buyer places a call-off within the agreed 200 t
  await buyer.reload();
  await expect(buyer.getByText("生效中", { exact: true })).toBeVisible();
  await buyer.getByLabel("下单量（吨）").fill("215");
  await expect(buyer.getByText("超出剩余约定量 200 吨")).toBeVisible();
  await expect(buyer.getByRole("button", { name: "下单" })).toBeDisabled();
  // beyond the 10 % tolerance not even with the warning acknowledged
  await buyer.getByLabel("下单量（吨）").fill("250");
  await expect(buyer.getByText("不能超过约定量的 110%")).toBeVisible();
  await expect(buyer.getByRole("button", { name: "下单" })).toBeDisabled();
  await buyer.getByLabel("下单量（吨）").fill("50");
  await buyer.getByRole("button", { name: "下单" }).click();
  await expect(buyer.getByRole("region", { name: "分批订单（框架协议项下）" }).first().getByRole("cell", { name: "50 吨" }).first()).toBeVisible();
  await expect(buyer.getByTestId("stat-下单履约率")).toHaveText("25%");

  // the supplier records the delivery (glycerol: no purpose or agent needed), confirming it first, since it cannot be deleted
  await supplier.goto(agreementUrl);
  await supplier.getByRole("button", { name: "登记交付" }).click();
  await supplier.getByLabel("交付量").fill("48");
  await supplier.getByRole("button", { name: "保存" }).click();
  await expect(supplier.getByRole("alert").filter({ hasText: "交付记录登记后不可删除" })).toBeVisible();
  await supplier.getByRole("button", { name: "确认登记" }).click();
  const shipments = supplier.getByRole("region", { name: "交付记录（流向台账）" }).first();
  await expect(shipments.getByRole("cell", { name: "48 吨" })).toBeVisible();
  await expect(shipments).toContainText("已交付: 48 吨");
  await expect(supplier.getByRole("region", { name: "分批订单（框架协议项下）" }).first().getByRole("cell", { name: "48 吨" })).toBeVisible();
  await expect(supplier.getByText("登记交付").last()).toBeVisible();

  // park staff see it on the dashboard
  await park.goto("/park/dashboard");
  await expect(park.getByRole("heading", { level: 1, name: "园区供应链看板" })).toBeVisible();
  await expect(park.getByRole("region", { name: "最近签约" }).first().getByRole("link", { name: ref })).toBeVisible();
  expect(Number(await park.getByTestId("stat-签约协议").textContent())).toBeGreaterThanOrEqual(29);
  await expect(park.getByRole("img", { name: "企业间供应流向" })).toBeVisible();
  await expect(park.getByRole("link", { name: "导出 XLSX" })).toHaveAttribute("href", /\/api\/reports\/dashboard\?park=\d+/);

  // the flow ledger: the demo's controlled shipments, one row each, the agent's ID masked; the export keeps the list filter
  await park.goto("/park/ledger?list=explosive");
  await expect(park.getByRole("heading", { level: 1, name: "管控化学品流向台账" })).toBeVisible();
  const ledger = park.getByRole("table", { name: "管控化学品流向台账" });
  await expect(ledger.getByRole("row").nth(1)).toContainText("易制爆");
  await expect(ledger.getByRole("row").nth(1)).toContainText(/\d{4}\*{10}[\dX]{4}/);
  await expect(park.getByRole("link", { name: "导出 XLSX" })).toHaveAttribute("href", /list=explosive/);
});

test("park staff import agreements with per-agreement rejections", async ({ pageAs }) => {
  const page = await pageAs("park");
  const a = await usccOf(page, "江苏中润树脂有限公司");
  const b = await usccOf(page, "江苏瑞丰丙烯酸有限公司");
  await page.goto("/agreements/import");
  const tag = unique();
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
