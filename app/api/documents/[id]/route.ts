import { storedFileResponse } from "@/app/api/file-response";
import { api } from "@/server/api/server";

export const dynamic = "force-dynamic";

/** A product's TDS/SDS, for whoever may see the product's details (the router and the policy decide). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedFileResponse((await params).id, async (id) => (await api()).catalogue.document({ id }), { disposition: "inline" });
}
