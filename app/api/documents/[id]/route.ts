import { storedFileResponse } from "@/app/api/file-response";
import { createContext } from "@/server/api/trpc";
import { readDocument } from "@/server/catalogue/catalogue.service";

export const dynamic = "force-dynamic";

/** A product's TDS/SDS, for whoever may see the product's details (the compliance rules decide). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedFileResponse((await params).id, async (id) => {
    const ctx = await createContext();
    const doc = await readDocument(ctx.db, ctx.actor, id);
    return { filename: doc.filename, contentType: "application/pdf", content: doc.content };
  }, { disposition: "inline" });
}
