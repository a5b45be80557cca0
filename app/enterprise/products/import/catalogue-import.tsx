"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { FilePicker } from "@/app/_components/file-picker";
import { fileToBase64, ImportResult } from "@/app/_components/import-result";
import { Badge, Button, EmptyState, Notice, Spinner, Table, td, th } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { formatDate, formatNumber } from "@/i18n";
import { useI18n } from "@/i18n/client";

const MAX_MB = 20;

interface RecentJob {
  id: number;
  filename: string;
  status: "queued" | "running" | "done" | "failed";
  createdAt: string;
  inserted: number;
  updated: number;
  rejectedCount: number;
  stalled: boolean;
  totalRows: number;
}

const STATUS_TONE = { queued: "slate", running: "blue", done: "green", failed: "red" } as const;

/**
 * Upload a catalogue file and follow its import. The job runs on the server; this page only polls
 * it, so it may be left and opened again (the job's id stays in the address).
 */
export function CatalogueImport({ enterpriseId, canImport, initialJob, recent }: { enterpriseId: number; canImport: boolean; initialJob: number | null; recent: RecentJob[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [pickerKey, setPickerKey] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<number | null>(initialJob);
  const start = useMutation(trpc.catalogue.import.mutationOptions({
    onSuccess: (job) => {
      setJobId(job.id);
      setFile(null);
      setPickerKey((k) => k + 1);
      router.refresh();
    },
  }));
  const job = useQuery(
    trpc.catalogue.importJob.queryOptions({ id: jobId ?? 0 }, {
      enabled: jobId !== null,
      refetchInterval: (query) => (query.state.data && (query.state.data.status === "done" || query.state.data.status === "failed") ? false : 1000),
    }),
  );
  const finished = job.data?.status === "done" || job.data?.status === "failed";

  // the job's id in the address: coming back to this page (or sharing it) shows the same import
  useEffect(() => {
    if (jobId === null) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("job") !== String(jobId)) {
      url.searchParams.set("job", String(jobId));
      window.history.replaceState(null, "", url);
    }
  }, [jobId]);
  // when an import finishes, the list of recent imports shows its counts
  useEffect(() => {
    if (finished) router.refresh();
  }, [finished, router]);

  const tooBig = file !== null && file.size > MAX_MB * 1024 * 1024;
  const wrongType = file !== null && !/\.(csv|xlsx)$/i.test(file.name);
  const errors = fieldErrors(start.error, t);

  return (
    <div className="space-y-6">
      {canImport ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            {t("catalogue.import_hint")}{" "}
            <a href="/api/templates/catalogue" className="text-brand-700 underline" download>{t("import.template")}</a>
          </p>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!file || tooBig || wrongType) return;
              start.mutate({ enterpriseId, filename: file.name, content: await fileToBase64(file) });
            }}
          >
            <FilePicker
              key={pickerKey}
              id="catalogue-file"
              label={t("import.file")}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(chosen) => {
                start.reset();
                setFile(chosen);
              }}
            />
            <Button type="submit" disabled={!file || tooBig || wrongType || start.isPending}>{start.isPending ? t("catalogue.uploading") : t("import.start")}</Button>
          </form>
          {tooBig ? <Notice tone="error">{t("file.too_big", { size: `${MAX_MB} MB` })}</Notice> : null}
          {wrongType ? <Notice tone="error">{t("validation.import.file_type")}</Notice> : null}
          {start.error ? <Notice tone="error">{errors.filename ?? errors.content ?? errorMessage(start.error, locale, t)}</Notice> : null}
        </div>
      ) : (
        <Notice tone="info">{t("catalogue.import_read_only")}</Notice>
      )}

      {jobId !== null ? (
        <section aria-label={t("catalogue.current_import")} className="space-y-3 rounded-lg border border-slate-200 p-4">
          {job.error ? (
            <Notice tone="error">{errorMessage(job.error, locale, t)}</Notice>
          ) : !job.data ? (
            <Spinner label={t("common.loading")} />
          ) : (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold break-all" translate="no">{job.data.filename}</h2>
                <Badge tone={STATUS_TONE[job.data.status]}>{t(`catalogue.import_status.${job.data.status}`)}</Badge>
              </div>
              {!finished ? (
                <div className="space-y-1">
                  <div
                    role="progressbar"
                    aria-label={t("catalogue.import_progress_label")}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(job.data.progress * 100)}
                    className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
                  >
                    <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${Math.round(job.data.progress * 100)}%` }} />
                  </div>
                  <p className="text-sm text-slate-600">
                    {job.data.status === "queued"
                      ? t("catalogue.import_reading")
                      : t("catalogue.import_progress", {
                          done: formatNumber(job.data.processedRows, locale), total: formatNumber(job.data.validRows, locale), percent: Math.round(job.data.progress * 100),
                        })}
                  </p>
                  {job.data.stalled ? <Notice tone="warning">{t("catalogue.import_stalled")}</Notice> : <p className="text-xs text-slate-500">{t("catalogue.import_leave_hint")}</p>}
                </div>
              ) : null}
              {job.data.status === "failed" ? <Notice tone="error">{job.data.error?.[locale] ?? t("errors.generic")}</Notice> : null}
              {job.data.status === "done" ? (
                <>
                  <ImportResult summary={job.data} />
                  {job.data.rejectedCount > job.data.rejected.length ? <p className="text-xs text-slate-500">{t("catalogue.rejected_truncated", { shown: job.data.rejected.length, count: job.data.rejectedCount })}</p> : null}
                  <p className="text-sm"><Link href="/search" className="text-brand-700 underline">{t("catalogue.import_search_hint")}</Link></p>
                </>
              ) : job.data.rejectedCount ? (
                <p className="text-sm text-amber-800">{t("catalogue.import_rejected_so_far", { count: job.data.rejectedCount })}</p>
              ) : null}
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="recent-imports" className="space-y-2">
        <h2 id="recent-imports" className="text-base font-semibold">{t("catalogue.recent_imports")}</h2>
        {recent.length === 0 ? (
          <EmptyState title={t("catalogue.no_imports")} />
        ) : (
          <Table caption={t("catalogue.recent_imports")}>
            <thead>
              <tr>
                <th className={th}>{t("catalogue.import_file")}</th>
                <th className={th}>{t("catalogue.import_date")}</th>
                <th className={th}>{t("catalogue.import_state")}</th>
                <th className={th}>{t("catalogue.import_counts")}</th>
                <th className={th}><span className="sr-only">{t("catalogue.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {recent.map((r) => (
                <tr key={r.id} aria-current={r.id === jobId ? "true" : undefined} className="aria-[current=true]:bg-brand-50">
                  <td className={`${td} break-all`} translate="no">{r.filename}</td>
                  <td className={td}>{formatDate(r.createdAt, locale)}</td>
                  <td className={td}>
                    <Badge tone={r.stalled ? "amber" : STATUS_TONE[r.status]}>{r.stalled ? t("catalogue.import_status.stalled") : t(`catalogue.import_status.${r.status}`)}</Badge>
                  </td>
                  <td className={td}>{t("import.summary", { inserted: r.inserted, updated: r.updated, rejected: r.rejectedCount })}</td>
                  <td className={td}>
                    {r.id !== jobId ? <Button size="sm" variant="ghost" onClick={() => setJobId(r.id)}>{t("catalogue.import_show")}</Button> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
