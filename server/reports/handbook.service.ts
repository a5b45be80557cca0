import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises, parks, products, substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { tierOf } from "@/server/compliance/compliance";
import { notFound } from "@/server/errors";
import type { HandbookInput } from "./report.schemas";

/**
 * The supply-chain product handbook (供应链产品信息手册): the park's catalogue by industry chain and
 * enterprise, for print. Each enterprise appears under its first chain. Hazardous products are shown
 * to those the policy lets see who trades them (`hazardous.viewDetails`); for others they are left
 * out, and not counted either: how many there are per park and chain would say where their
 * suppliers are.
 */
export async function handbook(db: Db, actor: Actor, input: HandbookInput) {
  const [park] = await db.select().from(parks).where(eq(parks.id, input.parkId));
  if (!park) throw notFound({ zh: "园区", en: "Park" });
  authorize(actor, { type: "handbook.view", parkId: park.id });
  const enterpriseRows = await db
    .select({
      id: enterprises.id, name: enterprises.name, nameEn: enterprises.nameEn, uscc: enterprises.uscc, chains: enterprises.chains,
      address: enterprises.address, contactName: enterprises.contactName, contactPhone: enterprises.contactPhone,
      description: enterprises.description, verifiedAt: enterprises.verifiedAt,
    })
    .from(enterprises)
    .where(eq(enterprises.parkId, park.id))
    .orderBy(asc(enterprises.name));
  const byPinyin = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "zh-CN");
  enterpriseRows.sort(byPinyin);
  const chosen = enterpriseRows.filter((e) => !input.chain || (e.chains[0] ?? "") === input.chain);
  const productRows = chosen.length
    ? await db
        .select({
          id: products.id, enterpriseId: products.enterpriseId, sku: products.sku, name: products.name, cas: products.cas, grade: products.grade,
          purityPct: products.purityPct, form: products.form, packaging: products.packaging, capacityTpy: products.capacityTpy,
          priceCnyPerT: products.priceCnyPerT, nameZh: sql<string | null>`coalesce(${substances.curatedNameZh}, ${substances.nameZh})`,
          nameEn: sql<string | null>`coalesce(${substances.curatedNameEn}, ${substances.nameEn})`, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic,
          explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory,
        })
        .from(products)
        .leftJoin(substances, eq(substances.cas, products.cas))
        .where(and(inArray(products.enterpriseId, chosen.map((e) => e.id)), isNull(products.retiredAt)))
        .orderBy(asc(products.name))
    : [];
  productRows.sort(byPinyin);
  let hidden = 0;
  const byEnterprise = new Map<number, typeof productRows>();
  for (const p of productRows) {
    const flags = p.hazardous === null ? null : { hazardous: p.hazardous, highlyToxic: p.highlyToxic!, explosivePrecursor: p.explosivePrecursor!, precursorCategory: p.precursorCategory };
    if (tierOf(flags) !== "none" && !can(actor, { type: "hazardous.viewDetails", enterpriseId: p.enterpriseId })) {
      hidden++;
      continue;
    }
    byEnterprise.set(p.enterpriseId, [...(byEnterprise.get(p.enterpriseId) ?? []), p]);
  }
  const chains = new Map<string, { chain: string; enterprises: unknown[] }>();
  for (const e of chosen) {
    const chain = e.chains[0] ?? "";
    const list = byEnterprise.get(e.id) ?? [];
    if (list.length === 0) continue;
    const group = chains.get(chain) ?? { chain, enterprises: [] };
    group.enterprises.push({
      ...e, verified: e.verifiedAt !== null,
      products: list.map((p) => ({
        id: p.id, sku: p.sku, name: p.name, cas: p.cas, substance: p.nameZh, substanceEn: p.nameEn, grade: p.grade, purityPct: p.purityPct, form: p.form,
        packaging: p.packaging, capacityTpy: p.capacityTpy, priceCnyPerT: p.priceCnyPerT,
        flags: p.hazardous === null ? null : { hazardous: p.hazardous, highlyToxic: p.highlyToxic!, explosivePrecursor: p.explosivePrecursor!, precursorCategory: p.precursorCategory },
      })),
    });
    chains.set(chain, group);
  }
  type EnterpriseEntry = (typeof chosen)[number] & { verified: boolean; products: { id: number; sku: string; name: string; cas: string | null; substance: string | null; substanceEn: string | null; grade: string | null; purityPct: string | null; form: string | null; packaging: string | null; capacityTpy: string | null; priceCnyPerT: string | null; flags: { hazardous: boolean; highlyToxic: boolean; explosivePrecursor: boolean; precursorCategory: number | null } | null }[] };
  const allChains = [...new Set(enterpriseRows.map((e) => e.chains[0] ?? ""))].filter(Boolean).sort();
  return {
    park: { id: park.id, code: park.code, name: park.name, nameEn: park.nameEn, city: park.city },
    chain: input.chain ?? null,
    chains: allChains,
    sections: [...chains.values()].sort((a, b) => a.chain.localeCompare(b.chain, "zh-CN")) as { chain: string; enterprises: EnterpriseEntry[] }[],
    products: productRows.length - hidden,
    /** hazardous products are left out for this viewer (whether or not there are any) */
    hazardousHidden: !can(actor, { type: "hazardous.viewDetails" }),
    allowed: {
      /** the actor may send inquiries in its enterprise's name (not to its own enterprise) */
      inquire: actor.enterprises.some((e) => can(actor, { type: "inquiry.create", enterpriseId: e.enterpriseId })),
      ownEnterpriseIds: actor.enterprises.map((e) => e.enterpriseId),
    },
  };
}
