// The bewaartermijnen: one entry per kind of record. Adding a kind is adding one entry here;
// the beheer page, the scheduler and the audit count pick it up. Defaults and their reasons
// are in docs/decisions/503-retention-defaults.md.
import { and, eq, inArray, isNotNull, lt, notExists, sql } from "drizzle-orm";
import { schema, type Tx } from "~/db/client.server";
import { enqueueSearch } from "~/domain/search-outbox.server";

const YEAR = 365;

export type RetentionKind = {
  kind: string;
  label: string;
  /** Counted from what (shown on the beheer page). */
  from: string;
  action: "verwijderd" | "geanonimiseerd";
  defaultDays: number;
  /** Why this default: the owner's words on the beheer page and in the decision record. */
  reason: string;
  /** The smallest term a beheerder may set (e.g. an audit log shorter than a year is not allowed). */
  minDays: number;
  /** Remove or anonymise what is older than `cutoff` (ISO); returns how many records. Runs inside one transaction. */
  apply: (tx: Tx, cutoff: string) => number;
};

export const SIGNAL_ANONYMISED_TITLE = "Signaal geanonimiseerd na de bewaartermijn";

export const RETENTION_KINDS: RetentionKind[] = [
  {
    kind: "signals",
    label: "Signalen",
    from: "na afsluiten",
    action: "geanonimiseerd",
    defaultDays: 5 * YEAR,
    minDays: YEAR,
    reason:
      "Vijf jaar na afsluiten is een signaal niet meer nodig om de afhandeling te verantwoorden. De telling per keten, thema, wijk en maand blijft bestaan; titel, beschrijving, terugkoppeling en toelichtingen worden gewist.",
    apply: (tx, cutoff) => {
      const due = tx
        .select({ id: schema.signals.id })
        .from(schema.signals)
        .where(
          and(
            isNotNull(schema.signals.closedAt),
            lt(schema.signals.closedAt, cutoff),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(schema.retentionDone)
                .where(and(eq(schema.retentionDone.kind, "signals"), eq(schema.retentionDone.entityId, sql`cast(${schema.signals.id} as text)`))),
            ),
          ),
        )
        .all()
        .map((r) => r.id);
      if (!due.length) return 0;
      tx.update(schema.signals)
        .set({ title: SIGNAL_ANONYMISED_TITLE, description: "", feedback: "", statusReason: "", documentAnchor: "" })
        .where(inArray(schema.signals.id, due))
        .run();
      tx.update(schema.signalTransitions).set({ note: "" }).where(inArray(schema.signalTransitions.signalId, due)).run();
      for (const id of due) {
        tx.insert(schema.retentionDone).values({ kind: "signals", entityId: String(id) }).run();
        enqueueSearch(tx, "signal", id, "remove");
      }
      return due.length;
    },
  },
  {
    kind: "audit_log",
    label: "Auditlog",
    from: "na de handeling",
    action: "verwijderd",
    defaultDays: 7 * YEAR,
    minDays: YEAR,
    reason: "Zeven jaar: de fiscale en bestuurlijke verantwoordingstermijn waarbinnen wie-deed-wat nog gevraagd kan worden.",
    apply: (tx, cutoff) => tx.delete(schema.auditLog).where(lt(schema.auditLog.at, cutoff)).run().changes,
  },
  {
    kind: "emails",
    label: "Uitgaande e-mail",
    from: "na aanmaken",
    action: "verwijderd",
    defaultDays: 90,
    minDays: 7,
    reason: "Negentig dagen: lang genoeg om een bezorgprobleem na te gaan; de inhoud staat ook in het portaal zelf.",
    apply: (tx, cutoff) => tx.delete(schema.emails).where(lt(schema.emails.createdAt, cutoff)).run().changes,
  },
  {
    kind: "sessions",
    label: "Sessies",
    from: "na verlopen",
    action: "verwijderd",
    defaultDays: 0,
    minDays: 0,
    reason: "Een verlopen sessie heeft geen nut meer en verwijst naar een persoon en een browser.",
    apply: (tx, cutoff) => tx.delete(schema.sessions).where(lt(schema.sessions.expiresAt, cutoff)).run().changes,
  },
  // Branch "search" adds: { kind: "search_misses", label: "Zoekvragen zonder resultaat", defaultDays: 90, ... }.
];

export function retentionKind(kind: string): RetentionKind | undefined {
  return RETENTION_KINDS.find((k) => k.kind === kind);
}
