"use client";

import { FilePicker } from "@/app/_components/file-picker";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fileToBase64 } from "@/app/_components/import-result";
import { Badge, Button, EmptyState, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { formatDate } from "@/i18n";
import { useI18n } from "@/i18n/client";

const TYPES = [
  "hazardous_trade", "safety_production", "pollutant_discharge", "explosive_precursor", "highly_toxic",
  "precursor_purchase_permit", "precursor_purchase_record",
] as const;
const DOC_TYPES = ["application/pdf", "image/png", "image/jpeg"];
const MAX_MB = 5;

export interface LicenceItem {
  id: number;
  type: (typeof TYPES)[number];
  number: string;
  scope: string | null;
  validUntil: string | null;
  verifiedAt: Date | null;
  state: "valid" | "expiring" | "expired" | "no_expiry";
  document: { filename: string; sizeBytes: number } | null;
}

const STATE_TONE = { valid: "green", expiring: "amber", expired: "red", no_expiry: "slate" } as const;

/** The licence fields, shared by adding and editing; the file is read as base64 on submit. */
function LicenceFields({ prefix, v, set, errors, withType }: {
  prefix: string; withType: boolean; errors: Record<string, string>;
  v: { type: string; number: string; scope: string; validUntil: string };
  set: (key: "type" | "number" | "scope" | "validUntil") => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {withType ? (
        <Field id={`${prefix}-type`} label={t("licences.type")} error={errors.type} required>
          <select id={`${prefix}-type`} className={inputClass} value={v.type} onChange={set("type")}>
            {TYPES.map((type) => <option key={type} value={type}>{t(`licence.${type}`)}</option>)}
          </select>
        </Field>
      ) : null}
      <Field id={`${prefix}-number`} label={t("licences.number")} error={errors.number} required>
        <input id={`${prefix}-number`} className={`${inputClass} font-mono`} value={v.number} onChange={set("number")} aria-invalid={Boolean(errors.number)} />
      </Field>
      <Field id={`${prefix}-until`} label={t("licences.valid_until")} hint={t("licences.valid_until_hint")} error={errors.validUntil}>
        <input id={`${prefix}-until`} type="date" className={inputClass} value={v.validUntil} onChange={set("validUntil")} aria-invalid={Boolean(errors.validUntil)} />
      </Field>
      <Field id={`${prefix}-scope`} label={t("licences.scope")} error={errors.scope}>
        <input id={`${prefix}-scope`} className={inputClass} value={v.scope} onChange={set("scope")} aria-invalid={Boolean(errors.scope)} />
      </Field>
    </div>
  );
}

function useDocument() {
  const [file, setFile] = useState<File | null>(null);
  const problem = file && !DOC_TYPES.includes(file.type) ? "licences.document_type" : file && file.size > MAX_MB * 1024 * 1024 ? "licences.document_too_big" : null;
  const read = async () => (file ? { filename: file.name, contentType: file.type as "application/pdf", content: await fileToBase64(file) } : undefined);
  return { file, setFile, problem, read };
}

function DocumentInput({ id, doc }: { id: string; doc: ReturnType<typeof useDocument> }) {
  const { t } = useI18n();
  return (
    <Field id={id} label={t("licences.document")} hint={t("licences.document_hint", { mb: MAX_MB })} error={doc.problem ? t(doc.problem, { mb: MAX_MB }) : undefined}>
      <FilePicker id={id} accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" onChange={doc.setFile} />
    </Field>
  );
}

function AddLicenceForm({ enterpriseId }: { enterpriseId: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { type: "hazardous_trade", number: "", scope: "", validUntil: "" };
  const [v, setV] = useState(empty);
  const doc = useDocument();
  const [added, setAdded] = useState(false);
  const add = useMutation(trpc.licence.add.mutationOptions({ onSuccess: () => { setV(empty); setAdded(true); router.refresh(); } }));
  const errors = fieldErrors(add.error, t);
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => { setAdded(false); setV({ ...v, [key]: e.target.value }); };
  return (
    <form
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (doc.problem) return;
        add.mutate({ enterpriseId, type: v.type as (typeof TYPES)[number], number: v.number, scope: v.scope, validUntil: v.validUntil || null, document: await doc.read() });
      }}
    >
      <h3 className="text-sm font-semibold">{t("licences.add")}</h3>
      <LicenceFields prefix="licence-new" v={v} set={set} errors={errors} withType />
      <DocumentInput id="licence-new-file" doc={doc} />
      {add.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(add.error, locale, t)}</Notice> : null}
      {added ? <Notice tone="success">{t("licences.added")}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={add.isPending || Boolean(doc.problem)}>{add.isPending ? t("common.saving") : t("licences.add")}</Button>
    </form>
  );
}

