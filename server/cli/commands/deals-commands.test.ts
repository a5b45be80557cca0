import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { makeAgreement, makeEnterprise, makePark } from "@/server/testing/factories";
import type { CliOutput } from "../command";
import { importAgreementsCommand } from "./import-agreements";
import { reportCommand } from "./report";

function capture() {
  const printed: unknown[] = [];
  const out: CliOutput = { result: (data) => printed.push(data) };
  return { out, printed };
}

describe("report and import agreements commands", () => {
  it("report prints the dashboard's figures for a park and a period, computed by hand", async () => {
    const P = await makePark();
    const [A, B, X] = await Promise.all([
      makeEnterprise({ parkId: P.id, chains: ["精细化工"] }), makeEnterprise({ parkId: P.id, chains: ["基础化工"] }), makeEnterprise({ chains: ["精细化工"] }),
    ]);
    await makeAgreement(A.id, B.id, { type: "framework", signedOn: "2026-02-01", lines: [{ amountCny: "3000000.00" }] });
    await makeAgreement(A.id, X.id, { type: "order", signedOn: "2026-02-02", lines: [{ amountCny: "1000000.00" }] });
    await makeAgreement(B.id, A.id, { type: "order", signedOn: "2025-02-02", lines: [{ amountCny: "7.00" }] });
    // signed, then terminated: it was signed, it counts
    await makeAgreement(B.id, X.id, { type: "contract", status: "terminated", signedOn: "2026-04-30", lines: [{ amountCny: "500000.00" }] });
    // never signed: a draft, and a draft terminated unsigned (no signing date)
    await makeAgreement(A.id, B.id, { type: "contract", status: "draft", signedOn: null, lines: [{ amountCny: "900000.00" }] });
    await makeAgreement(B.id, A.id, { type: "order", status: "terminated", signedOn: null, lines: [{ amountCny: "60000.00" }] });
    const { out, printed } = capture();
    await reportCommand.run(getDb(), [], ["report", "--park", P.code, "--from", "2026-01-01", "--to", "2026-05-31", "--json"], out);
    // by hand: 3,000,000 + 1,000,000 + 500,000 = 4,500,000 元 in 3 agreements; in park only the first
    expect(printed[0]).toMatchObject({
      park: P.code, agreements: 3, amountCny: 4500000, inParkAmountCny: 3000000, enterprises: 2, inParkShare: 0.6667,
      byType: { framework: 1, contract: 1, order: 1 },
      amountByType: { framework: 3000000, contract: 500000, order: 1000000 },
      byChain: { 精细化工: { count: 3, amountCny: 4500000 }, 基础化工: { count: 2, amountCny: 3500000 } },
      chainTotals: { count: 3, amountCny: 4500000, attributedAmountCny: 8000000, unattributed: { count: 0, amountCny: 0 } },
      byMonth: [
        { month: "2026-01", count: 0, amountCny: 0 },
        { month: "2026-02", count: 2, amountCny: 4000000 },
        { month: "2026-03", count: 0, amountCny: 0 },
        { month: "2026-04", count: 1, amountCny: 500000 },
        { month: "2026-05", count: 0, amountCny: 0 },
      ],
      flows: [
        { seller: B.name, buyer: A.name, count: 1, amountCny: 3000000 },
        { seller: X.name, buyer: A.name, count: 1, amountCny: 1000000 },
        { seller: X.name, buyer: B.name, count: 1, amountCny: 500000 },
      ],
    });
  });

  it("report refuses an unknown park or a bad date with a bilingual message", async () => {
    const { out } = capture();
    await expect(reportCommand.run(getDb(), [], ["report", "--park", "NOPE-PARK"], out)).rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("园区"), en: expect.stringContaining("park") } });
    await expect(reportCommand.run(getDb(), [], ["report", "--from", "2026-13-45"], out)).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringContaining("--from") } });
  });

  it("import agreements lands the good agreements and lists the rejected ones by ref", async () => {
    const P = await makePark();
    const [A, B] = await Promise.all([makeEnterprise({ parkId: P.id }), makeEnterprise({ parkId: P.id })]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "agreements-")), "event.csv");
    fs.writeFileSync(file, [
      "ref,type,title,buyer_uscc,seller_uscc,amount_cny,signed_on",
      `CLI-OK-${A.id},contract,命令行合同,${A.uscc},${B.uscc},100,2026-05-18`,
      `CLI-BAD-${A.id},contract,命令行合同,${A.uscc},${A.uscc},100,2026-05-18`,
    ].join("\n"));
    const { out, printed } = capture();
    await importAgreementsCommand.run(getDb(), [file], ["import", "agreements", file, "--json"], out);
    expect(printed[0]).toMatchObject({ inserted: 1, rejected: [{ ref: `CLI-BAD-${A.id}`, column: "seller_uscc" }] });
    await expect(importAgreementsCommand.run(getDb(), [], [], out)).rejects.toMatchObject({ code: "INVALID" });
  });
});
