// The presentation layer: highlight segments (never HTML), reading URL parameters without
// ever failing, and "Nieuw hier?" choosing documents and people per organisation.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActorByEmail } from "~/domain/actor.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { onboardingFor } from "./onboarding.server";
import { readSearchParams, searchFor, segments } from "./search.server";
import { HL_END, HL_START } from "./types";

describe("segments", () => {
  it("turns markers into marked and unmarked text, keeping markup characters as text", () => {
    expect(segments(`a ${HL_START}<b>${HL_END} c`)).toEqual([
      { text: "a ", mark: false },
      { text: "<b>", mark: true },
      { text: " c", mark: false },
    ]);
    expect(segments("")).toEqual([]);
  });
});

describe("readSearchParams", () => {
  it("keeps known facets, drops empty and oversized values, caps the query", () => {
    const url = new URL(
      `http://x/zoeken?q=${"a".repeat(5000)}&keten=wmo&keten=wmo&keten=&thema=${"x".repeat(200)}&onbekend=1&na=${"c".repeat(100)}`,
    );
    const r = readSearchParams(url);
    expect(r.q.length).toBe(1000);
    expect(r.filters).toEqual({ keten: ["wmo"] });
    expect(r.cursor).toBeNull();
  });
});

describe("with the demo world", () => {
  beforeAll(async () => {
    await seedDemoIfEmpty();
  }, 120_000);

  it("searchFor labels facets and presents highlighted hits", async () => {
    const actor = loadActorByEmail("nieuw@incluzio.example")!;
    const r = await searchFor({ actor, q: "warme overdracht", facets: ["soort", "keten"] });
    expect(r.unavailable).toBeNull();
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits[0].title.length + r.hits[0].section.length).toBeGreaterThan(0);
    expect(r.hits.some((h) => [...h.title, ...h.section, ...h.excerpt].some((s) => s.mark))).toBe(true);
    const keten = r.facets.find((f) => f.name === "keten")!;
    expect(keten.label).toBe("Keten");
    expect(keten.values.map((v) => v.label)).toContain("Wmo, Mantelzorg en Gezondheid");
  });

  it("a selected filter value without hits stays listed so it can be switched off", async () => {
    const actor = loadActorByEmail("nieuw@incluzio.example")!;
    const r = await searchFor({ actor, q: "warme overdracht", filters: { thema: ["huiselijk-geweld"] }, facets: ["thema"] });
    expect(r.facets[0].values.find((v) => v.value === "huiselijk-geweld")).toMatchObject({ selected: true, label: "Huiselijk geweld" });
  });

  it("Nieuw hier? puts the documents for one's own audience first, the wegwijzer on top", () => {
    const partner = onboardingFor(loadActorByEmail("aanbieder@zorgvoorbeeld.example")!);
    expect(partner.readFirst[0].slug).toBe("nieuw-hier-wegwijzer");
    // "Werken in de wijk 2027" is marked for wijkteams and the gemeente, not for ketenpartners.
    expect(partner.readFirst.map((d) => d.slug)).not.toContain("werken-in-de-wijk-2027");
    expect(partner.alsoUseful.map((d) => d.slug)).toContain("werken-in-de-wijk-2027");
    // Own keten first in the "whom to ask" list, with its regisseur.
    expect(partner.ketens[0]).toMatchObject({ slug: "wmo-mantelzorg-gezondheid", mine: true });
    expect(partner.ketens[0].people[0].email).toBe("regisseur.wmo@zaanstad.example");

    const wijkteam = onboardingFor(loadActorByEmail("nieuw@incluzio.example")!);
    expect(wijkteam.readFirst.map((d) => d.slug)).toContain("werken-in-de-wijk-2027");
    // Colleagues who write the documents are suggested, never the person themself.
    expect(wijkteam.ketens.flatMap((k) => k.people.map((p) => p.email))).toContain("prof2@incluzio.example");
    expect(wijkteam.ketens.flatMap((k) => k.people.map((p) => p.email))).not.toContain("nieuw@incluzio.example");
    // Each colleague once, however many ketens they come up for.
    for (const who of [wijkteam, partner]) {
      const emails = who.ketens.flatMap((k) => k.people.map((p) => p.email));
      expect(emails.length).toBe(new Set(emails).size);
    }
  });
});
