"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { isoDateIn } from "@/app/_components/listing-bits";
import { Button, inputClass } from "@/app/_components/ui";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useTRPC } from "@/app/_trpc/client";
import { useI18n } from "@/i18n/client";

type Kind = "demand" | "offer";

/** Close a listing, or repost it (reopen a closed or expired one, publish a draft) until a new date. */
export function ListingActions({ kind, id, close, repost }: { kind: Kind; id: number; close: boolean; repost: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [until, setUntil] = useState(isoDateIn(30));
  const refresh = { onSuccess: () => router.refresh() };
  const closeDemand = useMutation(trpc.demand.close.mutationOptions(refresh));
  const closeOffer = useMutation(trpc.offer.close.mutationOptions(refresh));
  const repostDemand = useMutation(trpc.demand.repost.mutationOptions(refresh));
  const repostOffer = useMutation(trpc.offer.repost.mutationOptions(refresh));
  const closing = kind === "demand" ? closeDemand : closeOffer;
  const reposting = kind === "demand" ? repostDemand : repostOffer;
  const error = closing.error ?? reposting.error;
  const untilError = fieldErrors(reposting.error, t).until;
  const inputId = `${kind}-${id}-until`;
  return (
    <div className="flex flex-wrap items-end gap-2">
      {close ? (
        <Button variant="secondary" size="sm" disabled={closing.isPending} onClick={() => closing.mutate({ id })}>
          {closing.isPending ? t("listing.closing") : t("listing.close")}
        </Button>
      ) : null}
      {repost ? (
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); reposting.mutate({ id, until }); }}>
          <div>
            <label htmlFor={inputId} className="block text-xs text-slate-600">{t("listing.repost_until")}</label>
            <input id={inputId} type="date" className={`${inputClass} py-1`} value={until} onChange={(e) => setUntil(e.target.value)} aria-invalid={Boolean(untilError)} />
          </div>
          <Button type="submit" size="sm" disabled={reposting.isPending}>{reposting.isPending ? t("listing.reposting") : t("listing.repost")}</Button>
        </form>
      ) : null}
      {untilError ? <span className="text-xs text-red-600" role="alert">{untilError}</span> : error ? <span className="text-xs text-red-600" role="alert">{errorMessage(error, locale, t)}</span> : null}
    </div>
  );
}

/** Dismiss a suggestion, or bring a dismissed one back. */
export function DismissButton({ id, dismissed }: { id: number; dismissed: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const dismiss = useMutation(trpc.match.dismiss.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="ghost" size="sm" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ id, dismissed: !dismissed })}>
        {dismissed ? t("match.restore") : t("match.dismiss")}
      </Button>
      {dismiss.error ? <span className="text-xs text-red-600" role="alert">{errorMessage(dismiss.error, locale, t)}</span> : null}
    </span>
  );
}
