import { TRPCClientError } from "@trpc/client";
import { validationText, type Locale, type Translate } from "@/i18n";
import type { AppRouter } from "@/server/api/root";

type ErrorData = {
  messages?: { zh: string; en: string } | null;
  zodError?: { fieldErrors: Record<string, string[]>; formErrors: string[] } | null;
};

/** A plain route's refusal (`{ error: { zh, en } }`, see app/api/error-response.ts). */
export class RefusedError extends Error {
  constructor(readonly messages: { zh: string; en: string } | null) {
    super(messages?.en ?? "Request refused");
    this.name = "RefusedError";
  }
}

/** The message to show for a failed call, in the user's language. */
export function errorMessage(error: unknown, locale: Locale, t: Translate): string {
  if (error instanceof RefusedError) return error.messages?.[locale] ?? t("errors.generic");
  // fetch rejects with a TypeError when the server cannot be reached
  if (error instanceof TypeError) return t("errors.network");
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data as ErrorData | undefined;
    if (data?.messages) return data.messages[locale];
    const first = data?.zodError && (Object.values(data.zodError.fieldErrors).flat()[0] ?? data.zodError.formErrors[0]);
    if (first) return validationText(t, first);
    if (error.message === "Failed to fetch" || error.message.includes("fetch")) return t("errors.network");
  }
  return t("errors.generic");
}

/** Field errors of a rejected input, translated, by field name (nested paths by their first part). */
export function fieldErrors(error: unknown, t: Translate): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const zodError = (error.data as ErrorData | undefined)?.zodError;
  if (!zodError) return {};
  return Object.fromEntries(
    Object.entries(zodError.fieldErrors).map(([field, keys]) => [field, validationText(t, keys[0] ?? "field.invalid")]),
  );
}
