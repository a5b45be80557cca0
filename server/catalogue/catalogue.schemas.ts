import { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES } from "@/db/schema";
import { normalizeCas } from "@/server/substances/cas";
import { dbId, z } from "@/server/zod";
import { DOCUMENT_KINDS, FORMS, GRADES } from "./vocabulary";

export { DOCUMENT_KINDS, FORMS, GRADES, formFromWord, gradeFromWord, type Form, type Grade } from "./vocabulary";

/** The largest values the columns hold (numeric(14,3) quantities, numeric(16,2) prices). */
export const MAX_TONNES = 99_999_999_999;
export const MAX_PRICE = 99_999_999_999_999;

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const optionalNumber = (max: number) => z.number().min(0).max(max).nullish().transform((v) => v ?? null);

export const casSchema = z
  .string()
  .trim()
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const cas = normalizeCas(v);
    if (!cas) {
      ctx.addIssue({ code: "custom", message: "catalogue.cas_invalid" });
      return z.NEVER;
    }
    return cas;
  });

export const productFields = z.object({
  sku: z.string().trim().min(1).max(64).regex(/^[^\s]([^\t\r\n]*[^\s])?$/, { error: "catalogue.sku_invalid" }),
  name: z.string().trim().min(1).max(200),
  cas: casSchema,
  grade: z.enum(GRADES).nullish().transform((v) => v ?? null),
  purityPct: optionalNumber(100),
  form: z.enum(FORMS).nullish().transform((v) => v ?? null),
  packaging: optionalText(100),
  capacityTpy: optionalNumber(MAX_TONNES),
  availableT: optionalNumber(MAX_TONNES),
  priceCnyPerT: optionalNumber(MAX_PRICE),
  description: optionalText(2000),
});
export type ProductFields = z.infer<typeof productFields>;

export const createProductInput = productFields.extend({ enterpriseId: dbId() });
export type CreateProductInput = z.infer<typeof createProductInput>;

export const updateProductInput = productFields.extend({ id: dbId() });
export type UpdateProductInput = z.infer<typeof updateProductInput>;

export const productIdInput = z.object({ id: dbId() });

export const setRetiredInput = z.object({ id: dbId(), retired: z.boolean() });

export const listCatalogueInput = z.object({
  enterpriseId: dbId(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(["active", "retired", "attention"]).default("active"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListCatalogueInput = z.infer<typeof listCatalogueInput>;

/** base64 grows a file by a third */
const base64Max = (bytes: number) => Math.ceil((bytes * 4) / 3) + 4;

export const startImportInput = z.object({
  enterpriseId: dbId(),
  filename: z.string().trim().min(1).max(200).regex(/\.(csv|xlsx)$/i, { error: "import.file_type" }),
  /** the file's bytes, base64 */
  content: z.string().min(1).max(base64Max(MAX_IMPORT_BYTES), { error: "import.file_too_big" }),
});
export type StartImportInput = z.infer<typeof startImportInput>;

export const importJobInput = z.object({ id: dbId() });
export const importJobsInput = z.object({ enterpriseId: dbId(), limit: z.number().int().min(1).max(50).default(10) });

export const uploadDocumentInput = z.object({
  productId: dbId(),
  kind: z.enum(DOCUMENT_KINDS),
  filename: z.string().trim().min(1).max(200).regex(/\.pdf$/i, { error: "catalogue.document_type" }),
  /** the PDF's bytes, base64 */
  content: z.string().min(1).max(base64Max(MAX_DOCUMENT_BYTES), { error: "catalogue.document_too_big" }),
});
export type UploadDocumentInput = z.infer<typeof uploadDocumentInput>;

export const documentIdInput = z.object({ id: dbId() });
