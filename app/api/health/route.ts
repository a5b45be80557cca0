import { getDb } from "@/db";
import { healthResponse } from "@/server/platform/health";
import { getMeili } from "@/server/search/client";

export const dynamic = "force-dynamic";

export async function GET() {
  return healthResponse(getDb(), getMeili);
}
