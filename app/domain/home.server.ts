// What the start page shows a person: only what concerns them, nothing invented.
import { inArray } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import type { Actor } from "./actor.server";
import { listNotifications } from "./notify.server";
import { invitationsFor, managedProposalsFor } from "./consultation/proposals.server";
import { signalsForHome } from "./signals/queries.server";
import { documentsForHome } from "./documents/documents.server";
import { pendingOffersFor } from "./documents/publishing.server";

export function homeFor(actor: Actor) {
  const db = getDb();
  const ketenIds = [...new Set([...actor.memberKetenIds, ...actor.regisseurOfKetenIds])];
  const ketens = ketenIds.length
    ? db.select({ id: schema.ketens.id, slug: schema.ketens.slug, name: schema.ketens.name }).from(schema.ketens).where(inArray(schema.ketens.id, ketenIds)).all()
    : [];
  return {
    ketens: ketens.map((k) => ({ ...k, isRegisseur: actor.regisseurOfKetenIds.includes(k.id) })),
    notifications: listNotifications(actor.id, 5),
    proposals: { invited: invitationsFor(actor), managed: managedProposalsFor(actor) },
    signals: signalsForHome(actor),
    documents: documentsForHome({ actor }).slice(0, 8),
    /** Drafts offered for publication on documents this person owns (issue 12). */
    offers: pendingOffersFor(actor),
  };
}
