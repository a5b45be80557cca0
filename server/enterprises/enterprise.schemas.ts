import { dbId, z } from "@/server/zod";
import { normalizeUscc } from "./uscc";

export const INDUSTRY_CHAINS = ["有机新材料", "医药大健康", "电子化学品", "新能源材料", "精细化工", "基础化工"] as const;

export const usccSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const code = normalizeUscc(v);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "enterprise.uscc_invalid" });
      return z.NEVER;
    }
    return code;
  });

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || null);

export const enterpriseFields = z.object({
  name: z.string().trim().min(2, { error: "field.required" }).max(120),
  nameEn: optionalText(160),
  parkId: dbId().nullable(),
  chains: z.array(z.string().trim().min(1).max(20)).max(8).default([]),
  address: optionalText(200),
  contactName: optionalText(40),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, { error: "field.phone_invalid" })
    .optional()
    .or(z.literal("").transform(() => undefined))
    .transform((v) => v || null),
  description: optionalText(2000),
});

export const firstUserInput = z.object({
  email: z.email({ error: "user.email_invalid" }).trim().toLowerCase(),
  name: z.string().trim().min(1, { error: "field.required" }).max(60),
  password: z.string().min(8, { error: "user.password_short" }).max(200),
});

export const createEnterpriseInput = enterpriseFields.extend({
  uscc: usccSchema,
  firstUser: firstUserInput.optional(),
});
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseInput>;

export const updateEnterpriseInput = enterpriseFields.omit({ parkId: true }).extend({ id: dbId() });
export type UpdateEnterpriseInput = z.infer<typeof updateEnterpriseInput>;

export const listEnterprisesInput = z.object({
  parkId: dbId().optional(),
  q: z.string().trim().max(60).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListEnterprisesInput = z.infer<typeof listEnterprisesInput>;

export const enterpriseIdInput = z.object({ id: dbId() });

/** The products on an enterprise's public profile: searched within, paged. */
export const enterpriseProductsInput = z.object({
  enterpriseId: dbId(),
  q: z.string().trim().max(60).optional().transform((v) => v || undefined),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type EnterpriseProductsInput = Omit<z.infer<typeof enterpriseProductsInput>, "q"> & { q?: string };

export const importFileInput = z.object({
  filename: z.string().trim().regex(/\.(csv|xlsx)$/i, { error: "import.file_type" }),
  /** the file's bytes, base64 */
  content: z.string().min(1).max(20_000_000),
});
export type ImportFileInput = z.infer<typeof importFileInput>;
