import { Badge } from "@/app/_components/ui";
import type { Translate } from "@/i18n";

const INQUIRY_TONES = { open: "blue", quoted: "amber", accepted: "green", closed: "slate" } as const;
const QUOTE_TONES = { pending: "amber", accepted: "green", rejected: "slate", expired: "red", superseded: "slate" } as const;
const COUNTER_TONES = { open: "amber", accepted: "green", declined: "slate", answered: "blue", lapsed: "slate" } as const;

export function InquiryStatusBadge({ status, t }: { status: keyof typeof INQUIRY_TONES; t: Translate }) {
  return <Badge tone={INQUIRY_TONES[status]}>{t(`inquiry.status.${status}`)}</Badge>;
}

export function QuoteStatusBadge({ status, t }: { status: keyof typeof QUOTE_TONES; t: Translate }) {
  return <Badge tone={QUOTE_TONES[status]}>{t(`quote.status.${status}`)}</Badge>;
}

export function CounterStatusBadge({ status, t }: { status: keyof typeof COUNTER_TONES; t: Translate }) {
  return <Badge tone={COUNTER_TONES[status]}>{t(`quote.counter_status.${status}`)}</Badge>;
}
