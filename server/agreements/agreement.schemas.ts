import { dbId, z } from "@/server/zod";
import { normalizeCas } from "@/server/substances/cas";
import { fileInput, isoDate } from "@/server/inquiries/inquiry.schemas";

const id = dbId();

export const AGREEMENT_TYPES = ["framework", "contract", "order"] as const;
export const AGREEMENT_STATUSES = ["draft", "signed", "active", "completed", "terminated"] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

const optionalCas = z
  .string()
  .trim()
  .max(20)
  .optional()
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
    volumeT: z.number().min(0).max(1e9).nullable().optional(),
    unitPriceCny: z.number().min(0).max(1e10).nullable().optional(),
    /** when left out, volume × unit price */
    amountCny: z.number().min(0).max(1e13).nullable().optional(),
  })
  .refine((l) => l.amountCny != null || (l.volumeT != null && l.unitPriceCny != null), { error: "deals.amount_required", path: ["amountCny"] });

const optionalDate = isoDate.optional().or(z.literal("").transform(() => undefined));

/** What a draft may still change: everything but the parties, the ref and the signing. */
const termsFields = {
  type: z.enum(AGREEMENT_TYPES),
  title: z.string().trim().min(2, { error: "field.required" }).max(120),
  startOn: optionalDate,
  endOn: optionalDate,
  eventId: id.nullable().optional(),
  lines: z.array(agreementLineInput).min(1, { error: "deals.lines_required" }).max(50),
};
const startNotAfterEnd = (a: { startOn?: string; endOn?: string }) => !a.startOn || !a.endOn || a.startOn <= a.endOn;

export const createAgreementInput = z
  .object({
    ...termsFields,
    ref: z.string().trim().max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_\-/.]*$/, { error: "deals.ref_invalid" }).optional().or(z.literal("").transform(() => undefined)),
    buyerEnterpriseId: id,
    sellerEnterpriseId: id,
    /** park staff record agreements already signed at an event; parties usually start with a draft */
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

export const addCallOffInput = z.object({
  agreementId: id,
  lineId: id.optional(),
  orderedT: z.number().positive({ error: "deals.quantity_positive" }).max(1e9),
  orderedOn: isoDate,
  /** go on although the call-off exceeds the agreed volume (the warning was shown) */
  allowExcess: z.boolean().default(false),
});
export type AddCallOffInput = z.infer<typeof addCallOffInput>;

export const recordDeliveryInput = z.object({
  callOffId: id,
  deliveredT: z.number().min(0).max(1e9),
  deliveredOn: isoDate,
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
