import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { catalogueImports, enterprises, MAX_IMPORT_BYTES, parks } from "@/db/schema";
import { recordAudit } from "@/server/audit/audit";
import type { Actor } from "@/server/auth/actor";
import { authorize, can } from "@/server/auth/policy";
import { AppError, notFound, type Bilingual } from "@/server/errors";
import type { RowError } from "@/server/imports/table";
import { drainOnce, enqueue, listenerHandlers } from "@/server/jobs/outbox";
import { notify } from "@/server/notifications/notification.service";
import { normalizeUscc } from "@/server/enterprises/uscc";
import { checkCatalogueHeader, readCatalogue, writeCatalogueRows, type ParsedCatalogue } from "./import";
import { findEnterprise } from "@/server/enterprises/find-enterprise";

/**
 * Catalogue imports as background jobs. Starting one checks the file as a whole (so an unusable
 * file is refused at once), keeps it in PostgreSQL and announces it on the outbox; the worker then
 * imports it a slice at a time, each slice in the outbox's transaction together with its progress,
 * so a crash or a restart resumes where the last slice ended and never writes a row twice. The
 * page polls the job; the CLI runs the same slices itself.
 */

/** Rows written per slice: large enough to be quick, small enough to show progress every second or so. */
export const SLICE_ROWS = 5000;
const EVENT = "catalogue-imports";

const JOB = { zh: "导入任务", en: "Import" };

/** Everything about a job but its file (which can be megabytes). */
const { file: _file, ...jobColumns } = getTableColumns(catalogueImports);

/** A parsed file per job, so the slices of a job read it only once in this process. */
const parsed = new Map<number, ParsedCatalogue>();
function remember(jobId: number, value: ParsedCatalogue) {
  parsed.delete(jobId);
  parsed.set(jobId, value);
  while (parsed.size > 3) parsed.delete(parsed.keys().next().value!);
}


/** The enterprise with this credit code, with its park (the CLI names enterprises this way). */
export async function findEnterpriseByUscc(db: Db, uscc: string) {
  const code = normalizeUscc(uscc);
  const [row] = code
    ? await db
        .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, park: { id: parks.id, code: parks.code, name: parks.name } })
        .from(enterprises)
        .leftJoin(parks, eq(parks.id, enterprises.parkId))
        .where(eq(enterprises.uscc, code))
    : [];
  if (!row) {
    throw new AppError("INVALID", { zh: `未找到统一社会信用代码为 ${uscc} 的企业`, en: `No enterprise with credit code ${uscc}` });
  }
  return row;
}

/** Refuses a file that cannot be a catalogue before anything is stored. */
function checkFile(file: { name: string; bytes: Uint8Array }) {
  if (!/\.(csv|xlsx)$/i.test(file.name)) {
    throw new AppError("INVALID", { zh: "请上传 .csv 或 .xlsx 文件", en: "Upload a .csv or .xlsx file" });
  }
  if (file.bytes.length === 0) throw new AppError("INVALID", { zh: "文件为空", en: "The file is empty" });
  if (file.bytes.length > MAX_IMPORT_BYTES) {
    const mb = MAX_IMPORT_BYTES / 1024 / 1024;
    throw new AppError("INVALID", { zh: `文件超过 ${mb} MB，请拆分后再导入`, en: `The file is larger than ${mb} MB: split it and import the parts` });
  }
}

/** Stores the file as an import job of the enterprise and announces it to the worker. */
export async function startCatalogueImport(db: Db, actor: Actor, input: { enterpriseId: number; file: { name: string; bytes: Uint8Array } }) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "catalogue.edit", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  checkFile(input.file);
  // only the header here (an unusable file is refused at once); the worker reads the rows
  await checkCatalogueHeader(input.file);
  const job = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(catalogueImports)
      .values({ enterpriseId: enterprise.id, createdBy: actor.userId, filename: input.file.name, file: Buffer.from(input.file.bytes), sizeBytes: input.file.bytes.length })
      .returning({ id: catalogueImports.id });
    await enqueue(tx, EVENT, [created!.id]);
    await recordAudit(tx, actor, { entity: "catalogue_import", entityId: created!.id, action: "start", after: { enterpriseId: enterprise.id, filename: input.file.name, bytes: input.file.bytes.length } });
    return created!;
  });
  return getImportJob(db, actor, job.id);
}

