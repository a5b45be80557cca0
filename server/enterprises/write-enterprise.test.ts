import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { enterprises } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { makeEnterprise, makePark, randomUscc } from "@/server/testing/factories";
import { inRolledBackTransaction, tracesOf } from "@/server/testing/traces";
import { insertEnterprise, updateEnterpriseRecord } from "./write-enterprise";

const db = () => getDb();
const traces = (tx: ReturnType<typeof db>, id: number) => tracesOf(tx, { audit: "enterprise", event: "enterprises", id });

describe("the enterprise writer", () => {
  it("writes the enterprise, its audit entry and its outbox rows in the caller's transaction, all or none", async () => {
    const park = await makePark();
    const uscc = randomUscc();
    const inside = await inRolledBackTransaction(db(), async (tx) => {
      const row = await insertEnterprise(tx, systemActor, { uscc, name: "江苏写入测试化工有限公司", parkId: park.id, chains: ["精细化工"], lat: 32.0123456 });
      return { row, traces: await traces(tx, row.id) };
    });
    expect(inside.row).toMatchObject({ uscc, lat: "32.012346", nameEn: null });
    expect(inside.traces).toEqual({ audit: ["create"], actors: [null], outbox: ["enterprises:match", "enterprises:search"] });
    expect(await db().select().from(enterprises).where(eq(enterprises.uscc, uscc))).toEqual([]);
    expect(await traces(db(), inside.row.id)).toEqual({ audit: [], actors: [], outbox: [] });

    const kept = await db().transaction((tx) => insertEnterprise(tx, systemActor, { uscc, name: "江苏写入测试化工有限公司", parkId: park.id }, { action: "import-create" }));
    const renamed = await db().transaction(async (tx) => {
      const after = await updateEnterpriseRecord(tx, systemActor, kept.id, { name: "江苏写入测试新材料有限公司" }, { action: "import-update" });
      return { after, traces: await traces(tx, kept.id) };
    });
    expect(renamed.after.name).toBe("江苏写入测试新材料有限公司");
    expect(renamed.traces.audit).toEqual(["import-create", "import-update"]);
    expect(renamed.traces.outbox.filter((t) => t === "enterprises:search")).toHaveLength(2);
  });

  it("refuses an invalid enterprise, a taken credit code or an unknown park whole: nothing written", async () => {
    const existing = await makeEnterprise();
    const uscc = randomUscc();
    const attempts = [
      { uscc, name: "X", parkId: null }, // name too short
      { uscc: uscc.slice(0, 17) + (uscc.endsWith("0") ? "1" : "0"), name: "江苏校验位错误有限公司", parkId: null }, // check character
      { uscc, name: "江苏电话错误有限公司", parkId: null, contactPhone: "call me" },
      { uscc, name: "江苏园区不存在有限公司", parkId: 2_000_000_000 },
      { uscc: existing.uscc, name: "江苏重复代码有限公司", parkId: null },
    ];
    const codes = [];
    for (const attempt of attempts) {
      codes.push(await db().transaction((tx) => insertEnterprise(tx, systemActor, attempt)).then(() => "written", (e: { code: string }) => e.code));
    }
    expect(codes).toEqual(["INVALID", "INVALID", "INVALID", "NOT_FOUND", "CONFLICT"]);
    expect(await db().select().from(enterprises).where(eq(enterprises.uscc, uscc))).toEqual([]);

    // a change that would make it invalid leaves it as it was, with no entry
    await expect(db().transaction((tx) => updateEnterpriseRecord(tx, systemActor, existing.id, { chains: ["一个名字远远超过二十个字的产业链名称一个名字远远超过"] })))
      .rejects.toMatchObject({ code: "INVALID" });
    const [after] = await db().select().from(enterprises).where(eq(enterprises.id, existing.id));
    expect(after!.chains).toEqual(existing.chains);
    expect((await traces(db(), existing.id)).audit).toEqual([]);
  });
});
