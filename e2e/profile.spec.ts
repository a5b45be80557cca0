import { expect, test } from "./fixtures";

/**
 * The enterprise profile leads somewhere: a buyer finds a demo supplier in the directory, sees the
 * products it lists, searches within them, and follows a product's inquiry link into the inquiry
 * form. The home page's search box (and its example queries) lead to search results.
 */
test.describe("a buyer on a supplier's profile", () => {
  test.use({ role: "procurement" });

  test("sees its products, searches within them and follows the inquiry link", async ({ page }) => {
    await page.goto(`/enterprises?q=${encodeURIComponent("滨江精细化工")}`);
    await page.getByRole("link", { name: "江苏滨江精细化工有限公司" }).click();
    await expect(page).toHaveURL(/\/enterprises\/\d+$/);
    const profile = page.url();

    await expect(page.getByRole("region", { name: "企业资料" }).first()).toContainText("已审核");
    // licences show by type and validity; their numbers are not the buyer's to see
    await expect(page.getByRole("region", { name: "资质证照" }).first()).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "证照编号" })).toHaveCount(0);

    const products = page.getByRole("region", { name: "在售产品" }).first();
    const rows = products.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    const listed = Number((await products.getByText(/^共 \d+ 个产品$/).innerText()).match(/\d+/)![0]);
    expect(listed).toBeGreaterThan(0);
    // a price reads exact, per tonne, or 面议
    await expect(rows.nth(1)).toContainText(/(\d{1,3}(,\d{3})* 元\/吨|面议)/);

    // search within the profile for the last product on the page (the server filters and pages)
    const name = (await rows.last().getByRole("link").first().innerText()).trim();
    await products.getByLabel("在本企业产品中搜索").fill(name);
    await products.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(new RegExp(`${profile.replace(/[.?]/g, "\\$&")}\\?q=`));
    await expect(products.getByRole("link", { name, exact: true })).toBeVisible();
    const found = Number((await products.getByText(/^共 \d+ 个产品$/).innerText()).match(/\d+/)![0]);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(listed);

    // a search that finds nothing says so and offers the whole list back
    await products.getByLabel("在本企业产品中搜索").fill("不存在的产品名XYZ");
    await products.getByRole("button", { name: "搜索" }).click();
    await expect(products).toContainText("没有找到“不存在的产品名XYZ”相关的产品");
    await products.getByRole("link", { name: "查看全部产品" }).click();
    await expect(products.getByText(`共 ${listed} 个产品`)).toBeVisible();

    // the inquiry button leads into the inquiry form about that product
    await products.getByLabel("在本企业产品中搜索").fill(name);
    await products.getByRole("button", { name: "搜索" }).click();
    await products.getByRole("link", { name: `就 ${name} 询价` }).first().click();
    await expect(page).toHaveURL(/\/inquiries\/new\?product=\d+$/);
    await expect(page.getByRole("heading", { name: "发起询价" })).toBeVisible();
    await expect(page.getByText("江苏滨江精细化工有限公司").first()).toBeVisible();
  });
});

/** The query of a search page's address (`/search?q=…`, however the page encodes it), or null elsewhere. */
const searched = (href: string) => {
  const url = new URL(href);
  return url.pathname === "/search" ? url.searchParams.get("q") : null;
};

test.describe("a visitor on the home page", () => {
  test("searches from the home page's box, and an example query opens its results", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("search").getByLabel("搜索化学品");
    await box.fill("异丙醇");
    await box.press("Enter");
    await expect.poll(() => searched(page.url())).toBe("异丙醇");
    const hits = page.getByRole("region", { name: "搜索结果" }).first().getByRole("list", { name: "产品" });
    // the worker indexes the demo in the background after start: the first search may come early
    await expect(async () => {
      await page.reload();
      await expect(hits.getByRole("listitem").first()).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 90_000, intervals: [2_000] });
    await expect(hits.getByRole("listitem").first()).toContainText("67-63-0");

    await page.goto("/");
    await page.getByRole("link", { name: "CAS 67-64-1" }).click();
    await expect.poll(() => searched(page.url())).toBe("CAS 67-64-1");
    await expect(page.getByLabel("搜索化学品")).toHaveValue("CAS 67-64-1");

    // the directory has the same box
    await page.goto("/enterprises");
    await page.getByRole("link", { name: "硫酸 98%" }).click();
    await expect.poll(() => searched(page.url())).toBe("硫酸 98%");
  });
});
