// AVG requests: everything the portal holds about one person (inzage) as JSON and readable
// HTML, and removal on request: the account is gone (no login, no e-mail address, no name),
// the person's contributions stay under the organisation's name, and the audit log records
// who removed whom (by id: the name itself is what was removed).
import { and, asc, eq, or } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Actor } from "~/domain/actor.server";
import { audit } from "~/domain/audit.server";
import { DomainError } from "~/domain/errors";
import { assertCanAdminister } from "~/domain/policy.server";
import { enqueueSearch } from "~/domain/search-outbox.server";
import { escapeHtml } from "~/domain/consultation/reactienota.server";
import { nowIso } from "~/utils/clock.server";

export type PersonExport = {
  exportedAt: string;
  profile: { id: number; name: string; email: string; functie: string; active: boolean; createdAt: string; organisation: string; hasPassword: boolean; removedAt: string | null };
  roles: string[];
  comments: { id: number; proposalId: number; proposal: string; stance: string; quote: string | null; text: string; createdAt: string }[];
  signalsReported: { id: number; title: string; description: string; status: string; createdAt: string }[];
  signalRecognitions: { signalId: number; createdAt: string }[];
  signalsFollowed: number[];
  notifications: { title: string; createdAt: string; readAt: string | null }[];
  emails: { to: string; subject: string; createdAt: string; sentAt: string | null }[];
  sessions: { createdAt: string; expiresAt: string; userAgent: string }[];
  auditEntries: { id: number; at: string; action: string; entityType: string; entityId: string; role: "uitgevoerd" | "betreft" }[];
};

function loadPerson(personId: number) {
  const row = getDb()
    .select({ person: schema.people, organisation: schema.organisations.name, removedAt: schema.personRemovals.removedAt })
    .from(schema.people)
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.people.organisationId))
    .leftJoin(schema.personRemovals, eq(schema.personRemovals.personId, schema.people.id))
    .where(eq(schema.people.id, personId))
    .get();
  if (!row) throw new DomainError(404, "Deze persoon bestaat niet.");
  return row;
}

/** Everything about one person; every query is keyed on that person's id. */
export function exportPerson({ actor, personId }: { actor: Actor; personId: number }): PersonExport {
  assertCanAdminister(actor);
  const db = getDb();
  const { person, organisation, removedAt } = loadPerson(personId);
  const s = schema;
  return {
    exportedAt: nowIso(),
    profile: {
      id: person.id,
      name: person.name,
      email: person.email,
      functie: person.functie,
      active: person.active,
      createdAt: person.createdAt,
      organisation,
      hasPassword: person.passwordHash !== null,
      removedAt: removedAt ?? null,
    },
    roles: db.select({ role: s.personRoles.role }).from(s.personRoles).where(eq(s.personRoles.personId, personId)).all().map((r) => r.role),
    comments: db
      .select({ id: s.proposalComments.id, proposalId: s.proposalComments.proposalId, proposal: s.proposals.title, stance: s.proposalComments.stance, quote: s.proposalComments.quote, text: s.proposalComments.text, createdAt: s.proposalComments.createdAt })
      .from(s.proposalComments)
      .innerJoin(s.proposals, eq(s.proposals.id, s.proposalComments.proposalId))
      .where(eq(s.proposalComments.authorId, personId))
      .orderBy(asc(s.proposalComments.id))
      .all(),
    signalsReported: db
      .select({ id: s.signals.id, title: s.signals.title, description: s.signals.description, status: s.signals.status, createdAt: s.signals.createdAt })
      .from(s.signals)
      .where(eq(s.signals.reporterId, personId))
      .orderBy(asc(s.signals.id))
      .all(),
    signalRecognitions: db.select({ signalId: s.signalRecognitions.signalId, createdAt: s.signalRecognitions.createdAt }).from(s.signalRecognitions).where(eq(s.signalRecognitions.personId, personId)).all(),
    signalsFollowed: db.select({ id: s.signalFollowers.signalId }).from(s.signalFollowers).where(eq(s.signalFollowers.personId, personId)).all().map((r) => r.id),
    notifications: db.select({ title: s.notifications.title, createdAt: s.notifications.createdAt, readAt: s.notifications.readAt }).from(s.notifications).where(eq(s.notifications.personId, personId)).all(),
    emails: db.select({ to: s.emails.to, subject: s.emails.subject, createdAt: s.emails.createdAt, sentAt: s.emails.sentAt }).from(s.emails).where(eq(s.emails.personId, personId)).all(),
    sessions: db.select({ createdAt: s.sessions.createdAt, expiresAt: s.sessions.expiresAt, userAgent: s.sessions.userAgent }).from(s.sessions).where(eq(s.sessions.personId, personId)).all(),
    auditEntries: db
      .select({ id: s.auditLog.id, at: s.auditLog.at, action: s.auditLog.action, entityType: s.auditLog.entityType, entityId: s.auditLog.entityId, actorId: s.auditLog.actorId })
      .from(s.auditLog)
      .where(or(eq(s.auditLog.actorId, personId), and(eq(s.auditLog.entityType, "person"), eq(s.auditLog.entityId, String(personId)))))
      .orderBy(asc(s.auditLog.id))
      .all()
      .map(({ actorId, ...e }) => ({ ...e, role: actorId === personId ? ("uitgevoerd" as const) : ("betreft" as const) })),
  };
}

