import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translator } from "@/i18n";
import { messageWith } from "./user-text";

describe("user content inside a message", () => {
  it("puts each value in its place, marked translate=no, in either language", () => {
    const html = (locale: "zh" | "en") =>
      renderToStaticMarkup(createElement("p", null, messageWith(translator(locale), "workspace.welcome", { name: "王建华" })));
    expect(html("en")).toBe('<p>Hello, <span translate="no">王建华</span></p>');
    expect(html("zh")).toBe('<p>您好，<span translate="no">王建华</span></p>');
  });
});
