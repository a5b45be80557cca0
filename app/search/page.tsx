import type { Metadata } from "next";
import { attempt } from "@/app/_components/refusal";
import { PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { hasQuery, parseSearchParams } from "./params";
import { SearchView } from "./search-view";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("search.title") };
}

/**
 * Product search: the query and filters live in the URL, so a search can be shared as a link. The
 * first page is rendered here; typing and filtering then run in the browser without reloading.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await getT();
  const params = parseSearchParams(await searchParams);
  const caller = await api();
  const [parks, me, result] = await Promise.all([
    caller.park.list(),
    caller.user.me(),
    hasQuery(params) ? attempt(() => caller.search.products(params)) : Promise.resolve(null),
  ]);

  return (
    <div>
      <PageHeader title={t("search.title")} description={t("search.description")} />
      <SearchView
        initial={result?.ok ? { params, data: result.data } : null}
        initialError={result && !result.ok ? result.message : null}
        params={params}
        parks={parks.map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn }))}
        signedIn={Boolean(me)}
      />
    </div>
  );
}
