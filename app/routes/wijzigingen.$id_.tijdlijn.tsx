import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { formAction, intent } from "~/http/action.server";
import { DATE_FIELDS, type DateField } from "~/shared/proposal-dates";
import { datesSchema, unknownDateSchema } from "~/domain/consultation/forms";
import { markDateUnknown } from "~/domain/consultation/unknown-dates.server";
import { UnknownDateForm, UnknownMarker } from "~/components/consultation/UnknownDates";
import { PilotPhases } from "~/components/consultation/Pilot";
import { UNKNOWN_DATE_TEXT } from "~/shared/pilot";
import { markOpened } from "~/domain/consultation/invitations.server";
import { setDates, type DateInput } from "~/domain/consultation/proposals.server";
import { getTimeline } from "~/domain/consultation/view.server";
import { page, requireActor } from "~/http/request.server";
import { Csrf, EmptyState, Field, FormError, Notice, formatDate, TableScroll } from "~/components/ui";
import { PlainText, ProposalHeader } from "~/components/consultation/ui";
import { PageRefusal, refusalFor } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Tijdlijn: ${data?.timeline.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const id = idParam(params, "id", NOT_FOUND_MESSAGE);
  const timeline = getTimeline({ actor, id });
  markOpened(actor, id);
  return { timeline };
});

export const action = formAction({
  dates: intent({
    schema: datesSchema,
    run({ actor, value, posted, params }) {
      const id = idParam(params, "id", NOT_FOUND_MESSAGE);
      // Only the dates that were on the form: a fixed date is not a field, so it is not "emptied".
      const dates: DateInput = {};
      for (const f of DATE_FIELDS) if (f in posted) dates[f] = value[f];
      const { changed } = setDates({ actor, id, dates, reason: value.reason });
      return redirect(`/wijzigingen/${id}/tijdlijn?opgeslagen=${changed.length}`);
    },
  }),
  unknown: intent({
    schema: unknownDateSchema,
    run({ actor, value, params }) {
      const id = idParam(params, "id", NOT_FOUND_MESSAGE);
      markDateUnknown({ actor, id, ...value });
      return redirect(`/wijzigingen/${id}/tijdlijn?opgeslagen=onbekend`);
    },
  }),
});

