import ExcelJS from "exceljs";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { GET as exportInsights } from "@/app/api/reports/insights/route";
import { createCaller } from "@/server/api/root";
import type { Actor } from "@/server/auth/actor";
import { startSession } from "@/server/auth/session";
import type { CliOutput } from "@/server/cli/command";
import { insightsCommand } from "@/server/cli/commands/insights";
import { makeEnterprise, makeUser } from "@/server/testing/factories";
import { chainMapData } from "./chain-map";
import { greenFigures } from "./green";
import { LINKAGE_COLUMNS, insightsWorkbook } from "./insights-export";
import { insightsFixture } from "./insights.fixture";
import { linkage, linkageFigures, type LinkageRow } from "./linkage";

// the export route reads the request's cookie through next/headers; outside Next.js the test hands it over
let requestCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(requestCookie ? { cookie: requestCookie } : {}) }));
async function cookieOf(actor: Actor) {
  const uid = actor.userId!;
  const sid = await startSession(getDb(), uid);
  return `next-auth.session-token=${await encode({ token: { uid, sid }, secret: process.env.NEXTAUTH_SECRET! })}`;
}

let f: Awaited<ReturnType<typeof insightsFixture>>;
beforeAll(async () => {
  f = await insightsFixture();
}, 120_000);

const share = (part: number, whole: number) => Math.round((part / whole) * 10000) / 10000;

/** The hand sums of the fixture's period (see insights.fixture.ts): drafts and agreements before the period left out. */
function expected() {
  return {
    [f.A.uscc]: {
      // bought: 300,000 + 200,000 (B, two lines) + 100,000 (Q1, other park) + 250,000 (X, no park) + 150,000 (C)
      purchaseCny: 1_000_000, inParkPurchaseCny: 650_000, inParkPurchaseShare: 0.65,
      salesCny: 0, inParkSalesCny: 0, inParkSalesShare: null, inParkPartners: 2,
      openDemands: 1, openDemandT: 30, openDemandInParkT: 20,
    },
    [f.B.uscc]: {
      // bought 40,000 from X (nothing in the park: 0, not null); sold 500,000 to A and 125,000 to Q1
      purchaseCny: 40_000, inParkPurchaseCny: 0, inParkPurchaseShare: 0,
      salesCny: 625_000, inParkSalesCny: 500_000, inParkSalesShare: 0.8, inParkPartners: 1,
      openDemands: 0, openDemandT: 0, openDemandInParkT: 0,
    },
    [f.C.uscc]: {
      // sells only: 150,000 to A, 50,000 to X
      purchaseCny: 0, inParkPurchaseCny: 0, inParkPurchaseShare: null,
      salesCny: 200_000, inParkSalesCny: 150_000, inParkSalesShare: 0.75, inParkPartners: 1,
      openDemands: 0, openDemandT: 0, openDemandInParkT: 0,
    },
    [f.D.uscc]: {
      purchaseCny: 0, inParkPurchaseCny: 0, inParkPurchaseShare: null,
      salesCny: 0, inParkSalesCny: 0, inParkSalesShare: null, inParkPartners: 0,
      openDemands: 0, openDemandT: 0, openDemandInParkT: 0,
    },
  } as Record<string, Partial<LinkageRow>>;
}

