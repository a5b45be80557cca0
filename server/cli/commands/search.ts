import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { enterprises } from "@/db/schema";
import { systemActor } from "@/server/auth/actor";
import { findEnterpriseByUscc } from "@/server/catalogue/import-job";
import { AppError } from "@/server/errors";
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from "@/server/search/products.index";
import { searchProducts, type Place } from "@/server/search/query";
import { SEARCH_SORTS, type SearchSort } from "@/server/search/search.schemas";
import { GRADES, gradeFromWord } from "@/server/catalogue/vocabulary";
import type { CliCommand } from "../command";

const plain = (text: string | null) => text?.replaceAll(HIGHLIGHT_PRE, "").replaceAll(HIGHLIGHT_POST, "") ?? null;

const SORT_NAMES = SEARCH_SORTS.join("|");

export const searchCommand: CliCommand = {
  name: "search",
  synopsis: `search QUERY [--park C] [--in-park-of USCC] [--grade G] [--min-purity P] [--sort ${SORT_NAMES}] [--limit N]`,
  summary: "ranked products, best first: id, name, cas, formula, grade, purity, price, available, enterprise (name, uscc, park)",
  async run(db, _args, argv, out) {
    // options read here, with their values, so the words of QUERY may come before or after them
    const { values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: {
        park: { type: "string" }, "in-park-of": { type: "string" }, grade: { type: "string" }, "min-purity": { type: "string" },
        sort: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" },
      },
    });
    const q = positionals.slice(1).join(" ").trim();
    if (!q) throw new AppError("INVALID", { zh: "请给出要搜索的内容", en: "Give something to search for" });
    /** a flag given without its value reads as `true` (parseArgs, not strict) */
    const text = (flag: string) => {
      const value = values[flag];
      if (value === undefined) return undefined;
      if (typeof value !== "string" || !value.trim()) throw new AppError("INVALID", { zh: `--${flag} 缺少取值`, en: `--${flag} needs a value` });
      return value.trim();
    };
    const limitText = text("limit");
    const limit = limitText === undefined ? 10 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
      throw new AppError("INVALID", { zh: "--limit 须为 1–50 的整数", en: "--limit must be a whole number from 1 to 50" });
    }
    const gradeText = text("grade");
    const grade = gradeText === undefined ? undefined : gradeFromWord(gradeText);
    if (grade === null) {
      throw new AppError("INVALID", {
        zh: `--grade ${gradeText} 不是已知等级（${GRADES.join("、")}，或 工业级、试剂级、电子级、医药级、食品级）`,
        en: `--grade ${gradeText} is not a known grade (${GRADES.join(", ")}, or their Chinese names)`,
      });
    }
    const purityText = text("min-purity");
    const minPurity = purityText === undefined ? undefined : Number(purityText.replace(/%$/, ""));
    if (minPurity !== undefined && !(Number.isFinite(minPurity) && minPurity >= 0 && minPurity <= 100)) {
      throw new AppError("INVALID", { zh: "--min-purity 须为 0–100 的数（百分比）", en: "--min-purity must be a number from 0 to 100 (per cent)" });
    }
    const sortText = text("sort") ?? "relevance";
    if (!(SEARCH_SORTS as readonly string[]).includes(sortText)) {
      throw new AppError("INVALID", { zh: `--sort 须为 ${SORT_NAMES} 之一`, en: `--sort must be one of ${SORT_NAMES}` });
    }
    const sort = sortText as SearchSort;
    let park = text("park")?.toUpperCase();
    // as that enterprise's buyers see it: its park only, equally relevant hits nearest first
    let near: Place | null = null;
    const inParkOf = text("in-park-of");
    if (inParkOf !== undefined) {
      const enterprise = await findEnterpriseByUscc(db, inParkOf);
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
    if (sort === "distance" && !near) {
      throw new AppError("INVALID", {
        zh: "--sort distance 需要 --in-park-of 指定一家已标注位置的企业",
        en: "--sort distance needs --in-park-of with an enterprise whose location is known",
      });
    }
    const result = await searchProducts(db, systemActor, { q, park, grade, minPurity, sort, pageSize: limit }, { near });
    const hits = result.hits.map((h) => ({
      id: h.id,
      name: plain(h.name),
      cas: h.cas,
      formula: h.formula,
      grade: h.grade,
      purity: h.purityPct,
      priceCnyPerT: h.priceCnyPerT,
      availableT: h.availableT,
      enterprise: h.enterprise ? { name: h.enterprise.name, uscc: h.enterprise.uscc, park: h.park?.code ?? null } : null,
      ...(h.distanceKm === null ? {} : { distanceKm: h.distanceKm }),
    }));
    const related = result.related.map((r) => ({ cas: r.cas, name: r.nameZh ?? r.nameEn }));
    const lines = [
      `${result.total} found${result.cas ? ` (CAS ${result.cas})` : ""}, by ${result.sort}`,
      ...hits.map((h, i) => [
        `${String(i + 1).padStart(3)}. #${h.id} ${h.name}`, h.cas ?? "—", h.formula ?? "—", h.grade ?? "—", h.purity === null ? "—" : `${h.purity}%`,
        h.priceCnyPerT === null ? "—" : `${h.priceCnyPerT} 元/吨`, h.availableT === null ? "—" : `${h.availableT} 吨`,
        `${h.enterprise?.name ?? "—"} ${h.enterprise?.uscc ?? ""} ${h.enterprise?.park ?? ""}${h.distanceKm === undefined ? "" : ` · ${h.distanceKm} km`}`.trimEnd(),
      ].join(" | ")),
      ...(related.length ? [`related 相关物质: ${related.map((r) => `${r.name ?? ""}${r.cas ? ` (${r.cas})` : ""}`).join(", ")}`] : []),
    ];
    out.result({ query: q, cas: result.cas, sort: result.sort, total: result.total, hits, related }, lines.join("\n"));
  },
};
