import "server-only";
import { parseDbId } from "@/server/zod";
import { errorResponse, refusal } from "./error-response";

/** A file to send: bytes, or base64 as a tRPC procedure returns them. */
export interface StoredFile {
  filename: string;
  contentType: string;
  content: string | Uint8Array;
}

export interface FileOptions {
  /** `attachment` (default) saves the file; `inline` lets the browser show it (a PDF) */
  disposition?: "inline" | "attachment";
  /**
   * `private` (default): never stored by the browser or a proxy, for anything that depends on who
   * asks; `public`: the same for everyone (an import template), cacheable for a day
   */
  cache?: "private" | "public";
}

const NOT_FOUND = { zh: "未找到文件", en: "File not found" };

/**
 * `Content-Disposition` with the name twice (RFC 6266): `filename*=UTF-8''…` (RFC 5987, percent
 * encoded UTF-8, which every current browser reads) and a plain `filename="…"` for the rest, in
 * which whatever is not printable ASCII, a quote or a backslash becomes `_`.
 */
export function contentDisposition(filename: string, disposition: "inline" | "attachment" = "attachment"): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987's attr-char does not allow them
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The one way a route sends a file: its type, its length, its name in any language, never
 * sniffed as another type, and not cached unless it is public.
 */
export function fileResponse(file: StoredFile, { disposition = "attachment", cache = "private" }: FileOptions = {}): Response {
  const bytes = typeof file.content === "string" ? Buffer.from(file.content, "base64") : file.content;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(bytes.byteLength),
      "content-disposition": contentDisposition(file.filename, disposition),
      "cache-control": cache === "public" ? "public, max-age=86400" : "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * The download route of a stored file: checks the id, loads the file through a service or a
 * procedure (which decide who may see it), and answers with the bytes (fileResponse), or with a
 * bilingual error and its status.
 */
export async function storedFileResponse(rawId: string, load: (id: number) => Promise<StoredFile>, options: FileOptions = {}) {
  const id = parseDbId(rawId);
  if (id === null) return refusal(404, NOT_FOUND);
  try {
    return fileResponse(await load(id), options);
  } catch (e) {
    return errorResponse(e, "file download");
  }
}
