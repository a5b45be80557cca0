"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { validationText } from "@/i18n";
import { useI18n } from "@/i18n/client";
import { SAMPLE_UNITS, sampleFields, type SampleUnit } from "@/server/inquiries/sample.schemas";

/** The sample form: quantity and unit, where to send it, what for; checked here with the server's own schema. */
export function SampleRequestForm({ source, subject }: { source: { kind: "product" | "match"; id: number }; subject: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [v, setV] = useState({ quantity: "", unit: "g" as SampleUnit, deliveryAddress: "", purpose: "", note: "" });
  const [local, setLocal] = useState<Record<string, string>>({});
  const request = useMutation(trpc.sample.request.mutationOptions({ onSuccess: ({ id }) => router.push(`/inquiries/${id}`) }));
  const serverErrors = fieldErrors(request.error, t);
  const errors = { ...serverErrors, ...local };
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setV({ ...v, [key]: e.target.value });
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fields = { ...v, quantity: v.quantity.trim() === "" ? undefined : Number(v.quantity) };
        const checked = sampleFields.safeParse(fields);
        if (!checked.success) {
          const problems: Record<string, string> = {};
          for (const issue of checked.error.issues) {
            const key = String(issue.path[0]);
            problems[key] ??= validationText(t, issue.message);
          }
          setLocal(problems);
          return;
        }
        setLocal({});
        request.mutate({ ...checked.data, note: checked.data.note ?? undefined, source, subject });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 [&>*]:min-w-0">
        <Field id="sample-quantity" label={t("sample.quantity")} error={errors.quantity} required>
          <input id="sample-quantity" type="number" inputMode="decimal" min={0} step="any" className={inputClass} value={v.quantity}
            aria-invalid={Boolean(errors.quantity)} onChange={set("quantity")} />
        </Field>
        <Field id="sample-unit" label={t("sample.unit")} error={errors.unit} required>
          <select id="sample-unit" className={inputClass} value={v.unit} onChange={set("unit")}>
            {SAMPLE_UNITS.map((u) => <option key={u} value={u}>{t(`sample.units.${u}`)}</option>)}
          </select>
        </Field>
      </div>
      <Field id="sample-address" label={t("sample.address")} error={errors.deliveryAddress} hint={t("sample.address_hint")} required>
        <textarea id="sample-address" rows={2} className={inputClass} maxLength={300} value={v.deliveryAddress}
          aria-invalid={Boolean(errors.deliveryAddress)} onChange={set("deliveryAddress")} />
      </Field>
      <Field id="sample-purpose" label={t("sample.purpose")} error={errors.purpose} hint={t("sample.purpose_hint")} required>
        <textarea id="sample-purpose" rows={2} className={inputClass} maxLength={1000} value={v.purpose}
          aria-invalid={Boolean(errors.purpose)} onChange={set("purpose")} />
      </Field>
      <Field id="sample-note" label={t("sample.note")} error={errors.note} hint={t("sample.note_hint")}>
        <textarea id="sample-note" rows={3} className={inputClass} maxLength={2000} value={v.note} onChange={set("note")} />
      </Field>
      {request.error && !Object.keys(serverErrors).length ? <Notice tone="error">{errorMessage(request.error, locale, t)}</Notice> : null}
      <Button type="submit" className="w-full sm:w-auto" disabled={request.isPending}>{request.isPending ? t("common.sending") : t("sample.send")}</Button>
    </form>
  );
}
