import type { Metadata } from "next";
import { pageId } from "@/app/_components/page-id";
import { attempt, Refusal } from "@/app/_components/refusal";
import { Card, ButtonLink, Notice, PageHeader } from "@/app/_components/ui";
import { getT } from "@/i18n/server";
import { api } from "@/server/api/server";
import { AgreementForm } from "../../new/form";
import { DealHeader } from "../../headings";
import { partyOption } from "../../names";
import { UserText } from "@/app/_components/user-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("agreement.edit_title") };
}

/** A draft agreement, changed before it is signed by either party or park staff. */
export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const { t, locale } = await getT();
  const caller = await api();
  const result = await attempt(async () => ({ agreement: await caller.agreement.byId({ id }), options: await caller.agreement.formOptions() }));
  if (!result.ok) return <Refusal failure={result} from={`/agreements/${id}/edit`} />;
  const { agreement: a, options } = result.data;
  const back = <ButtonLink href={`/agreements/${a.id}`} variant="secondary">{t("agreement.back")}</ButtonLink>;
  if (!a.allowed.edit) {
    return (
      <div className="mx-auto max-w-4xl space-y-6">
        <DealHeader title={t("agreement.edit_title")} description={<>{a.ref} · <UserText>{a.title}</UserText></>} actions={back} />
        <Notice tone="warning">{t("agreement.only_drafts", { status: t(`agreement.status.${a.status}`) })}</Notice>
      </div>
    );
  }
  // the parties are shown even when they are outside the lists the form offers for new agreements
  const parties = [a.buyer, a.seller].map((p) => ({ ...p, id: p.enterpriseId }));
  const enterprises = [...parties, ...options.enterprises.filter((e) => !parties.some((p) => p.id === e.id))].map((e) => partyOption(e, locale));
  const events = options.events.map((e) => ({ id: e.id, name: e.name }));
  if (a.event && !events.some((e) => e.id === a.event!.id)) events.unshift({ id: a.event.id, name: a.event.name });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={t("agreement.edit_title")} description={t("agreement.edit_description")} actions={back} />
      <Card>
        <AgreementForm
          enterprises={enterprises}
          own={options.own}
          events={events}
          defaultEventId={null}
          recordSigned={false}
          draft={{
            id: a.id, ref: a.ref, type: a.type, title: a.title, buyerEnterpriseId: a.buyer.enterpriseId, sellerEnterpriseId: a.seller.enterpriseId,
            startOn: a.startOn, endOn: a.endOn, eventId: a.eventId, lines: a.lines,
          }}
        />
      </Card>
    </div>
  );
}
