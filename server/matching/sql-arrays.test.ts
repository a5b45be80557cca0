import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { intArray, textArray } from "./sql-arrays";

describe("lists as one array parameter", () => {
  it("are one parameter the planner sees, whatever their length", () => {
    const query = new PgDialect().sqlToQuery(sql`SELECT 1 WHERE 'a' = ANY(${textArray(["a", "b", "c"])}) AND 1 = ANY(${intArray([1, 2])})`);
    expect(query.sql).toBe("SELECT 1 WHERE 'a' = ANY($1::text[]) AND 1 = ANY($2::int[])");
    expect(query.params).toEqual([["a", "b", "c"], [1, 2]]);
  });

  it("carry any text unchanged, and may be empty", async () => {
    const texts = ["a,b", 'c"d', "e\\f", "{g}", "h i", "", "NULL", "甲醇", "it's", "%_"];
    const [row] = await getDb().execute<{ texts: string[]; n: number; ints: number[]; none: string[]; noInts: number[] }>(sql`
      SELECT ${textArray(texts)} AS texts, cardinality(${textArray(texts)}) AS n, ${intArray([3, -1, 2_000_000_000])} AS ints,
        ${textArray([])} AS none, ${intArray([])} AS "noInts"`);
    expect(row!.texts).toEqual(texts);
    expect(row!.n).toBe(texts.length);
    expect(row!.ints).toEqual([3, -1, 2_000_000_000]);
    expect(row!.none).toEqual([]);
    expect(row!.noInts).toEqual([]);
  });
});
