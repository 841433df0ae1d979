import { DATE_SHORT_LABELS, isDateField } from "./proposal-dates";

// The audit log in Dutch: per action key what the person did, per object type what it is
// called, so a beheerder reads "Petra Jansen beantwoordde reactie 3 op voorstel 12" instead of
// "proposal.answer" and raw JSON. Keys collected with grep -rn 'action: "' app/domain.

/** Object types as they are stored in audit_log.entity_type. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  action: "actie",
  archive: "archief",
  decision: "besluit",
  document: "document",
  keten: "keten",
  meeting: "bijeenkomst",
  opdracht: "opdracht",
  organisatie: "organisatie",
  person: "persoon",
  persoon: "persoon",
  proposal: "voorstel",
  register_item: "verbeterpunt",
  retention: "bewaartermijn",
  search_synonyms: "synoniemen",
  signaal: "signaal",
  signal: "signaal",
  verkenning: "verkenning",
};

/** What someone did, in the past tense, before the object ("wijzigde de data van" voorstel 12). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "archive.exported": "exporteerde het archief van",
  "document.create": "maakte aan:",
  "document.draft_comment": "plaatste een opmerking bij het concept van",
  "document.draft_comment.reply": "beantwoordde een opmerking bij het concept van",
  "document.draft_comment.resolve": "handelde een opmerking af bij",
  "document.draft_comment.reopen": "heropende een opmerking bij",
  "document.objection": "maakte bezwaar tegen een redactionele wijziging in",
  "document.offer": "bood een concept ter publicatie aan van",
  "document.offer_publish": "publiceerde het aangeboden concept van",
  "document.offer_return": "stuurde het aangeboden concept terug van",
  "document.offer_to_proposal": "maakte een wijzigingsvoorstel van het aangeboden concept van",
  "document.publish": "publiceerde een nieuwe versie van",
  "document.publish_editorial": "publiceerde een redactionele wijziging van",
  "document.restore": "zette een eerdere versie terug van",
  "document.word_import": "importeerde een Word-bestand in",
  geanonimiseerd: "anonimiseerde",
  "keten.rol": "wijzigde een rol in",
  "keten.waarneming-aan": "zette waarneming aan voor",
  "keten.waarneming-uit": "zette waarneming uit voor",
  "opdracht.getoetst": "toetste",
  "opdracht.moment": "legde een moment vast in",
  "opdracht.nieuw": "maakte aan:",
  "opdracht.ontvangen": "bevestigde de ontvangst van",
  "opdracht.status": "wijzigde de status van",
  "opdracht.terugkoppeling": "gaf terugkoppeling op",
  "overleg.actie": "legde een actie vast in",
  "overleg.agendapunt": "wijzigde een agendapunt van",
  "overleg.besluit": "legde een besluit vast in",
  "overleg.bijeenkomst": "wijzigde",
  "person.notice_preferences": "wijzigde de meldingsvoorkeuren van",
  "person.removed": "verwijderde",
  "person.reassigned": "droeg het open werk over van",
  "proposal.answer": "beantwoordde een reactie op",
  "proposal.answer.update": "wijzigde het antwoord op een reactie op",
  "proposal.check_deadline": "stelde de termijn van de integrale toets in voor",
  "proposal.check_override": "ging door zonder volledige integrale toets met",
  "proposal.comment": "reageerde op",
  "proposal.comment.reply": "reageerde op een reactie bij",
  "proposal.create": "maakte aan:",
  "proposal.dates": "wijzigde de data van",
  "proposal.dates.unknown": "zette een datum op nog niet bekend voor",
  "proposal.details": "wijzigde de gegevens van",
  "proposal.evaluation.response": "beantwoordde de evaluatie van",
  "proposal.from_draft": "maakte een voorstel van een concepttekst:",
  "proposal.goals": "wijzigde de doelen van",
  "proposal.impact": "wijzigde de impact van",
  "proposal.keten_check": "gaf de integrale toets voor een keten bij",
  "proposal.link": "koppelde een samenhangende wijziging aan",
  "proposal.pilot": "wijzigde de pilot van",
  "proposal.pilot.reaction": "reageerde op de pilot van",
  "proposal.pilot.result": "legde de uitkomst van de pilot vast van",
  "proposal.remind": "stuurde een herinnering voor",
  "proposal.unlink": "ontkoppelde een samenhangende wijziging van",
  "proposal.word_import": "importeerde een Word-bestand in",
  "register.bijgewerkt": "werkte bij:",
  "register.nieuw": "zette op het verbeterregister:",
  "retention.applied": "paste de bewaartermijn toe:",
  "retention.set": "stelde in:",
  "search.synonyms.delete": "verwijderde",
  "search.synonyms.save": "bewaarde",
  "verkenning.answer": "beantwoordde",
  "verkenning.close": "sloot",
  "verkenning.proposal": "maakte een voorstel van",
  "verkenning.start": "startte",
  "verkenning.summary": "schreef de samenvatting van",
  verwijderd: "verwijderde",
  "persoon aangemaakt": "maakte een account aan voor",
  "persoon gewijzigd": "wijzigde de gegevens van",
  "persoon geactiveerd": "activeerde weer:",
  "persoon gedeactiveerd": "deactiveerde",
  "organisatie aangemaakt": "maakte aan:",
  "organisatie gewijzigd": "wijzigde de gegevens van",
  "organisatie geactiveerd": "activeerde weer:",
  "organisatie gedeactiveerd": "deactiveerde",
  "keten gewijzigd": "wijzigde de gegevens van",
  "uitnodiging verstuurd": "stuurde een uitnodiging aan",
  "signaal gemeld": "meldde",
  "signaal herkend": "herkende",
  "herkenning ingetrokken": "trok de herkenning in van",
  "signaal samengevoegd": "voegde samen:",
  "eigenaar signaal gewijzigd": "wijzigde de eigenaar van",
  "signaal gekoppeld": "koppelde een item aan",
  "signaalkoppeling verwijderd": "verwijderde een koppeling van",
};

/** Keys built from a prefix and a value (proposal.status.consultatie, proposal.evaluation.pilot). */
const PREFIXES: [string, (rest: string) => string][] = [
  ["proposal.status.", (rest) => `zette op status ${rest.replace(/_/g, " ")}:`],
  ["proposal.evaluation.", (rest) => `sloot de evaluatie (${rest}) af van`],
];

