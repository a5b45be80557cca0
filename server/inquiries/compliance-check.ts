import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { substances } from "@/db/schema";
import { matchCompliance, requirementText, tierOf, todayInChina, type ComplianceState, type SubstanceFlags, type Tier } from "@/server/compliance/compliance";
import { licenceFacts } from "@/server/compliance/licences";
import { AppError, type Bilingual } from "@/server/errors";

export interface DealCompliance {
  tier: Tier;
  flags: SubstanceFlags | null;
  state: ComplianceState;
  /** the supplier has no licence on file yet: allowed, with a warning (park staff collect it) */
  supplierLicenceMissing: boolean;
  /** why the deal may not go on, when it may not */
  refusal: Bilingual | null;
}

/**
 * The compliance rules (server/compliance) applied to a deal between a buyer and a supplier on one
 * substance: a supplier whose licence expired is `blocked`; a buyer without the licence on file
 * `needs_licence` and may not inquire or buy until park staff clear it.
 */
export async function dealCompliance(db: Db, cas: string | null, buyerId: number, sellerId: number): Promise<DealCompliance> {
  const [flags] = cas
    ? await db
        .select({
          hazardous: substances.hazardous, highlyToxic: substances.highlyToxic,
          explosivePrecursor: substances.explosivePrecursor, precursorCategory: substances.precursorCategory,
        })
        .from(substances)
        .where(eq(substances.cas, cas))
    : [];
  const tier = tierOf(flags);
  const facts = await licenceFacts(db, [buyerId, sellerId]);
  const result = matchCompliance(flags, facts.get(sellerId) ?? [], facts.get(buyerId) ?? [], todayInChina());
  const refusal: Bilingual | null =
    result.state === "blocked"
      ? {
          zh: "供应方经营该管控化学品的许可证已过期，暂不能就其询价或成交。",
          en: "The supplier's licence for this controlled substance has expired: it cannot be inquired or bought until renewed.",
        }
      : result.state === "needs_licence"
        ? (() => {
            // what exactly is missing: "缺少第三类易制毒化学品购买备案证明"
            const missing = result.buyerMissing.map(requirementText);
            return {
              zh: `该物质属于管控化学品（剧毒/易制爆/易制毒）：${missing.map((m) => m.zh).join("，")}（须经园区审核且在有效期内），园区审核通过后方可询价。`,
              en: `This is a controlled substance (highly toxic, explosive or drug precursor): ${missing.map((m) => m.en).join("; ")} (verified by park staff and valid); inquiries open once park staff clear it.`,
            };
          })()
        : null;
  return { tier, flags: flags ?? null, state: result.state, supplierLicenceMissing: result.supplier === "licence_missing", refusal };
}

/** Throws the refusal as a FORBIDDEN AppError when the deal may not go on. */
export function requireCompliant(check: DealCompliance) {
  if (check.refusal) throw new AppError("FORBIDDEN", check.refusal, { compliance: check.state });
}
