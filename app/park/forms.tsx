"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FilePicker } from "@/app/_components/file-picker";
import { fileToBase64, ImportResult } from "@/app/_components/import-result";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";
import { isTranslated, parkName } from "@/i18n/vocabulary";
import { messageWith } from "@/app/_components/user-text";

/**
 * A message that quotes Chinese literally (the import's Chinese column headers, which the file must
 * carry as they are): each Chinese run in a `lang="zh-CN"` span, so that it is read and left as Chinese.
 */
function zhMarked(text: string) {
  return text.split(/([\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+(?:[ ,、，][\u3400-\u9fff]+)*)/).map((part, i) =>
    i % 2 === 1 ? <span key={i} lang="zh-CN">{part}</span> : part);
}

/** Park staff register an enterprise, optionally with its first user (who becomes its admin). */
export function RegisterEnterpriseForm({ parks, defaultParkId }: { parks: { id: number; name: string; nameEn?: string | null }[]; defaultParkId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { uscc: "", name: "", parkId: String(defaultParkId), chains: "", address: "", withUser: false, email: "", userName: "", password: "" };
  const [v, setV] = useState(empty);
  const [created, setCreated] = useState<{ id: number; name: string } | null>(null);
  // the page's lists are refreshed before the new enterprise's link is shown: a click on it while the
  // refresh was still under way could be lost to the refresh, leaving the user on this page
  const [refreshing, startRefresh] = useTransition();
  const create = useMutation(trpc.enterprise.create.mutationOptions({
    onSuccess: (e) => {
      setCreated({ id: e.id, name: e.name });
      setV(empty);
      startRefresh(() => router.refresh());
    },
  }));
  const errors = fieldErrors(create.error, t);
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setV({ ...v, [key]: e.target.type === "checkbox" ? (e.target as HTMLInputElement).checked : e.target.value });

  return (
    <form noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setCreated(null);
        create.mutate({
          uscc: v.uscc, name: v.name, parkId: v.parkId ? Number(v.parkId) : null, address: v.address,
          chains: v.chains.split(/[;；,，]/).map((c) => c.trim()).filter(Boolean),
          firstUser: v.withUser ? { email: v.email, name: v.userName, password: v.password } : undefined,
        });
      }}
    >
      <Field id="reg-uscc" label={t("enterprise.uscc")} error={errors.uscc} hint={t("enterprise.uscc_hint")} required>
        <input id="reg-uscc" className={`${inputClass} font-mono`} maxLength={18} value={v.uscc} onChange={set("uscc")} aria-invalid={Boolean(errors.uscc)} />
      </Field>
      <Field id="reg-name" label={t("enterprise.name")} error={errors.name} required>
        <input id="reg-name" className={inputClass} value={v.name} onChange={set("name")} aria-invalid={Boolean(errors.name)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="reg-park" label={t("enterprise.park")}>
          <select id="reg-park" className={inputClass} value={v.parkId} onChange={set("parkId")}>
            {parks.map((p) => <option key={p.id} value={p.id} translate={isTranslated(parkName(p, locale), locale) ? undefined : "no"}>{parkName(p, locale)}</option>)}
            <option value="">{t("directory.external")}</option>
          </select>
        </Field>
        <Field id="reg-chains" label={t("enterprise.chains")} hint={t("enterprise.chains_hint")} error={errors.chains}>
          <input id="reg-chains" className={inputClass} value={v.chains} onChange={set("chains")} />
        </Field>
      </div>
      <Field id="reg-address" label={t("enterprise.address")} error={errors.address}>
        <input id="reg-address" className={inputClass} value={v.address} onChange={set("address")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.withUser} onChange={set("withUser")} />
        {t("park.with_first_user")}
      </label>
      {v.withUser ? (
        <div className="grid gap-3 rounded-md bg-slate-50 p-3 sm:grid-cols-3">
          <Field id="reg-user-name" label={t("enterprise.member_name")} error={errors.firstUser} required>
            <input id="reg-user-name" className={inputClass} value={v.userName} onChange={set("userName")} />
          </Field>
          <Field id="reg-user-email" label={t("auth.email")} required>
            <input id="reg-user-email" type="email" className={inputClass} value={v.email} onChange={set("email")} />
          </Field>
          <Field id="reg-user-password" label={t("enterprise.first_password")} hint={t("enterprise.password_hint")} required>
            <input id="reg-user-password" type="password" autoComplete="new-password" className={inputClass} value={v.password} onChange={set("password")} />
          </Field>
        </div>
      ) : null}
      {create.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(create.error, locale, t)}</Notice> : null}
      {created && !refreshing ? (
        <Notice tone="success">
          {messageWith(t, "park.registered", { name: created.name })}{" "}
          <Link className="underline" href={`/enterprises/${created.id}/manage`}>{t("enterprise.manage")}</Link>
        </Notice>
      ) : null}
      <Button type="submit" disabled={create.isPending || refreshing}>{create.isPending || refreshing ? t("common.saving") : t("park.register")}</Button>
    </form>
  );
}

/** The enterprise directory import: CSV or XLSX, Chinese or English headers; bad rows are listed. */
export function DirectoryImport() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation(trpc.enterprise.import.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {zhMarked(t("park.import_hint"))}{" "}
        <a href="/api/templates/enterprises" className="text-brand-700 underline" download>{t("import.template")}</a>
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return;
          run.mutate({ filename: file.name, content: await fileToBase64(file) });
        }}
      >
        <FilePicker
          id="directory-file"
          label={t("import.file")}
          accept=".csv,.xlsx"
          maxBytes={10 * 1024 * 1024}
          onChange={(chosen) => { run.reset(); setFile(chosen); }}
        />
        <Button type="submit" disabled={!file || run.isPending}>{run.isPending ? t("import.importing") : t("import.start")}</Button>
      </form>
      {run.error ? <Notice tone="error">{errorMessage(run.error, locale, t)}</Notice> : null}
      {run.data ? <ImportResult summary={run.data} /> : null}
    </div>
  );
}
