import { redirect } from "@remix-run/node";
import { notFound } from "~/domain/errors";
import { putSignalOnAgenda } from "~/domain/overleg/overleg.server";
import { agendaFromSignalSchema } from "~/shared/overleg-forms";
import { formAction, intent } from "~/http/action.server";

// One click from a signal: put it on the agenda of a coming meeting, then show that meeting.
export const action = formAction({
  "op-de-agenda": intent({
    schema: agendaFromSignalSchema,
    run({ actor, value }) {
      const itemId = putSignalOnAgenda({ actor, meetingId: value.meetingId, signalId: value.signalId });
      return redirect(`/overleg/bijeenkomst/${value.meetingId}#agendapunt-${itemId}`);
    },
  }),
});

export const loader = () => {
  throw new Response(notFound().message, { status: 404 });
};
