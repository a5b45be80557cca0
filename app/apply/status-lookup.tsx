"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage } from "@/app/_trpc/errors";
import { formatDateTime } from "@/i18n";
import { useI18n } from "@/i18n/client";

/** 查询申请进度: the applicant looks up its latest application with the credit code and contact email it gave. */
export function StatusLookup() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [draft, setDraft] = useState({ uscc: "", contactEmail: "" });
  const [asked, setAsked] = useState<typeof draft | null>(null);
  const status = useQuery({ ...trpc.application.status.queryOptions(asked ?? draft), enabled: asked !== null, retry: false });
  const set = (key: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value });
  const r = status.data;

  return (
    <Card title={t("application.status_title")}>
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ uscc: draft.uscc.trim(), contactEmail: draft.contactEmail.trim() });
        }}
      >
        <Field id="status-uscc" label={t("application.status_uscc")}>
          <input id="status-uscc" className={inputClass} value={draft.uscc} onChange={set("uscc")} autoComplete="off" maxLength={18} required />
        </Field>
        <Field id="status-email" label={t("application.status_email")}>
          <input id="status-email" type="email" className={inputClass} value={draft.contactEmail} onChange={set("contactEmail")} autoComplete="email" required />
        </Field>
        <div className="sm:col-span-2">
          <Button type="submit" variant="secondary" disabled={status.isFetching}>
            {status.isFetching ? t("application.status_checking") : t("application.status_check")}
          </Button>
        </div>
      </form>
      <div className="mt-4" aria-live="polite">
        {asked && status.error ? <Notice tone="error">{errorMessage(status.error, locale, t)}</Notice> : null}
        {asked && r ? (
          <Notice tone={r.status === "approved" ? "success" : r.status === "rejected" ? "warning" : "info"}>
            <p className="font-medium" data-testid="application-status">
              <span translate="no">{r.name}</span> · {t(`application.status.${r.status}`)}
            </p>
            <p className="text-sm">{t("application.status_submitted", { at: formatDateTime(r.submittedAt, locale) })}</p>
            {r.reviewedAt ? <p className="text-sm">{t("application.status_reviewed", { at: formatDateTime(r.reviewedAt, locale) })}</p> : null}
            {r.reason ? <p className="text-sm">{t("application.status_reason")}<span translate="no">{r.reason}</span></p> : null}
            <p className="text-sm">{t(`application.status_next.${r.status}`)}</p>
          </Notice>
        ) : null}
      </div>
    </Card>
  );
}
