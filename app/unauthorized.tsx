import { SignInRefusal } from "@/app/_components/refusal";

/** HTTP 401: a members-only page asked for by a visitor who has not signed in (`unauthorized()`). */
export default function Unauthorized() {
  return <SignInRefusal />;
}
