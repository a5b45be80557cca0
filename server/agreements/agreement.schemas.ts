import { dbId, z } from "@/server/zod";
import { normalizeCas } from "@/server/substances/cas";
import { fileInput, isoDate } from "@/server/inquiries/inquiry.schemas";

const id = dbId();

/**
 * Upper bounds of what an agreement may record, in create, edit, import, call-offs and deliveries:
 * beyond them a figure is a typo or a forgery, never a deal of a chemical park.
 */
/** 1,000 亿元: the total of one agreement (and so of any of its lines) */
export const MAX_AGREEMENT_TOTAL_CNY = 100_000_000_000;
/** 1 亿吨: the agreed volume of one line, and one call-off or delivery */
export const MAX_LINE_VOLUME_T = 100_000_000;
/** 1 亿元/吨 (10 万元/公斤): the unit price of one line */
export const MAX_UNIT_PRICE_CNY_PER_T = 100_000_000;

/**
 * The bound a set of stored lines breaks, as a bilingual message with the figure at fault; null
 * when within all of them. The total is checked first: a huge amount is reported as such, not as
 * the unit price derived from it.
 */
export function boundsRefusal(lines: { volumeT: string | number | null; unitPriceCny: string | number | null; amountCny: string | number }[]):
  { zh: string; en: string; field: "amountCny" | "volumeT" | "unitPriceCny" } | null {
  const total = lines.reduce((sum, l) => sum + Number(l.amountCny), 0);
  if (lines.some((l) => !(Number(l.amountCny) <= MAX_AGREEMENT_TOTAL_CNY)) || !(total <= MAX_AGREEMENT_TOTAL_CNY)) {
    return { zh: "协议总金额超过上限（每份协议最多 1,000 亿元）", en: "The agreement total exceeds the limit of CNY 100 billion per agreement", field: "amountCny" };
  }
  for (const [i, l] of lines.entries()) {
    const n = i + 1;
    if (l.volumeT !== null && !(Number(l.volumeT) <= MAX_LINE_VOLUME_T)) {
      return { zh: `第 ${n} 行约定量超过上限（每行最多 1 亿吨）`, en: `Line ${n}: the volume exceeds the limit of 100 million t per line`, field: "volumeT" };
    }
    if (l.unitPriceCny !== null && !(Number(l.unitPriceCny) <= MAX_UNIT_PRICE_CNY_PER_T)) {
      return { zh: `第 ${n} 行单价超过上限（最多 1 亿元/吨）`, en: `Line ${n}: the unit price exceeds the limit of CNY 100 million per t`, field: "unitPriceCny" };
    }
  }
  return null;
}

export const AGREEMENT_TYPES = ["framework", "contract", "order"] as const;
export const AGREEMENT_STATUSES = ["draft", "signed", "active", "completed", "terminated"] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** A CAS number, check digit verified and hyphenated; empty or absent is null. */
export const optionalCas = z
  .string()
  .trim()
  .max(20)
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const cas = normalizeCas(v);
    if (!cas) {
      ctx.addIssue({ code: "custom", message: "deals.cas_invalid" });
      return z.NEVER;
    }
    return cas;
  });

export const agreementLineInput = z
  .object({
    cas: optionalCas,
    productName: z.string().trim().min(1, { error: "field.required" }).max(120),
    volumeT: z.number().min(0).max(MAX_LINE_VOLUME_T, { error: "deals.volume_too_large" }).nullable().optional(),
    unitPriceCny: z.number().min(0).max(MAX_UNIT_PRICE_CNY_PER_T, { error: "deals.unit_price_too_large" }).nullable().optional(),
    /** when left out, volume × unit price */
    amountCny: z.number().min(0).max(MAX_AGREEMENT_TOTAL_CNY, { error: "deals.total_too_large" }).nullable().optional(),
  })
  .refine((l) => l.amountCny != null || (l.volumeT != null && l.unitPriceCny != null), { error: "deals.amount_required", path: ["amountCny"] });

/** The total of the lines as the service stores it (an amount, or volume × unit price). */
const linesTotal = (lines: { volumeT?: number | null; unitPriceCny?: number | null; amountCny?: number | null }[]) =>
  lines.reduce((sum, l) => sum + (l.amountCny ?? (l.volumeT ?? 0) * (l.unitPriceCny ?? 0)), 0);

const optionalDate = isoDate.optional().or(z.literal("").transform(() => undefined));

/** What a draft may still change: everything but the parties, the ref and the signing. */
const termsFields = {
  type: z.enum(AGREEMENT_TYPES),
  title: z.string().trim().min(2, { error: "field.required" }).max(120),
  startOn: optionalDate,
  endOn: optionalDate,
  eventId: id.nullable().optional(),
  lines: z
    .array(agreementLineInput)
    .min(1, { error: "deals.lines_required" })
    .max(50)
    .refine((lines) => linesTotal(lines) <= MAX_AGREEMENT_TOTAL_CNY, { error: "deals.total_too_large" }),
};
const startNotAfterEnd = (a: { startOn?: string; endOn?: string }) => !a.startOn || !a.endOn || a.startOn <= a.endOn;