/** The Dutch verb phrase of an action key; keys already written in Dutch ("signaal ontvangen") read as they are. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  for (const [prefix, label] of PREFIXES) if (action.startsWith(prefix)) return label(action.slice(prefix.length));
  if (/^[a-z0-9_.-]+$/.test(action)) return `deed "${action}" bij`;
  return `${action}:`;
}

/** Dutch names of fields that show up in before/after values. */
const FIELD_LABELS: Record<string, string> = {
  commentId: "reactie",
  feedbackDays: "terugkoppeltermijn (werkdagen)",
  status: "status",
  title: "titel",
  decision: "besluit",
  stance: "standpunt",
  text: "tekst",
  active: "actief",
  role: "rol",
  summary: "samenvatting",
  version: "versie",
  number: "versie",
  standIn: "waarneming",
  ownerId: "eigenaar",
  handlerId: "behandelaar",
  to: "naar persoon",
  functie: "functie",
  email: "e-mailadres",
  name: "naam",
  from: "van",
};

export const fieldLabel = (key: string) => FIELD_LABELS[key] ?? (isDateField(key) ? DATE_SHORT_LABELS[key] : key);

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === "") return "leeg";
  if (v === true) return "ja";
  if (v === false) return "nee";
  if (Array.isArray(v)) return v.map(valueText).join(", ");
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${fieldLabel(k)} ${valueText(x)}`).join(", ");
  const s = String(v);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { waarde: v };
  } catch {
    return { waarde: json };
  }
}

export type AuditEntryText = { action: string; entityType: string; entityId: string; before: string | null; after: string | null; actorName: string | null; objectName?: string | null };

/** "Petra Jansen beantwoordde reactie 3 op voorstel 12 “Startgesprekken naar Werkom”." */
export function auditSentence(e: AuditEntryText): string {
  const who = e.actorName ?? "Het systeem";
  const after = parse(e.after);
  const object = `${AUDIT_OBJECT_LABELS[e.entityType] ?? e.entityType} ${e.entityId}${e.objectName ? ` “${e.objectName}”` : ""}`;
  if ((e.action === "proposal.answer" || e.action === "proposal.answer.update") && after?.commentId != null) {
    return `${who} ${e.action === "proposal.answer" ? "beantwoordde" : "wijzigde het antwoord op"} reactie ${valueText(after.commentId)} op ${object}.`;
  }
  if (e.action === "proposal.comment" && after?.commentId != null) return `${who} plaatste reactie ${valueText(after.commentId)} op ${object}.`;
  return `${who} ${auditActionLabel(e.action)} ${object}.`;
}

/** Before and after as Dutch lines ("status: concept → consultatie"), no JSON. */
export function auditChanges(beforeJson: string | null, afterJson: string | null): string[] {
  const before = parse(beforeJson) ?? {};
  const after = parse(afterJson) ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((k) => {
    if (k in before && k in after) return `${fieldLabel(k)}: ${valueText(before[k])} → ${valueText(after[k])}`;
    if (k in after) return `${fieldLabel(k)}: ${valueText(after[k])}`;
    return `${fieldLabel(k)} was: ${valueText(before[k])}`;
  });
}
