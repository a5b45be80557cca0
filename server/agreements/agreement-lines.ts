import { AppError } from "@/server/errors";
import { money, tonnes } from "@/server/numeric";
import { boundsRefusal, type CreateAgreementInput } from "./agreement.schemas";

/** Lines as stored: the amount is volume × unit price unless given. */
export function lineAmounts(lines: CreateAgreementInput["lines"]) {
  return lines.map((l) => {
    const amount = l.amountCny ?? (l.volumeT ?? 0) * (l.unitPriceCny ?? 0);
    return {
      cas: l.cas, productName: l.productName, volumeT: l.volumeT == null ? null : tonnes(l.volumeT),
      unitPriceCny: l.unitPriceCny == null ? null : money(l.unitPriceCny), amountCny: money(amount),
    };
  });
}

/** Refuses lines beyond the bounds of agreement.schemas (MAX_AGREEMENT_TOTAL_CNY …), whoever writes them. */
export function requireWithinBounds(lines: Parameters<typeof boundsRefusal>[0]) {
  const refusal = boundsRefusal(lines);
  if (refusal) throw new AppError("INVALID", { zh: refusal.zh, en: refusal.en }, { field: refusal.field });
}