export const createAgreementInput = z
  .object({
    ...termsFields,
    ref: z.string().trim().max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_\-/.]*$/, { error: "deals.ref_invalid" }).optional().or(z.literal("").transform(() => undefined)),
    buyerEnterpriseId: id,
    sellerEnterpriseId: id,
    /**
     * Park staff record agreements already signed at an event; a party's member always starts with
     * a draft (the service refuses `signed` from them) and signs in two steps: propose, confirm.
     */
    status: z.enum(["draft", "signed"]).default("draft"),
    signedOn: optionalDate,
  })
  .refine((a) => a.buyerEnterpriseId !== a.sellerEnterpriseId, { error: "deals.same_party", path: ["sellerEnterpriseId"] })
  .refine(startNotAfterEnd, { error: "deals.end_before_start", path: ["endOn"] })
  .refine((a) => a.status !== "signed" || Boolean(a.signedOn), { error: "deals.signed_on_required", path: ["signedOn"] });
export type CreateAgreementInput = z.infer<typeof createAgreementInput>;

export const updateDraftInput = z
  .object({ id, ...termsFields })
  .refine(startNotAfterEnd, { error: "deals.end_before_start", path: ["endOn"] });
export type UpdateDraftInput = z.infer<typeof updateDraftInput>;

export const listAgreementsInput = z.object({
  q: z.string().trim().max(60).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  type: z.enum(AGREEMENT_TYPES).optional(),
  eventId: id.optional(),
  parkId: id.optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListAgreementsInput = z.infer<typeof listAgreementsInput>;

export const changeStatusInput = z.object({
  id,
  to: z.enum(["signed", "active", "completed", "terminated"]),
  /** the signing date, when signing; today when left out */
  signedOn: isoDate.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;

/** One party proposes a draft for signing (提交签约). */
export const proposeSigningInput = z.object({ id });
export type ProposeSigningInput = z.infer<typeof proposeSigningInput>;

/** The other party confirms it (确认签约): the total they were shown must still be the total. */
export const confirmSigningInput = z.object({
  id,
  totalAmountCny: z.string().trim().regex(/^\d{1,15}(\.\d{1,2})?$/),
});
export type ConfirmSigningInput = z.infer<typeof confirmSigningInput>;

export const addCallOffInput = z.object({
  agreementId: id,
  lineId: id.optional(),
  orderedT: z.number().positive({ error: "deals.quantity_positive" }).max(MAX_LINE_VOLUME_T, { error: "deals.volume_too_large" }),
  orderedOn: isoDate,
  /** 要求交货日期: delivered by this date counts as on time (server/enterprises/trust.ts) */
  dueOn: isoDate.optional(),
  /** go on although the call-off exceeds the agreed volume (the warning was shown) */
  allowExcess: z.boolean().default(false),
});
export type AddCallOffInput = z.infer<typeof addCallOffInput>;

/** free text that may be left out; empty reads as left out (write-shipment.ts) */
const optionalText = (max: number) => z.string().trim().max(max).optional();

/**
 * One shipment: against a call-off (framework agreements), against an agreement and its line
 * (contracts, orders; the line may be left out when there is one), or a correction of a shipment
 * already recorded (`correctsId`, with the corrected figures and a reason). Purpose and the buyer's
 * agent are required for controlled substances (the service says so in both languages).
 */
export const recordDeliveryInput = z
  .object({
    callOffId: id.optional(),
    agreementId: id.optional(),
    lineId: id.optional(),
    correctsId: id.optional(),
    deliveredT: z.number().min(0).max(MAX_LINE_VOLUME_T, { error: "deals.volume_too_large" }),
    deliveredOn: isoDate,
    /** 用途 */
    purpose: optionalText(200),
    /** the buyer's agent (经办人) and their resident ID number */
    agentName: optionalText(60),
    agentIdNumber: optionalText(30),
    /** why a correction is recorded */
    reason: optionalText(500),
  })
  .refine((d) => [d.callOffId, d.agreementId, d.correctsId].filter((v) => v !== undefined).length === 1, {
    error: "field.required", path: ["callOffId"],
  });
export type RecordDeliveryInput = z.infer<typeof recordDeliveryInput>;

export const addDocumentInput = z.object({ agreementId: id, file: fileInput });
export type AddDocumentInput = z.infer<typeof addDocumentInput>;

export const createEventInput = z.object({
  parkId: id.nullable(),
  name: z.string().trim().min(2, { error: "field.required" }).max(120),
  heldOn: isoDate.optional().or(z.literal("").transform(() => undefined)),
  place: z.string().trim().max(120).optional().transform((v) => v || null),
  description: z.string().trim().max(2000).optional().transform((v) => v || null),
});
export type CreateEventInput = z.infer<typeof createEventInput>;

export const idInput = z.object({ id });
