// The reactienota: every comment, who made it, the answer (overgenomen / deels / niet), the
// explanation and what changed in the text; for a proposal that came from a verkenning, first
// that round (questions, answers per organisation, what we heard). Shown as a page and exported
// as one printable, self-contained HTML file (all user text escaped), Word and PDF, all from
// this one object so they agree.
import { eq } from "drizzle-orm";
import { getDb, schema } from "~/db/client.server";
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { requireReadable } from "./access.server";
import { listComments, type CommentView } from "./comments.server";
import { verkenningRoundFor, type VerkenningRound } from "../verkenning/verkenning.server";
import { formatIsoDateNl } from "~/shared/dates";
import { plural } from "~/shared/plural";
import { ANSWER_LABELS, STANCE_LABELS, STATUS_LABELS, type ProposalStatus } from "~/shared/proposals";

export type Reactienota = {
  proposal: {
    id: number;
    title: string;
    status: ProposalStatus;
    statusLabel: string;
    documentTitle: string;
    documentSlug: string;
    consultationOpens: string | null;
    consultationCloses: string | null;
    decidedAt: string | null;
    decidedByName: string | null;
    decisionNote: string;
    effectiveDate: string | null;
  };
  /** The verkenning the proposal came from, when the reader may read it; null otherwise. */
  round: VerkenningRound | null;
  comments: CommentView[];
  totals: { comments: number; answered: number; overgenomen: number; deels_overgenomen: number; niet_overgenomen: number };
  complete: boolean;
};

