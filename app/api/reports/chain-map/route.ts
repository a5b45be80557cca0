import { guarded, refusal } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { queryParams } from "@/app/api/query-params";
import { chinaDay } from "@/i18n";
import { api } from "@/server/api/server";
import { chainMapWorkbook } from "@/server/reports/chain-map";
import { localeOf } from "../locale";

/** The chain map's table (flows, enterprises, gaps) as XLSX, for the same filters as the page (`?park=&from=&to=&chain=`). */
export const GET = guarded(
  "report export (chain map)",
  async (req: Request) => {
    const { param, parkId } = queryParams(req);
    if (parkId === undefined) return refusal(400, { zh: "请指定园区（park）", en: "Name the park (park)" });
    const map = await (await api()).chainMap.map({ parkId, from: param("from"), to: param("to"), chain: param("chain") });
    const content = await chainMapWorkbook(map, localeOf(req));
    return fileResponse({
      filename: `chain-map-${map.park.code}-${chinaDay()}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      content,
    });
  },
  { parkId: "park" },
);
