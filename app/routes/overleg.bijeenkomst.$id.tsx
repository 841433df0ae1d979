import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Params } from "@remix-run/react";
import { minutesHtml, sendAgenda, sendMinutes } from "~/domain/overleg/mail.server";
import { addAction, addAgendaItem, meetingPage, moveMeeting, recordDecision, setActionStatus } from "~/domain/overleg/overleg.server";
import { agendaTargetOptions } from "~/domain/overleg/targets.server";
import { formatDate } from "~/shared/dates";
import { meetingIntentSchemas } from "~/shared/overleg-forms";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { FormError, refusalFor } from "~/components/forms";
import { ActionsTable } from "~/components/overleg/ActionsTable";
import { AgendaList } from "~/components/overleg/AgendaList";
import { DecisionsList } from "~/components/overleg/DecisionsList";
import { IntentButton } from "~/components/overleg/fields";
import { ActionForm, AgendaItemForm, DecisionForm, MoveForm } from "~/components/overleg/MeetingForms";

// Lexical and y-websocket only run in the browser; the server renders a placeholder.
const CollabEditor = lazy(() => import("~/editor/CollabEditor"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.overleg.name ?? "Bijeenkomst"} ${data ? formatDate(data.meeting.date) : ""} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const data = meetingPage({ actor, id: Number(params.id) });
  const sent = new URL(request.url).searchParams.get("verstuurd");
  return {
    ...data,
    sent,
    targets: data.canEdit ? agendaTargetOptions(actor, data.overleg.ketenId) : [],
    minutesHtml: data.canEdit ? null : minutesHtml(data.meeting.id),
    user: { name: actor.name, color: actor.organisationColor, organisation: actor.organisationName },
  };
});

const meeting = (params: Params) => idParam(params, "id", "Deze bijeenkomst bestaat niet.");
const back = (params: Params, hash = "", q = "") => redirect(`/overleg/bijeenkomst/${meeting(params)}${q}${hash}`);

export const action = formAction({
  verplaatsen: intent({
    schema: meetingIntentSchemas["verplaatsen"],
    run({ actor, value, params }) {
      moveMeeting({ actor, meetingId: meeting(params), ...value });
      return back(params);
    },
  }),
  agendapunt: intent({
    schema: meetingIntentSchemas["agendapunt"],
    run({ actor, value, params }) {
      addAgendaItem({ actor, meetingId: meeting(params), ...value });
      return back(params, "#agenda");
    },
  }),
  besluit: intent({
    schema: meetingIntentSchemas["besluit"],
    run({ actor, value, params }) {
      recordDecision({ actor, meetingId: meeting(params), ...value });
      return back(params, "#besluiten");
    },
  }),
  actie: intent({
    schema: meetingIntentSchemas["actie"],
    run({ actor, value, params }) {
      addAction({ actor, meetingId: meeting(params), ...value });
      return back(params, "#acties");
    },
  }),
  actiestatus: intent({
    schema: meetingIntentSchemas["actiestatus"],
    target: "actionId",
    run({ actor, value, params }) {
      setActionStatus({ actor, actionId: value.actionId, status: value.status });
      return back(params, "#acties");
    },
  }),
  "agenda-versturen": intent({
    schema: meetingIntentSchemas["agenda-versturen"],
    run({ actor, params }) {
      return back(params, "", `?verstuurd=agenda-${sendAgenda({ actor, meetingId: meeting(params) })}`);
    },
  }),
  "verslag-versturen": intent({
    schema: meetingIntentSchemas["verslag-versturen"],
    run({ actor, params }) {
      return back(params, "", `?verstuurd=verslag-${sendMinutes({ actor, meetingId: meeting(params) })}`);
    },
  }),
});

function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}

export default function Bijeenkomst() {
  const d = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  const loading = <p className="editor-loading">De editor wordt geladen…</p>;
  const [what, count] = d.sent?.split("-") ?? [];
  return (
    <div>
      <PageHeader
        title={`${d.overleg.name}, ${formatDate(d.meeting.date)}`}
        lead={`${d.meeting.startTime}–${d.meeting.endTime}${d.meeting.location ? ` · ${d.meeting.location}` : ""} · ${d.overleg.kindLabel}`}
      >
        <Link className="button-secondary" to={`/overleg/${d.overleg.id}`}>
          Naar het overleg
        </Link>
      </PageHeader>
      {d.sent ? <Notice tone="success">{what === "agenda" ? "De agenda" : "Het verslag"} is verstuurd aan {count} leden, met de bijeenkomst als agenda-item (.ics).</Notice> : null}
      {d.standIn ? <Notice tone="warning">U werkt hier als waarnemend regisseur; wat u doet wordt vastgelegd in uw naam en namens de regisseur.</Notice> : null}
      <FormError message={formError} />

      <h2 id="agenda">Agenda</h2>
      <AgendaList items={d.agenda} />
      {d.canEdit ? (
        <details>
          <summary>Agendapunt toevoegen</summary>
          <AgendaItemForm targets={d.targets} errors={fieldErrors} />
        </details>
      ) : null}

      <h2 id="verslag">Verslag</h2>
      {d.canEdit ? (
        <>
          <p className="hint">Het verslag schrijft u samen tijdens de bijeenkomst; wat u typt is meteen zichtbaar voor de andere leden.</p>
          <ClientOnly fallback={loading}>
            {() => (
              <Suspense fallback={loading}>
                <CollabEditor room={d.minutesRoom} docId={d.minutesRoom} user={d.user} label={`Verslag van ${d.overleg.name}`} />
              </Suspense>
            )}
          </ClientOnly>
        </>
      ) : (
        // Derived on the server from the room's own state (escaped by the converter).
        <div className="document-body" dangerouslySetInnerHTML={{ __html: d.minutesHtml ?? "" }} />
      )}

      <h2 id="besluiten">Besluiten</h2>
      <DecisionsList decisions={d.decisions} />
      {d.canEdit ? (
        <details>
          <summary>Besluit vastleggen</summary>
          <DecisionForm agenda={d.agenda.map((a) => ({ value: String(a.id), label: a.title }))} date={d.meeting.date} errors={fieldErrors} />
        </details>
      ) : null}

      <h2 id="acties">Acties</h2>
      <ActionsTable actions={d.actions} canEdit={d.canEdit} caption="Acties uit deze bijeenkomst" />
      {d.canEdit ? (
        <details>
          <summary>Actie vastleggen</summary>
          <ActionForm owners={d.ownerOptions} decisions={d.decisions.map((x) => ({ value: String(x.id), label: x.text.slice(0, 80) }))} errors={fieldErrors} />
        </details>
      ) : null}

      {d.canEdit ? (
        <section aria-labelledby="kop-versturen">
          <h2 id="kop-versturen">Versturen en plannen</h2>
          <p className="hint">
            Agenda {d.meeting.agendaSentAt ? `verstuurd op ${formatDate(d.meeting.agendaSentAt, true)}` : "nog niet verstuurd"} · verslag {d.meeting.minutesSentAt ? `verstuurd op ${formatDate(d.meeting.minutesSentAt, true)}` : "nog niet verstuurd"}
          </p>
          <IntentButton intent="agenda-versturen">Verstuur agenda aan de leden</IntentButton>
          <IntentButton intent="verslag-versturen" secondary>
            Verstuur verslag aan de leden
          </IntentButton>
          <details>
            <summary>Datum, tijd of plaats wijzigen</summary>
            <MoveForm meeting={d.meeting} errors={fieldErrors} />
          </details>
        </section>
      ) : null}
    </div>
  );
}
