CREATE TABLE "substance_name" (
	"cas" text NOT NULL,
	"name" text NOT NULL,
	"lower" text NOT NULL,
	"length" integer NOT NULL,
	CONSTRAINT "substance_name_cas_name_pk" PRIMARY KEY("cas","name")
);
--> statement-breakpoint
ALTER TABLE "substance_name" ADD CONSTRAINT "substance_name_cas_substance_cas_fk" FOREIGN KEY ("cas") REFERENCES "public"."substance"("cas") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "substance_name_length_idx" ON "substance_name" USING btree ("length");--> statement-breakpoint
-- kept by the database itself, whichever path writes the dictionary (a reload, park staff's corrections)
CREATE FUNCTION "substance_names_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		DELETE FROM "substance_name" WHERE "cas" = OLD."cas";
	END IF;
	INSERT INTO "substance_name" ("cas", "name", "lower", "length")
	SELECT DISTINCT NEW."cas", n, lower(n), char_length(n)
	FROM unnest(ARRAY[coalesce(NEW."curated_name_zh", NEW."name_zh"), coalesce(NEW."curated_name_en", NEW."name_en")] || NEW."aliases" || NEW."curated_aliases") AS n
	WHERE n IS NOT NULL AND n <> '' AND NOT (n = ANY(NEW."curated_hidden_aliases"));
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "substance_names_insert" AFTER INSERT ON "substance" FOR EACH ROW EXECUTE FUNCTION "substance_names_refresh"();
--> statement-breakpoint
CREATE TRIGGER "substance_names_update" AFTER UPDATE OF "name_zh", "name_en", "aliases", "curated_name_zh", "curated_name_en", "curated_aliases", "curated_hidden_aliases" ON "substance" FOR EACH ROW EXECUTE FUNCTION "substance_names_refresh"();
--> statement-breakpoint
INSERT INTO "substance_name" ("cas", "name", "lower", "length")
SELECT DISTINCT s."cas", n, lower(n), char_length(n)
FROM "substance" s, unnest(ARRAY[coalesce(s."curated_name_zh", s."name_zh"), coalesce(s."curated_name_en", s."name_en")] || s."aliases" || s."curated_aliases") AS n
WHERE n IS NOT NULL AND n <> '' AND NOT (n = ANY(s."curated_hidden_aliases"));
