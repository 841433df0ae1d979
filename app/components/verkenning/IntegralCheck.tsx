// The integral check of a concept: one row per keten (required or not, answered or not), the
// form for the regisseur of a keten, the deadline and, after it, the owner's "toch doorgaan".
import { Form } from "@remix-run/react";
import { Checkboxes, Csrf, Field, FormError, Intent, refusalFor } from "~/components/forms";
import { PlainText } from "~/components/consultation/ui";
import { Notice, formatDate } from "~/components/ui";
import { integralIntentSchemas } from "~/shared/verkenning-forms";
import { KETEN_CHECK_LABELS } from "~/shared/verkenning";

type Keten = {
  ketenId: number;
  name: string;
  regisseurName: string | null;
  own: boolean;
  required: boolean;
  canRecord: boolean;
  members: { id: number; name: string }[];
  answer: { touches: boolean; organisations: string[]; organisationIds: number[]; note: string; byName: string | null; at: string } | null;
};
export type IntegralCheckData = {
  proposal: { id: number; status: string };
  ketens: Keten[];
  deadline: string | null;
  override: { reason: string; byName: string | null; at: string } | null;
  missing: string[];
  complete: boolean;
  can: { manage: boolean; override: boolean };
};

function KetenForm({ k, actionResult }: { k: Keten; actionResult: unknown }) {
  const r = refusalFor(actionResult, "ketentoets", String(k.ketenId));
  const touches = r.values.touches ?? (k.answer ? (k.answer.touches ? "ja" : "nee") : "");
  return (
    <Form method="post" noValidate>
      <Csrf />
      <Intent value="ketentoets" />
      <input type="hidden" name="ketenId" value={k.ketenId} />
      <FormError message={r.formError} />
      <Checkboxes
        id={`raakt-${k.ketenId}`}
        type="radio"
        legend={`Raakt deze wijziging de keten ${k.name}?`}
        name="touches"
        required
        options={[
          { value: "ja", label: "Ja" },
          { value: "nee", label: "Nee" },
        ]}
        checked={touches ? [touches] : []}
        error={r.fieldErrors.touches}
      />
      <Checkboxes
        id={`organisaties-${k.ketenId}`}
        legend="Welke organisaties van uw keten raakt het?"
        name="organisations"
        options={k.members.map((m) => ({ value: String(m.id), label: m.name }))}
        checked={r.lists.organisations ?? k.answer?.organisationIds.map(String) ?? []}
        error={r.fieldErrors.organisations}
      />
      <Field schema={integralIntentSchemas.ketentoets} id={`toelichting-${k.ketenId}`} multiline rows={3} label="Toelichting" name="note" markOptional defaultValue={r.values.note ?? k.answer?.note ?? ""} error={r.fieldErrors.note} />
      <button type="submit">Toets vastleggen voor {k.name}</button>
    </Form>
  );
}

