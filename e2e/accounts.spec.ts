import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, demoAccount, signIn, signInAs } from "./fixtures";

test.describe("accounts and roles", () => {
  const homes = { enterprise: "/enterprise", procurement: "/procurement", park: "/park", admin: "/admin" } as const;

  for (const account of DEMO_ACCOUNTS) {
    test(`the ${account.kind} demo account signs in and lands on its home`, async ({ page }) => {
      await signIn(page, account.email);
      await expect(page).toHaveURL(new RegExp(`${homes[account.kind]}$`));
      await expect(page.getByTestId("signed-in-user")).toHaveText(account.name);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("邮箱").fill(demoAccount("procurement").email);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "密码错误" })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an unknown user is told so", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("邮箱").fill("nobody@parklink.demo");
    await page.getByLabel("密码").fill("whatever-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "尚未注册" })).toBeVisible();
  });

  test("an enterprise user is refused another enterprise's private page", async ({ page }) => {
    await signInAs(page, "enterprise");
    // the user's own private page opens
    await page.getByRole("link", { name: "管理企业" }).first().click();
    await expect(page).toHaveURL(/\/enterprises\/\d+\/manage$/);
    const own = Number(/\/enterprises\/(\d+)\/manage/.exec(page.url())![1]);
    // another enterprise's is refused
    await page.goto("/enterprises?q=中润树脂");
    await page.getByRole("link", { name: /中润树脂/ }).first().click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    const other = Number(/\/enterprises\/(\d+)/.exec(page.url())![1]);
    expect(other).not.toBe(own);
    await page.goto(`/enterprises/${other}/manage`);
    await expect(page.getByTestId("forbidden")).toContainText("无权访问");
    await expect(page.getByLabel("企业名称")).toHaveCount(0);
  });

  test("signing out returns to the public home", async ({ page }) => {
    await signInAs(page, "park");
    await page.getByRole("link", { name: "退出" }).click();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
  });
});

test.describe("public pages", () => {
  test("the home page explains the platform in Chinese with live figures, and switches to English", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("内部配套");
    const enterprises = page.getByTestId("stat-企业");
    await expect(enterprises).toHaveText(/^\d+$/);
    expect(Number(await enterprises.textContent())).toBeGreaterThanOrEqual(30);
    await page.getByRole("button", { name: "EN" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("in-park partners first");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("the health endpoint reports database and search up", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.ok()).toBe(true);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true }, search: { ok: true } });
  });

  test("the directory pages through enterprises and filters by park", async ({ page }) => {
    await page.goto("/enterprises");
    await expect(page.getByText(/共 \d+ 家企业/)).toBeVisible();
    await page.getByLabel("园区").selectOption({ label: "临港新材料产业园" });
    await page.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/park=\d+/);
    await expect(page.getByRole("listitem").filter({ hasText: "临港新材料产业园" }).first()).toBeVisible();
  });
});
