import { getDb } from "@/db";
import { guarded } from "@/app/api/error-response";
import { healthResponse } from "@/server/platform/health";
import { getMeili } from "@/server/search/client";

export const dynamic = "force-dynamic";

export const GET = guarded("health", () => healthResponse(getDb(), getMeili));
