import { expect, test } from "@playwright/test";
import { signIn, signInAs } from "./fixtures";

test("an enterprise admin adds a colleague; the platform admin disables the account, which is then refused", async ({ page }) => {
  const stamp = Date.now() % 1_000_000;
  const email = `colleague-${stamp}@example.cn`;

  await signInAs(page, "enterprise");
  await page.getByRole("link", { name: "管理企业" }).first().click();
  await page.getByLabel("姓名").fill(`同事${stamp}`);
  await page.getByLabel("邮箱").fill("not-an-email");
  await page.getByLabel("初始密码").fill("colleague-pass-1");
  await page.getByLabel("角色").selectOption({ label: "采购人员" });
  await page.getByRole("button", { name: "添加同事" }).click();
  await expect(page.getByText("邮箱格式不正确")).toBeVisible();
  await page.getByLabel("邮箱").fill(email);
  await page.getByRole("button", { name: "添加同事" }).click();
  await expect(page.getByText(`已添加 ${email}`)).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, email, "colleague-pass-1");
  await expect(page).toHaveURL(/\/procurement$/);

  await page.context().clearCookies();
  await signInAs(page, "admin");
  await page.getByLabel("按姓名或邮箱查找").fill(email);
  await page.getByRole("button", { name: "搜索" }).click();
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByText("已停用")).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("colleague-pass-1");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "已被停用" })).toBeVisible();
});

test("the platform admin creates a park, and a duplicate code is refused", async ({ page }) => {
  const code = `P${Date.now() % 1_000_000}`;
  await signInAs(page, "admin");
  await page.getByLabel("园区代码").fill(code);
  await page.getByLabel("园区名称").fill(`测试园区${code}`);
  await page.getByRole("button", { name: "新建园区" }).click();
  await expect(page.getByText(`测试园区${code}`)).toBeVisible();
  await page.getByLabel("园区代码").fill(code);
  await page.getByLabel("园区名称").fill("重复园区");
  await page.getByRole("button", { name: "新建园区" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `园区代码 ${code} 已存在` })).toBeVisible();
});
