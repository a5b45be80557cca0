import { TRPCError } from "@trpc/server";
import { createContext } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";

const param = (url: URL, key: string) => url.searchParams.get(key) || undefined;

/** The dashboard's figures as XLSX, for the same filters as the page (`?park=&from=&to=&chain=`). */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const park = Number(param(url, "park"));
  try {
    const file = await createCaller(await createContext()).report.exportDashboard({
      parkId: Number.isInteger(park) && park > 0 ? park : undefined, from: param(url, "from"), to: param(url, "to"), chain: param(url, "chain"),
    });
    return new Response(Buffer.from(file.content, "base64"), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof TRPCError) return Response.json({ error: e.message }, { status: e.code === "BAD_REQUEST" ? 400 : e.code === "UNAUTHORIZED" ? 401 : e.code === "NOT_FOUND" ? 404 : 403 });
    throw e;
  }
}
