import { guarded, refusal } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { queryParams } from "@/app/api/query-params";
import { chinaDay } from "@/i18n";
import { getLocale } from "@/i18n/server";
import { api } from "@/server/api/server";
import { allocationWorkbook } from "@/server/matching/allocation.service";

/** The park-wide allocation and chain gaps as XLSX, for the park's staff. */
export const GET = guarded(
  "allocation export",
  async (request: Request) => {
    const { parkId } = queryParams(request);
    if (parkId === undefined) return refusal(400, { zh: "请指定园区（park）", en: "Name the park (park)" });
    const plan = await (await api()).allocation.plan({ parkId });
    const locale = await getLocale();
    const body = await allocationWorkbook(plan, locale);
    const filename = `allocation-${plan.park.code}-${chinaDay()}.xlsx`;
    return fileResponse({ filename, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: body });
  },
  { parkId: "park" },
);
