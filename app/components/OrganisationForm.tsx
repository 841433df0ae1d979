import { Form } from "@remix-run/react";
import { Csrf, Field, FormError } from "./ui";

const KINDS = [
  { value: "gemeente", label: "Gemeente" },
  { value: "afdeling", label: "Gemeentelijke afdeling" },
  { value: "wijkteam", label: "Wijkteamorganisatie" },
  { value: "ketenpartner", label: "Ketenpartner" },
];

export function OrganisationForm(props: {
  org?: { name: string; kind: string; description: string; color: string };
  formError?: string;
  fieldErrors: Record<string, string>;
  submitLabel: string;
}) {
  const o = props.org;
  const e = props.fieldErrors;
  return (
    <Form method="post" noValidate>
      <Csrf />
      <FormError message={props.formError} />
      <Field label="Naam" name="name" required maxLength={120} defaultValue={o?.name} error={e.name} />
      <div className={`field${e.kind ? " field-error" : ""}`}>
        <label htmlFor="veld-kind">
          Soort<span className="required"> (verplicht)</span>
        </label>
        {e.kind ? (
          <p className="error-text" id="veld-kind-fout">
            {e.kind}
          </p>
        ) : null}
        <select id="veld-kind" name="kind" defaultValue={o?.kind ?? ""} aria-invalid={e.kind ? true : undefined} aria-describedby={e.kind ? "veld-kind-fout" : undefined}>
          <option value="">Kies een soort</option>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <Field label="Omschrijving" name="description" multiline maxLength={1000} defaultValue={o?.description} error={e.description} />
      <Field label="Kleur (voor cursors en labels)" name="color" maxLength={7} defaultValue={o?.color ?? "#1f5f8b"} hint="Een hexadecimale kleur, bijvoorbeeld #1f5f8b." error={e.color} />
      <button type="submit">{props.submitLabel}</button>
    </Form>
  );
}
