import { describe, expect, it } from "vitest";
import { translator } from "@/i18n";
import { SEARCH_UNAVAILABLE } from "@/server/search/query";
import { errorMessage, RefusedError } from "./errors";

describe("what a failed call tells the user", () => {
  it("shows a route's bilingual refusal in the user's language, and says so when the server cannot be reached", () => {
    const refusal = new RefusedError(SEARCH_UNAVAILABLE);
    expect(errorMessage(refusal, "zh", translator("zh"))).toBe(SEARCH_UNAVAILABLE.zh);
    expect(errorMessage(refusal, "en", translator("en"))).toBe(SEARCH_UNAVAILABLE.en);
    expect(errorMessage(new RefusedError(null), "zh", translator("zh"))).toBe("操作未完成，请稍后重试。");
    expect(errorMessage(new TypeError("Failed to fetch"), "zh", translator("zh"))).toBe("无法连接服务器，请检查网络后重试。");
  });
});
