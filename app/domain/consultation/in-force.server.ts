// The notice that a change is in force. After downtime the scheduler catches up on a later
// day; the notice then says the same as the page and the timeline: in force as of the
// ingangsdatum, processed on the later date (never "today" for a day that has passed).
import type { Notice } from "../notify.server";
import { inForceWording } from "~/shared/pilot";
import type { ProposalRow } from "./access.server";

export function inForceNotice(input: { row: ProposalRow; activatedAt: string; documentTitle: string }): Notice {
  const { row } = input;
  const scope = row.pilot ? " Na de pilot geldt de wijziging nu voor iedereen, niet alleen in de pilot." : "";
  return {
    kind: "proposal_in_force",
    title: `Van kracht: ${row.title}`,
    body: `De wijziging "${row.title}" is ${inForceWording(row.effectiveDate, input.activatedAt)}.${scope} De nieuwe tekst is de geldende versie van ${input.documentTitle}.`,
    link: `/wijzigingen/${row.id}`,
  };
}
