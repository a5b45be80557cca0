import type { Translate } from "@/i18n";
import { Badge } from "./ui";

export interface HazardFlags {
  hazardous: boolean;
  highlyToxic: boolean;
  explosivePrecursor: boolean;
  precursorCategory?: number | null;
}

/** A substance's regulatory flags: 危险化学品, 剧毒, 易制爆, 易制毒 with its category ("易制毒 第三类"). Nothing for an unlisted substance. */
export function HazardBadges({ flags, t }: { flags: HazardFlags | null | undefined; t: Translate }) {
  if (!flags) return null;
  const badges: { key: string; tone: "amber" | "red" }[] = [];
  if (flags.hazardous) badges.push({ key: "hazard.hazardous", tone: "amber" });
  if (flags.highlyToxic) badges.push({ key: "hazard.highly_toxic", tone: "red" });
  if (flags.explosivePrecursor) badges.push({ key: "hazard.explosive_precursor", tone: "red" });
  if (flags.precursorCategory) badges.push({ key: [1, 2, 3].includes(flags.precursorCategory) ? `hazard.precursor_${flags.precursorCategory}` : "hazard.precursor", tone: "red" });
  if (badges.length === 0) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {badges.map((b) => <Badge key={b.key} tone={b.tone}>{t(b.key)}</Badge>)}
    </span>
  );
}
