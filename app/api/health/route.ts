import { getDb } from "@/db";
import { checkHealth } from "@/server/platform/health";
import { getMeili } from "@/server/search/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(getDb(), getMeili);
  return Response.json(health, { status: health.status === "down" ? 503 : 200 });
}
