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

/** The types a scanned document (a licence, a business licence) may have. */
export const SCAN_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type ScanType = (typeof SCAN_TYPES)[number];

/** What a file of each scan type begins with (its magic bytes). */
const SCAN_MAGIC: Record<ScanType, (b: Buffer) => boolean> = {
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/**
 * Decodes and checks a scanned copy: not empty, at most `maxBytes`, and its bytes are what its
 * declared type says (PDF, PNG or JPEG by their first bytes), so a renamed file is refused.
 */
export function decodeScan(doc: { contentType: ScanType; content: string }, maxBytes: number): Buffer {
  const bytes = Buffer.from(doc.content, "base64");
  if (bytes.length === 0 || bytes.length > maxBytes) {
    const mb = maxBytes / 1024 / 1024;
    throw new AppError("INVALID", { zh: `扫描件需小于 ${mb} MB`, en: `The scanned copy must be under ${mb} MB` });
  }
  if (!SCAN_MAGIC[doc.contentType](bytes)) {
    throw new AppError("INVALID", { zh: "扫描件不是有效的 PDF、PNG 或 JPEG 文件", en: "The scanned copy is not a valid PDF, PNG or JPEG file" });
  }
  return bytes;
}