export default function Tijdlijn() {
  const { timeline: t } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const p = t.proposal;
  const { formError, fieldErrors, values } = refusalFor(result, "dates");
  const saved = params.get("opgeslagen");
  const concept = p.status === "concept";
  return (
    <div>
      <ProposalHeader proposal={p} document={t.document} canManage={t.can.manage} />
      <PageRefusal result={result} shownBy={[...(t.can.moveDates ? ["dates"] : []), ...(t.can.markUnknown.length ? ["unknown"] : [])]} />
      {saved !== null ? (
        <Notice tone="success">
          {saved === "onbekend" ? "De datum staat op ‘nog niet bekend’. Alle genodigden hebben bericht gekregen, met de reden." : saved === "0" ? "Er is geen datum veranderd." : concept ? "De tijdlijn is opgeslagen." : "De nieuwe datum is opgeslagen en aan alle genodigden gemeld, met de reden en een bijgewerkte agenda-bijlage."}
        </Notice>
      ) : null}

      <section aria-labelledby="kop-datums">
        <h2 id="kop-datums">Datums</h2>
        <p className="meta">Elke wijziging van een datum blijft hieronder zichtbaar, met de oude en nieuwe datum, wie hem wijzigde en waarom. Zo leest iedereen hetzelfde “wanneer”.</p>
        <ol className="timeline">
          {t.dates.map((d) => (
            <li key={d.field} className={d.value && d.value <= t.today ? "past" : "future"}>
              <span className="timeline-label">{d.label}</span> <strong>{d.unknown ? "" : formatDate(d.value)}</strong>
              <UnknownMarker unknown={d.unknown} />
              {d.field === "effectiveDate" && p.inForce ? <span className="meta"> · {p.inForce}</span> : null}
              {d.changes > 0 ? <span className="tag">{d.changes === 1 ? "1 keer verschoven" : `${d.changes} keer verschoven`}</span> : null}
            </li>
          ))}
        </ol>
      </section>

      <PilotPhases pilot={t.pilot} proposalId={p.id} inForce={p.inForce} />

      <section aria-labelledby="kop-geschiedenis">
        <h2 id="kop-geschiedenis">Geschiedenis van de datums</h2>
        {t.changes.length ? (
          <TableScroll label="Alle wijzigingen van datums, oudste eerst">
          <table className="date-history">
            <caption className="visually-hidden">Alle wijzigingen van datums, oudste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Was</th>
                <th scope="col">Wordt</th>
                <th scope="col">Gewijzigd door</th>
                <th scope="col">Reden</th>
              </tr>
            </thead>
            <tbody>
              {t.changes.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td>
                    <del>{c.oldValue === null ? UNKNOWN_DATE_TEXT : formatDate(c.oldValue)}</del>
                  </td>
                  <td>
                    <ins>{c.newValue === null && c.reason.startsWith("Tot nader orde") ? UNKNOWN_DATE_TEXT : formatDate(c.newValue)}</ins>
                  </td>
                  <td>
                    {c.byName ?? "Ketenportaal"}, {formatDate(c.at, true)}
                  </td>
                  <td>{c.reason ? <PlainText text={c.reason} /> : <span className="meta">geen reden opgegeven</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        ) : (
          <EmptyState>Geen enkele datum is verschoven.</EmptyState>
        )}
      </section>

      {t.can.moveDates ? (
        <section aria-labelledby="kop-verplaatsen" className="card">
          <h2 id="kop-verplaatsen">{concept ? "Tijdlijn instellen" : "Datum verplaatsen"}</h2>
          {!concept ? <p>Een nieuwe datum wordt met reden aan alle genodigden gemeld, in hun meldingen en per e-mail met een bijgewerkte agenda-bijlage.</p> : null}
          <Form method="post" noValidate>
            <Csrf />
            <input type="hidden" name="intent" value="dates" />
            <FormError message={formError} />
            {t.dates.map((d) =>
              d.movable ? (
                <Field
                  key={d.field}
                  id={`datum-${d.field}`}
                  label={d.label}
                  name={d.field}
                  type="date"
                  defaultValue={values[d.field] ?? d.value ?? ""}
                  error={fieldErrors[d.field as DateField]}
                  hint={d.field === "consultationOpens" ? "Wordt bij het openen van de consultatie de dag van openen." : undefined}
                />
              ) : (
                <p key={d.field}>
                  {d.label}: <strong>{formatDate(d.value)}</strong> <span className="meta">(ligt vast)</span>
                </p>
              ),
            )}
            <Field
              id="datum-reden"
              label="Reden van de wijziging"
              name="reason"
              multiline
              rows={2}
              required={!concept}
              defaultValue={values.reason}
              error={fieldErrors.reason}
              hint={concept ? "Niet verplicht zolang het voorstel een concept is." : "Bijvoorbeeld: Uitkeringen heeft meer tijd nodig om het werkproces aan te passen."}
            />
            <button type="submit">{concept ? "Tijdlijn opslaan" : "Nieuwe datum opslaan en melden"}</button>
          </Form>
        </section>
      ) : null}

      <UnknownDateForm fields={t.can.markUnknown} result={result} />

      <section aria-labelledby="kop-status">
        <h2 id="kop-status">Statusverloop</h2>
        <ol className="status-history">
          {t.transitions.map((s) => (
            <li key={s.id}>
              <strong>{s.toLabel}</strong> <span className="meta">· {formatDate(s.at, true)} · {s.byName ?? "automatisch (Ketenportaal)"}</span>
              {s.note ? <PlainText text={s.note} /> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
