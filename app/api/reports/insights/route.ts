import { guarded, refusal } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { queryParams } from "@/app/api/query-params";
import { chinaDay } from "@/i18n";
import { api } from "@/server/api/server";
import { insightsWorkbook } from "@/server/reports/insights-export";
import { localeOf } from "../locale";

/** 产业关联度 and the green outcomes as XLSX (`?park=&from=&to=&chain=`), for the park's staff, in the UI's language. */
export const GET = guarded(
  "report export (insights)",
  async (req: Request) => {
    const { param, parkId } = queryParams(req);
    if (parkId === undefined) return refusal(400, { zh: "请指定园区（park）", en: "Name the park (park)" });
    const caller = await api();
    const input = { parkId, from: param("from"), to: param("to"), chain: param("chain") };
    const [linkage, green] = await Promise.all([caller.insights.linkage(input), caller.insights.green(input)]);
    return fileResponse({
      filename: `insights-${linkage.park.code}-${chinaDay()}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      content: await insightsWorkbook(linkage, green, new Date(), localeOf(req)),
    });
  },
  { parkId: "park" },
);
