"use client";

import { FilePicker } from "@/app/_components/file-picker";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fileToBase64 } from "@/app/_components/import-result";
import { Badge, Button, EmptyState, Field, inputClass, Notice } from "@/app/_components/ui";
import { useTRPC } from "@/app/_trpc/client";
import { errorMessage, fieldErrors } from "@/app/_trpc/errors";
import { useI18n } from "@/i18n/client";
import { DOCUMENT_KINDS } from "@/server/catalogue/vocabulary";

const MAX_MB = 10;

/** A product's TDS, SDS and other PDFs: upload (size-limited) and remove. */
export function DocumentsPanel({ productId, documents }: { productId: number; documents: { id: number; kind: string; filename: string; sizeBytes: number }[] }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [pickerKey, setPickerKey] = useState(0);
  const [kind, setKind] = useState<(typeof DOCUMENT_KINDS)[number]>("sds");
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation(trpc.catalogue.uploadDocument.mutationOptions({
    onSuccess: () => {
      setFile(null);
      setPickerKey((k) => k + 1);
      router.refresh();
    },
  }));
  const remove = useMutation(trpc.catalogue.deleteDocument.mutationOptions({ onSuccess: () => router.refresh() }));
  const errors = fieldErrors(upload.error, t);

  const choose = (chosen: File | null) => {
    upload.reset();
    setFile(chosen);
    if (!chosen) setProblem(null);
    else if (!/\.pdf$/i.test(chosen.name)) setProblem(t("validation.catalogue.document_type"));
    else if (chosen.size > MAX_MB * 1024 * 1024) setProblem(t("catalogue.document_too_big", { mb: MAX_MB }));
    else setProblem(null);
  };

  return (
    <div className="space-y-4">
      {documents.length === 0 ? (
        <EmptyState title={t("product.no_documents")}>{t("catalogue.documents_hint")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <a href={`/api/documents/${d.id}`} className="flex items-center gap-2 text-brand-700 hover:underline">
                <Badge tone="blue">{t(`catalogue.document_kind.${d.kind}`)}</Badge>
                <span id={`document-${d.id}-name`} className="break-all" translate="no">{d.filename}</span>
              </a>
              <Button
                size="sm"
                variant="ghost"
                disabled={remove.isPending}
                id={`document-${d.id}-remove`}
                // "Remove <file>": the file's name (user content, marked) from its own element
                aria-labelledby={`document-${d.id}-remove document-${d.id}-name`}
                onClick={() => window.confirm(t("catalogue.document_remove_confirm", { name: d.filename })) && remove.mutate({ id: d.id })}
              >
                {t("catalogue.document_remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {remove.error ? <Notice tone="error">{errorMessage(remove.error, locale, t)}</Notice> : null}
      <form
        className="space-y-3 border-t border-slate-100 pt-4"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) {
            setProblem(t("catalogue.document_choose"));
            return;
          }
          if (problem) return;
          upload.mutate({ productId, kind, filename: file.name, content: await fileToBase64(file) });
        }}
      >
        <h3 className="text-sm font-semibold">{t("catalogue.document_upload")}</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="document-kind" label={t("catalogue.document_kind_label")} error={errors.kind}>
            <select id="document-kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{t(`catalogue.document_kind.${k}`)}</option>)}
            </select>
          </Field>
          <Field id="document-file" label={t("catalogue.document_file", { mb: MAX_MB })} error={problem ?? errors.filename ?? errors.content}>
            <FilePicker key={pickerKey} id="document-file" accept="application/pdf,.pdf" onChange={choose} />
          </Field>
        </div>
        {upload.error && !Object.keys(errors).length ? <Notice tone="error">{errorMessage(upload.error, locale, t)}</Notice> : null}
        {upload.isSuccess ? <Notice tone="success">{t("catalogue.document_uploaded")}</Notice> : null}
        <Button type="submit" variant="secondary" disabled={upload.isPending}>{upload.isPending ? t("catalogue.document_uploading") : t("catalogue.document_upload")}</Button>
      </form>
    </div>
  );
}
