// Issue 16: the start page's "nieuw sinds uw laatste bezoek" lists the notices that arrived
// since the previous visit; moving around within one visit does not reset it.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/client.server";
import { seedDemoIfEmpty } from "~/domain/seed/index.server";
import { loadActorByEmail } from "~/domain/actor.server";
import { notify } from "~/domain/notify.server";
import { newSinceLastVisit } from "~/domain/notices/visits.server";
import { setClock } from "~/utils/clock.server";

beforeAll(async () => {
  setClock("2026-12-02T08:00:00Z");
  await seedDemoIfEmpty();
}, 60_000);

describe("nieuw sinds uw laatste bezoek", () => {
  it("shows nothing on the first visit, then the notices since the previous visit", () => {
    const me = loadActorByEmail("prof2@incluzio.example")!;
    expect(newSinceLastVisit(me).since).toBeNull();
    setClock("2026-12-02T09:00:00Z");
    getDb().transaction((tx) => notify(tx, [me.id], { kind: "proposal_status", title: "Iets nieuws voor u", body: "", link: "/meldingen" }));
    setClock("2026-12-02T12:00:00Z");
    const next = newSinceLastVisit(me);
    expect(next.since).toMatch(/^2026-12-02T08:0/); // the clock runs on from the time set
    expect(next.items.map((i) => i.title)).toEqual(["Iets nieuws voor u"]);
    // Within the same visit (minutes later) the same notices still count as new.
    setClock("2026-12-02T12:10:00Z");
    expect(newSinceLastVisit(me).count).toBe(1);
    // The next visit starts from this one: nothing new since.
    setClock("2026-12-03T08:00:00Z");
    expect(newSinceLastVisit(me).count).toBe(0);
  });
});
