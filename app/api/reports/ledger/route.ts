import { createContext } from "@/server/api/trpc";
import { createCaller } from "@/server/api/root";
import { guarded } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { queryParams } from "@/app/api/query-params";
import type { LedgerList } from "@/server/reports/report.schemas";
import { localeOf } from "../locale";

/** The flow ledger (流向台账) as XLSX, for the same filters as the page (`?park=&from=&to=&list=`), in the reader's language. */
export const GET = guarded(
  "report export (ledger)",
  async (req: Request) => {
    const { param, parkId } = queryParams(req);
    const file = await createCaller(await createContext()).report.exportLedger({ parkId, from: param("from"), to: param("to"), list: param("list") as LedgerList | undefined, locale: localeOf(req) });
    return fileResponse(file);
  },
  { parkId: "park" },
);
