import { TRPCError } from "@trpc/server";
import { createContext } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";

/** An agreement document, for the parties and their park's staff (the router decides). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  try {
    const file = await createCaller(await createContext()).agreement.document({ id });
    return new Response(Buffer.from(file.content, "base64"), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof TRPCError) return Response.json({ error: e.message }, { status: e.code === "NOT_FOUND" ? 404 : e.code === "UNAUTHORIZED" ? 401 : 403 });
    throw e;
  }
}
