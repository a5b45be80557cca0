"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";

/** Email and password; a refusal is explained (wrong email or password, or too many failures: wait N s). */
export function SignInForm({ target }: { target: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const explain = (code: string) => {
    const [reason, after] = code.split(":");
    if (reason === "throttled") {
      const seconds = Math.max(1, Number(after) || 1);
      const wait = seconds < 120 ? t("auth.wait_seconds", { count: seconds }) : t("auth.wait_minutes", { count: Math.ceil(seconds / 60) });
      return t("auth.error_throttled", { wait });
    }
    if (reason === "invalid") return t("auth.error_invalid");
    if (reason === "missing_fields") return t("auth.error_missing_fields");
    return t("auth.error_generic");
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t("auth.error_missing_fields"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: email.trim(), password, redirect: false }).catch(() => null);
    setPending(false);
    if (!result) return setError(t("auth.error_generic"));
    if (result.error) return setError(explain(result.error));
    router.replace(target);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="email" label={t("auth.email")} required>
        <input id="email" name="email" type="email" autoComplete="username" className={inputClass} value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field id="password" label={t("auth.password")} required>
        <input id="password" name="password" type="password" autoComplete="current-password" className={inputClass} value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("auth.signing_in") : t("auth.signin")}
      </Button>
    </form>
  );
}
