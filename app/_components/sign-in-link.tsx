"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonClass, type ButtonVariant } from "./ui";

/** "Sign in", coming back to the page the visitor is on (the 401 and 403 pages have no props to tell it). */
export function SignInLink({ label, variant = "primary" }: { label: string; variant?: ButtonVariant }) {
  const pathname = usePathname();
  const href = pathname && pathname !== "/" && !pathname.startsWith("/signin") ? `/signin?callbackUrl=${encodeURIComponent(pathname)}` : "/signin";
  return <Link href={href} className={buttonClass(variant)}>{label}</Link>;
}
