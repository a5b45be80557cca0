import { expect, test, unique } from "./fixtures";

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);

test.describe("licences on file", () => {
  test.use({ role: "enterprise" });

  test("an enterprise records a licence with its scanned copy, and park staff verify it", async ({ page, pageAs }) => {
    const number = `苏公剧毒购[2026]${unique()}`;
    await page.goto("/enterprise");
    await page.getByRole("link", { name: "管理企业" }).first().click();
    await expect(page).toHaveURL(/\/enterprises\/\d+\/manage$/);
    const manage = page.url();
    const licences = page.getByRole("region", { name: "资质证照" }).first();

    // every field is checked: a missing number is refused
    await licences.getByRole("button", { name: "登记证照" }).click();
    await expect(licences.getByText("此项必填")).toBeVisible();

    await licences.getByLabel("证照类型").selectOption({ label: "剧毒化学品购买许可证" });
    await licences.getByLabel("证照编号").fill(number);
    await licences.getByLabel("有效期至").fill("2027-12-31");
    await licences.getByLabel("许可范围").fill("氰化钠");
    await licences.getByLabel("扫描件").setInputFiles({ name: "permit.png", mimeType: "image/png", buffer: png });
    await licences.getByRole("button", { name: "登记证照" }).click();
    await expect(licences.getByText("已登记，等待园区审核。")).toBeVisible();
    const item = licences.getByRole("listitem").filter({ hasText: number });
    await expect(item).toContainText("待园区审核");
    await expect(item.getByRole("link", { name: /查看扫描件/ })).toHaveAttribute("href", /\/api\/licences\/\d+\/document$/);
    // the enterprise cannot verify its own licence
    await expect(item.getByRole("button", { name: "审核通过" })).toHaveCount(0);

    // park staff see it among their to-dos, and verify it
    const park = await pageAs("park");
    await park.goto("/park");
    await expect(park.getByTestId("licence-todo")).toContainText(number);
    await park.goto(manage);
    const staffItem = park.getByRole("region", { name: "资质证照" }).first().getByRole("listitem").filter({ hasText: number });
    await staffItem.getByRole("button", { name: "审核通过" }).click();
    await expect(staffItem).toContainText("已审核");
    const document = await park.request.get((await staffItem.getByRole("link", { name: /查看扫描件/ }).getAttribute("href"))!);
    expect(document.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await document.body()).equals(png)).toBe(true);
  });
});
