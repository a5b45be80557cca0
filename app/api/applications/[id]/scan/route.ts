import { storedFileResponse } from "@/app/api/file-response";
import { api } from "@/server/api/server";

export const dynamic = "force-dynamic";

/** The business licence scan of an application to join, for its reviewers only (never public). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedFileResponse((await params).id, async (id) => (await api()).application.scan({ id }), { disposition: "inline" });
}
