import { publicProcedure, router } from "@/server/api/trpc";
import { searchEnterprises } from "./query";
import { searchEnterprisesInput, searchProductsInput } from "./search.schemas";
import { searchWithHelp } from "./suggest";

// Search is open to every visitor; the compliance rules decide what each hit shows.
export const searchRouter = router({
  products: publicProcedure.input(searchProductsInput).query(({ ctx, input }) => searchWithHelp(ctx.db, ctx.actor, input)),
  enterprises: publicProcedure.input(searchEnterprisesInput).query(({ input }) => searchEnterprises(input)),
});
