import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { makeEnterprise, makePark, makeProduct } from "@/server/testing/factories";
import { dropTestIndexes, prepareTestIndexes } from "@/server/testing/search";
import { syncProducts } from "@/server/search/sync";
import { searchCommand } from "./search";

vi.hoisted(() => {
  process.env.MEILI_INDEX_PREFIX = `t${Math.random().toString(36).slice(2, 10)}_`;
});

interface Printed {
  query: string;
  sort: string;
  total: number;
  hits: {
    id: number; name: string; cas: string | null; formula: string | null; grade: string | null; purity: number | null;
    priceCnyPerT: number | null; availableT: number | null; enterprise: { name: string; uscc: string; park: string | null } | null;
    distanceKm?: number;
  }[];
  related: { cas: string | null; name: string | null }[];
}

/** Runs the command in-process and returns what it printed as JSON. */
async function run(argv: string[]) {
  let printed: unknown = null;
  await searchCommand.run(getDb(), [], ["search", ...argv], { result: (data) => void (printed = data) });
  return printed as Printed;
}

const db = getDb();
let cast: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  const park = await makePark();
  const near = await makeEnterprise({ parkId: park.id, verifiedAt: new Date(), lat: "31.950000", lng: "120.300000" });
  const far = await makeEnterprise({ parkId: park.id, verifiedAt: new Date(), lat: "32.400000", lng: "120.600000" });
  const buyer = await makeEnterprise({ parkId: park.id, verifiedAt: new Date(), lat: "31.960000", lng: "120.310000" });
  const unlocated = await makeEnterprise({ parkId: park.id, verifiedAt: new Date() });
  const item = { name: "丙烯酸丁酯", cas: "141-32-2", form: "liquid" as const };
  const products = [
    await makeProduct(near.id, { ...item, grade: "industrial", purityPct: "99.5", priceCnyPerT: "8800", availableT: "120" }),
    await makeProduct(far.id, { ...item, grade: "industrial", purityPct: "99.0", priceCnyPerT: "8600", availableT: "400" }),
    await makeProduct(far.id, { ...item, grade: "reagent", purityPct: "99.9", priceCnyPerT: "15000", availableT: "5" }),
    await makeProduct(near.id, { name: "丙烯酸", cas: "79-10-7", grade: "industrial", purityPct: "99.5", priceCnyPerT: "6500", availableT: "80" }),
  ];
  await syncProducts(db, products.map((p) => p.id));
  return { park, near, far, buyer, unlocated, ids: products.map((p) => p.id) };
}

beforeAll(async () => {
  await prepareTestIndexes();
  cast = await setUp();
});

afterAll(dropTestIndexes);

describe("cli search", () => {
  it("prints each hit with id, name, cas, formula, grade, purity, price, available and its enterprise", async () => {
    const printed = await run(["丙烯酸丁酯", "--json"]);
    expect(printed.total).toBe(3);
    const [a, b] = cast.ids;
    const hit = printed.hits.find((h) => h.id === a)!;
    expect(hit).toEqual({
      id: a, name: "丙烯酸丁酯", cas: "141-32-2", formula: "C7H12O2", grade: "industrial", purity: 99.5, priceCnyPerT: 8800, availableT: 120,
      enterprise: { name: cast.near.name, uscc: cast.near.uscc, park: cast.park.code },
    });
    expect(printed.hits.map((h) => h.id)).toContain(b);
    expect(printed.hits.every((h) => h.cas === "141-32-2")).toBe(true);
    // an exact name finds that substance only: butyl acrylate is a related substance of acrylic acid, apart
    const acrylic = await run(["丙烯酸", "--json"]);
    expect(acrylic.hits.map((h) => h.cas)).toEqual(["79-10-7"]);
    expect(acrylic.related).toContainEqual({ cas: "141-32-2", name: "丙烯酸正丁酯" });
  });

  it("filters by grade (a grade word) and minimum purity, and sorts by price, quantity or distance", async () => {
    expect((await run(["丙烯酸丁酯", "--grade", "试剂级"])).hits.map((h) => h.purity)).toEqual([99.9]);
    expect((await run(["丙烯酸丁酯", "--min-purity", "99.5"])).hits.map((h) => h.purity).sort()).toEqual([99.5, 99.9]);
    expect((await run(["丙烯酸丁酯", "--sort", "price"])).hits.map((h) => h.priceCnyPerT)).toEqual([8600, 8800, 15000]);
    expect((await run(["丙烯酸丁酯", "--sort", "available"])).hits.map((h) => h.availableT)).toEqual([400, 120, 5]);
    const nearest = await run(["丙烯酸丁酯", "--sort", "distance", "--in-park-of", cast.buyer.uscc, "--limit", "2"]);
    expect(nearest.sort).toBe("distance");
    expect(nearest.hits.map((h) => h.enterprise?.uscc)).toEqual([cast.near.uscc, cast.far.uscc]);
    expect(nearest.hits[0]!.distanceKm).toBeLessThan(nearest.hits[1]!.distanceKm!);
  });

  it.each<[string, string[], RegExp]>([
    ["an unknown sort", ["--sort", "cheapest"], /--sort must be one of relevance\|price\|available\|distance/],
    ["a sort without its value", ["--sort"], /--sort needs a value/],
    ["an unknown grade", ["--grade", "超纯"], /--grade/],
    ["a purity that is no number", ["--min-purity", "high"], /--min-purity/],
    ["a purity over 100", ["--min-purity", "120"], /--min-purity/],
    ["a limit out of range", ["--limit", "0"], /--limit/],
    ["distance without a located enterprise", ["--sort", "distance"], /--in-park-of/],
  ])("refuses %s with a message in both languages", async (_, args, pattern) => {
    await expect(run(["丙烯酸丁酯", ...args])).rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringMatching(pattern), zh: expect.any(String) } });
  });

  it("refuses distance for an enterprise without a location", async () => {
    await expect(run(["丙烯酸丁酯", "--sort", "distance", "--in-park-of", cast.unlocated.uscc]))
      .rejects.toMatchObject({ code: "INVALID", messages: { zh: expect.stringContaining("--sort distance"), en: expect.stringContaining("location") } });
  });

  it("exits non-zero with the bilingual message for a bad flag, as a process", () => {
    const result = spawnSync("npx", ["tsx", "server/cli/main.ts", "search", "异丙醇", "--sort", "cheapest", "--json"], {
      encoding: "utf8", env: process.env, timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/--sort 须为/);
    expect(result.stderr).toMatch(/--sort must be one of/);
  }, 60_000);
});
