import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { substances } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import type { DealSide } from "@/server/auth/policy";
import { matchCompliance, tierOf, todayInChina, type SubstanceFlags } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import type { Bilingual } from "@/server/errors";
import type { PartyView } from "./parties";

/**
 * What must hold before an agreement is signed, whoever signs it: both parties verified for a
 * signing between enterprises, and for a controlled-substance line (剧毒, 易制爆, 易制毒 — as the
 * compliance module's `tierOf` says) verified parties and the buyer's licence on file, valid and
 * verified (the compliance module's `matchCompliance`: a supplier whose licences all lapsed is
 * refused as well).
 */

interface SignableLine {
  cas: string | null;
  productName: string | null;
}

type Flags = SubstanceFlags & { cas: string; nameZh: string | null };

/**
 * The dictionary entry of each line: by CAS, or for a line without CAS by an exact name or alias
 * (so that "氰化钠" without its CAS is still recognised).
 */
async function lineSubstances(db: Db, lines: SignableLine[]): Promise<(Flags | null)[]> {
  const casList = [...new Set(lines.map((l) => l.cas).filter((c): c is string => Boolean(c)))];
  const names = [...new Set(lines.filter((l) => !l.cas && l.productName?.trim()).map((l) => l.productName!.trim().toLowerCase()))];
  const columns = {
    cas: substances.cas, nameZh: substances.nameZh, hazardous: substances.hazardous, highlyToxic: substances.highlyToxic,
    explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory,
  };
  const [byCasRows, byNameRows] = await Promise.all([
    casList.length ? db.select(columns).from(substances).where(inArray(substances.cas, casList)) : [],
    names.length
      ? db.select({ ...columns, names: sql<string[]>`array(SELECT lower(n) FROM unnest(ARRAY[${substances.nameZh}, ${substances.nameEn}, ${substances.curatedNameZh}, ${substances.curatedNameEn}] || ${substances.aliases} || ${substances.curatedAliases}) AS n WHERE n IS NOT NULL)` })
        .from(substances)
        .where(sql`(${substances.highlyToxic} OR ${substances.explosivePrecursor} OR ${substances.precursorCategory} IS NOT NULL)
          AND EXISTS (SELECT 1 FROM unnest(ARRAY[${substances.nameZh}, ${substances.nameEn}, ${substances.curatedNameZh}, ${substances.curatedNameEn}] || ${substances.aliases} || ${substances.curatedAliases}) AS n
            WHERE lower(n) IN (${sql.join(names.map((n) => sql`${n}`), sql`, `)}))`)
      : [],
  ]);
  const byCas = new Map(byCasRows.map((r) => [r.cas, r]));
  return lines.map((l) => {
    if (l.cas) return byCas.get(l.cas) ?? null;
    const name = l.productName?.trim().toLowerCase();
    const hit = name ? byNameRows.find((r) => r.names.includes(name)) : undefined;
    if (!hit) return null;
    const { names: _names, ...flags } = hit;
    return flags;
  });
}

const kindOf = (f: SubstanceFlags) =>
  [f.highlyToxic ? ["剧毒", "highly toxic"] : null, f.explosivePrecursor ? ["易制爆", "explosive precursor"] : null, f.precursorCategory !== null ? ["易制毒", "drug precursor"] : null]
    .filter((k): k is string[] => k !== null);

/** Both parties must be verified enterprises to propose or confirm a signing. */
export function unverifiedRefusal(parties: { buyer: PartyView; seller: PartyView }): Bilingual | null {
  const unverified = [parties.buyer, parties.seller].filter((p) => !p.verified);
  if (unverified.length === 0) return null;
  const names = unverified.map((p) => p.name).join("、");
  return {
    zh: `签约双方须为已认证企业：${names} 尚未通过园区认证`,
    en: `Both parties must be verified enterprises to sign: ${unverified.map((p) => p.name).join(", ")} ${unverified.length > 1 ? "are" : "is"} not verified yet`,
  };
}

/** Why the lines may not be signed between these parties under the compliance rules, or null. */
export async function complianceRefusal(db: Db, parties: { buyer: PartyView; seller: PartyView }, lines: SignableLine[]): Promise<Bilingual | null> {
  const flags = await lineSubstances(db, lines);
  const controlled = flags.map((f, i) => ({ f, i })).filter((x): x is { f: Flags; i: number } => tierOf(x.f) === "controlled");
  if (controlled.length === 0) return null;
  const facts = await licenceFacts(db, [parties.buyer.enterpriseId, parties.seller.enterpriseId]);
  const today = todayInChina();
  for (const { f, i } of controlled) {
    const line = `第 ${i + 1} 行“${lines[i]!.productName ?? f.nameZh ?? f.cas}”`;
    const lineEn = `Line ${i + 1} (${lines[i]!.productName ?? f.cas})`;
    const kinds = kindOf(f);
    const what = { zh: kinds.map((k) => k[0]).join("、"), en: kinds.map((k) => k[1]).join(", ") };
    if (!parties.buyer.verified || !parties.seller.verified) {
      return {
        zh: `${line}属于管控化学品（${what.zh}）：签约双方须为已认证企业`,
        en: `${lineEn} is a controlled substance (${what.en}): both parties must be verified enterprises`,
      };
    }
    const result = matchCompliance(f, facts.get(parties.seller.enterpriseId) ?? [], facts.get(parties.buyer.enterpriseId) ?? [], today);
    if (result.buyer === "needs_licence") {
      return {
        zh: `${line}属于管控化学品（${what.zh}）：采购方尚无经园区审核、在有效期内的相应许可证或备案，不能签署`,
        en: `${lineEn} is a controlled substance (${what.en}): the buyer has no valid licence verified by park staff on file, so it cannot be signed`,
      };
    }
    if (result.state === "blocked") {
      return {
        zh: `${line}属于管控化学品（${what.zh}）：供应方的经营许可证已过期，不能签署`,
        en: `${lineEn} is a controlled substance (${what.en}): the supplier's licence has expired, so it cannot be signed`,
      };
    }
  }
  return null;
}

/** The side of a deal the actor speaks for (a member of that enterprise), buyer first. */
export function sidesOf(actor: Actor, parties: { buyer: PartyView; seller: PartyView }): DealSide[] {
  const own = new Set(actor.enterprises.map((e) => e.enterpriseId));
  return (["buyer", "seller"] as const).filter((side) => own.has(parties[side].enterpriseId));
}
