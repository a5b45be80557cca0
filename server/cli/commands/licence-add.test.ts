import { spawnSync } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, licences } from "@/db/schema";
import { makeEnterprise, makeParkWithTwoEnterprises, makeUser, randomUscc } from "@/server/testing/factories";
import { licenceAddCommand, runLicenceAdd } from "./licence-add";

const db = () => getDb();
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function run(argv: string[]) {
  let printed: unknown = null;
  await licenceAddCommand.run(db(), [], ["licence", "add", ...argv], { result: (data) => void (printed = data) });
  return printed as Record<string, unknown>;
}

describe("cli licence add", () => {
  it("records a licence through the licence service, verified when asked, audited", async () => {
    const enterprise = await makeEnterprise();
    const expires = inDays(365);
    const printed = await run([
      "--enterprise", enterprise.uscc, "--type", "precursor-purchase-permit", "--number", "苏公禁毒购[2026]0001", "--expires", expires,
      "--scope", "麻黄素", "--verified", "--json",
    ]);
    expect(printed).toMatchObject({
      enterprise: { uscc: enterprise.uscc, name: enterprise.name }, type: "precursor-purchase-permit", number: "苏公禁毒购[2026]0001",
      scope: "麻黄素", expires, verified: true,
    });
    const [row] = await db().select().from(licences).where(eq(licences.enterpriseId, enterprise.id));
    expect(row).toMatchObject({ type: "precursor_purchase_permit", validUntil: expires, scope: "麻黄素" });
    expect(row!.verifiedAt).not.toBeNull();
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entity, "licence"), eq(auditLog.entityId, String(row!.id))));
    expect(audit.map((a) => a.action)).toEqual(["create"]);

    // without --verified it waits for park staff
    const unverified = await run(["--enterprise", enterprise.uscc, "--type", "hazardous-trade", "--number", "苏通危化经字[2026]00002", "--expires", expires]);
    expect(unverified).toMatchObject({ type: "hazardous-trade", verified: false });
  });

  it.each<[string, (uscc: string) => string[], RegExp, string]>([
    ["an unknown type", (u) => ["--enterprise", u, "--type", "drug-licence", "--number", "N-1", "--expires", "2030-01-01"], /--type.*precursor-purchase-record/, "证照类型"],
    ["a type written in snake case", (u) => ["--enterprise", u, "--type", "precursor_purchase_record", "--number", "N-1", "--expires", "2030-01-01"], /--type/, "证照类型"],
    ["a date that does not exist", (u) => ["--enterprise", u, "--type", "highly-toxic", "--number", "N-1", "--expires", "2030-02-30"], /--expires/, "日期"],
    ["a date in another format", (u) => ["--enterprise", u, "--type", "highly-toxic", "--number", "N-1", "--expires", "30.01.2030"], /--expires/, "日期"],
    ["no expiry", (u) => ["--enterprise", u, "--type", "highly-toxic", "--number", "N-1"], /--expires/, "日期"],
    ["no number", (u) => ["--enterprise", u, "--type", "highly-toxic", "--expires", "2030-01-01"], /--number/, "编号"],
    ["an unknown credit code", () => ["--enterprise", randomUscc(), "--type", "highly-toxic", "--number", "N-1", "--expires", "2030-01-01"], /no enterprise with credit code/, "统一社会信用代码"],
  ])("refuses %s with a bilingual message and records nothing", async (_, args, en, zh) => {
    const enterprise = await makeEnterprise();
    await expect(run(args(enterprise.uscc))).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringMatching(en), zh: expect.stringContaining(zh) } });
    expect(await db().select().from(licences).where(eq(licences.enterpriseId, enterprise.id))).toEqual([]);
  });

  it("goes through the policy: an outsider may not record another enterprise's licence, its own admin may but not verify it", async () => {
    const { a, adminA, adminB } = await makeParkWithTwoEnterprises();
    const outsider = await makeUser({ enterpriseId: (await makeEnterprise()).id, role: "admin" });
    const args = ["--enterprise", a.uscc, "--type", "precursor-purchase-record", "--number", `备-${a.id}`, "--expires", inDays(100)];
    const out = { result: () => undefined };
    for (const actor of [outsider.actor, adminB.actor]) {
      await expect(runLicenceAdd(db(), actor, args, out)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(runLicenceAdd(db(), adminA.actor, [...args, "--verified"], out)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().select().from(licences).where(eq(licences.enterpriseId, a.id))).toEqual([]);
    await runLicenceAdd(db(), adminA.actor, args, out);
    const [row] = await db().select().from(licences).where(eq(licences.enterpriseId, a.id));
    expect(row).toMatchObject({ type: "precursor_purchase_record", verifiedAt: null });
  });

  it("exits non-zero with the message in both languages, as a process", () => {
    const result = spawnSync("npx", ["tsx", "server/cli/main.ts", "licence", "add", "--enterprise", randomUscc(), "--type", "bogus", "--number", "1", "--expires", "2030-01-01"], {
      encoding: "utf8", env: process.env, timeout: 90_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("未知的证照类型");
    expect(result.stderr).toContain("unknown licence type");
  }, 90_000);
});