function EditLicenceForm({ item, onDone }: { item: LicenceItem; onDone: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({ type: item.type, number: item.number, scope: item.scope ?? "", validUntil: item.validUntil ?? "" });
  const doc = useDocument();
  const update = useMutation(trpc.licence.update.mutationOptions({ onSuccess: () => { onDone(); router.refresh(); } }));
  const errors = fieldErrors(update.error, t);
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  return (
    <form
      className="mt-2 space-y-3 rounded-md bg-slate-50 p-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (doc.problem) return;
        update.mutate({ id: item.id, number: v.number, scope: v.scope, validUntil: v.validUntil || null, document: await doc.read() });
      }}
    >
      <LicenceFields prefix={`licence-${item.id}`} v={v} set={set} errors={errors} withType={false} />
      <DocumentInput id={`licence-${item.id}-file`} doc={doc} />
      <p className="text-xs text-slate-500">{t("licences.reverify_hint")}</p>
      {update.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(update.error, locale, t)}</Notice> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={update.isPending || Boolean(doc.problem)}>{update.isPending ? t("common.saving") : t("common.save")}</Button>
        <Button size="sm" variant="secondary" onClick={onDone}>{t("common.cancel")}</Button>
      </div>
    </form>
  );
}

/** The enterprise's licences on file: recorded by its admin, verified by park staff, expiry shown. */
export function LicencesCard({ enterpriseId, items, allowed }: { enterpriseId: number; items: LicenceItem[]; allowed: { manage: boolean; verify: boolean } }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const refresh = { onSuccess: () => router.refresh() };
  const verify = useMutation(trpc.licence.setVerified.mutationOptions(refresh));
  const remove = useMutation(trpc.licence.remove.mutationOptions(refresh));
  const error = verify.error ?? remove.error;
  return (
    <div>
      {items.length === 0 ? (
        <EmptyState title={t("enterprise.no_licences")}>{t("licences.empty_hint")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("enterprise.licences")}>
          {items.map((l) => (
            <li key={l.id} className="py-3 text-sm">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0 space-y-1">
                  <div className="font-medium">{t(`licence.${l.type}`)}</div>
                  <div className="font-mono text-xs break-all text-slate-600" translate="no">{l.number}</div>
                  {l.scope ? <div className="text-xs text-slate-500">{t("licences.scope")}{locale === "zh" ? "：" : ": "}<span translate="no">{l.scope}</span></div> : null}
                  <div className="flex flex-wrap items-center gap-1">
                    <Badge tone={STATE_TONE[l.state]}>{t(`licences.state_${l.state}`, { date: formatDate(l.validUntil, locale) })}</Badge>
                    {l.verifiedAt ? <Badge tone="green">{t("licences.verified")}</Badge> : <Badge tone="amber">{t("licences.unverified")}</Badge>}
                    {l.document ? (
                      <a href={`/api/licences/${l.id}/document`} target="_blank" rel="noreferrer" className="text-xs text-brand-700 underline">
                        {t("licences.view_document")}{locale === "zh" ? "（" : " ("}<span translate="no" className="break-all">{l.document.filename}</span>{locale === "zh" ? "）" : ")"}
                      </a>
                    ) : <span className="text-xs text-slate-500">{t("licences.no_document")}</span>}
                  </div>
                </div>
                <div className="flex flex-wrap gap-1">
                  {allowed.verify ? (
                    <Button size="sm" variant={l.verifiedAt ? "secondary" : "primary"} disabled={verify.isPending} onClick={() => verify.mutate({ id: l.id, verified: !l.verifiedAt })}>
                      {l.verifiedAt ? t("licences.unverify") : t("licences.verify")}
                    </Button>
                  ) : null}
                  {allowed.manage ? (
                    <>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(editing === l.id ? null : l.id)} aria-expanded={editing === l.id}>{t("listing.edit")}</Button>
                      <Button size="sm" variant="ghost" disabled={remove.isPending} onClick={() => { if (window.confirm(t("licences.remove_confirm"))) remove.mutate({ id: l.id }); }}>{t("licences.remove")}</Button>
                    </>
                  ) : null}
                </div>
              </div>
              {editing === l.id ? <EditLicenceForm item={l} onDone={() => setEditing(null)} /> : null}
            </li>
          ))}
        </ul>
      )}
      {error ? <Notice tone="error">{errorMessage(error, locale, t)}</Notice> : null}
      {allowed.manage ? <AddLicenceForm enterpriseId={enterpriseId} /> : null}
    </div>
  );
}