function table(headers: string[], rows: (string | number | null)[][]): string {
  if (!rows.length) return "<p>Geen gegevens.</p>";
  const th = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c === null ? "" : String(c))}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** The same export as a page a person can read (sent with the answer to an inzageverzoek). */
export function personExportHtml(e: PersonExport): string {
  const p = e.profile;
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Gegevens van ${escapeHtml(p.name)} · Ketenportaal</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}</style></head>
<body>
<h1>Gegevens van ${escapeHtml(p.name)} in Ketenportaal</h1>
<p>Overzicht van alle gegevens die het portaal over deze persoon bewaart, gemaakt op ${escapeHtml(e.exportedAt)}.</p>
<h2>Profiel</h2>
${table(["Naam", "E-mailadres", "Functie", "Organisatie", "Actief", "Aangemaakt"], [[p.name, p.email, p.functie, p.organisation, p.active ? "ja" : "nee", p.createdAt]])}
<h2>Rollen</h2>
${e.roles.length ? `<ul>${e.roles.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>` : "<p>Geen rollen.</p>"}
<h2>Reacties op wijzigingsvoorstellen</h2>
${table(["Voorstel", "Standpunt", "Citaat", "Reactie", "Datum"], e.comments.map((c) => [c.proposal, c.stance, c.quote, c.text, c.createdAt]))}
<h2>Gemelde signalen</h2>
${table(["Titel", "Beschrijving", "Status", "Datum"], e.signalsReported.map((s) => [s.title, s.description, s.status, s.createdAt]))}
<h2>Herkende en gevolgde signalen</h2>
<p>Herkend: ${e.signalRecognitions.length}; gevolgd: ${e.signalsFollowed.length}.</p>
<h2>Meldingen en e-mail</h2>
${table(["Onderwerp", "Aan", "Aangemaakt", "Verstuurd"], e.emails.map((m) => [m.subject, m.to, m.createdAt, m.sentAt]))}
<h2>Sessies</h2>
${table(["Begonnen", "Verloopt", "Browser"], e.sessions.map((s) => [s.createdAt, s.expiresAt, s.userAgent]))}
<h2>Auditlog</h2>
${table(["Moment", "Handeling", "Soort", "Id", "Rol van deze persoon"], e.auditEntries.map((a) => [a.at, a.action, a.entityType, a.entityId, a.role]))}
</body></html>
`;
}

/**
 * Remove a person on request. The people row becomes a tombstone named after the organisation,
 * so comments, signals and audit entries keep pointing somewhere and read "DOCK" instead of
 * the person; everything that only concerned the person (roles, sessions, notifications,
 * e-mail, follows) is deleted.
 */
export function removePerson({ actor, personId }: { actor: Actor; personId: number }): { organisation: string } {
  assertCanAdminister(actor);
  if (actor.id === personId) throw new DomainError(409, "U kunt uw eigen account niet verwijderen; vraag een andere beheerder.");
  const { person, organisation, removedAt } = loadPerson(personId);
  if (removedAt) throw new DomainError(409, "Deze persoon is al verwijderd.");
  const s = schema;
  getDb().transaction((tx) => {
    tx.update(s.people)
      .set({ name: organisation, email: `verwijderd-${person.id}@verwijderd.invalid`, functie: "", passwordHash: null, active: false })
      .where(eq(s.people.id, personId))
      .run();
    tx.delete(s.personRoles).where(eq(s.personRoles.personId, personId)).run();
    tx.delete(s.sessions).where(eq(s.sessions.personId, personId)).run();
    tx.delete(s.notifications).where(eq(s.notifications.personId, personId)).run();
    tx.delete(s.emails).where(eq(s.emails.personId, personId)).run();
    tx.delete(s.signalFollowers).where(eq(s.signalFollowers.personId, personId)).run();
    tx.insert(s.personRemovals).values({ personId, removedAt: nowIso(), removedBy: actor.id }).run();
    audit({ actorId: actor.id, action: "person.removed", entityType: "person", entityId: personId, after: { organisation } }, tx);
    enqueueSearch(tx, "person", personId, "remove");
    // Search entries that showed the person's name as reporter are rebuilt with the organisation's.
    for (const sig of tx.select({ id: s.signals.id }).from(s.signals).where(eq(s.signals.reporterId, personId)).all()) enqueueSearch(tx, "signal", sig.id);
  });
  return { organisation };
}
