import { storedFileResponse } from "@/app/api/file-response";
import { api } from "@/server/api/server";

export const dynamic = "force-dynamic";

/** An inquiry attachment, for the two enterprises and their park's staff (the router decides). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedFileResponse((await params).id, async (id) => (await api()).inquiry.attachment({ id }));
}
