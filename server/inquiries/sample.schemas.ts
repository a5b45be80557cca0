import { dbId, z } from "@/server/zod";

/*
 * 索样 (sample requests): the inputs of server/inquiries/sample-*.ts. Imports nothing but zod, so
 * the sample form checks its fields in the browser with the very schema the server applies.
 * Failed checks report keys of the message files (`validation.sample.*`).
 */

/** as `sample_unit` in db/schema/samples.ts (a test holds the two lists equal) */
export const SAMPLE_UNITS = ["g", "kg", "mL", "L"] as const;
export type SampleUnit = (typeof SAMPLE_UNITS)[number];
/** the most of one unit a sample may be: samples are small (1,000 kg or L at the very most) */
export const SAMPLE_MAX_QUANTITY = 1000;

const id = dbId();

/** Where a sample request starts: a product page, or a match of the buyer's demand. */
export const sampleSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("product"), id }),
  z.object({ kind: z.literal("match"), id }),
]);
export type SampleSource = z.infer<typeof sampleSource>;

/** The fields of the sample form (shared by the browser and the server). */
export const sampleFields = z.object({
  quantity: z
    .number({ error: (issue) => (issue.input === undefined ? "field.required" : "sample.quantity_positive") })
    .positive({ error: "sample.quantity_positive" })
    .max(SAMPLE_MAX_QUANTITY, { error: `sample.quantity_max?max=${SAMPLE_MAX_QUANTITY}` })
    .refine((v) => Number(v.toFixed(3)) === v, { error: "sample.quantity_decimals" }),
  unit: z.enum(SAMPLE_UNITS, { error: "sample.unit_invalid" }),
  deliveryAddress: z.string().trim().min(5, { error: "sample.address_required" }).max(300),
  purpose: z.string().trim().min(2, { error: "sample.purpose_required" }).max(1000),
  /** a line for the supplier beside the fields (grade, packaging, deadline …) */
  note: z.string().trim().max(2000).optional().transform((v) => v || null),
});
export type SampleFields = z.input<typeof sampleFields>;

export const requestSampleInput = sampleFields.extend({
  source: sampleSource,
  /** the thread's subject; the server writes one from the product when none is given */
  subject: z.string().trim().max(120).optional().transform((v) => v || null),
});
export type RequestSampleInput = z.infer<typeof requestSampleInput>;

export const sampleInquiryInput = z.object({ inquiryId: id });
export type SampleInquiryInput = z.infer<typeof sampleInquiryInput>;

/** The supplier sends the sample: the carrier and waybill number, or how it travels. */
export const markSampleSentInput = z.object({
  inquiryId: id,
  trackingNote: z.string().trim().min(2, { error: "sample.tracking_required" }).max(500),
});
export type MarkSampleSentInput = z.infer<typeof markSampleSentInput>;

export const evaluateSampleInput = z
  .object({
    inquiryId: id,
    result: z.enum(["pass", "fail"], { error: "sample.result_required" }),
    note: z.string().trim().max(2000).optional().transform((v) => v || null),
  })
  // a failed sample says why, so the supplier can answer it
  .refine((v) => v.result === "pass" || v.note !== null, { error: "sample.fail_note_required", path: ["note"] });
export type EvaluateSampleInput = z.infer<typeof evaluateSampleInput>;
