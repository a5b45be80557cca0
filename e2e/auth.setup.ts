import fs from "node:fs";
import { test as setup } from "@playwright/test";
import { AUTH_DIR, DEMO_ACCOUNTS, signIn, storageStateOf } from "./fixtures";

/**
 * Signs each demo role in once per run, through the sign-in page, and keeps its session for the
 * specs (`test.use({ role })` and `pageAs(role)` in e2e/fixtures.ts). Runs before them as the
 * "setup" project.
 */
for (const account of DEMO_ACCOUNTS) {
  setup(`sign in as ${account.kind}`, async ({ page }) => {
    await signIn(page, account.email);
    fs.mkdirSync(AUTH_DIR, { recursive: true });
    await page.context().storageState({ path: storageStateOf(account.kind) });
  });
}
