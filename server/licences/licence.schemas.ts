import { LICENCE_DOCUMENT_MAX_BYTES, licenceTypeEnum } from "@/db/schema";
import { dbId, z } from "@/server/zod";
import { SCAN_TYPES } from "@/server/upload";

export const LICENCE_TYPES = licenceTypeEnum.enumValues;
export const DOCUMENT_TYPES = SCAN_TYPES;
/** base64 is 4/3 of the bytes */
const MAX_BASE64 = Math.ceil(LICENCE_DOCUMENT_MAX_BYTES / 3) * 4;

/** A scanned copy: PDF, PNG or JPEG, at most 5 MB, as base64. */
export const licenceDocumentInput = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.enum(DOCUMENT_TYPES, { error: "licence.document_type" }),
  content: z.string().min(1).max(MAX_BASE64, { error: "licence.document_too_big" }),
});
export type LicenceDocumentInput = z.infer<typeof licenceDocumentInput>;

const fields = z.object({
  number: z.string().trim().min(1, { error: "field.required" }).max(80),
  scope: z.string().trim().max(500).optional().nullable().transform((v) => v || null),
  validUntil: z.iso.date().optional().nullable().transform((v) => v || null),
  document: licenceDocumentInput.optional(),
});

export const addLicenceInput = fields.extend({
  enterpriseId: dbId(),
  type: z.enum(LICENCE_TYPES),
});
export type AddLicenceInput = z.infer<typeof addLicenceInput>;

export const updateLicenceInput = fields.extend({ id: dbId() });
export type UpdateLicenceInput = z.infer<typeof updateLicenceInput>;
