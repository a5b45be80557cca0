"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/app/_components/ui";
import { useI18n } from "@/i18n/client";

export function SignOutButton() {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  return (
    <Button
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
    >
      {t("auth.signout")}
    </Button>
  );
}
