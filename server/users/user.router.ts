import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { addMemberInput, listUsersInput, setUserDisabledInput } from "./user.schemas";
import * as users from "./user.service";

export const userRouter = router({
  me: publicProcedure.query(({ ctx }) => users.me(ctx.db, ctx.actor)),
  addMember: protectedProcedure.input(addMemberInput).mutation(({ ctx, input }) => users.addMember(ctx.db, ctx.actor, input)),
  list: protectedProcedure.input(listUsersInput).query(({ ctx, input }) => users.listUsers(ctx.db, ctx.actor, input)),
  setDisabled: protectedProcedure
    .input(setUserDisabledInput)
    .mutation(({ ctx, input }) => users.setUserDisabled(ctx.db, ctx.actor, input)),
});
