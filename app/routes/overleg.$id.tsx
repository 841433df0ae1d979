import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createMeeting, overlegPage } from "~/domain/overleg/overleg.server";
import { formatDate } from "~/shared/dates";
import { overlegIntentSchemas } from "~/shared/overleg-forms";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader } from "~/components/ui";
import { Csrf, Field, FormError, refusalFor } from "~/components/forms";
import { ActionsTable } from "~/components/overleg/ActionsTable";
import { DecisionsList } from "~/components/overleg/DecisionsList";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.overleg.name ?? "Overleg"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return overlegPage({ actor, id: Number(params.id) });
});

export const action = formAction({
  bijeenkomst: intent({
    schema: overlegIntentSchemas.bijeenkomst,
    run({ actor, value, params }) {
      const meetingId = createMeeting({ actor, overlegId: idParam(params, "id", "Dit overleg bestaat niet."), ...value });
      return redirect(`/overleg/bijeenkomst/${meetingId}`);
    },
  }),
});

export default function Overleg() {
  const { overleg, keten, chair, members, meetings, decisions, actions, canEdit, canManage } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = refusalFor(useActionData<typeof action>());
  return (
    <div>
      <PageHeader title={overleg.name} lead={overleg.description}>
        {canManage ? <Link to={`/overleg/${overleg.id}/instellingen`}>Instellingen en leden</Link> : null}
      </PageHeader>
      <dl className="facts">
        <dt>Soort</dt>
        <dd>{overleg.kindLabel}</dd>
        <dt>Keten</dt>
        <dd>
          <Link to={`/ketens/${keten.slug}`}>{keten.name}</Link> · <Link to={`/ketens/${keten.slug}/verbeterregister`}>verbeterregister</Link>
        </dd>
        <dt>Voorzitter</dt>
        <dd>{chair ? `${chair.name}${chair.functie ? `, ${chair.functie}` : ""}` : "Nog niet benoemd"}</dd>
        <dt>Ritme</dt>
        <dd>{overleg.rhythm || "—"}</dd>
        <dt>Leden</dt>
        <dd>{members.people.map((p) => `${p.name} (${p.organisation})`).join(", ") || "—"}</dd>
        <dt>Deelnemende organisaties</dt>
        <dd>{members.organisations.map((o) => o.name).join(", ") || "—"}</dd>
      </dl>

      <h2>Bijeenkomsten</h2>
      {meetings.length ? (
        <ul>
          {meetings.map((m) => (
            <li key={m.id}>
              <Link to={`/overleg/bijeenkomst/${m.id}`}>
                {formatDate(m.date)}, {m.startTime}–{m.endTime}
              </Link>
              {m.location ? ` · ${m.location}` : ""}
              {m.past ? "" : <span className="tag">gepland</span>}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Nog geen bijeenkomsten.</EmptyState>
      )}

      {canEdit ? (
        <section aria-labelledby="kop-nieuw">
          <h2 id="kop-nieuw">Bijeenkomst plannen</h2>
          <p className="hint">Openstaande acties van dit overleg komen vanzelf op de agenda van de eerstvolgende bijeenkomst.</p>
          <FormError message={formError} />
          <Form method="post" noValidate>
            <Csrf />
            <input type="hidden" name="intent" value="bijeenkomst" />
            <Field label="Datum" name="date" type="date" required error={fieldErrors.date} />
            <Field label="Begintijd" name="startTime" type="time" defaultValue="10:00" required error={fieldErrors.startTime} />
            <Field label="Eindtijd" name="endTime" type="time" defaultValue="11:30" required error={fieldErrors.endTime} />
            <Field label="Locatie" name="location" maxLength={200} error={fieldErrors.location} />
            <button type="submit">Plan bijeenkomst</button>
          </Form>
        </section>
      ) : null}

      <h2 id="besluitenlijst">Besluitenlijst</h2>
      <DecisionsList decisions={decisions} showMeeting />

      <h2 id="acties">Acties</h2>
      <ActionsTable actions={actions} canEdit={false} caption={`Acties van ${overleg.name}`} />
    </div>
  );
}
