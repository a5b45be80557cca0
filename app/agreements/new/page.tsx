import type { Metadata } from "next";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AgreementForm } from "./form";
import { partyOption } from "../names";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("agreement.new_title") };
}

/** Records an agreement: parties record their own; park staff record those signed at their events. */
export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<{ event?: string }> }) {
  const { t, locale } = await getT();
  const result = await attempt(async () => (await api()).agreement.formOptions());
  if (!result.ok) return <Refusal failure={result} from="/agreements/new" />;
  const eventParam = Number((await searchParams).event);
  const options = result.data;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={t("agreement.new_title")} description={t("agreement.new_description")} />
      <Card>
        <AgreementForm
          enterprises={options.enterprises.map((e) => partyOption(e, locale))}
          own={options.own}
          events={options.events.map((e) => ({ id: e.id, name: e.name }))}
          defaultEventId={options.events.some((e) => e.id === eventParam) ? eventParam : null}
          recordSigned={options.allowed.recordSigned}
        />
      </Card>
    </div>
  );
}
