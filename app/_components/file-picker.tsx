"use client";

import { useId, useRef, useState } from "react";
import { useI18n } from "@/i18n/client";
import { buttonClass } from "./ui";

/**
 * A file input that speaks the page's language (the browser's own says "Choose File" in its
 * locale): a labelled button, the chosen file's name and size, keyboard accessible.
 */
export function FilePicker({
  label, accept, onChange, maxBytes, id,
}: {
  /** leave out when a surrounding Field labels the input (by the same id) */
  label?: string;
  accept: string;
  onChange: (file: File | null) => void;
  /** files above this size are refused with a message */
  maxBytes?: number;
  id?: string;
}) {
  const { t } = useI18n();
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const tooBig = file !== null && maxBytes !== undefined && file.size > maxBytes;

  return (
    <div className="space-y-1">
      {label ? <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">{label}</label> : null}
      <div className="flex flex-wrap items-center gap-3">
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={accept}
          className="sr-only"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            onChange(chosen && maxBytes !== undefined && chosen.size > maxBytes ? null : chosen);
          }}
        />
        <button type="button" className={buttonClass("secondary", "sm")} onClick={() => input.current?.click()} aria-controls={inputId}>
          {t("file.choose")}
        </button>
        <span className="text-sm text-slate-600" aria-live="polite">
          {file ? `${file.name} · ${formatBytes(file.size)}` : t("file.none")}
        </span>
      </div>
      {tooBig ? <p className="text-xs text-red-600" role="alert">{t("file.too_big", { size: formatBytes(maxBytes!) })}</p> : null}
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
