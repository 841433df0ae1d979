import { Form } from "@remix-run/react";
import { Csrf, Field, FormError } from "./ui";

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
      <input type="hidden" name="intent" value="save" />
      <FormError message={props.formError} />
      <Field label="Naam" name="name" required maxLength={120} defaultValue={p?.name} error={e.name} />
      <Field label="E-mailadres" name="email" type="email" required maxLength={254} defaultValue={p?.email} error={e.email} />
      <Field label="Functie" name="functie" maxLength={120} defaultValue={p?.functie} error={e.functie} />
      <div className={`field${e.organisationId ? " field-error" : ""}`}>
        <label htmlFor="veld-organisationId">
          Organisatie<span className="required"> (verplicht)</span>
        </label>
        {e.organisationId ? (
          <p className="error-text" id="veld-organisationId-fout">
            {e.organisationId}
          </p>
        ) : null}
        <select
          id="veld-organisationId"
          name="organisationId"
          defaultValue={p?.organisationId ?? ""}
          aria-invalid={e.organisationId ? true : undefined}
          aria-describedby={e.organisationId ? "veld-organisationId-fout" : undefined}
        >
          <option value="">Kies een organisatie</option>
          {props.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
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
      <Field label="Wachtwoord" name="password" type="password" autoComplete="new-password" hint={props.passwordHint} error={e.password} maxLength={200} />
      <button type="submit">{props.submitLabel}</button>
    </Form>
  );
}
