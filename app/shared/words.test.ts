import { describe, expect, it } from "vitest";
import { formatNumber, plural } from "./plural";
import { personSchema } from "./schemas";
import { reportSignalSchema } from "./signal-forms";

describe("Dutch counts", () => {
  it("uses the singular only for exactly one", () => {
    expect(plural(1, "actieve medewerker", "actieve medewerkers")).toBe("1 actieve medewerker");
    expect(plural(2, "actieve medewerker", "actieve medewerkers")).toBe("2 actieve medewerkers");
    expect(plural(0, "reactie", "reacties")).toBe("0 reacties");
    expect(plural(1.5, "werkdag", "werkdagen")).toBe("1,5 werkdagen");
  });

  it("writes numbers the Dutch way", () => {
    expect(formatNumber(1500)).toBe("1.500");
    expect(formatNumber(5000)).toBe("5.000");
  });
});

describe("choice errors agree with the noun", () => {
  const messageFor = (r: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }, field: string) =>
    r.error?.issues.find((i) => i.path[0] === field)?.message;

  it("says 'een geldig thema' (het-woord) and 'een geldige keten' (de-woord)", () => {
    const r = reportSignalSchema.safeParse({ title: "T", description: "B", ketenId: "x", themaId: "x", documentId: "x" });
    expect(r.success).toBe(false);
    expect(messageFor(r, "themaId")).toBe("Kies een geldig thema.");
    expect(messageFor(r, "ketenId")).toBe("Kies een geldige keten.");
    expect(messageFor(r, "documentId")).toBe("Kies een geldig document.");
  });

  it("keeps 'een geldige organisatie'", () => {
    const r = personSchema.safeParse({ name: "A", email: "a@b.nl", organisationId: "abc" });
    expect(messageFor(r, "organisationId")).toBe("Kies een geldige organisatie.");
  });
});
