import { LICENCE_DOCUMENT_MAX_BYTES } from "@/db/schema";
import { enterpriseFields, firstUserInput, INDUSTRY_CHAINS, usccSchema } from "@/server/enterprises/enterprise.schemas";
import { SCAN_TYPES } from "@/server/upload";
import { dbId, z } from "@/server/zod";

/** base64 is 4/3 of the bytes */
const MAX_BASE64 = Math.ceil(LICENCE_DOCUMENT_MAX_BYTES / 3) * 4;

/** The scan of the business licence (营业执照): PDF, PNG or JPEG, at most 5 MB, as base64. */
export const licenceScanInput = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.enum(SCAN_TYPES, { error: "licence.document_type" }),
  content: z.string().min(1, { error: "application.scan_required" }).max(MAX_BASE64, { error: "licence.document_too_big" }),
});

/** What an enterprise outside the platform sends to join (the public form at /apply). */
export const submitApplicationInput = z.object({
  uscc: usccSchema,
  name: enterpriseFields.shape.name,
  /** null: outside any park (external) */
  parkId: dbId().nullable(),
  chains: z.array(z.enum(INDUSTRY_CHAINS)).max(INDUSTRY_CHAINS.length).default([]),
  contactName: z.string().trim().min(1, { error: "field.required" }).max(40),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/, { error: "field.phone_invalid" }),
  contactEmail: firstUserInput.shape.email,
  scan: licenceScanInput,
});
export type SubmitApplicationInput = z.infer<typeof submitApplicationInput>;

/** 查询申请进度: the credit code and the contact email given when applying. */
export const applicationStatusInput = z.object({ uscc: usccSchema, contactEmail: firstUserInput.shape.email });
export type ApplicationStatusInput = z.infer<typeof applicationStatusInput>;

export const listApplicationsInput = z.object({
  status: z.enum(["pending", "approved", "rejected"]).default("pending"),
});
export type ListApplicationsInput = z.infer<typeof listApplicationsInput>;

export const applicationIdInput = z.object({ id: dbId() });

export const approveApplicationInput = z.object({
  id: dbId(),
  /** the first admin's sign-in email: the contact's email unless the reviewer gives another (e.g. it is taken) */
  adminEmail: firstUserInput.shape.email.optional(),
});
export type ApproveApplicationInput = z.infer<typeof approveApplicationInput>;

export const rejectApplicationInput = z.object({
  id: dbId(),
  reason: z.string().trim().min(2, { error: "application.reason_required" }).max(500),
});
export type RejectApplicationInput = z.infer<typeof rejectApplicationInput>;

export const enterpriseScanInput = z.object({ enterpriseId: dbId() });
