import { dbId, z } from "@/server/zod";
import { firstUserInput } from "@/server/enterprises/enterprise.schemas";

export const addMemberInput = firstUserInput.extend({
  enterpriseId: dbId(),
  role: z.enum(["admin", "staff", "procurement"]),
});
export type AddMemberInput = z.infer<typeof addMemberInput>;

export const listUsersInput = z.object({
  q: z.string().trim().max(60).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export type ListUsersInput = z.infer<typeof listUsersInput>;

export const setUserDisabledInput = z.object({ userId: dbId(), disabled: z.boolean() });
