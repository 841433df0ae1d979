import { Link } from "@remix-run/react";
import { formatDate } from "~/shared/dates";
import { EmptyState } from "~/components/ui";

export type DecisionRow = { id: number; text: string; decidedBy: string; decidedOn: string; meetingId: number };

/** The besluitenlijst: what was decided, by whom, on which date, with a link to the meeting. */
export function DecisionsList({ decisions, showMeeting }: { decisions: DecisionRow[]; showMeeting?: boolean }) {
  if (!decisions.length) return <EmptyState>Nog geen besluiten.</EmptyState>;
  return (
    <ol className="decisions">
      {decisions.map((d) => (
        <li key={d.id} id={`besluit-${d.id}`}>
          <p>{d.text}</p>
          <p className="hint">
            Besloten door {d.decidedBy} op {formatDate(d.decidedOn)}
            {showMeeting ? (
              <>
                {" · "}
                <Link to={`/overleg/bijeenkomst/${d.meetingId}`}>bijeenkomst</Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
