import { createContext } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";
import { guarded } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { queryParams } from "@/app/api/query-params";
import { localeOf } from "../locale";

/** The dashboard's figures as XLSX, for the same filters as the page (`?park=&from=&to=&chain=`), in the UI's language. */
export const GET = guarded(
  "report export (dashboard)",
  async (req: Request) => {
    const { param, parkId } = queryParams(req);
    const file = await createCaller(await createContext()).report.exportDashboard({
      parkId, from: param("from"), to: param("to"), chain: param("chain"), locale: localeOf(req),
    });
    return fileResponse(file);
  },
  { parkId: "park" },
);
