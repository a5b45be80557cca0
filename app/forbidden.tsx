import { ForbiddenRefusal } from "@/app/_components/refusal";

/** HTTP 403: a page the signed-in user may not see (`forbidden()`). */
export default function Forbidden() {
  return <ForbiddenRefusal />;
}
