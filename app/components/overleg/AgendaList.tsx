import { Link } from "@remix-run/react";
import { EmptyState } from "~/components/ui";
import { AGENDA_TARGET_LABELS } from "~/shared/overleg";

type Item = { id: number; title: string; note: string; carried: boolean; target: { kind: keyof typeof AGENDA_TARGET_LABELS; title: string; href: string | null; status: string } | null };

/** The agenda with each linked item's current status (read when the page loads). */
export function AgendaList({ items }: { items: Item[] }) {
  if (!items.length) return <EmptyState>Nog geen agendapunten.</EmptyState>;
  return (
    <ol className="agenda">
      {items.map((i) => (
        <li key={i.id} id={`agendapunt-${i.id}`}>
          <strong>{i.title}</strong>
          {i.carried ? <span className="tag">uit vorige bijeenkomst</span> : null}
          {i.target ? (
            <p className="hint">
              {AGENDA_TARGET_LABELS[i.target.kind]}: {i.target.href ? <Link to={i.target.href}>{i.target.title}</Link> : i.target.title}
              {i.target.status ? (
                <>
                  {" "}
                  · stand nu: <span className="tag">{i.target.status}</span>
                </>
              ) : null}
            </p>
          ) : null}
          {i.note ? <p>{i.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
