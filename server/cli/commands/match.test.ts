import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { makeEnterprise, makePark, makeProduct, pickSubstance, randomUscc } from "@/server/testing/factories";
import { matchCommand } from "./match";

/** Runs the command in-process and returns what it printed as JSON. */
async function run(argv: string[]) {
  let printed: unknown = null;
  await matchCommand.run(getDb(), [], argv, { result: (data) => void (printed = data) });
  return printed as { candidates: { rank: number; score: number; supplier: { uscc: string; park: string | null }; product: { name: string } | null; reasons: { zh: string; en: string }; compliance: string }[] };
}

describe("cli match", () => {
  it("ranks suppliers for a would-be demand by CAS or by name, in-park first, with reasons and compliance", async () => {
    const substance = await pickSubstance("plain");
    const park = await makePark();
    const [buyer, near, far] = await Promise.all([
      makeEnterprise({ parkId: park.id }), makeEnterprise({ parkId: park.id }), makeEnterprise(),
    ]);
    await makeProduct(far.id, { cas: substance.cas, availableT: "9999" });
    await makeProduct(near.id, { cas: substance.cas, availableT: "10" });
    const byCas = await run(["--buyer", buyer.uscc, "--cas", substance.cas.replace(/-/g, ""), "--qty", "50", "--grade", "工业级", "--json"]);
    const mine = byCas.candidates.filter((c) => [near.uscc, far.uscc].includes(c.supplier.uscc));
    expect(mine.map((c) => c.supplier.uscc)).toEqual([near.uscc, far.uscc]);
    expect(mine[0]).toMatchObject({ compliance: "ok", supplier: { park: park.code } });
    expect(mine[0]!.reasons.zh).toMatch(/^同园区 · CAS一致 · 可供量覆盖 20%/);

    const byName = await run(["--buyer", buyer.uscc, "--q", substance.nameZh, "--qty", "50"]);
    expect(byName.candidates.filter((c) => [near.uscc, far.uscc].includes(c.supplier.uscc)).map((c) => c.supplier.uscc)).toEqual([near.uscc, far.uscc]);
  });

  it.each<[string, string[], RegExp]>([
    ["no quantity", ["--cas", "67-63-0"], /--qty/],
    ["both --cas and --q", ["--cas", "67-63-0", "--q", "异丙醇", "--qty", "1"], /--cas/],
    ["a CAS with a wrong check digit", ["--cas", "67-63-1", "--qty", "1"], /CAS/],
    ["an unknown grade", ["--cas", "67-63-0", "--qty", "1", "--grade", "超纯"], /--grade/],
  ])("refuses %s with a message in both languages", async (_, args, pattern) => {
    const buyer = await makeEnterprise();
    await expect(run(["--buyer", buyer.uscc, ...args])).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringMatching(pattern), zh: expect.any(String) } });
  });

  it("exits non-zero with a bilingual message for an unknown buyer, as a process", () => {
    const result = spawnSync("npx", ["tsx", "server/cli/main.ts", "match", "--buyer", randomUscc(), "--cas", "67-63-0", "--qty", "1", "--json"], {
      encoding: "utf8", env: process.env, timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Error:/);
  }, 60_000);
});
