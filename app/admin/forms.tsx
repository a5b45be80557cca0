"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export function CreateParkForm() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { code: "", name: "", city: "" };
  const [v, setV] = useState(empty);
  const create = useMutation(trpc.park.create.mutationOptions({ onSuccess: () => { setV(empty); router.refresh(); } }));
  const errors = fieldErrors(create.error, t);
  return (
    <form noValidate
      className="space-y-3 border-t border-slate-100 pt-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ code: v.code, name: v.name, city: v.city || undefined });
      }}
    >
      <h3 className="text-sm font-semibold">{t("admin.create_park")}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="park-code" label={t("admin.park_code")} error={errors.code} hint={t("admin.park_code_hint")} required>
          <input id="park-code" className={`${inputClass} font-mono uppercase`} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value })} />
        </Field>
        <Field id="park-city" label={t("admin.park_city")} error={errors.city}>
          <input id="park-city" className={inputClass} value={v.city} onChange={(e) => setV({ ...v, city: e.target.value })} />
        </Field>
      </div>
      <Field id="park-name" label={t("admin.park_name")} error={errors.name} required>
        <input id="park-name" className={inputClass} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
      </Field>
      {create.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(create.error, locale, t)}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={create.isPending}>{t("admin.create_park")}</Button>
    </form>
  );
}

export function UserToggle({ userId, disabled }: { userId: number; disabled: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const toggle = useMutation(trpc.user.setDisabled.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="flex flex-col items-end gap-1">
      <Button size="sm" variant={disabled ? "secondary" : "danger"} disabled={toggle.isPending} onClick={() => toggle.mutate({ userId, disabled: !disabled })}>
        {disabled ? t("admin.enable") : t("admin.disable")}
      </Button>
      {toggle.error ? <span className="text-xs text-red-600" role="alert">{errorMessage(toggle.error, locale, t)}</span> : null}
    </span>
  );
}
