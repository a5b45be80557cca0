import "server-only";
import type { api } from "@/server/api/server";

type Caller = Awaited<ReturnType<typeof api>>;

/**
 * Whose catalogue a page shows: `?enterprise=<id>` (park staff onboarding an enterprise), else the
 * user's own enterprise. Null when neither applies; the service still decides who may see it.
 */
export async function catalogueEnterprise(caller: Caller, raw: string | undefined): Promise<number | null> {
  const id = Number(raw);
  if (Number.isInteger(id) && id > 0) return id;
  const me = await caller.user.me();
  return me?.enterprise?.id ?? null;
}
