import "server-only";
import { parseDbId } from "@/server/zod";
import { errorResponse, refusal } from "./error-response";

/** A stored file (base64 from a tRPC procedure, or bytes from a service). */
export interface StoredFile {
  filename: string;
  contentType: string;
  content: string | Uint8Array;
}

const NOT_FOUND = { zh: "未找到文件", en: "File not found" };

/**
 * The download route of a stored file: checks the id, loads the file through a service or a
 * procedure (which decide who may see it), and answers with the bytes, or with a bilingual error
 * and its status. Files are private: never cached, never sniffed.
 */
export async function fileResponse(rawId: string, load: (id: number) => Promise<StoredFile>, disposition: "inline" | "attachment" = "inline") {
  const id = parseDbId(rawId);
  if (id === null) return refusal(404, NOT_FOUND);
  try {
    const file = await load(id);
    const bytes = typeof file.content === "string" ? Buffer.from(file.content, "base64") : file.content;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": file.contentType,
        "content-length": String(bytes.byteLength),
        "content-disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e, "file download");
  }
}
