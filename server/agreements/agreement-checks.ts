import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { events } from "@/db/schema";
import { todayInChina } from "@/server/compliance/compliance";
import { AppError, notFound } from "@/server/errors";
import { MAX_LINE_VOLUME_T, type AgreementStatus } from "./agreement.schemas";
import type { AgreementRow, Parties } from "./find-agreement";
import { complianceRefusal } from "./signing";

/** The checks and messages several agreement use cases share. */

export const STATUS_ZH: Record<AgreementStatus, string> = { draft: "草稿", signed: "签署", active: "生效", completed: "履行完毕", terminated: "终止" };

export const changedByOthers = () =>
  new AppError("CONFLICT", { zh: "协议状态已被他人修改，请刷新", en: "Someone else changed this agreement: reload it" });

export const SIGN_DIRECTLY_REFUSED = {
  zh: "只有签约双方所在园区的工作人员可以直接登记已签署的协议。请先保存为草稿，由一方提交签约、另一方确认签约。",
  en: "Only staff of a party's park may record an agreement as already signed. Save it as a draft: one party proposes it for signing and the other confirms.",
};

export const NOT_A_PARTY = {
  zh: "只有签约双方企业的成员可以提交或确认签约；园区工作人员可直接登记为已签署",
  en: "Only members of the two parties propose or confirm a signing; park staff record it as signed instead",
};

/**
 * What must hold before an agreement becomes signed, on every path (park staff recording it,
 * confirmation by the other party, import): for a controlled-substance line verified parties and
 * the buyer's licence on file (server/compliance, via ./signing).
 */
export async function requireSignable(db: Db, parties: Parties, lines: { cas: string | null; productName: string | null }[]) {
  const refusal = await complianceRefusal(db, parties, lines);
  if (refusal) throw new AppError("FORBIDDEN", refusal, { compliance: "refused" });
}

export function requireSigningDate(signedOn: string | null | undefined): string {
  if (!signedOn) throw new AppError("INVALID", { zh: "已签署的协议需要签约日期", en: "A signed agreement needs its signing date" });
  if (signedOn > todayInChina()) throw new AppError("INVALID", { zh: "签约日期不能晚于今天", en: "The signing date cannot be in the future" });
  return signedOn;
}

export async function requireEvent(db: Db, eventId: number | null | undefined) {
  if (!eventId) return null;
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw notFound({ zh: "签约活动", en: "Event" });
  return event.id;
}

export const notDraft = (status: AgreementStatus) =>
  new AppError("CONFLICT", {
    zh: `协议当前为“${STATUS_ZH[status]}”，只有草稿可以修改`,
    en: `Only a draft can be edited; this agreement is ${status}`,
  });

/** A signing step applies to a draft only. */
export function requireDraftForSigning(agreement: AgreementRow) {
  if (agreement.status !== "draft") {
    throw new AppError("CONFLICT", {
      zh: `协议当前为“${STATUS_ZH[agreement.status]}”，只有草稿可以提交或确认签约`,
      en: `Only a draft can be proposed or confirmed for signing; this agreement is ${agreement.status}`,
    });
  }
}

/** The party whose member proposed the signing, or null before a proposal. */
export const proposerSide = (agreement: AgreementRow, parties: Parties) =>
  agreement.proposedByEnterpriseId === null ? null : agreement.proposedByEnterpriseId === parties.buyer.enterpriseId ? "buyer" as const : "seller" as const;

export function requireQuantityBound(t: number) {
  if (!(t <= MAX_LINE_VOLUME_T)) {
    throw new AppError("INVALID", { zh: "数量超过上限（每次最多 1 亿吨）", en: "The quantity exceeds the limit of 100 million t" });
  }
}
