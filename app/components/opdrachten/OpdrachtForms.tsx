import { Form } from "@remix-run/react";
import { Csrf, Field, FormError, Intent, Select, refusalFor } from "~/components/forms";
import { opdrachtIntentSchemas } from "~/shared/opdracht-forms";
import { formatDate } from "~/shared/dates";
import type { SerializeFrom } from "@remix-run/node";
import type { OpdrachtDetail } from "~/domain/opdrachten/detail.server";

type Detail = SerializeFrom<OpdrachtDetail>;

export function ToetsForm({ d, result }: { d: Detail; result: unknown }) {
  const { formError, fieldErrors: e, values: v } = refusalFor(result, "toetsen");
  return (
    <section aria-labelledby="kop-toets" className="card">
      <h2 id="kop-toets">Toetsen aan de brede opdracht</h2>
      <p>Past dit verzoek binnen de brede opdracht aan de wijkteams? Uw uitkomst en toelichting zijn zichtbaar voor de aanvrager en de teams.</p>
      <Form method="post" noValidate>
        <Csrf />
        <Intent value="toetsen" />
        <FormError message={formError} />
        <Select label="Uitkomst" name="outcome" options={d.toetsOptions} placeholder="Kies de uitkomst" defaultValue={v.outcome} error={e.outcome} required />
        <Field schema={opdrachtIntentSchemas.toetsen} label="Toelichting bij de toets" name="note" multiline rows={3} defaultValue={v.note} error={e.note} />
        <button type="submit">Toets vastleggen</button>
      </Form>
    </section>
  );
}

export function StatusForm({ d, result }: { d: Detail; result: unknown }) {
  const { formError, fieldErrors: e, values: v } = refusalFor(result, "status");
  if (!d.nextStatuses.length) return null;
  return (
    <section aria-labelledby="kop-status">
      <h2 id="kop-status">Status wijzigen</h2>
      <Form method="post" noValidate>
        <Csrf />
        <Intent value="status" />
        <FormError message={formError} />
        <Select label="Nieuwe status" name="to" options={d.nextStatuses} defaultValue={v.to} error={e.to} />
        <Field schema={opdrachtIntentSchemas.status} label="Toelichting" name="note" defaultValue={v.note} error={e.note} hint="Verplicht als het verzoek stopt." />
        <button type="submit" className="button-secondary">
          Status opslaan
        </button>
      </Form>
    </section>
  );
}

export function Reports({ d, result }: { d: Detail; result: unknown }) {
  const add = refusalFor(result, "moment");
  return (
    <section aria-labelledby="kop-rapportages">
      <h2 id="kop-rapportages">Rapportagemomenten</h2>
      {d.reports.length ? (
        <ol className="opdracht-reports">
          {d.reports.map((r) => {
            const fb = refusalFor(result, "terugkoppeling", String(r.id));
            return (
              <li key={r.id} id={`moment-${r.id}`}>
                <p>
                  <strong>{formatDate(r.dueDate)}</strong>: {r.title}{" "}
                  <span className="meta">{r.receivedAt ? `· ontvangen ${formatDate(r.receivedAt)}` : r.past ? "· nog niet ontvangen" : "· gepland"}</span>
                </p>
                {r.feedback ? (
                  <div className="alert alert-success">
                    <p>
                      <strong>Wat er met uw gegevens is gedaan</strong>
                      {r.feedbackBy ? ` (${r.feedbackBy}, ${formatDate(r.feedbackAt)})` : ""}:
                    </p>
                    <p>{r.feedback}</p>
                  </div>
                ) : r.receivedAt ? (
                  <p className="meta">De aanvrager heeft nog niet laten weten wat er met deze gegevens is gedaan.</p>
                ) : null}
                {d.canManage && !r.receivedAt ? (
                  <Form method="post" className="inline-form">
                    <Csrf />
                    <Intent value="ontvangen" />
                    <input type="hidden" name="reportId" value={String(r.id)} />
                    <button type="submit" className="button-secondary">
                      Rapportage ontvangen
                    </button>
                  </Form>
                ) : null}
                {d.canManage && r.receivedAt ? (
                  <Form method="post" noValidate>
                    <Csrf />
                    <Intent value="terugkoppeling" />
                    <input type="hidden" name="reportId" value={String(r.id)} />
                    <FormError message={fb.formError} />
                    <Field
                      schema={opdrachtIntentSchemas.terugkoppeling}
                      id={`veld-feedback-${r.id}`}
                      label="Wat er met uw gegevens is gedaan"
                      name="feedback"
                      multiline
                      rows={3}
                      defaultValue={fb.values.feedback ?? r.feedback}
                      error={fb.fieldErrors.feedback}
                      hint="De teams zien dit bij het verzoek en krijgen er bericht van."
                    />
                    <button type="submit">{r.feedback ? "Terugkoppeling bijwerken" : "Terugkoppeling aan de teams"}</button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="empty">Er zijn geen rapportagemomenten afgesproken.</p>
      )}
      {d.canManage && d.item.status !== "afgerond" && d.item.status !== "gestopt" ? (
        <Form method="post" noValidate>
          <Csrf />
          <Intent value="moment" />
          <FormError message={add.formError} />
          <Field schema={opdrachtIntentSchemas.moment} label="Datum van een nieuw rapportagemoment" name="dueDate" type="date" defaultValue={add.values.dueDate} error={add.fieldErrors.dueDate} />
          <Field schema={opdrachtIntentSchemas.moment} label="Wat wordt er opgeleverd" name="title" defaultValue={add.values.title} error={add.fieldErrors.title} />
          <button type="submit" className="button-secondary">
            Moment toevoegen
          </button>
        </Form>
      ) : null}
    </section>
  );
}
