"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FilePicker } from "@/app/_components/file-picker";
import { fileToBase64 } from "@/app/_components/import-result";
import { Button, Notice, Table, td, th } from "@/app/_components/ui";
import { errorMessage } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

/** The agreements import: CSV or XLSX; each rejected agreement is listed with its ref and reason. */
export function AgreementImport() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation(trpc.agreement.import.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        {t("agreement.import_hint")}{" "}
        <a href="/api/templates/agreements" className="text-brand-700 underline" download>{t("import.template")}</a>
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return;
          run.mutate({ filename: file.name, content: await fileToBase64(file) });
        }}
      >
        <FilePicker id="agreements-file" label={t("import.file")} accept=".csv,.xlsx" maxBytes={10 * 1024 * 1024} onChange={(chosen) => { run.reset(); setFile(chosen); }} />
        <Button type="submit" disabled={!file || run.isPending}>{run.isPending ? t("import.importing") : t("import.start")}</Button>
      </form>
      {run.error ? <Notice tone="error">{errorMessage(run.error, locale, t)}</Notice> : null}
      {run.data ? (
        <>
          <div data-testid="import-result">
            <Notice tone={run.data.rejected.length ? "warning" : "success"}>
              {t("import.summary", { inserted: run.data.inserted, updated: run.data.updated, rejected: run.data.rejected.length })}
            </Notice>
          </div>
          {run.data.rejected.length ? (
            <Table caption={t("agreement.import_rejected")}>
              <thead>
                <tr><th className={th}>{t("agreement.ref")}</th><th className={th}>{t("import.row")}</th><th className={th}>{t("import.column")}</th><th className={th}>{t("import.reason")}</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {run.data.rejected.map((r, i) => (
                  <tr key={`${r.ref}-${i}`}>
                    <td className={`${td} font-mono text-xs`}>{r.ref || "—"}</td>
                    <td className={td}>{r.row}</td>
                    <td className={`${td} font-mono`}>{r.column ?? "—"}</td>
                    <td className={td}>{r[locale]}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
