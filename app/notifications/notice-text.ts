import { formatQuantity, type Locale } from "@/i18n";
import { substanceName } from "@/i18n/vocabulary";
import type { Notice } from "@/server/notifications/notification.service";

/** The kinds whose notices the page writes from their values (message `notifications.kinds.<kind>`, ICU plurals on `count`). */
const KINDS = new Set(["match.suppliers", "match.buyers", "match.blocked"]);

export interface NoticeMessage {
  key: string;
  /** user content: each shown as typed, marked translate=no (messageWith) */
  content: Record<string, string>;
  vars: Record<string, string | number>;
}

/**
 * A notice in the reader's language from its kind and values, not from its stored text (which
 * holds names as typed and, in English, Chinese ones): the message key (its plural by `count`),
 * names as user content, a substance by the dictionary's English name in English (as typed when
 * it has none: then user content). Null for a kind without such a message, or a notice stored
 * without values: the page shows its stored text.
 */
export function noticeMessage(kind: string, notice: Notice, locale: Locale): NoticeMessage | null {
  const values = notice.values;
  if (!values || !KINDS.has(kind)) return null;
  const base = `notifications.kinds.${kind.replace(".", "_")}`;
  const content: Record<string, string> = { ...values.names };
  const vars: Record<string, string | number> = {};
  if (values.count !== undefined) vars.count = values.count;
  if (values.quantity) vars.quantity = formatQuantity(values.quantity.value, values.quantity.unit, locale);
  if (values.substance) {
    const english = locale === "en" && values.substance.nameEn;
    if (english) vars.substance = english;
    else content.substance = substanceName({ name: values.substance.name }, locale);
  }
  return { key: base, content, vars };
}

/**
 * A notice's stored text cut into UI text and user content: in the English text of a notice
 * stored before its kind had values, every run holding Chinese is a name or title as typed (the
 * English wording around it is ours), and is shown marked translate=no. Chinese text stays whole.
 */
export function storedTextParts(text: string, locale: Locale): { text: string; user: boolean }[] {
  if (locale === "zh") return [{ text, user: false }];
  return text
    .split(/([^\s"“”「」:：,，;；()（）]*[\u3400-\u9fff][^\s"“”「」:：,，;；()（）]*)/)
    .filter(Boolean)
    .map((part) => ({ text: part, user: /[\u3400-\u9fff]/.test(part) }));
}
