import { expect, freshUscc, signIn, test, unique, type Page } from "./fixtures";

/**
 * 入驻申请: an enterprise outside the platform applies at /apply with a scan of its business
 * licence (no account), the staff of its park (the demo park staff, 滨江化学工业园) review it with
 * the scan in view and approve it behind a confirmation, and the new administrator signs in with
 * the first password the reviewer was shown once. In Chinese, and in English through the switch.
 */

// a real 1×1 PNG, so the scan shows as an image
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const TEXT = {
  zh: {
    uscc: "统一社会信用代码", name: "企业名称", park: "所在园区", parkName: "滨江化学工业园", chain: "精细化工", contact: "联系人姓名",
    phone: "联系电话", email: "邮箱（登录用）", scan: "营业执照扫描件", submit: "提交申请", submitted: "申请已提交", approve: "审核通过",
    approveTitle: "确认审核通过？", approveOk: "确认通过", approved: "已审核通过，企业账号已开通", signinEmail: "邮箱", signinPassword: "密码", signin: "登录",
  },
  en: {
    uscc: "Unified social credit code", name: "Enterprise name", park: "Park", parkName: "Binjiang Chemical Industrial Park", chain: "Fine chemicals",
    contact: "Contact name", phone: "Phone", email: "Email (to sign in)", scan: "Scan of the business licence", submit: "Submit application",
    submitted: "Application submitted", approve: "Approve", approveTitle: "Approve this application?", approveOk: "Approve",
    approved: "Approved: the enterprise's account is open", signinEmail: "Email", signinPassword: "Password", signin: "Sign in",
  },
} as const;
type Lang = keyof typeof TEXT;

async function toEnglish(page: Page) {
  // on a phone the language switch is in the header's menu, closed again by its button
  const inMenu = !(await page.getByRole("button", { name: "English", exact: true }).isVisible());
  if (inMenu) await page.getByRole("button", { name: "菜单" }).click();
  await page.getByRole("button", { name: "English", exact: true }).click();
  if (inMenu) {
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  }
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

async function apply(page: Page, lang: Lang, form: { uscc: string; name: string; email: string }) {
  const t = TEXT[lang];
  await page.getByLabel(t.uscc).fill(form.uscc);
  await page.getByLabel(t.name).fill(form.name);
  await page.getByLabel(t.park).selectOption({ label: t.parkName });
  await page.getByLabel(t.chain).check();
  await page.getByLabel(t.contact).fill("赵入驻");
  await page.getByLabel(t.phone).fill("0513-8123 4567");
  await page.getByLabel(t.email).fill(form.email);
  await page.getByLabel(t.scan).setInputFiles({ name: "营业执照.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: t.submit }).click();
}

/** Park staff open the application from their list, see the scan, approve it, and read the first password. */
async function approve(park: Page, lang: Lang, name: string): Promise<string> {
  const t = TEXT[lang];
  await park.goto("/park/applications");
  if (lang === "en") await toEnglish(park);
  await park.getByTestId("applications").getByRole("link", { name }).click();
  await park.waitForURL(/\/park\/applications\/\d+$/);
  const scan = park.getByTestId("scan");
  await expect(scan).toBeVisible();
  await expect.poll(() => scan.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await park.getByRole("button", { name: t.approve, exact: true }).click();
  const dialog = park.getByRole("dialog", { name: t.approveTitle });
  await expect(dialog).toContainText(name);
  await dialog.getByRole("button", { name: t.approveOk, exact: true }).click();
  await expect(park.getByText(t.approved)).toBeVisible();
  return (await park.getByTestId("initial-password").textContent())!.trim();
}

test("a visitor applies with a licence scan, park staff approve it, and the new admin signs in (中文)", async ({ page, pageAs }) => {
  const run = unique();
  const form = { uscc: freshUscc(), name: `入驻测试化工有限公司${run}`, email: `apply-${run.toLowerCase()}@test.parklink.cn` };
  await page.goto("/");
  await page.getByRole("link", { name: "入驻申请" }).first().click();
  await page.waitForURL(/\/apply$/);
  // a wrong check character is refused on the field
  await page.getByLabel("统一社会信用代码").fill(`${form.uscc.slice(0, 17)}${form.uscc[17] === "0" ? "1" : "0"}`);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("请上传营业执照扫描件")).toBeVisible();
  await apply(page, "zh", { ...form, uscc: `${form.uscc.slice(0, 17)}${form.uscc[17] === "0" ? "1" : "0"}` });
  await expect(page.getByText("统一社会信用代码无效")).toBeVisible();
  await page.getByLabel("统一社会信用代码").fill(form.uscc);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("申请已提交")).toBeVisible();

  // the same code again, while the first waits: refused with a clear message
  await page.getByRole("button", { name: "再提交一份申请" }).click();
  await apply(page, "zh", { ...form, email: `again-${form.email}` });
  await expect(page.getByText(`统一社会信用代码 ${form.uscc} 已有一份待审核的入驻申请`)).toBeVisible();

  const park = await pageAs("park");
  const password = await approve(park, "zh", form.name);
  await expect(park.getByTestId("signin-email")).toHaveText(form.email);

  // verification of the new enterprise shows its scan before 审核通过, and asks for confirmation
  await park.getByRole("button", { name: "查看企业" }).click();
  await park.waitForURL(/\/enterprises\/\d+\/manage$/);
  await park.getByRole("button", { name: "撤销审核" }).click();
  await park.getByRole("button", { name: "审核通过", exact: true }).click();
  const confirmation = park.getByRole("dialog", { name: "确认审核通过该企业？" });
  const shown = confirmation.getByRole("img", { name: "营业执照扫描件" });
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await confirmation.getByRole("button", { name: "确认审核通过" }).click();
  await expect(park.getByRole("button", { name: "撤销审核" })).toBeVisible();

  // the applicant signs in with the first password
  const applicant = await pageAs("visitor");
  await signIn(applicant, form.email, password);
  await expect(applicant).toHaveURL(/\/enterprise$/);
  await expect(applicant.getByRole("banner")).toContainText(form.name);
});

test.describe("on a phone, in English", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a visitor applies with a licence scan, park staff approve it, and the new admin signs in (English)", async ({ page, pageAs }) => {
    const run = unique();
    const form = { uscc: freshUscc(), name: `Apply Test Chemicals ${run}`, email: `apply-en-${run.toLowerCase()}@test.parklink.cn` };
    await page.goto("/apply");
    await toEnglish(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apply to join ParkLink");
    await apply(page, "en", form);
    await expect(page.getByText("Application submitted")).toBeVisible();
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const park = await pageAs("park");
    await park.setViewportSize({ width: 390, height: 844 });
    const password = await approve(park, "en", form.name);
    expect(await park.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // the applicant, still without an account, looks up the outcome with its credit code and email
    await page.goto("/apply");
    await page.getByLabel("Credit code given when applying").fill(form.uscc);
    await page.getByLabel("Contact email given when applying").fill(form.email);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await expect(page.getByTestId("application-status")).toHaveText(`${form.name} · Approved`);

    const applicant = await pageAs("visitor");
    await applicant.goto("/signin");
    await toEnglish(applicant);
    await applicant.getByLabel("Email").fill(form.email);
    await applicant.getByLabel("Password").fill(password);
    await applicant.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(applicant).toHaveURL(/\/enterprise$/);
  });
});
