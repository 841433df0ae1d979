// "Nog niet bekend" (tot nader orde) on the timeline: the marker beside a date, with its
// reason and the promised day (overdue once that day has passed), and the owner's form.
import { Form } from "@remix-run/react";
import { Csrf, Field, FormError, formatDate } from "~/components/ui";
import { Intent, Select, refusalFor } from "~/components/forms";
import { UNKNOWN_DATE_TEXT } from "~/shared/pilot";
import { DATE_LABELS, type DateField } from "~/shared/proposal-dates";

type Unknown = { reason: string; knownBy: string; overdue: boolean } | null;

export function UnknownMarker({ unknown }: { unknown: Unknown }) {
  if (!unknown) return null;
  return (
    <>
      {" "}
      <span className="tag">{UNKNOWN_DATE_TEXT}</span>
      {unknown.overdue ? (
        <span className="status status-bad">
          <span className="visually-hidden">, </span>achter: de nieuwe datum zou uiterlijk {formatDate(unknown.knownBy)} bekend zijn
        </span>
      ) : (
        <span className="meta"> · nieuwe datum uiterlijk {formatDate(unknown.knownBy)} bekend</span>
      )}
      <span className="meta"> · {unknown.reason}</span>
    </>
  );
}

export function UnknownDateForm({ fields, result }: { fields: readonly DateField[]; result: unknown }) {
  const r = refusalFor(result, "unknown");
  if (!fields.length) return null;
  return (
    <section aria-labelledby="kop-nog-niet-bekend" className="card">
      <h2 id="kop-nog-niet-bekend">Datum nog niet bekend</h2>
      <p>Is een datum onzeker geworden, zet hem dan op ‘{UNKNOWN_DATE_TEXT}’ in plaats van een datum te noemen die niet klopt. Alle genodigden krijgen bericht, met de reden en de dag waarop de nieuwe datum bekend is. De datum verdwijnt uit de agenda-bijlage.</p>
      <Form method="post" noValidate>
        <Csrf />
        <Intent value="unknown" />
        <FormError message={r.formError} />
        <Select id="onbekend-veld" label="Welke datum?" name="field" required options={fields.map((f) => ({ value: f, label: DATE_LABELS[f] }))} defaultValue={r.values.field ?? fields[0]} error={r.fieldErrors.field} />
        <Field id="onbekend-reden" label="Waarom is de datum nog niet bekend?" name="reason" multiline rows={2} required defaultValue={r.values.reason} error={r.fieldErrors.reason} />
        <Field id="onbekend-bekend" label="Bekend uiterlijk op" name="knownBy" type="date" required defaultValue={r.values.knownBy} error={r.fieldErrors.knownBy} hint="Gaat deze dag voorbij zonder nieuwe datum, dan krijgt u een herinnering en staat de datum als ‘achter’ op de tijdlijn." />
        <button type="submit" className="button-secondary">
          Op ‘nog niet bekend’ zetten en melden
        </button>
      </Form>
    </section>
  );
}
