import { attempt } from "@/app/_components/refusal";
import { api } from "@/server/api/server";

/** A licence's scanned copy, for those who may see the licence (its enterprise and its park's staff). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return Response.json({ error: { zh: "未找到", en: "Not found" } }, { status: 404 });
  const result = await attempt(async () => (await api()).licence.document({ id }));
  if (!result.ok) {
    const status = result.code === "UNAUTHORIZED" ? 401 : result.code === "FORBIDDEN" ? 403 : 404;
    return Response.json({ error: result.message }, { status });
  }
  const { filename, contentType, content } = result.data;
  return new Response(new Uint8Array(Buffer.from(content, "base64")), {
    headers: {
      "content-type": contentType,
      "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
