import { isoDate } from "@/server/inquiries/inquiry.schemas";
import { dbId, z } from "@/server/zod";

const id = dbId();

/** Most suppliers one RFQ invites. */
export const RFQ_MAX_SUPPLIERS = 20;

export const sendRfqInput = z.object({
  demandId: id,
  /** the ranked match candidates the buyer ticked: one invitation each */
  matchIds: z
    .array(id)
    .min(2, { error: "rfq.too_few" })
    .max(RFQ_MAX_SUPPLIERS, { error: "rfq.too_many" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "rfq.duplicate" }),
  deadline: isoDate,
  /** the volume asked for; the demand's quantity when absent */
  volume: z.number().positive({ error: "deals.quantity_positive" }).max(1e9).optional(),
  subject: z.string().trim().max(120).optional().transform((v) => v || null),
  note: z.string().trim().max(2000).optional().transform((v) => v || null),
});
export type SendRfqInput = z.infer<typeof sendRfqInput>;

export const awardRfqInput = z.object({
  rfqId: id,
  /** one quote per supplier, with the volume it is awarded */
  awards: z
    .array(z.object({ quoteId: id, volumeT: z.number().positive({ error: "deals.quantity_positive" }).max(1e9) }))
    .min(1, { error: "rfq.award_none" })
    .max(RFQ_MAX_SUPPLIERS),
  agreementType: z.enum(["framework", "contract", "order"]).default("order"),
});
export type AwardRfqInput = z.infer<typeof awardRfqInput>;

export const listRfqsInput = z.object({ demandId: id.optional() });
export type ListRfqsInput = z.infer<typeof listRfqsInput>;

export const rfqIdInput = z.object({ id });
