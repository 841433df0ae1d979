import { describe, expect, it } from "vitest";
import { reloadEnv } from "~/utils/env.server";
import { bodyLimitFor, bodyLimits, dutchErrorPage } from "./http-guards";

describe("body limits per path prefix", () => {
  it("uses 1 MB for forms and the longest matching prefix from BODY_LIMITS", () => {
    process.env.BODY_LIMITS = "/documenten/=20000000, /documenten/visie/=5000 ,nonsense";
    // Env is validated once and cached; a test that changes it reloads it.
    reloadEnv();
    try {
      const limits = bodyLimits();
      expect(bodyLimitFor("/signalen/nieuw", limits)).toBe(1_000_000);
      expect(bodyLimitFor("/documenten/werkafspraken/importeren", limits)).toBe(20_000_000);
      expect(bodyLimitFor("/documenten/visie/importeren", limits)).toBe(5000);
    } finally {
      delete process.env.BODY_LIMITS;
      reloadEnv();
    }
    expect(bodyLimitFor("/documenten/x", bodyLimits())).toBe(1_000_000);
  });

  it("renders a Dutch page with the text escaped", () => {
    const html = dutchErrorPage(413, "Te groot", "<b>x</b>");
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Foutcode 413");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
});
