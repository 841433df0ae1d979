// Start page: proposals the person was invited to (and whether they still need to respond),
// and for a regisseur the proposals they run.
import { Link } from "@remix-run/react";
import { EmptyState, formatDate } from "~/components/ui";
import type { ProposalStatus } from "~/shared/proposals";
import { StatusBadge } from "./ui";

type Invited = { id: number; title: string; status: ProposalStatus; statusLabel: string; documentTitle: string; consultationCloses: string | null; effectiveDate: string | null; responded: boolean };
type Managed = { id: number; title: string; status: ProposalStatus; statusLabel: string; consultationCloses: string | null; effectiveDate: string | null };

export function HomeProposals({ invited, managed }: { invited: Invited[]; managed: Managed[] }) {
  return (
    <>
      <section aria-labelledby="kop-uitnodigingen">
        <h2 id="kop-uitnodigingen">Voorstellen waarvoor u bent uitgenodigd</h2>
        {invited.length ? (
          <ul className="home-proposals">
            {invited.map((p) => (
              <li key={p.id}>
                <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link> <StatusBadge status={p.status} label={p.statusLabel} />
                <div className="meta">
                  {p.documentTitle} ·{" "}
                  {p.status === "in_consultatie"
                    ? p.responded
                      ? `u heeft gereageerd (reageren kan tot en met ${formatDate(p.consultationCloses)})`
                      : `reageer uiterlijk ${formatDate(p.consultationCloses)}`
                    : `ingangsdatum ${formatDate(p.effectiveDate)}`}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>U bent op dit moment niet uitgenodigd voor een consultatie.</EmptyState>
        )}
      </section>
      {managed.length ? (
        <section aria-labelledby="kop-mijn-voorstellen">
          <h2 id="kop-mijn-voorstellen">Voorstellen die u begeleidt</h2>
          <ul className="home-proposals">
            {managed.map((p) => (
              <li key={p.id}>
                <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link> <StatusBadge status={p.status} label={p.statusLabel} />
                <div className="meta">
                  uiterste reactiedatum {formatDate(p.consultationCloses)} · ingangsdatum {formatDate(p.effectiveDate)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