export function getReactienota(input: { actor: Actor; id: number }): Reactienota {
  const p = requireReadable(input.actor, input.id);
  const row = p.row;
  const decidedBy = row.decidedById
    ? getDb().select({ name: schema.people.name }).from(schema.people).where(eq(schema.people.id, row.decidedById)).get()
    : undefined;
  const comments = listComments(row);
  const count = (d: keyof typeof ANSWER_LABELS) => comments.filter((c) => c.answer?.decision === d).length;
  const answered = comments.filter((c) => c.answer).length;
  return {
    proposal: {
      id: row.id,
      title: row.title,
      status: row.status,
      statusLabel: STATUS_LABELS[row.status],
      documentTitle: p.document.title,
      documentSlug: p.document.slug,
      consultationOpens: row.consultationOpens,
      consultationCloses: row.consultationCloses,
      decidedAt: row.decidedAt,
      decidedByName: decidedBy?.name ?? null,
      decisionNote: row.decisionNote,
      effectiveDate: row.effectiveDate,
    },
    round: verkenningRoundFor({ actor: input.actor, proposalId: row.id }),
    comments,
    totals: {
      comments: comments.length,
      answered,
      overgenomen: count("overgenomen"),
      deels_overgenomen: count("deels_overgenomen"),
      niet_overgenomen: count("niet_overgenomen"),
    },
    complete: answered === comments.length,
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** Paragraphs from plain text: escaped first, then blank lines become paragraph breaks. */
function paragraphs(text: string): string {
  // Browsers post textarea line breaks as CRLF; a bare CR or U+2028 is a line break too.
  return text
    .replace(/\r\n|[\r\u2028\u2029]/g, "\n")
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function roundHtml(round: VerkenningRound): string {
  const answers = round.questions.reduce((n, q) => n + q.answers.length, 0);
  const questions = round.questions
    .map((q, i) => {
      const list = q.answers.length
        ? `<ul>${q.answers.map((a) => `<li><strong>${escapeHtml(a.organisationName)}</strong> <span class="meta">(${escapeHtml(a.authorName)}, ${escapeHtml(formatIsoDateNl(a.createdAt))})</span>${paragraphs(a.text)}</li>`).join("")}</ul>`
        : `<p class="meta">Geen antwoorden op deze vraag.</p>`;
      return `<h3>Vraag ${i + 1}: ${escapeHtml(q.text)}</h3>\n${list}`;
    })
    .join("\n");
  return `<section class="round" id="ronde-1">
<h2>Ronde 1: verkenning</h2>
<p>${escapeHtml(round.title)}, van ${escapeHtml(formatIsoDateNl(round.startedOn))} tot en met ${escapeHtml(formatIsoDateNl(round.reactionDeadline))}: ${plural(round.questions.length, "open vraag", "open vragen")}, ${plural(answers, "antwoord", "antwoorden")}.</p>
${paragraphs(round.problem)}
${questions}
<h3>Wat we hebben gehoord</h3>
${round.summary ? paragraphs(round.summary) : "<p>Er is geen samenvatting geschreven.</p>"}
</section>
<h2 id="ronde-2">Ronde 2: consultatie</h2>`;
}

export function reactienotaHtml(nota: Reactienota): string {
  const p = nota.proposal;
  const items = nota.comments
    .map((c) => {
      const answer = c.answer
        ? `<div class="answer"><p><strong>Antwoord: ${escapeHtml(ANSWER_LABELS[c.answer.decision])}</strong> <span class="meta">(${escapeHtml(c.answer.answeredByName)}, ${escapeHtml(formatIsoDateNl(c.answer.answeredAt))})</span></p>${paragraphs(c.answer.text)}${
            c.answer.textChange ? `<p><strong>Wat er in de tekst veranderde:</strong></p>${paragraphs(c.answer.textChange)}` : ""
          }</div>`
        : `<div class="answer open"><p><strong>Nog niet beantwoord.</strong></p></div>`;
      return `<section class="comment" id="reactie-${c.id}">
<h2>Reactie ${c.number}: ${escapeHtml(c.organisationName)}</h2>
<p class="meta">${escapeHtml(c.authorName)} · ${escapeHtml(STANCE_LABELS[c.stance])} · ${escapeHtml(formatIsoDateNl(c.createdAt))}</p>
${c.quote ? `<blockquote><p>Over de passage: “${escapeHtml(c.quote)}”${c.anchor && c.anchor.state !== "exact" ? " <em>(passage is gewijzigd)</em>" : ""}</p></blockquote>` : `<p class="meta">Algemene reactie</p>`}
${paragraphs(c.text)}
${answer}
</section>`;
    })
    .join("\n");
  const t = nota.totals;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Reactienota: ${escapeHtml(p.title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f23; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 1.5rem; }
.meta { color: #4a5258; font-size: .92rem; }
blockquote { border-left: 4px solid #6b7177; margin: .5rem 0; padding: .1rem .8rem; background: #f4f5f6; }
.answer { border-left: 4px solid #1f5f8b; padding: .1rem .8rem; margin: .6rem 0 1rem; }
.answer.open { border-color: #a35a00; }
.comment { page-break-inside: avoid; border-bottom: 1px solid #d5d8db; padding-bottom: .5rem; }
.voorbeeld { border: 2px dashed #a35a00; padding: .4rem .8rem; }
@media print { body { margin: 0; } a { color: inherit; } }
</style>
</head>
<body>
<p class="voorbeeld">Ketenportaal Zaanstad · voorbeeldinhoud: illustratieve tekst, geen officieel beleid.</p>
<h1>Reactienota: ${escapeHtml(p.title)}</h1>
<p>Wijzigingsvoorstel voor <strong>${escapeHtml(p.documentTitle)}</strong> · status: ${escapeHtml(p.statusLabel)}</p>
${nota.round ? roundHtml(nota.round) : ""}
<p>Consultatie van ${escapeHtml(formatIsoDateNl(p.consultationOpens))} tot en met ${escapeHtml(formatIsoDateNl(p.consultationCloses))}. ${plural(t.comments, "reactie", "reacties")}, waarvan ${t.overgenomen} overgenomen, ${t.deels_overgenomen} deels overgenomen en ${t.niet_overgenomen} niet overgenomen${
    nota.complete ? "" : `; ${t.comments - t.answered} nog niet beantwoord`
  }.</p>
${p.decidedAt ? `<p><strong>Besluit</strong> (${escapeHtml(p.decidedByName ?? "")}, ${escapeHtml(formatIsoDateNl(p.decidedAt))}): ${escapeHtml(p.decisionNote)} Ingangsdatum: ${escapeHtml(formatIsoDateNl(p.effectiveDate))}.</p>` : ""}
${items || "<p>Er zijn geen reacties ontvangen.</p>"}
<p class="meta">Geëxporteerd op ${escapeHtml(formatIsoDateNl(nowIso()))}.</p>
</body>
</html>
`;
}
