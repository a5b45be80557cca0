import { guarded, refusal } from "@/app/api/error-response";
import { fileResponse } from "@/app/api/file-response";
import { templateFile } from "@/server/imports/templates";

/** Import templates as CSV: Chinese labels in the header (English keys are accepted as well). */
export const GET = guarded("template download", async (_req: Request, { params }: { params: Promise<{ kind: string }> }) => {
  const file = templateFile((await params).kind);
  if (!file) return refusal(404, { zh: "没有这种模板", en: "No such template" });
  return fileResponse(
    { filename: file.filename, contentType: "text/csv; charset=utf-8", content: Buffer.from(file.body, "utf8") },
    { cache: "public" },
  );
});
