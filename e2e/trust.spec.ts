import { expect, test } from "./fixtures";

/**
 * Trust signals read on a phone: a visitor opens a demo supplier's profile and sees the badge its
 * park's verification earned with the badge's definition written beside it, and each figure with
 * how it is computed; on a search hit the same definitions are one tap away.
 */
test.describe("trust signals on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a profile shows a badge with its definition, and every figure with its own", async ({ page }) => {
    await page.goto(`/enterprises?q=${encodeURIComponent("滨江精细化工")}`);
    await page.getByRole("link", { name: "江苏滨江精细化工有限公司" }).click();
    await expect(page).toHaveURL(/\/enterprises\/\d+$/);

    const trust = page.getByRole("region", { name: "信用信号" }).first();
    const badge = trust.getByTestId("trust-badge-verified");
    await expect(badge).toHaveText("园区认证");
    // the definition is written out, not hidden in a hover tooltip a phone cannot show
    await expect(trust.getByText("所在园区已审核该企业的营业执照和资料（企业改名后需重新审核）")).toBeVisible();
    await expect(trust.getByTestId("trust-figure-on_time")).toContainText("按时交付率");
    await expect(trust.getByTestId("trust-figure-on_time")).toContainText("在要求交货日期当天或之前交齐订单量的比例");
    await expect(trust.getByTestId("trust-figure-response_rate")).toContainText("供方发过消息或报价的比例");
    await expect(trust.getByTestId("trust-figure-years")).toContainText("入驻平台起的整年数");
    // nothing overflows the phone's width
    const box = await trust.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });

});

test.describe("trust signals on a buyer's phone", () => {
  // a member of a verified enterprise sees who supplies the hazardous products too
  test.use({ role: "procurement", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a search hit carries the supplier's signals, their definitions one tap away", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("异丙醇")}`);
    const summary = page.getByTestId("trust-summary").first();
    await expect(summary).toBeVisible();
    await summary.getByText("如何计算").click();
    await expect(summary.getByText("从询价创建到供方第一条消息或报价的时间", { exact: false })).toBeVisible();
    await expect(summary.getByText("全部由平台上的真实行为自动计算，不能购买，也不能自行填写。")).toBeVisible();
  });
});
