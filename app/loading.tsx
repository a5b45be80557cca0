import { Spinner } from "@/app/_components/ui";
import { getT } from "@/i18n/server";

export default async function Loading() {
  const { t } = await getT();
  return (
    <div className="py-16 text-center">
      <Spinner label={t("common.loading")} />
    </div>
  );
}
