import { getDb } from "@/db";
import { guarded } from "@/app/api/error-response";
import { checkHealth } from "@/server/platform/health";
import { getMeili } from "@/server/search/client";

export const dynamic = "force-dynamic";

export const GET = guarded("health", async () => {
  const health = await checkHealth(getDb(), getMeili);
  return Response.json(health, { status: health.status === "down" ? 503 : 200 });
});
