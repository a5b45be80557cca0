import { Fragment, type ReactNode } from "react";
import type { Translate } from "@/i18n";

/**
 * User content — enterprise and person names, titles, free text, event names, substance names as
 * typed — marked with the standard `translate="no"`, so that browsers' translators and the page
 * walk (e2e/every-page.spec.ts) know it is not UI text to translate.
 */
export function UserText({ children, className }: { children: ReactNode; className?: string }) {
  return <span translate="no" className={className}>{children}</span>;
}

const MARK = "\u2063";

/**
 * A message with user content inside it ("Hello, {name}"): the message in the reader's language,
 * each of `content`'s values in its place inside a `translate="no"` span. `vars` are ordinary
 * values (numbers, UI words) passed to the message as they are.
 */
export function messageWith(t: Translate, key: string, content: Record<string, ReactNode>, vars: Record<string, string | number> = {}): ReactNode {
  const marked = Object.fromEntries(Object.keys(content).map((name) => [name, `${MARK}${name}${MARK}`]));
  const parts = t(key, { ...vars, ...marked }).split(MARK);
  // the message alternates text and placeholder names: "Hello, ", "name", ""
  return parts.map((part, i) =>
    i % 2 === 1 && part in content ? <UserText key={i}>{content[part]}</UserText> : <Fragment key={i}>{part}</Fragment>,
  );
}