describe("产业关联度 per enterprise", () => {
  it("gives every enterprise of the park its hand-computed figures over the period, line by line, drafts and other parks' enterprises left out", async () => {
    const l = await linkage(getDb(), f.staff.actor, { parkId: f.P.id, ...f.period });
    expect(l.park).toMatchObject({ id: f.P.id, code: f.P.code });
    expect(l.enterprises.map((e) => e.uscc).sort()).toEqual([f.A.uscc, f.B.uscc, f.C.uscc, f.D.uscc].sort());
    const want = expected();
    for (const e of l.enterprises) expect(e, e.name).toMatchObject(want[e.uscc]!);
  });

  it("counts the agreement signed before the period when there is no period, and never the draft", async () => {
    const l = await linkageFigures(getDb(), { parkId: f.P.id });
    const A = l.enterprises.find((e) => e.id === f.A.id)!;
    const B = l.enterprises.find((e) => e.id === f.B.id)!;
    // + 70,000 signed 2025-12-31 (A ← B); the 900,000 draft never
    expect(A).toMatchObject({ purchaseCny: 1_070_000, inParkPurchaseCny: 720_000, inParkPurchaseShare: share(720_000, 1_070_000) });
    expect(B).toMatchObject({ salesCny: 695_000, inParkSalesCny: 570_000, inParkSalesShare: share(570_000, 695_000) });
  });

  it("keeps the enterprises of the chain asked for, their counterparties of any chain", async () => {
    const l = await linkageFigures(getDb(), { parkId: f.P.id, ...f.period, chain: "基础化工" });
    expect(l.enterprises).toHaveLength(1);
    expect(l.enterprises[0]).toMatchObject(expected()[f.B.uscc]!);
  });

  it("prints the same figures with the CLI's --json, and a readable table without it", async () => {
    const printed: { data: unknown; text: string }[] = [];
    const out: CliOutput = { result: (data, text) => printed.push({ data, text }) };
    await insightsCommand.run(getDb(), [], ["insights", "--park", f.P.code, "--from", f.period.from, "--to", f.period.to, "--json"], out);
    const data = printed[0]!.data as { park: string; enterprises: Record<string, unknown>[]; green: Record<string, unknown> };
    expect(data.park).toBe(f.P.code);
    const want = expected();
    expect(data.enterprises).toHaveLength(4);
    for (const e of data.enterprises) {
      const w = want[e.uscc as string]!;
      expect(e, String(e.name)).toMatchObject({
        inParkPurchaseShare: w.inParkPurchaseShare, inParkSalesShare: w.inParkSalesShare, inParkPartners: w.inParkPartners,
        inParkPurchaseCny: w.inParkPurchaseCny, inParkSalesCny: w.inParkSalesCny, purchaseCny: w.purchaseCny, salesCny: w.salesCny,
        openDemands: w.openDemands, openDemandInParkT: w.openDemandInParkT,
      });
    }
    expect(data.green).toMatchObject({ inParkTonnes: 105, byproductTonnesReused: 30 });
    // the chain map rides along, and its in-park flows add up to the enterprises' in-park purchases
    const map = (printed[0]!.data as { chainMap: { edges: { sellerUscc: string; buyerUscc: string; amountCny: number; inPark: boolean }[] } }).chainMap;
    expect(map).toEqual(expect.objectContaining(await chainMapData(getDb(), { parkId: f.P.id, ...f.period }).then((m) => ({ nodes: m.nodes, edges: m.edges }))));
    const inParkFlows = map.edges.filter((e) => e.inPark).reduce((sum, e) => sum + e.amountCny, 0);
    const inParkBought = Object.values(want).reduce((sum, w) => sum + (w.inParkPurchaseCny ?? 0), 0);
    expect(inParkFlows).toBeCloseTo(inParkBought, 2);
    expect(inParkFlows).toBeGreaterThan(0);
    expect(data.green.tonneKmAvoided).toEqual(expect.any(Number));
    const text = printed[0]!.text;
    const rowOfA = text.split("\n").find((line) => line.includes(f.A.uscc))!;
    expect(rowOfA).toContain("65%");
    expect(rowOfA).toContain("—"); // A sold nothing: no sales share
    expect(rowOfA).toContain("65 万元");
    expect(text.split("\n").find((line) => line.includes(f.C.uscc))).toMatch(/—\s+75%/);
  });

  it("refuses the CLI without a park, or with an unknown one or a bad period", async () => {
    const out: CliOutput = { result: () => undefined };
    await expect(insightsCommand.run(getDb(), [], ["insights"], out)).rejects.toMatchObject({ code: "INVALID" });
    await expect(insightsCommand.run(getDb(), [], ["insights", "--park", "NO-SUCH-PARK"], out)).rejects.toMatchObject({ code: "INVALID" });
    await expect(insightsCommand.run(getDb(), [], ["insights", "--park", f.P.code, "--from", "2026-06-01", "--to", "2026-01-01"], out))
      .rejects.toMatchObject({ code: "INVALID", messages: { en: expect.stringContaining("--to") } });
  });

  it("writes the same figures into the XLSX: amounts in yuan, shares as percentages, an empty cell where there is no purchase or sale", async () => {
    const input = { parkId: f.P.id, ...f.period };
    const [l, g] = await Promise.all([linkageFigures(getDb(), input), greenFigures(getDb(), input)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await insightsWorkbook(l, g)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("产业关联度 Linkage")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...LINKAGE_COLUMNS]);
    const rows = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    expect(rows.size).toBe(4);
    const want = expected();
    for (const [uscc, cells] of rows) {
      const w = want[uscc]!;
      const blank = (v: number | null | undefined) => (v === null ? undefined : v);
      expect(cells.slice(3), uscc).toEqual([
        w.purchaseCny, w.inParkPurchaseCny, blank(w.inParkPurchaseShare), w.salesCny, w.inParkSalesCny, blank(w.inParkSalesShare),
        w.inParkPartners, w.openDemands, w.openDemandT, w.openDemandInParkT,
      ]);
    }
    const a = sheet.getRow([...rows.keys()].indexOf(f.A.uscc) + 2);
    expect(a.getCell(6).numFmt).toBe("0.0%");
    expect(a.getCell(4).numFmt).toBe("#,##0.00");
    const defs = book.getWorksheet("指标说明 Definitions")!;
    expect(defs.rowCount).toBe(10);
    expect(String(defs.getRow(4).getCell(3).value)).toContain("not 0");
  });
});

