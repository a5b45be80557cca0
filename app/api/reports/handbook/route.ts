import { guarded, refusal } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { queryParams } from "@/app/api/query-params";
import { chinaDay, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/i18n";
import { api } from "@/server/api/server";
import { handbookWorkbook } from "@/server/reports/handbook-export";

/** The language switch's cookie on the request, else Simplified Chinese. */
function localeOf(req: Request): Locale {
  const cookie = (req.headers.get("cookie") ?? "").split(";").map((c) => c.trim().split("=")).find(([name]) => name === LOCALE_COOKIE);
  return isLocale(cookie?.[1]) ? cookie[1] : DEFAULT_LOCALE;
}

/** The product handbook as XLSX (`?park=&chain=`), as the viewer may see it on the handbook page. */
export const GET = guarded(
  "report export (handbook)",
  async (req: Request) => {
    const { param, parkId } = queryParams(req);
    if (parkId === undefined) return refusal(400, { zh: "请指定园区（park）", en: "Name the park (park)" });
    const h = await (await api()).report.handbook({ parkId, chain: param("chain") });
    const content = await handbookWorkbook(h, localeOf(req));
    return fileResponse({
      filename: `handbook-${h.park.code}-${chinaDay()}.xlsx`,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      content,
    });
  },
  { parkId: "park" },
);
