// Demo margin comments (voorbeeldinhoud, illustrative only): on the running demo proposal
// (startgesprekken door Werkom) a Werkom suggestion with a reply from the regisseur, and on the
// draft of the Wmo werkafspraken two comments with a thread and an @mention. Written straight
// into the tables (anchored in the rooms like real comments), so the demo does not depend on
// the clock; a quote that is not in the text is skipped with a log line.
import { and, eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { docRoom, proposalRoom } from "~/shared/collab";
import { nowIso } from "~/utils/clock.server";
import { RoomText } from "./anchors.server";

type Person = { id: number; organisationId: number };

function person(email: string): Person | null {
  return getDb().select({ id: schema.people.id, organisationId: schema.people.organisationId }).from(schema.people).where(eq(schema.people.email, email)).get() ?? null;
}

function reply(kind: "draft" | "proposal", commentId: number, who: Person, text: string) {
  getDb()
    .insert(schema.commentReplies)
    .values({ ...(kind === "draft" ? { draftCommentId: commentId } : { proposalCommentId: commentId }), authorId: who.id, organisationId: who.organisationId, text, createdAt: nowIso() })
    .run();
}

export function seedMarginComments(log: (m: string) => void = () => {}): number {
  const db = getDb();
  let count = 0;
  const regisseur = person("regisseur.participatie@zaanstad.example");
  const werkom = person("werkom@werkom.example");
  const dock = person("professional@dock.example");
  const proposal = db
    .select({ id: schema.proposals.id })
    .from(schema.proposals)
    .innerJoin(schema.documents, eq(schema.proposals.documentId, schema.documents.id))
    .where(and(eq(schema.proposals.status, "in_consultatie"), eq(schema.documents.slug, "werkafspraken-participatieketen")))
    .get();
  if (proposal && regisseur && werkom && dock) {
    const room = new RoomText(proposalRoom(proposal.id));
    const suggestion = room.anchor("heeft per wijkteam een vaste contactpersoon", "");
    if (suggestion) {
      const c = db
        .insert(schema.proposalComments)
        .values({
          proposalId: proposal.id,
          authorId: werkom.id,
          organisationId: werkom.organisationId,
          stance: "steun",
          quote: suggestion.quote,
          quotePrefix: suggestion.prefix,
          quoteSuffix: suggestion.suffix,
          anchorStart: suggestion.start,
          anchorEnd: suggestion.end,
          text: "Bij ziekte of vakantie moet een wijkteam ons ook kunnen bereiken. Wij stellen voor een vervanger te noemen.",
          suggestion: "heeft per wijkteam een vaste contactpersoon en een vervanger bij afwezigheid",
          createdAt: nowIso(),
        })
        .returning({ id: schema.proposalComments.id })
        .get();
      reply("proposal", c.id, regisseur, "Goed punt. Kan Werkom de vervangers per gebied vóór de ingangsdatum aanleveren?");
      reply("proposal", c.id, werkom, "Ja, dat lijstje sturen we mee met de planning van de participatiemedewerkers.");
      count++;
    } else log("Kantlijn: passage voor het tekstvoorstel niet gevonden in het lopende voorstel.");
  }
  const wmo = db.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.slug, "werkafspraken-wmo-keten")).get();
  const marco = person("regisseur.wmo@zaanstad.example");
  const sanne = person("contractmanager@zaanstad.example");
  if (wmo && marco && sanne) {
    const room = new RoomText(docRoom(wmo.id));
    const items: { who: Person; quote: string; text: string; replies: [Person, string][] }[] = [
      {
        who: sanne,
        quote: "zij worden vooraf betrokken bij wijzigingen die hun werk raken",
        text: "Hoe ver vooraf? In de contracten staat niets over een termijn. @Marco de Vries, nemen we hier zes weken op, zoals bij de pilot?",
        replies: [[marco, "Zes weken lijkt me goed; ik neem het mee in de volgende versie."]],
      },
      { who: marco, quote: "De opgaveregisseur Wmo beheert dit document.", text: "Nog aanvullen met wie mij vervangt tijdens vakanties.", replies: [] },
    ];
    for (const it of items) {
      const a = room.anchor(it.quote, "");
      if (!a) {
        log(`Kantlijn: passage “${it.quote}” niet gevonden in het concept.`);
        continue;
      }
      const c = db
        .insert(schema.draftComments)
        .values({ documentId: wmo.id, authorId: it.who.id, organisationId: it.who.organisationId, quote: a.quote, quotePrefix: a.prefix, quoteSuffix: a.suffix, anchorStart: a.start, anchorEnd: a.end, text: it.text, createdAt: nowIso() })
        .returning({ id: schema.draftComments.id })
        .get();
      for (const [who, text] of it.replies) reply("draft", c.id, who, text);
      count++;
    }
  }
  log(`Kantlijn: ${count} voorbeeldopmerkingen geladen.`);
  return count;
}
