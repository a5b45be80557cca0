import { storedFileResponse } from "@/app/api/file-response";
import { api } from "@/server/api/server";

export const dynamic = "force-dynamic";

/** A licence's scanned copy, for those who may see the licence (its enterprise and its park's staff). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedFileResponse((await params).id, async (id) => (await api()).licence.document({ id }), { disposition: "inline" });
}
