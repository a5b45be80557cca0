"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FilePicker } from "@/app/_components/file-picker";
import { fileToBase64 } from "@/app/_components/import-result";
import { Button, Card, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";
import { chainName } from "@/i18n/vocabulary";

const SCAN_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
type ScanType = (typeof SCAN_TYPES)[number];
const MAX_SCAN_BYTES = 5 * 1024 * 1024;

/** The public application form: enterprise, park, chains, contact, and the business licence scan. */
export function ApplyForm({ parks, chains }: { parks: { id: number; name: string; nameEn: string | null }[]; chains: string[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const empty = { uscc: "", name: "", parkId: parks[0] ? String(parks[0].id) : "", chains: [] as string[], contactName: "", contactPhone: "", contactEmail: "" };
  const [v, setV] = useState(empty);
  const [scan, setScan] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const submit = useMutation(trpc.application.submit.mutationOptions());
  const errors = fieldErrors(submit.error, t);
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  const toggleChain = (chain: string) => setV({ ...v, chains: v.chains.includes(chain) ? v.chains.filter((c) => c !== chain) : [...v.chains, chain] });

  if (submit.data) {
    return (
      <Card>
        <div className="space-y-3" role="status">
          <h2 className="text-lg font-semibold">{t("application.submitted_title")}</h2>
          <p className="text-sm text-slate-700">{t("application.submitted_body", { id: submit.data.id })}</p>
          <Button variant="secondary" onClick={() => { submit.reset(); setV(empty); setScan(null); setPickerKey((k) => k + 1); }}>{t("application.another")}</Button>
        </div>
      </Card>
    );
  }

  return (
    <Card>
      <form
        noValidate
        className="space-y-5"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!scan) return setLocal(t("application.scan_missing"));
          if (!SCAN_TYPES.includes(scan.type as ScanType)) return setLocal(t("application.scan_type"));
          setLocal(null);
          submit.mutate({
            uscc: v.uscc, name: v.name, parkId: v.parkId ? Number(v.parkId) : null, chains: v.chains as never,
            contactName: v.contactName, contactPhone: v.contactPhone, contactEmail: v.contactEmail,
            scan: { filename: scan.name, contentType: scan.type as ScanType, content: await fileToBase64(scan) },
          });
        }}
      >
        <fieldset className="space-y-3">
          <legend className="mb-2 text-base font-semibold">{t("application.section_enterprise")}</legend>
          <Field id="apply-uscc" label={t("enterprise.uscc")} error={errors.uscc} hint={t("enterprise.uscc_hint")} required>
            <input id="apply-uscc" className={`${inputClass} font-mono`} maxLength={18} autoComplete="off" value={v.uscc} onChange={set("uscc")} aria-invalid={Boolean(errors.uscc)} />
          </Field>
          <Field id="apply-name" label={t("enterprise.name")} error={errors.name} required>
            <input id="apply-name" className={inputClass} value={v.name} onChange={set("name")} aria-invalid={Boolean(errors.name)} autoComplete="organization" />
          </Field>
          <Field id="apply-park" label={t("application.park")} error={errors.parkId} required>
            <select id="apply-park" className={inputClass} value={v.parkId} onChange={set("parkId")}>
              {parks.map((p) => <option key={p.id} value={p.id} translate="no">{locale === "en" && p.nameEn ? p.nameEn : p.name}</option>)}
              <option value="">{t("application.external")}</option>
            </select>
          </Field>
          <fieldset>
            <legend className="block text-sm font-medium text-slate-700">{t("application.chains")}</legend>
            <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-3">
              {chains.map((chain) => (
                <label key={chain} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={v.chains.includes(chain)} onChange={() => toggleChain(chain)} />
                  {chainName(chain, locale)}
                </label>
              ))}
            </div>
            {errors.chains ? <p className="text-xs text-red-600" role="alert">{errors.chains}</p> : null}
          </fieldset>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-1 text-base font-semibold">{t("application.section_contact")}</legend>
          <p className="text-xs text-slate-500">{t("application.contact_hint")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="apply-contact-name" label={t("application.contact_name")} error={errors.contactName} required>
              <input id="apply-contact-name" className={inputClass} value={v.contactName} onChange={set("contactName")} autoComplete="name" aria-invalid={Boolean(errors.contactName)} />
            </Field>
            <Field id="apply-contact-phone" label={t("application.contact_phone")} error={errors.contactPhone} required>
              <input id="apply-contact-phone" type="tel" className={inputClass} value={v.contactPhone} onChange={set("contactPhone")} autoComplete="tel" aria-invalid={Boolean(errors.contactPhone)} />
            </Field>
          </div>
          <Field id="apply-contact-email" label={t("application.contact_email")} error={errors.contactEmail} required>
            <input id="apply-contact-email" type="email" className={inputClass} value={v.contactEmail} onChange={set("contactEmail")} autoComplete="email" aria-invalid={Boolean(errors.contactEmail)} />
          </Field>
        </fieldset>

        <div className="space-y-1">
          <FilePicker key={pickerKey} id="apply-scan" label={t("application.scan")} accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" maxBytes={MAX_SCAN_BYTES}
            onChange={(file) => { setLocal(null); setScan(file); }} />
          <p className="text-xs text-slate-500">{t("application.scan_hint")}</p>
          {errors.scan ? <p className="text-xs text-red-600" role="alert">{errors.scan}</p> : null}
        </div>

        {local ? <Notice tone="error">{local}</Notice> : null}
        {submit.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(submit.error, locale, t)}</Notice> : null}
        <Button type="submit" disabled={submit.isPending}>{submit.isPending ? t("application.submitting") : t("application.submit")}</Button>
      </form>
    </Card>
  );
}