describe("who may see the linkage and the green outcomes", () => {
  it("refuses a member of the park's enterprise, another park's staff and an unrelated user; answers the park's staff and platform admins", async () => {
    const db = getDb();
    const stranger = await makeUser({ enterpriseId: (await makeEnterprise({ parkId: f.Q.id })).id, role: "admin" });
    const input = { parkId: f.P.id, ...f.period };
    for (const actor of [f.member.actor, f.otherStaff.actor, stranger.actor]) {
      const caller = createCaller({ db, actor });
      await expect(caller.insights.linkage(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.insights.green(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const actor of [f.staff.actor, f.admin.actor]) {
      const caller = createCaller({ db, actor });
      expect((await caller.insights.linkage(input)).enterprises).toHaveLength(4);
      expect((await caller.insights.green(input)).inParkTonnes).toBe(105);
    }
  });
});

describe("the XLSX download", () => {
  it("serves the park's staff the workbook of the period asked for, and refuses another park's staff", async () => {
    const url = `http://localhost/api/reports/insights?park=${f.P.id}&from=${f.period.from}&to=${f.period.to}`;
    requestCookie = await cookieOf(f.staff.actor);
    const res = await exportInsights(new Request(url, { headers: { cookie: requestCookie } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`insights-${f.P.code}-`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.getWorksheet("产业关联度 Linkage")!.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1)); });
    expect(rows.find((r) => r[0] === f.A.uscc)?.slice(3, 6)).toEqual([1_000_000, 650_000, 0.65]);

    // asked for from the English UI: English headers and chains, the same figures
    const english = await exportInsights(new Request(url, { headers: { cookie: `${requestCookie}; parklink-locale=en` } }));
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(await english.arrayBuffer());
    expect(en.worksheets.map((w) => w.name)).toEqual(["Summary", "Linkage", "Definitions", "Green", "Green by month", "Green by chain"]);
    const linkageSheet = en.getWorksheet("Linkage")!;
    expect((linkageSheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["USCC", "Enterprise", "Chains"]);
    const a: unknown[] = [];
    linkageSheet.eachRow((row) => { if (row.getCell(1).value === f.A.uscc) a.push(...(row.values as unknown[]).slice(1)); });
    expect([a[2], ...a.slice(3, 6)]).toEqual(["Fine chemicals", 1_000_000, 650_000, 0.65]);
    const byChain: unknown[][] = [];
    en.getWorksheet("Green by chain")!.eachRow((row, n) => { if (n > 1) byChain.push((row.values as unknown[]).slice(1)); });
    expect(byChain.map((r) => r[0])).toContain("Fine chemicals");
    en.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell, col) => {
      // Chinese only in the registered names of the enterprises and the park (they have no English one here)
      const name = (sheet.name === "Linkage" && col === 2) || (sheet.name === "Summary" && String(cell.value).startsWith(`${f.P.name} (`));
      if (/[\u3400-\u9fff]/.test(String(cell.value))) expect(name, `${sheet.name}: ${String(cell.value)}`).toBe(true);
    })));
    requestCookie = await cookieOf(f.otherStaff.actor);
    expect((await exportInsights(new Request(url, { headers: { cookie: requestCookie } }))).status).toBe(403);
    requestCookie = "";
  });
});
