import { expect, freshUscc, signIn, test, unique, type Page } from "./fixtures";

/**
 * 群发询价 on rows of its own, in Chinese and (through the language switch) in English: park staff
 * register and verify three suppliers in the demo park, each of whose admins lists a product of a
 * material named for this run (this setup in Chinese both times); then, on the buyer's and the
 * suppliers' pages in the test's language, the demo buyer (procurement) posts a demand for it,
 * ticks the three ranked candidates and sends one request for quotation with a deadline; each
 * supplier finds its own thread and quotes on its own terms (含税 送货到厂, 不含税, 出厂自提), so that
 * the matrix ranked on 含税到厂价 differs from the order of the quoted prices; the buyer counters one
 * quote, the supplier accepts the counter-offer (v2) and the matrix ranks v2; the buyer splits the
 * award between two after a confirmation showing each amount: two agreement drafts titled
 * "<material>供货合同 · <buyer> ← <supplier>" (names without their company form), the third
 * supplier 未中标 and thanked.
 */

const TEXT = {
  zh: {
    substance: "物质名称", quantity: "数量", publish: "发布需求", rfqCard: "群发询价", send: /发送询价/, tooFew: "请至少勾选 2 家供应商",
    pickTop: "勾选前 3 家", picked: "已选 3 家", note: "补充说明（各供应商都能看到）", send3: "发送询价（3 家）", awaiting: "未报价",
    answered: (n: number) => `${n} / 3 家已报价`, quoteBy: /请于 \d{4}-\d{2}-\d{2}（含）前报价/,
    price: "单价（元/吨）", quoteQuantity: "数量（吨）", taxBasis: "计税方式", delivery: "交货方式", sendQuote: "发送报价", pending: "待确认",
    counter: "还价 v1", counterPrice: "还价单价（元/吨）", sendCounter: "发送还价", counterOpen: "待回复", acceptCounter: "接受还价", superseded: "已有新版本",
    award: "授标", volumeFor: (name: string) => `授予 ${name} 的数量`, awardButton: "授标…", overVolume: "授标数量合计超过询价数量 300 吨",
    confirmTitle: "确认授标", confirmOk: "确认授标", awarded: "已授标", declined: "未中标", draft: "草稿", thanks: /感谢您参与“.*询价”的询价/,
    yuan: (n: string) => `${n} 元/吨`, t: (n: number) => `${n} 吨`, cny: { 1240000: "124 万元", 630000: "63 万元", 1870000: "合计 187 万元" },
    vatAdded: "不含税价加增值税 13%（+780 元/吨）", noFreight: "出厂自提，双方位置未知，未计运费",
    terms: { excl: "不含税（增值税 13% 另计）", exWorks: "出厂自提" },
  },
  en: {
    substance: "Substance", quantity: "Quantity", publish: "Post demand", rfqCard: "Request for quotation (several suppliers)", send: /Send request/,
    tooFew: "Tick at least 2 suppliers", pickTop: "Tick the top 3", picked: "3 chosen", note: "Note (every supplier sees it)", send3: "Send request (3)",
    awaiting: "Not quoted", answered: (n: number) => `${n} of 3 quoted`, quoteBy: /please quote by \d{4}-\d{2}-\d{2} \(inclusive\)/,
    price: "Price (CNY/t)", quoteQuantity: "Quantity (t)", taxBasis: "Tax basis", delivery: "Delivery", sendQuote: "Send quote", pending: "Pending",
    counter: "Counter-offer v1", counterPrice: "Your price (CNY/t)", sendCounter: "Send counter-offer", counterOpen: "Awaiting answer",
    acceptCounter: "Accept counter-offer", superseded: "Superseded",
    award: "Award", volumeFor: (name: string) => `Volume awarded to ${name}`, awardButton: "Award…",
    overVolume: "The awarded volumes add up to more than the 300 t requested", confirmTitle: "Confirm the award", confirmOk: "Award",
    awarded: "Awarded", declined: "Not awarded", draft: "Draft", thanks: /Thank you for taking part in the request ".* 询价"/,
    yuan: (n: string) => `CNY ${n}/t`, t: (n: number) => `${n} t`, cny: { 1240000: "CNY 1.24 M", 630000: "CNY 630,000", 1870000: "CNY 1.87 M in all" },
    vatAdded: "VAT of 13% added to an ex-VAT price (+CNY 780/t)", noFreight: "Ex works, but a party's location is unknown: no freight added",
    terms: { excl: "VAT excluded (13% extra)", exWorks: "ex works (buyer collects)" },
  },
} as const;
type Lang = keyof typeof TEXT;

