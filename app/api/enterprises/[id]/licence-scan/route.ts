import { storedFileResponse } from "@/app/api/file-response";
import { api } from "@/server/api/server";

export const dynamic = "force-dynamic";

/** An enterprise's business licence scan on file, for its members and its park's staff (shown before verification). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedFileResponse((await params).id, async (id) => (await api()).application.enterpriseScan({ enterpriseId: id }), { disposition: "inline" });
}
