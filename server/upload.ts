import { MAX_FILE_BYTES } from "@/db/schema";
import { AppError } from "@/server/errors";

/** A file as the pages send it through tRPC: its name, type and bytes in base64. */
export interface UploadInput {
  filename: string;
  contentType: string;
  content: string;
}

/** What the error messages call the file: `{ zh: "附件", en: "attachment", enPlural: "Attachments" }`. */
export interface UploadNoun {
  zh: string;
  en: string;
  enPlural: string;
}

/**
 * Decodes an uploaded file for storage in PostgreSQL: refuses an empty one and one over
 * MAX_FILE_BYTES, and makes the name safe for a Content-Disposition header.
 */
export function decodeUpload(file: UploadInput, noun: UploadNoun) {
  const content = Buffer.from(file.content, "base64");
  if (content.length === 0) throw new AppError("INVALID", { zh: `${noun.zh}为空`, en: `The ${noun.en} is empty` });
  if (content.length > MAX_FILE_BYTES) {
    const mb = MAX_FILE_BYTES / 1024 / 1024;
    throw new AppError("INVALID", { zh: `${noun.zh}不能超过 ${mb} MB`, en: `${noun.enPlural} are limited to ${mb} MB` });
  }
  return {
    filename: file.filename.replace(/[\\/\r\n"]/g, "_"),
    contentType: file.contentType || "application/octet-stream",
    sizeBytes: content.length,
    content,
  };
}
