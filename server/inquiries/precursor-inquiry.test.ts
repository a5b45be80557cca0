import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { matchCommand } from "@/server/cli/commands/match";
import { licenceAddCommand } from "@/server/cli/commands/licence-add";
import { refreshDemandMatches } from "@/server/matching/refresh";
import { suppliersForDemand } from "@/server/matching/match.service";
import { suppliersInput } from "@/server/matching/match.schemas";
import { searchProducts } from "@/server/search/query";
import { syncProducts } from "@/server/search/sync";
import { makeDealCast, makeDemand, makeLicence } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { createInquiry } from "./create-inquiry";
import { prepareInquiry } from "./prepare-inquiry";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

beforeAll(prepareTestIndexes);
afterAll(dropTestIndexes);

const db = () => getDb();
const TOLUENE = "108-88-3";
const inDays = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

type MatchJson = { candidates: { supplier: { uscc: string }; compliance: string; reasons: { zh: string; en: string } }[] };

async function cli(command: typeof matchCommand, argv: string[]) {
  let printed: unknown = null;
  await command.run(db(), [], argv, { result: (data) => void (printed = data) });
  return printed;
}

describe("易制毒: a buyer without its 购买备案证明", () => {
  it("sees toluene suppliers as needs_licence with the 易制毒 reason, cannot inquire, and can once a verified record is on file", async () => {
    const c = await makeDealCast({ cas: TOLUENE });
    // the supplier sells under its safety production licence: its side is fine
    await makeLicence(c.sellerEnterprise.id, { type: "safety_production", validUntil: inDays(300) });

    // the match CLI: the candidate's compliance state and reasons
    const mine = async () => ((await cli(matchCommand, ["--buyer", c.buyerEnterprise.uscc, "--cas", TOLUENE, "--qty", "20", "--limit", "200", "--json"])) as MatchJson)
      .candidates.find((k) => k.supplier.uscc === c.sellerEnterprise.uscc)!;
    const before = await mine();
    expect(before.compliance).toBe("needs_licence");
    expect(before.reasons.zh).toContain("缺少第三类易制毒化学品购买备案证明");
    expect(before.reasons.en).toContain("purchase record for category 3 drug precursors");

    // the buyer's demand: its stored suggestion says the same and offers no inquiry
    const demand = await makeDemand(c.buyerEnterprise.id, { cas: TOLUENE, substanceName: "甲苯", status: "open" });
    await refreshDemandMatches(db(), [demand.id]);
    const listed = await suppliersForDemand(db(), c.buyer.actor, suppliersInput.parse({ demandId: demand.id }));
    const suggestion = listed.items.find((i) => i.supplier?.id === c.sellerEnterprise.id)!;
    expect(suggestion.compliance).toBe("needs_licence");
    expect(suggestion.reasons.map((r) => r.zh)).toContain("缺少第三类易制毒化学品购买备案证明");
    expect(suggestion.contact).toMatchObject({ href: null, blocked: { zh: expect.stringContaining("缺少第三类易制毒化学品购买备案证明") } });

    // no inquiry until park staff clear it
    const prepared = await prepareInquiry(db(), c.buyer.actor, { kind: "product", id: c.product.id });
    expect(prepared).toMatchObject({ tier: "controlled", allowed: { create: false } });
    expect(prepared.refusal!.zh).toContain("缺少第三类易制毒化学品购买备案证明");
    expect(prepared.refusal!.en).toContain("purchase record for category 3");
    await expect(createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甲苯询价", body: "请报价" }))
      .rejects.toMatchObject({ code: "FORBIDDEN", messages: { zh: expect.stringContaining("易制毒") } });

    // a record that park staff have not verified yet does not clear it
    await cli(licenceAddCommand, ["--enterprise", c.buyerEnterprise.uscc, "--type", "precursor-purchase-record", "--number", `备-${c.product.id}-待审`, "--expires", inDays(200)]);
    expect((await mine()).compliance).toBe("needs_licence");

    // park staff record the verified 购买备案证明 (CLI `licence add --verified`): the inquiry goes through
    const added = await cli(licenceAddCommand, [
      "--enterprise", c.buyerEnterprise.uscc, "--type", "precursor-purchase-record", "--number", `备-${c.product.id}`,
      "--expires", inDays(200), "--scope", "甲苯", "--verified", "--json",
    ]);
    expect(added).toMatchObject({ type: "precursor-purchase-record", verified: true });
    expect((await mine()).compliance).toBe("ok");
    const { id } = await createInquiry(db(), c.buyer.actor, { source: { kind: "product", id: c.product.id }, subject: "甲苯询价", body: "请报价" });
    expect(id).toBeGreaterThan(0);
  });

  it("search hits carry the substance's flags with its precursor category", async () => {
    const c = await makeDealCast({ cas: TOLUENE });
    const word = `zq${Math.random().toString(36).slice(2, 8)}`;
    const { updateProduct } = await import("@/server/catalogue/catalogue.service");
    await updateProduct(db(), c.staff.actor, {
      id: c.product.id, sku: c.product.sku, name: `甲苯 ${word}`, cas: TOLUENE, grade: null, purityPct: null, form: null, packaging: null,
      capacityTpy: null, availableT: null, priceCnyPerT: null, description: null,
    });
    await syncProducts(db(), [c.product.id]);
    const hit = (await searchProducts(db(), c.staff.actor, { q: word })).hits.find((h) => h.id === c.product.id)!;
    expect(hit.hazards).toEqual({ hazardous: true, highlyToxic: false, explosivePrecursor: false, precursorCategory: 3 });
  });
});
