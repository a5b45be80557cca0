import { attempt } from "@/app/_components/refusal";
import { getLocale } from "@/i18n/server";
import { api } from "@/server/api/server";
import { allocationWorkbook } from "@/server/matching/allocation.service";

/** The park-wide allocation and chain gaps as XLSX, for the park's staff. */
export async function GET(request: Request) {
  const parkId = Number(new URL(request.url).searchParams.get("park"));
  if (!Number.isInteger(parkId) || parkId <= 0) {
    return Response.json({ error: { zh: "请指定园区", en: "Name the park" } }, { status: 400 });
  }
  const result = await attempt(async () => (await api()).allocation.plan({ parkId }));
  if (!result.ok) {
    const status = result.code === "UNAUTHORIZED" ? 401 : result.code === "FORBIDDEN" ? 403 : result.code === "NOT_FOUND" ? 404 : 400;
    return Response.json({ error: result.message }, { status });
  }
  const locale = await getLocale();
  const body = await allocationWorkbook(result.data, locale);
  const filename = `allocation-${result.data.park.code}-${new Date().toISOString().slice(0, 10)}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
