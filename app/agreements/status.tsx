import { Badge } from "@/app/_components/ui";
import type { Translate } from "@/i18n";

const TONES = { draft: "slate", signed: "blue", active: "green", completed: "green", terminated: "red" } as const;

export function AgreementStatusBadge({ status, t }: { status: keyof typeof TONES; t: Translate }) {
  return <Badge tone={TONES[status]}>{t(`agreement.status.${status}`)}</Badge>;
}
