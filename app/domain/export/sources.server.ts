// What can be exported, built from the same domain functions as the pages, so the same
// access rules apply: a version of a visible document, a comparison, a proposal's redline
// and its reactienota.
import { nowIso } from "~/utils/clock.server";
import type { Actor } from "../actor.server";
import { requireVisibleDocument } from "../documents/documents.server";
import { compareVersions, getVersion, type CompareSide } from "../documents/versions.server";
import { requireReadable } from "../consultation/access.server";
import { getRedline } from "../consultation/view.server";
import { getReactienota } from "../consultation/reactienota.server";
import { ANSWER_LABELS, STANCE_LABELS } from "~/shared/proposals";
import { formatIsoDateNl } from "~/shared/dates";
import { plural } from "~/shared/plural";
import { notFound } from "../errors";
import { blocksFromLexical, fileSlug, plain, type ExportBlock, type ExportModel } from "./model";

export function versionExport(input: { actor: Actor; slug: string; number: number }): ExportModel {
  const doc = requireVisibleDocument(input.actor, input.slug);
  const v = getVersion(doc.id, input.number);
  if (!v) throw notFound("Deze versie bestaat niet.");
  return {
    fileName: `${fileSlug(doc.slug)}-v${v.number}`,
    title: doc.title,
    versionLabel: `Versie ${v.number}`,
    date: v.publishedAt,
    lead: v.summary ? `Wat er veranderde: ${v.summary}` : undefined,
    tracked: false,
    blocks: blocksFromLexical(v.lexicalJson),
  };
}

export function comparisonExport(input: { actor: Actor; slug: string; from: CompareSide; to: CompareSide }): ExportModel {
  const c = compareVersions(input);
  return {
    fileName: `${fileSlug(c.document.slug)}-${input.from}-${input.to}-vergelijking`,
    title: c.document.title,
    versionLabel: `${c.from.label} → ${c.to.label.toLowerCase()}`,
    date: nowIso(),
    lead: `Vergelijking: ${c.stats.addedWords} woorden toegevoegd, ${c.stats.removedWords} verwijderd.`,
    tracked: true,
    author: "Ketenportaal (vergelijking)",
    blocks: c.blocks,
  };
}

export function redlineExport(input: { actor: Actor; id: number }): ExportModel {
  const p = requireReadable(input.actor, input.id);
  const r = getRedline(input);
  return {
    fileName: `voorstel-${p.row.id}-${fileSlug(p.row.title)}`,
    title: `${p.document.title}: ${p.row.title}`,
    versionLabel: `Voorgestelde wijziging ten opzichte van ${r.beforeLabel.toLowerCase()}`,
    date: nowIso(),
    lead: r.unchanged ? "Het voorstel verandert de tekst (nog) niet." : undefined,
    tracked: true,
    author: "Ketenportaal (voorstel)",
    blocks: r.blocks,
  };
}

export function reactienotaExport(input: { actor: Actor; id: number }): ExportModel {
  const nota = getReactienota(input);
  const blocks: ExportBlock[] = [];
  const t = nota.totals;
  const round = nota.round;
  if (round) {
    const answers = round.questions.reduce((n, q) => n + q.answers.length, 0);
    blocks.push(plain("heading", "h2", "Ronde 1: verkenning"));
    blocks.push(
      plain(
        "paragraph",
        "p",
        `${round.title}, van ${formatIsoDateNl(round.startedOn)} tot en met ${formatIsoDateNl(round.reactionDeadline)}: ${plural(round.questions.length, "open vraag", "open vragen")}, ${plural(answers, "antwoord", "antwoorden")}.`,
      ),
    );
    if (round.problem) blocks.push(plain("paragraph", "p", round.problem));
    round.questions.forEach((q, i) => {
      blocks.push(plain("heading", "h3", `Vraag ${i + 1}: ${q.text}`));
      if (!q.answers.length) blocks.push(plain("paragraph", "p", "Geen antwoorden op deze vraag."));
      for (const a of q.answers) blocks.push(plain("listitem", "ul", `${a.organisationName} (${a.authorName}, ${formatIsoDateNl(a.createdAt)}): ${a.text}`));
    });
    blocks.push(plain("heading", "h3", "Wat we hebben gehoord"));
    blocks.push(plain("paragraph", "p", round.summary || "Er is geen samenvatting geschreven."));
    blocks.push(plain("heading", "h2", "Ronde 2: consultatie"));
  }
  blocks.push(plain("paragraph", "p", `${t.comments} reacties, ${t.answered} beantwoord: ${t.overgenomen} overgenomen, ${t.deels_overgenomen} deels overgenomen, ${t.niet_overgenomen} niet overgenomen.`));
  if (nota.proposal.decidedAt) {
    blocks.push(plain("paragraph", "p", `Besluit op ${nota.proposal.decidedAt.slice(0, 10)}${nota.proposal.decidedByName ? ` door ${nota.proposal.decidedByName}` : ""}. ${nota.proposal.decisionNote}`.trim()));
  }
  for (const c of nota.comments) {
    blocks.push(plain("heading", "h2", `Reactie ${c.number}: ${c.authorName} (${c.organisationName}) · ${STANCE_LABELS[c.stance]}`));
    if (c.quote) blocks.push(plain("quote", "blockquote", `“${c.quote}”`));
    blocks.push(plain("paragraph", "p", c.text));
    if (c.answer) {
      blocks.push(plain("paragraph", "p", `Antwoord (${ANSWER_LABELS[c.answer.decision]}, ${c.answer.answeredByName}): ${c.answer.text}`));
      if (c.answer.textChange) blocks.push(plain("paragraph", "p", `Wijziging in de tekst: ${c.answer.textChange}`));
    } else {
      blocks.push(plain("paragraph", "p", "Nog niet beantwoord."));
    }
  }
  return {
    fileName: `reactienota-voorstel-${nota.proposal.id}`,
    title: `Reactienota: ${nota.proposal.title}`,
    versionLabel: `${nota.proposal.documentTitle} · ${nota.proposal.statusLabel}`,
    date: nota.proposal.decidedAt ?? nowIso(),
    tracked: false,
    blocks,
  };
}

export type ExportFormat = "docx" | "pdf";

export function parseFormat(raw: string | undefined): ExportFormat {
  if (raw === "docx" || raw === "pdf") return raw;
  throw notFound("Dit downloadformaat bestaat niet; kies Word (.docx) of PDF.");
}