/**
 * Imports the next slice of a job inside the caller's transaction. Returns whether the job still
 * has rows to write. Idempotent: a finished job is left alone, and progress is only recorded
 * together with the rows it counts.
 */
export async function runImportSlice(db: Db, jobId: number, sliceRows = SLICE_ROWS): Promise<{ more: boolean }> {
  const [job] = await db.select(jobColumns).from(catalogueImports).where(eq(catalogueImports.id, jobId)).for("update");
  if (!job || job.status === "done" || job.status === "failed") return { more: false };
  let catalogue = parsed.get(jobId);
  if (!catalogue) {
    // the file is read from the database only when this process has not parsed it yet
    const [stored] = await db.select({ file: catalogueImports.file }).from(catalogueImports).where(eq(catalogueImports.id, jobId));
    if (!stored?.file) return fail(db, job.id, { zh: "导入文件已丢失", en: "The import file is missing" });
    try {
      catalogue = await readCatalogue({ name: job.filename, bytes: stored.file });
    } catch (e) {
      const messages = e instanceof AppError ? e.messages : { zh: `无法读取文件：${(e as Error).message}`, en: `Cannot read the file: ${(e as Error).message}` };
      return fail(db, job.id, messages);
    }
    remember(jobId, catalogue);
  }
  // the first slice of a queued job is where its file is read: it records the totals and the rows rejected on reading
  const firstSlice = job.status === "queued";
  const validRows = catalogue.rows.length;
  const slice = catalogue.rows.slice(job.processedRows, job.processedRows + sliceRows);
  // the import was authorized when it started; its rows are audited as its author's
  const author: Actor = { userId: job.createdBy, name: null, platformAdmin: false, enterprises: [], parkIds: [] };
  const written = await writeCatalogueRows(db, author, job.enterpriseId, slice, catalogue.columns);
  const processed = job.processedRows + slice.length;
  const done = processed >= validRows;
  const newlyRejected = firstSlice ? [...catalogue.rejected, ...written.failed] : written.failed;
  const [after] = await db
    .update(catalogueImports)
    .set({
      status: done ? "done" : "running",
      processedRows: processed,
      inserted: sql`${catalogueImports.inserted} + ${written.inserted}`,
      updated: sql`${catalogueImports.updated} + ${written.updated}`,
      ...(firstSlice ? { totalRows: catalogue.total, validRows } : {}),
      rejected: newlyRejected.length ? sql`${catalogueImports.rejected} || ${JSON.stringify(newlyRejected)}::jsonb` : undefined,
      startedAt: job.startedAt ?? new Date(),
      finishedAt: done ? new Date() : null,
      file: done ? null : undefined,
    })
    .where(eq(catalogueImports.id, job.id))
    .returning(jobColumns);
  if (done) {
    parsed.delete(jobId);
    const rejected = (after!.rejected as RowError[]).length;
    await notify(db, { enterpriseId: job.enterpriseId, userId: job.createdBy }, "catalogue.import_done", {
      zh: `产品目录“${job.filename}”导入完成：新增 ${after!.inserted} 条，更新 ${after!.updated} 条，拒绝 ${rejected} 条。`,
      en: `Catalogue "${job.filename}" imported: ${after!.inserted} added, ${after!.updated} updated, ${rejected} rejected.`,
      href: `/enterprise/products/import?enterprise=${job.enterpriseId}&job=${job.id}`,
    });
  }
  return { more: !done };
}

async function fail(db: Db, jobId: number, error: Bilingual) {
  await db
    .update(catalogueImports)
    .set({ status: "failed", error, finishedAt: new Date(), file: null })
    .where(eq(catalogueImports.id, jobId));
  parsed.delete(jobId);
  return { more: false };
}

/**
 * The worker's handler: one slice of each announced job. When rows remain, the job is announced
 * again *before* the slice is written, so the next pass takes it up together with the search
 * sync of this slice (the outbox delivers in order of announcement). `listener` is "import" in
 * the product; a test may listen under its own name so that no other test's worker takes its jobs.
 */
export function catalogueImportHandlers<L extends string = "import">(listener: L = "import" as L, sliceRows = SLICE_ROWS) {
  return listenerHandlers(listener, {
    [EVENT]: async (db, ids) => {
      for (const id of ids.map(Number)) {
        const [job] = await db
          .select({ validRows: catalogueImports.validRows, processedRows: catalogueImports.processedRows, status: catalogueImports.status })
          .from(catalogueImports)
          .where(eq(catalogueImports.id, id));
        if (!job || job.status === "done" || job.status === "failed") continue;
        // a queued job's size is known only once its file is read in the slice below: announce it again to be safe
        if (job.status === "queued" || job.validRows - job.processedRows > sliceRows) await enqueue(db, EVENT, [id]);
        await runImportSlice(db, id, sliceRows);
      }
    },
  });
}