export function IntegralCheckSection({ data, actionResult }: { data: IntegralCheckData; actionResult: unknown }) {
  const deadline = refusalFor(actionResult, "termijn");
  const override = refusalFor(actionResult, "doorgaan");
  return (
    <section aria-labelledby="kop-toets">
      <h2 id="kop-toets">Integrale toets</h2>
      <p>
        Vóór de consultatie kijkt de regisseur van elke keten of dit concept de eigen keten raakt. De consultatie opent pas als elke keten waar een geraakte organisatie lid van is, heeft geantwoord.
        {data.deadline ? ` Uiterste datum: ${formatDate(data.deadline)}.` : ""}
      </p>
      {data.override ? (
        <Notice tone="warning">
          {data.override.byName} is op {formatDate(data.override.at)} doorgegaan zonder antwoord van alle ketens. Reden: <PlainText text={data.override.reason} />
        </Notice>
      ) : data.missing.length ? (
        <Notice tone="warning">Nog geen antwoord van: {data.missing.join(", ")}.</Notice>
      ) : (
        <Notice tone="success">Alle ketens die het moeten zeggen, hebben geantwoord.</Notice>
      )}
      <ul className="cards keten-checks">
        {data.ketens.map((k) => (
          <li key={k.ketenId} className="card" aria-labelledby={`toets-${k.ketenId}`}>
            <h3 id={`toets-${k.ketenId}`}>{k.name}</h3>
            <p className="meta">
              Regisseur: {k.regisseurName ?? "geen"} · {k.own ? "eigen keten van dit voorstel" : k.required ? "antwoord nodig" : "geen geraakte organisatie in deze keten"}
            </p>
            {k.answer ? (
              <>
                <p>
                  <span className={`status ${k.answer.touches ? "status-warn" : "status-ok"}`}>{k.answer.touches ? KETEN_CHECK_LABELS.ja : KETEN_CHECK_LABELS.nee}</span>
                  {k.answer.organisations.length ? ` · ${k.answer.organisations.join(", ")}` : ""}
                </p>
                {k.answer.note ? <PlainText text={k.answer.note} /> : null}
                <p className="meta">
                  Vastgelegd door {k.answer.byName} op {formatDate(k.answer.at)}
                </p>
              </>
            ) : !k.own ? (
              <p>{k.required ? "Nog niet beantwoord." : "Niet nodig, wel mogelijk."}</p>
            ) : null}
            {k.canRecord ? <KetenForm k={k} actionResult={actionResult} /> : null}
          </li>
        ))}
      </ul>
      {data.can.manage && !data.override ? (
        <Form method="post" noValidate className="card">
          <Csrf />
          <Intent value="termijn" />
          <FormError message={deadline.formError} />
          <Field schema={integralIntentSchemas.termijn} type="date" label="Uiterste datum van de integrale toets" name="deadline" defaultValue={deadline.values.deadline ?? data.deadline ?? ""} error={deadline.fieldErrors.deadline} hint="De regisseurs van de ketens die nog moeten antwoorden, krijgen bericht." />
          <button type="submit" className="button-secondary">
            Termijn opslaan en ketens vragen
          </button>
        </Form>
      ) : null}
      {data.can.override ? (
        <Form method="post" noValidate className="card">
          <h3 id="kop-doorgaan">Toch doorgaan</h3>
          <Csrf />
          <Intent value="doorgaan" />
          <FormError message={override.formError} />
          <Field schema={integralIntentSchemas.doorgaan} multiline rows={3} label="Reden" name="reason" defaultValue={override.values.reason} error={override.fieldErrors.reason} hint="De termijn is verstreken. De reden blijft bij het voorstel staan." />
          <button type="submit">Doorgaan zonder alle ketens</button>
        </Form>
      ) : null}
    </section>
  );
}

type CheckSummary = { required: number; answered: number; touching: string[]; missing: string[]; deadline: string | null; overridden: boolean };

/** One line on the proposal page of a concept: how far the integral check is, with a link to it. */
export function IntegralCheckLine({ summary, proposalId }: { summary: CheckSummary | null; proposalId: number }) {
  if (!summary) return null;
  const text = summary.overridden
    ? "Integrale toets: de eigenaar is na de termijn doorgegaan zonder alle ketens."
    : summary.missing.length
      ? `Integrale toets: ${summary.answered} van ${summary.required} ketens hebben geantwoord; nog niet: ${summary.missing.join(", ")}.${summary.deadline ? ` Uiterste datum ${formatDate(summary.deadline)}.` : ""}`
      : `Integrale toets rond${summary.touching.length ? `; raakt ook ${summary.touching.join(", ")}` : ""}.`;
  return (
    <Notice tone={summary.missing.length && !summary.overridden ? "warning" : "info"}>
      {text} <a href={`/wijzigingen/${proposalId}/integraal`}>Naar de integrale toets</a>
    </Notice>
  );
}
