import { Spinner } from "@/app/_components/ui";
import { getT } from "@/i18n/server";

/** While the sample form's parties and compliance are looked up. */
export default async function Loading() {
  const { t } = await getT();
  return <div className="mx-auto max-w-3xl py-12"><Spinner label={t("common.loading")} /></div>;
}
