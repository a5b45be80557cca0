import { redirect } from "next/navigation";
import { HOME } from "@/app/_shell/nav";
import { api } from "@/server/api/server";

/** After signing in: each kind of user goes to its own home. */
export default async function HomeRedirect() {
  const me = await (await api()).user.me();
  redirect(me ? HOME[me.kind] : "/signin");
}
