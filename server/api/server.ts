import "server-only";
import { cache } from "react";
import { createContext } from "./trpc";
import { createCaller } from "./root";

/** Server components call the same router as the browser does, through this caller. */
export const api = cache(async () => createCaller(await createContext()));
