"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { Button, ButtonLink, EmptyState } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { messageWith } from "@/app/_components/user-text";
import { errorMessage } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";
import type { Suggestion } from "@/server/search/suggest";
import { searchHref, type SearchParams } from "./params";

/**
 * Saves the search on the page as an alert (server/saved-searches): for a visitor, the way to sign
 * in and come back to it; for a member, one click, then a link to where saved searches are managed.
 */
export function SaveSearch({ state, signedIn }: { state: SearchParams; signedIn: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const save = useMutation(trpc.savedSearch.create.mutationOptions());
  const href = searchHref({ ...state, page: 1 });
  if (!signedIn) {
    return <ButtonLink variant="secondary" size="sm" href={`/signin?callbackUrl=${encodeURIComponent(href)}`}>{t("alerts.signin_to_save")}</ButtonLink>;
  }
  if (save.isSuccess) {
    return (
      <span className="text-sm text-emerald-700" role="status">
        {t("alerts.saved")} <Link href="/searches" className="underline">{t("alerts.manage")}</Link>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="secondary" size="sm" disabled={save.isPending} onClick={() => save.mutate({ params: href })}>{t("alerts.save")}</Button>
      {save.error ? <span className="text-sm text-red-700" role="alert">{errorMessage(save.error, locale, t)}</span> : null}
    </span>
  );
}

/**
 * What a search that found nothing offers instead of an empty list: the dictionary's nearest
 * names ("did you mean"), posting a demand for what was typed, and saving the search as an alert.
 */
export function NoResults({
  q, suggestions, filtered, state, signedIn, onPick,
}: {
  q: string;
  suggestions: Suggestion[];
  filtered: boolean;
  state: SearchParams;
  signedIn: boolean;
  onPick: (text: string) => void;
}) {
  const { t, locale } = useI18n();
  const demand = new URLSearchParams();
  if (q) demand.set("q", q);
  if (state.grade) demand.set("grade", state.grade);
  return (
    <EmptyState title={t("search.empty_title")}>
      {filtered ? <p>{t("alerts.none_filtered")}</p> : null}
      {suggestions.length ? (
        <div className="mt-3" aria-label={t("alerts.did_you_mean")} role="group">
          <span className="mr-2 text-slate-700">{t("alerts.did_you_mean")}</span>
          <ul className="inline-flex flex-wrap justify-center gap-2">
            {suggestions.map((s) => {
              const name = locale === "zh" ? s.nameZh : s.nameEn ?? s.nameZh;
              return (
              <li key={s.cas}>
                <a
                  href={searchHref({ ...state, q: s.text, page: 1 })}
                  onClick={(e) => {
                    e.preventDefault();
                    onPick(s.text);
                  }}
                  className="font-medium text-brand-700 underline hover:text-brand-800"
                  translate="no"
                >
                  {s.text}
                </a>
                {name && name !== s.text ? (
                  <span className="ml-1 text-xs text-slate-500">
                    {locale === "zh" ? "（" : "("}<span translate="no">{name}</span>{locale === "zh" ? "）" : ")"}
                  </span>
                ) : null}
              </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <div className="mt-4">
        <p className="mb-2 text-slate-700">{t("alerts.what_next")}</p>
        <div className="flex flex-wrap items-center justify-center gap-2">
          <ButtonLink size="sm" href={`/demands/new${demand.size ? `?${demand}` : ""}`}>
            {/* one child of the flex button, so that the name reads as one phrase */}
            <span>{q ? messageWith(t, "alerts.post_demand", { q }) : t("alerts.post_demand_plain")}</span>
          </ButtonLink>
          <SaveSearch state={state} signedIn={signedIn} />
        </div>
        <p className="mt-2 text-xs text-slate-500">{t("alerts.save_hint")}</p>
      </div>
    </EmptyState>
  );
}
