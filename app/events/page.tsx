import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui";
import { formatCny, formatDate } from "@/i18n";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { EventForm } from "./form";
import { ParkName } from "@/app/agreements/names";
import { UserText } from "@/app/_components/user-text";
import { parkName } from "@/i18n/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("event.list_title") };
}

/** Park matchmaking events (对接会) with what was signed at each; park staff add new ones. */
export default async function EventsPage() {
  const { t, locale } = await getT();
  const caller = await api();
  const { items, allowed } = await caller.event.list({});
  const parks = allowed.create ? (await caller.park.choices({ purpose: "event" })).parks : [];
  return (
    <div className="space-y-6">
      <PageHeader title={t("event.list_title")} description={t("event.list_description")} />
      {items.length === 0 ? (
        <EmptyState title={t("event.empty")} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <Link href={`/events/${e.id}`} className="break-words text-base font-semibold text-slate-900 hover:text-brand-700" translate="no">{e.name}</Link>
              <p className="mt-1 text-sm text-slate-600">
                {formatDate(e.heldOn, locale)}
                {e.place ? <> · <UserText>{e.place}</UserText></> : null}
                {e.parkName ? <> · <ParkName park={{ name: e.parkName, nameEn: e.parkNameEn }} locale={locale} /></> : null}
              </p>
              <p className="mt-3 text-sm text-slate-700">{t("event.figures", { agreements: e.agreements, enterprises: e.enterprises, amount: formatCny(e.amountCny, locale) })}</p>
            </li>
          ))}
        </ul>
      )}
      {allowed.create && parks.length ? (
        <Card title={t("event.new_title")}>
          <EventForm parks={parks.map((p) => ({ id: p.id, name: parkName(p, locale) }))} />
        </Card>
      ) : null}
    </div>
  );
}
