"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export function NewInquiryForm({ source, defaults }: { source: { kind: "match" | "product" | "demand"; id: number }; defaults: { subject: string; body: string } }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState(defaults);
  const create = useMutation(trpc.inquiry.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/inquiries/${id}`) }));
  const errors = fieldErrors(create.error, t);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ source, subject: values.subject, body: values.body });
      }}
    >
      <Field id="inquiry-subject" label={t("inquiry.subject")} error={errors.subject} required>
        <input id="inquiry-subject" translate="no" className={inputClass} maxLength={120} value={values.subject} aria-invalid={Boolean(errors.subject)}
          onChange={(e) => setValues({ ...values, subject: e.target.value })} />
      </Field>
      <Field id="inquiry-body" label={t("inquiry.message")} error={errors.body} hint={t("inquiry.message_hint")} required>
        <textarea id="inquiry-body" translate="no" rows={6} className={inputClass} maxLength={4000} value={values.body} aria-invalid={Boolean(errors.body)}
          onChange={(e) => setValues({ ...values, body: e.target.value })} />
      </Field>
      {create.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(create.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={create.isPending}>{create.isPending ? t("common.sending") : t("inquiry.send")}</Button>
    </form>
  );
}
