import { TRPCClientError } from "@trpc/client";
import type { Locale, Translate } from "@/i18n";
import type { AppRouter } from "@/server/api/root";

/** The message to show for a failed call, in the user's language. */
export function errorMessage(error: unknown, locale: Locale, t: Translate): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as
      | { messages?: { zh: string; en: string } | null; zodError?: { fieldErrors: Record<string, string[]>; formErrors: string[] } | null }
      | undefined;
    if (data?.messages) return data.messages[locale];
    const first = data?.zodError && (Object.values(data.zodError.fieldErrors).flat()[0] ?? data.zodError.formErrors[0]);
    if (first) return t(`validation.${first}`);
  }
  return t("errors.generic");
}

/** Field errors of a rejected input, translated, by field name. */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const zodError = (error.data as { zodError?: { fieldErrors: Record<string, string[]> } } | undefined)?.zodError;
  if (!zodError) return {};
  return Object.fromEntries(
    Object.entries(zodError.fieldErrors).map(([field, keys]) => [field, t(`validation.${keys[0] ?? "invalid"}`)]),
  );
}
