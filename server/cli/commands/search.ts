import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { enterprises } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { findEnterpriseByUscc } from "@/server/catalogue/import-job";
import { AppError } from "@/server/errors";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "@/server/search/products.index";
import { searchProducts, type Place } from "@/server/search/query";
import type { CliCommand } from "../command";

const plain = (text: string | null) => text?.replaceAll(HIGHLIGHT_PRE, "").replaceAll(HIGHLIGHT_POST, "") ?? null;

export const searchCommand: CliCommand = {
  name: "search",
  synopsis: "search QUERY [--park C] [--in-park-of USCC] [--limit N]",
  summary: "ranked products, best first: id, name, cas, grade, enterprise (name, uscc, park)",
  async run(db, _args, argv, out) {
    // options read here, with their values, so the words of QUERY may come before or after them
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: { park: { type: "string" }, "in-park-of": { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } },
    });
    const q = positionals.slice(1).join(" ").trim();
    if (!q) throw new AppError("INVALID", { zh: "请给出要搜索的内容", en: "Give something to search for" });
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
      throw new AppError("INVALID", { zh: "--limit 须为 1–50 的整数", en: "--limit must be a whole number from 1 to 50" });
    }
    let park = typeof values.park === "string" ? values.park.trim().toUpperCase() : undefined;
    // as that enterprise's buyers see it: its park only, equally relevant hits nearest first
    let near: Place | null = null;
    if (typeof values["in-park-of"] === "string") {
      const enterprise = await findEnterpriseByUscc(db, values["in-park-of"]);
      if (!enterprise.park?.code) {
        throw new AppError("INVALID", { zh: `${enterprise.name} 不在任何园区内`, en: `${enterprise.name} is not in a park` });
      }
      if (park && park !== enterprise.park.code) {
        throw new AppError("INVALID", {
          zh: `--park ${park} 与 ${enterprise.name} 所在园区 ${enterprise.park.code} 不一致`,
          en: `--park ${park} is not the park of ${enterprise.name} (${enterprise.park.code})`,
        });
      }
      park = enterprise.park.code;
      const [at] = await db.select({ lat: enterprises.lat, lng: enterprises.lng }).from(enterprises).where(eq(enterprises.id, enterprise.id));
      if (at?.lat != null && at.lng != null) near = { lat: Number(at.lat), lng: Number(at.lng) };
    }
    const result = await searchProducts(db, systemActor, { q, park, pageSize: limit }, { near });
    const hits = result.hits.map((h) => ({
      id: h.id,
      name: plain(h.name),
      cas: h.cas,
      grade: h.grade,
      enterprise: h.enterprise ? { name: h.enterprise.name, uscc: h.enterprise.uscc, park: h.park?.code ?? null } : null,
      ...(h.distanceKm === null ? {} : { distanceKm: h.distanceKm }),
    }));
    const lines = [
      `${result.total} found${result.cas ? ` (CAS ${result.cas})` : ""}`,
      ...hits.map((h, i) => `${String(i + 1).padStart(3)}. #${h.id} ${h.name} | ${h.cas ?? "—"} | ${h.grade ?? "—"} | ${h.enterprise?.name ?? "—"} ${h.enterprise?.uscc ?? ""} ${h.enterprise?.park ?? ""}${h.distanceKm === undefined ? "" : ` · ${h.distanceKm} km`}`.trimEnd()),
    ];
    out.result({ query: q, cas: result.cas, total: result.total, hits }, lines.join("\n"));
  },
};