/** The language switch in the page header: a cookie of this page's context, so only its own pages change. */
async function toEnglish(page: Page) {
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** Park staff register and verify a supplier with its first admin, who signs in and lists the run's material. */
async function registerSupplier(park: Page, supplier: Page, run: string, i: number, material: string) {
  // the company form last, so that the draft's title shortens it away: "询价测试…1化工"
  const name = `询价测试${run}${i}化工有限公司`;
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
  await park.getByRole("dialog", { name: "确认审核通过该企业？" }).getByRole("button", { name: "确认审核通过" }).click();
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

/** A supplier opens its thread from its list and quotes on the given terms; returns the thread's path. */
async function quoteAs(supplier: Page, lang: Lang, subject: string, quote: { price: string; taxBasis: "incl_vat" | "excl_vat"; delivery: "delivered" | "ex_works" }) {
  const t = TEXT[lang];
  await supplier.goto("/inquiries");
  await supplier.getByRole("row").filter({ hasText: subject }).getByRole("link", { name: subject }).click();
  await supplier.waitForURL(/\/inquiries\/\d+$/);
  await expect(supplier.getByText(t.quoteBy)).toBeVisible();
  await supplier.getByLabel(t.taxBasis).selectOption(quote.taxBasis);
  await supplier.getByLabel(t.price).fill(quote.price);
  await supplier.getByLabel(t.quoteQuantity).fill("300");
  await supplier.getByLabel(t.delivery).selectOption(quote.delivery);
  await supplier.getByRole("button", { name: t.sendQuote }).click();
  await expect(supplier.getByTestId("quote").filter({ hasText: t.pending })).toBeVisible();
  return new URL(supplier.url()).pathname;
}

for (const lang of ["zh", "en"] as const) {
  test(`RFQ (${lang}): three quotes ranked on 含税到厂价, a counter-offer accepted as v2, the award split between two → two titled drafts, the third 未中标`, async ({ pageAs }) => {
    test.setTimeout(480_000);
    const t = TEXT[lang];
    const run = unique();
    const material = `询价料${run}`;
    const subject = `${material} 询价`;

    const park = await pageAs("park");
    const suppliers = [await pageAs("visitor"), await pageAs("visitor"), await pageAs("visitor")] as const;
    const names: string[] = [];
    for (const [i, supplier] of suppliers.entries()) names.push(await registerSupplier(park, supplier, run, i + 1, material));
    const [a, b, c] = names as [string, string, string];
    const short = (name: string) => name.replace(/有限公司$/, "");

    // the buyer posts the demand and sends one RFQ to the three ranked candidates
    const buyer = await pageAs("procurement");
    await buyer.goto("/demands/new");
    if (lang === "en") {
      await toEnglish(buyer);
      for (const supplier of suppliers) await toEnglish(supplier);
    }
    // (a required field's label ends with a star)
    await buyer.getByLabel(new RegExp(`^${t.substance}\\*?$`)).fill(material);
    await buyer.getByLabel(new RegExp(`^${t.quantity}\\*?$`)).fill("300");
    await buyer.getByRole("button", { name: t.publish }).click();
    await buyer.waitForURL(/\/demands\/\d+$/);
    const rfqCard = buyer.getByRole("region", { name: t.rfqCard }).first();
    for (const name of names) await expect(rfqCard.getByText(name)).toBeVisible();
    // fewer than two suppliers is refused before anything is sent
    await rfqCard.getByRole("button", { name: t.send }).click();
    await expect(rfqCard.getByText(t.tooFew)).toBeVisible();
    await rfqCard.getByRole("button", { name: t.pickTop }).click();
    await expect(rfqCard.getByText(t.picked)).toBeVisible();
    await rfqCard.getByLabel(t.note).fill("请注明含税价与交货方式");
    await rfqCard.getByRole("button", { name: t.send3 }).click();
    await buyer.waitForURL(/\/rfq\/\d+$/);
    const rfqUrl = new URL(buyer.url()).pathname;
    await expect(buyer.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    const rows = buyer.getByTestId("rfq-row");
    const rowOf = (name: string) => rows.filter({ hasText: name });
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: t.awaiting })).toHaveCount(3);
    await expect(buyer.getByText(t.answered(0))).toBeVisible();

    // each supplier finds its own thread only, and quotes on its own terms:
    //   a: 6,500 含税 送货到厂 → 含税到厂价 6,500
    //   b: 6,000 不含税 (13 %) 送货到厂 → 6,000 × 1.13 = 6,780
    //   c: 6,300 含税 出厂自提 → 6,300 (no coordinates for a registered enterprise: no freight, and the matrix says so)
    await expect(suppliers[0].goto(rfqUrl).then((r) => r?.status())).resolves.toBe(403);
    const threadA = await quoteAs(suppliers[0], lang, subject, { price: "6500", taxBasis: "incl_vat", delivery: "delivered" });
    await quoteAs(suppliers[1], lang, subject, { price: "6000", taxBasis: "excl_vat", delivery: "delivered" });
    await expect(suppliers[1].getByTestId("quote-terms")).toContainText(t.terms.excl);
    await quoteAs(suppliers[2], lang, subject, { price: "6300", taxBasis: "incl_vat", delivery: "ex_works" });
    await expect(suppliers[2].getByTestId("quote-terms")).toContainText(t.terms.exWorks);

    // the matrix ranks on 含税到厂价 (c, a, b), not on the quoted price (b, c, a)
    await buyer.reload();
    await expect(buyer.getByText(t.answered(3))).toBeVisible();
    const landed = rows.getByTestId("rfq-landed");
    await expect(rows.nth(0)).toContainText(c);
    await expect(rows.nth(1)).toContainText(a);
    await expect(rows.nth(2)).toContainText(b);
    await expect(rows.nth(0).getByRole("cell").first()).toHaveText("1");
    await expect(rows.nth(2).getByRole("cell").first()).toHaveText("3");
    await expect(rows.nth(2)).toContainText(t.yuan("6,000"));
    await expect(landed.nth(0)).toContainText(t.yuan("6,300"));
    await expect(landed.nth(0)).toContainText(t.noFreight);
    await expect(landed.nth(1)).toContainText(t.yuan("6,500"));
    await expect(landed.nth(2)).toContainText(t.yuan("6,780"));
    await expect(landed.nth(2)).toContainText(t.vatAdded);

    // the buyer counters a's quote at 6,200 in a's thread; a accepts the counter-offer: v2
    await rowOf(a).getByRole("link", { name: a }).click();
    await buyer.waitForURL(new RegExp(`${threadA}$`));
    await buyer.getByRole("button", { name: t.counter }).click();
    await buyer.getByLabel(t.counterPrice).fill("6200");
    await buyer.getByRole("button", { name: t.sendCounter }).click();
    await expect(buyer.getByTestId("counter").filter({ hasText: t.counterOpen })).toContainText(t.yuan("6,200"));
    await suppliers[0].reload();
    await suppliers[0].getByTestId("counter").getByRole("button", { name: t.acceptCounter }).click();
    await expect(suppliers[0].getByTestId("quote").filter({ hasText: "v2" })).toContainText(t.yuan("6,200"));
    await expect(suppliers[0].getByTestId("quote").filter({ hasText: t.superseded })).toContainText(t.yuan("6,500"));

    // the matrix shows v2: a first at 6,200, then c, then b
    await buyer.goto(rfqUrl);
    await expect(rows.nth(0)).toContainText(a);
    await expect(rows.nth(0)).toContainText(t.yuan("6,200"));
    await expect(landed.nth(0)).toContainText(t.yuan("6,200"));
    await expect(rows.nth(1)).toContainText(c);
    await expect(rows.nth(2)).toContainText(b);

    // the award split between a and c, confirmed with each amount
    const award = buyer.getByRole("region", { name: t.award, exact: true }).first();
    await award.getByRole("checkbox", { name: a }).check();
    await award.getByRole("checkbox", { name: c }).check();
    await award.getByLabel(t.volumeFor(a)).fill("200");
    await award.getByLabel(t.volumeFor(c)).fill("150");
    await award.getByRole("button", { name: t.awardButton }).click();
    await expect(award.getByText(t.overVolume)).toBeVisible();
    await award.getByLabel(t.volumeFor(c)).fill("100");
    await award.getByRole("button", { name: t.awardButton }).click();
    const dialog = buyer.getByRole("dialog", { name: t.confirmTitle });
    // 200 t × 6,200 = 1,240,000; 100 t × 6,300 = 630,000; together 1,870,000
    await expect(dialog.getByRole("listitem").filter({ hasText: a })).toContainText(t.cny[1240000]);
    await expect(dialog.getByRole("listitem").filter({ hasText: c })).toContainText(t.cny[630000]);
    await expect(dialog).toContainText(t.cny[1870000]);
    await dialog.getByRole("button", { name: t.confirmOk, exact: true }).click();

    const wonRows = rows.filter({ has: buyer.getByText(t.awarded, { exact: true }) });
    await expect(wonRows).toHaveCount(2);
    await expect(rowOf(b)).toContainText(t.declined);
    await expect(rowOf(b).getByRole("link", { name: /^PL-/ })).toHaveCount(0);
    for (const [name, volume, price, total] of [[a, 200, "6,200", t.cny[1240000]], [c, 100, "6,300", t.cny[630000]]] as const) {
      await rowOf(name).getByRole("link", { name: /^PL-/ }).click();
      await buyer.waitForURL(/\/agreements\/\d+$/);
      await expect(buyer.getByRole("heading", { level: 1, name: `${material}供货合同 · 江苏中润树脂 ← ${short(name)}`, exact: true })).toBeVisible();
      await expect(buyer.getByText(t.draft, { exact: true })).toBeVisible();
      // the line carries the awarded volume at the quoted (for a: countered) price
      await expect(buyer.getByRole("row").filter({ has: buyer.getByRole("cell", { name: t.t(volume), exact: true }) })).toContainText(t.yuan(price));
      await expect(buyer.getByRole("cell", { name: total, exact: true })).toBeVisible();
      await buyer.goto(rfqUrl);
    }

    // the third supplier is thanked
    await suppliers[1].goto("/notifications");
    await expect(suppliers[1].getByText(t.thanks)).toBeVisible();
  });
}
