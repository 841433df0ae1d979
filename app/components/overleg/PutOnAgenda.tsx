import { Form } from "@remix-run/react";
import { Csrf } from "~/components/ui";
import { formatDate } from "~/shared/dates";

/** "Op de agenda": one click puts the signal on a coming meeting the person helps run. */
export function PutOnAgenda({ signalId, meetings }: { signalId: number; meetings: { id: number; date: string; name: string }[] }) {
  if (!meetings.length) return null;
  return (
    <section aria-labelledby="kop-op-agenda" className="put-on-agenda">
      <h2 id="kop-op-agenda">Op de agenda</h2>
      {meetings.slice(0, 3).map((m) => (
        <Form key={m.id} method="post" action="/overleg/op-de-agenda" className="inline-form">
          <Csrf />
          <input type="hidden" name="signalId" value={signalId} />
          <input type="hidden" name="meetingId" value={m.id} />
          <button type="submit" className="button-secondary">
            Op de agenda van {m.name}, {formatDate(m.date)}
          </button>
        </Form>
      ))}
    </section>
  );
}
