CREATE TABLE "enterprise_catalogue" (
	"enterprise_id" integer PRIMARY KEY NOT NULL,
	"active_products" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_catalogue" ADD CONSTRAINT "enterprise_catalogue_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- kept by the database itself, whichever path writes products (the editor, imports, the seed, the
-- CLI): once per statement, from the rows it changed (transition tables), in enterprise order so
-- that two writers wait for each other rather than deadlock
CREATE FUNCTION "enterprise_catalogue_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO "enterprise_catalogue" AS c ("enterprise_id", "active_products")
		SELECT "enterprise_id", count(*) FROM new_rows WHERE "retired_at" IS NULL GROUP BY "enterprise_id" ORDER BY "enterprise_id"
		ON CONFLICT ("enterprise_id") DO UPDATE SET "active_products" = c."active_products" + EXCLUDED."active_products";
	ELSIF TG_OP = 'DELETE' THEN
		UPDATE "enterprise_catalogue" c SET "active_products" = c."active_products" - o.n
		FROM (SELECT "enterprise_id", count(*) AS n FROM old_rows WHERE "retired_at" IS NULL GROUP BY "enterprise_id" ORDER BY "enterprise_id") o
		WHERE c."enterprise_id" = o."enterprise_id";
	ELSE
		INSERT INTO "enterprise_catalogue" AS c ("enterprise_id", "active_products")
		SELECT "enterprise_id", sum(d) FROM (
			SELECT "enterprise_id", 1 AS d FROM new_rows WHERE "retired_at" IS NULL
			UNION ALL
			SELECT "enterprise_id", -1 FROM old_rows WHERE "retired_at" IS NULL
		) x GROUP BY "enterprise_id" HAVING sum(d) <> 0 ORDER BY "enterprise_id"
		ON CONFLICT ("enterprise_id") DO UPDATE SET "active_products" = c."active_products" + EXCLUDED."active_products";
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "enterprise_catalogue_insert" AFTER INSERT ON "product" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "enterprise_catalogue_count"();
--> statement-breakpoint
CREATE TRIGGER "enterprise_catalogue_update" AFTER UPDATE ON "product" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "enterprise_catalogue_count"();
--> statement-breakpoint
CREATE TRIGGER "enterprise_catalogue_delete" AFTER DELETE ON "product" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "enterprise_catalogue_count"();
--> statement-breakpoint
INSERT INTO "enterprise_catalogue" ("enterprise_id", "active_products")
SELECT "enterprise_id", count(*) FROM "product" WHERE "retired_at" IS NULL GROUP BY "enterprise_id";
