import { createContext } from "@/server/api/trpc";
import { readDocument } from "@/server/catalogue/catalogue.service";
import { AppError } from "@/server/errors";

export const dynamic = "force-dynamic";

const STATUS = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, INVALID: 400, CONFLICT: 409, UNAVAILABLE: 503 } as const;

/** A product's TDS/SDS, for whoever may see the product's details (the compliance rules decide). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ error: { zh: "未找到文档", en: "Document not found" } }, { status: 404 });
  const ctx = await createContext();
  try {
    const doc = await readDocument(ctx.db, ctx.actor, id);
    return new Response(new Uint8Array(doc.content), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(doc.sizeBytes),
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return Response.json({ error: e.messages }, { status: STATUS[e.code] });
    throw e;
  }
}
