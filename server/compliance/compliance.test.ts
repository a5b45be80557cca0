import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { licences } from "@/db/schema";
import { makeEnterprise } from "@/server/testing/factories";
import {
  buyerState, matchCompliance, supplierLicenceValidUntil, supplierState, tierOf, todayInChina,
  type LicenceFact, type SubstanceFlags,
} from "./compliance";
import { licenceFacts } from "./licences";

const plain: SubstanceFlags = { hazardous: false, highlyToxic: false, explosivePrecursor: false, precursorCategory: null };
const toluene: SubstanceFlags = { ...plain, hazardous: true };
const cyanide: SubstanceFlags = { ...plain, hazardous: true, highlyToxic: true };
const nitrate: SubstanceFlags = { ...plain, hazardous: true, explosivePrecursor: true };
const today = "2026-11-23";
const lic = (type: LicenceFact["type"], validUntil: string | null, verified = true): LicenceFact => ({ type, validUntil, verified });

describe("compliance tiers and states", () => {
  it.each<[string, SubstanceFlags | null, string]>([
    ["no dictionary entry", null, "none"],
    ["plain chemical", plain, "none"],
    ["hazardous solvent", toluene, "hazardous"],
    ["highly toxic", cyanide, "controlled"],
    ["explosive precursor", nitrate, "controlled"],
    ["precursor chemical", { ...plain, precursorCategory: 2 }, "controlled"],
  ])("%s is %s", (_, flags, tier) => expect(tierOf(flags)).toBe(tier));

  it.each<[string, SubstanceFlags, LicenceFact[], string]>([
    ["hazardous but not controlled needs nothing", toluene, [], "ok"],
    ["controlled with no licence on file is a warning", cyanide, [], "licence_missing"],
    ["controlled with a valid licence is fine", cyanide, [lic("hazardous_trade", "2027-01-01")], "ok"],
    ["a licence without expiry counts as valid", cyanide, [lic("safety_production", null)], "ok"],
    ["an expired licence blocks", cyanide, [lic("hazardous_trade", "2026-11-22")], "blocked"],
    ["one valid licence among expired ones is enough", cyanide, [lic("hazardous_trade", "2026-01-01"), lic("safety_production", "2027-06-30")], "ok"],
    ["the wrong kind of licence does not count", nitrate, [lic("pollutant_discharge", "2030-01-01")], "licence_missing"],
    ["an explosive precursor record counts for its supplier", nitrate, [lic("explosive_precursor", "2030-01-01")], "ok"],
  ])("supplier: %s", (_, flags, licences, state) => expect(supplierState(flags, licences, today)).toBe(state));

  it.each<[string, SubstanceFlags, LicenceFact[], string | null]>([
    ["not controlled: no date applies", toluene, [lic("hazardous_trade", "2026-01-01")], null],
    ["no licence on file: missing, not dated", cyanide, [], null],
    ["a licence without expiry never lapses", cyanide, [lic("hazardous_trade", "2026-12-31"), lic("safety_production", null)], null],
    ["the latest matching expiry counts", cyanide, [lic("hazardous_trade", "2027-03-01"), lic("safety_production", "2026-12-31")], "2027-03-01"],
    ["other kinds of licence do not count", nitrate, [lic("pollutant_discharge", "2030-01-01"), lic("explosive_precursor", "2026-12-01")], "2026-12-01"],
  ])("supplier licence valid until: %s", (_, flags, licences, until) => {
    expect(supplierLicenceValidUntil(flags, licences)).toBe(until);
    // consistent with the state: ok through that day, blocked the day after
    if (until) {
      expect(supplierState(flags, licences, until)).toBe("ok");
      const next = new Date(new Date(`${until}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
      expect(supplierState(flags, licences, next)).toBe("blocked");
    }
  });

  it.each<[string, SubstanceFlags, LicenceFact[], string]>([
    ["hazardous but not controlled", toluene, [], "ok"],
    ["controlled without licence", cyanide, [], "needs_licence"],
    ["controlled with a verified purchase permit", cyanide, [lic("highly_toxic", "2027-01-01")], "ok"],
    ["a permit not yet verified by park staff", cyanide, [lic("highly_toxic", "2027-01-01", false)], "needs_licence"],
    ["an expired permit", cyanide, [lic("highly_toxic", "2026-01-01")], "needs_licence"],
    ["explosive precursor with its record", nitrate, [lic("explosive_precursor", null)], "ok"],
  ])("buyer: %s", (_, flags, licences, state) => expect(buyerState(flags, licences, today)).toBe(state));

  it("combines both sides: blocked wins over needs_licence", () => {
    expect(matchCompliance(cyanide, [lic("hazardous_trade", "2020-01-01")], [], today).state).toBe("blocked");
    expect(matchCompliance(cyanide, [lic("hazardous_trade", "2030-01-01")], [], today).state).toBe("needs_licence");
    expect(matchCompliance(toluene, [], [], today).state).toBe("ok");
  });

  it("reads today in China's calendar", () => {
    expect(todayInChina(new Date("2026-11-23T17:00:00Z"))).toBe("2026-11-24");
  });
});

describe("licences on file", () => {
  // who sees regulated details is the policy's `hazardous.viewDetails` (server/auth/policy.test.ts)
  it("loads each enterprise's licences", async () => {
    const verified = await makeEnterprise({ verifiedAt: new Date() });
    const unverified = await makeEnterprise();
    await getDb().insert(licences).values({ enterpriseId: verified.id, type: "highly_toxic", number: "T-1", validUntil: "2030-01-01", verifiedAt: new Date() });
    const facts = await licenceFacts(getDb(), [verified.id, unverified.id]);
    expect(facts.get(verified.id)).toEqual([{ type: "highly_toxic", validUntil: "2030-01-01", verified: true }]);
    expect(facts.get(unverified.id)).toEqual([]);
  });
});
