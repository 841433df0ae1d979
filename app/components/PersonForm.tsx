import { Form } from "@remix-run/react";
import { personSchema } from "~/shared/schemas";
import { Csrf, Field, FormError, Intent, Select } from "./forms";

type Option = { id: number; name: string };
type Person = { name: string; email: string; functie: string; organisationId: number; roles: string[] };

const ROLE_OPTIONS = [
  { value: "lezer", label: "Lezer", hint: "leest documenten, meldt signalen" },
  { value: "redacteur", label: "Redacteur", hint: "bewerkt documenten van de eigen ketens" },
  { value: "regisseur", label: "Regisseur", hint: "gemeente: eigenaar van ketendocumenten en voorstellen" },
  { value: "beheerder", label: "Beheerder", hint: "beheert personen, organisaties en ketens" },
];

export function PersonForm(props: {
  organisations: Option[];
  person?: Person;
  formError?: string;
  fieldErrors: Record<string, string>;
  submitLabel: string;
  passwordHint: string;
}) {
  const p = props.person;
  const e = props.fieldErrors;
  return (
    <Form method="post" noValidate>
      <Csrf />
      <Intent value="save" />
      <FormError message={props.formError} />
      <Field schema={personSchema} label="Naam" name="name" defaultValue={p?.name} error={e.name} />
      <Field schema={personSchema} label="E-mailadres" name="email" type="email" defaultValue={p?.email} error={e.email} />
      <Field schema={personSchema} label="Functie" name="functie" defaultValue={p?.functie} error={e.functie} />
      <Select
        label="Organisatie"
        name="organisationId"
        required
        placeholder="Kies een organisatie"
        defaultValue={p?.organisationId ? String(p.organisationId) : ""}
        options={props.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        error={e.organisationId}
      />
      <fieldset aria-describedby={e.roles ? "veld-roles-fout" : undefined}>
        <legend>Rollen</legend>
        {e.roles ? (
          <p className="error-text" id="veld-roles-fout">
            {e.roles}
          </p>
        ) : null}
        {ROLE_OPTIONS.map((r) => (
          <div className="check" key={r.value}>
            <input type="checkbox" id={`rol-${r.value}`} name="roles" value={r.value} defaultChecked={p ? p.roles.includes(r.value) : r.value === "lezer"} />
            <label htmlFor={`rol-${r.value}`}>
              {r.label} <span className="meta">({r.hint})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <Field label="Wachtwoord" name="password" type="password" autoComplete="new-password" hint={props.passwordHint} error={e.password} schema={personSchema} />
      <button type="submit">{props.submitLabel}</button>
    </Form>
  );
}