export const CATALOGUE_IMPORT_HANDLERS = catalogueImportHandlers();

/** A job without progress for this long has lost its worker (the page says so; the outbox retries it). */
const STALLED_MS = 5 * 60_000;

function jobView(row: Omit<typeof catalogueImports.$inferSelect, "file">, options: { rejectedLimit?: number } = {}) {
  // stored as jsonb, which keeps no key order: give each error back in the order people read it
  const rejected = (row.rejected as RowError[]).map(({ row, column, zh, en }) => ({ row, column, zh, en }));
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    filename: row.filename,
    status: row.status,
    totalRows: row.totalRows,
    validRows: row.validRows,
    processedRows: row.processedRows,
    inserted: row.inserted,
    updated: row.updated,
    rejectedCount: rejected.length,
    rejected: options.rejectedLimit === undefined ? rejected : rejected.slice(0, options.rejectedLimit),
    error: (row.error as Bilingual | null) ?? null,
    /** 0–1: the share of valid rows written */
    progress: row.validRows === 0 ? (row.status === "done" ? 1 : 0) : row.processedRows / row.validRows,
    stalled: (row.status === "queued" || row.status === "running") && Date.now() - row.updatedAt.getTime() > STALLED_MS,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}
export type ImportJobView = ReturnType<typeof jobView>;

/** One import job with its result so far (at most 1000 rejected rows; the count says how many in all). */
export async function getImportJob(db: Db, actor: Actor, id: number, options: { rejectedLimit?: number } = { rejectedLimit: 1000 }) {
  const [row] = await db.select(jobColumns).from(catalogueImports).where(eq(catalogueImports.id, id));
  if (!row) throw notFound(JOB);
  const enterprise = await findEnterprise(db, row.enterpriseId);
  authorize(actor, { type: "catalogue.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  return jobView(row, options);
}

/** An enterprise's recent imports, newest first, for the import page. */
export async function listImportJobs(db: Db, actor: Actor, input: { enterpriseId: number; limit: number }) {
  const enterprise = await findEnterprise(db, input.enterpriseId);
  authorize(actor, { type: "catalogue.view", enterpriseId: enterprise.id, parkId: enterprise.parkId });
  const rows = await db
    .select(jobColumns)
    .from(catalogueImports)
    .where(and(eq(catalogueImports.enterpriseId, enterprise.id)))
    .orderBy(desc(catalogueImports.createdAt), desc(catalogueImports.id))
    .limit(input.limit);
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, nameEn: enterprise.nameEn },
    items: rows.map((r) => jobView(r, { rejectedLimit: 0 })),
    allowed: { import: can(actor, { type: "catalogue.edit", enterpriseId: enterprise.id, parkId: enterprise.parkId }) },
  };
}

/**
 * Imports a file to the end, in this process (the CLI): the same job and slices as the worker,
 * drained here. Safe beside a running web server: outbox rows are taken with SKIP LOCKED. (Search
 * sync is left to the caller: on two cores it is quicker after the import than beside it.)
 */
export async function importCatalogueNow(
  db: Db,
  actor: Actor,
  input: { enterpriseId: number; file: { name: string; bytes: Uint8Array } },
  options: { listener?: string; onProgress?: (job: ImportJobView) => void } = {},
): Promise<ImportJobView> {
  const started = await startCatalogueImport(db, actor, input);
  const handlers = catalogueImportHandlers(options.listener);
  let failures = 0;
  for (;;) {
    const job = await getImportJob(db, actor, started.id, {});
    options.onProgress?.(job);
    if (job.status === "done" || job.status === "failed") return job;
    const pass = await drainOnce(db, handlers, { batchSize: 100 });
    if (pass.error && ++failures >= 3) {
      // the rows written so far stay, and the job resumes when the worker (or the next run) retries it
      throw new AppError("UNAVAILABLE", { zh: `导入中断，稍后将自动继续：${pass.error}`, en: `The import was interrupted and will resume later: ${pass.error}` });
    }
    // another worker holds the job's slice: give it a moment
    if (pass.delivered === 0) await new Promise((r) => setTimeout(r, 200));
  }
}
