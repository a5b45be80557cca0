import { z } from "@/server/zod";

export const createParkInput = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9_-]{1,15}$/, { error: "park.code_invalid" }),
  name: z.string().trim().min(2, { error: "field.required" }).max(80),
  nameEn: z.string().trim().max(120).optional(),
  city: z.string().trim().max(40).optional(),
});
export type CreateParkInput = z.infer<typeof createParkInput>;
