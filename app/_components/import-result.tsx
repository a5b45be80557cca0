"use client";

import { useI18n } from "@/i18n/client";
import { Notice, Table, td, th } from "./ui";

export interface ImportSummaryView {
  inserted: number;
  updated: number;
  /** agreements are rejected whole: their rows carry the agreement's ref */
  rejected: { row: number; column: string | null; zh: string; en: string; ref?: string }[];
}

/** What an import did: counts, and each rejected row with its column and reason. */
export function ImportResult({ summary, refLabel }: { summary: ImportSummaryView; refLabel?: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="space-y-3" data-testid="import-result">
      <Notice tone={summary.rejected.length ? "warning" : "success"}>
        {t("import.summary", { inserted: summary.inserted, updated: summary.updated, rejected: summary.rejected.length })}
      </Notice>
      {summary.rejected.length ? (
        <Table caption={t("import.rejected_rows")} cards>
          <thead>
            <tr>
              {refLabel ? <th className={th}>{refLabel}</th> : null}
              <th className={th}>{t("import.row")}</th>
              <th className={th}>{t("import.column")}</th>
              <th className={th}>{t("import.reason")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {summary.rejected.map((r, i) => (
              <tr key={`${r.row}-${i}`}>
                {refLabel ? <td className={`${td} font-mono text-xs`} data-label={refLabel}>{r.ref || "—"}</td> : null}
                <td className={td} data-label={t("import.row")}>{r.row}</td>
                <td className={`${td} font-mono`} data-label={t("import.column")}>{r.column ?? "—"}</td>
                <td className={td} data-label={t("import.reason")}>{r[locale]}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}

/** A chosen file as base64, for a tRPC call. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
