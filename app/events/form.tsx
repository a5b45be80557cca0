"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

export function EventForm({ parks }: { parks: { id: number; name: string }[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { parkId: String(parks[0]?.id ?? ""), name: "", heldOn: "", place: "", description: "" };
  const [v, setV] = useState(empty);
  const create = useMutation(trpc.event.create.mutationOptions({ onSuccess: (e) => router.push(`/events/${e.id}`) }));
  const errors = fieldErrors(create.error, t);
  const set = (key: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setV({ ...v, [key]: e.target.value });
  return (
    <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); create.mutate({ parkId: v.parkId ? Number(v.parkId) : null, name: v.name, heldOn: v.heldOn, place: v.place, description: v.description }); }}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="event-name" label={t("event.name")} error={errors.name} required>
          <input id="event-name" className={inputClass} maxLength={120} value={v.name} onChange={set("name")} aria-invalid={Boolean(errors.name)} />
        </Field>
        <Field id="event-park" label={t("enterprise.park")} error={errors.parkId}>
          <select id="event-park" className={inputClass} value={v.parkId} onChange={set("parkId")}>
            {parks.map((p) => <option key={p.id} value={p.id} translate="no">{p.name}</option>)}
          </select>
        </Field>
        <Field id="event-date" label={t("event.held_on")} error={errors.heldOn}>
          <input id="event-date" type="date" className={inputClass} value={v.heldOn} onChange={set("heldOn")} />
        </Field>
        <Field id="event-place" label={t("event.place")} error={errors.place}>
          <input id="event-place" className={inputClass} maxLength={120} value={v.place} onChange={set("place")} />
        </Field>
      </div>
      <Field id="event-description" label={t("event.description")} error={errors.description}>
        <textarea id="event-description" rows={2} className={inputClass} maxLength={2000} value={v.description} onChange={set("description")} />
      </Field>
      {create.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(create.error, locale, t)}</Notice> : null}
      <Button type="submit" disabled={create.isPending}>{create.isPending ? t("common.saving") : t("event.create")}</Button>
    </form>
  );
}
