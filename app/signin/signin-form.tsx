"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button, Field, inputClass, Notice } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";

/** Email and password; a refusal is explained (unknown user, wrong password, disabled, locked for N s). */
export function SignInForm({ target }: { target: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const explain = (code: string) => {
    const [reason, seconds] = code.split(":");
    const known = ["unknown_user", "wrong_password", "disabled", "locked", "missing_fields"];
    return known.includes(reason ?? "") ? t(`auth.error_${reason}`, { seconds: seconds ?? "" }) : t("auth.error_generic");
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
