import { Form } from "@remix-run/react";
import { organisationSchema } from "~/shared/schemas";
import { Csrf, Field, FormError, Intent, Select } from "./forms";

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
      <Intent value="save" />
      <FormError message={props.formError} />
      <Field schema={organisationSchema} label="Naam" name="name" defaultValue={o?.name} error={e.name} />
      <Select label="Soort" name="kind" required placeholder="Kies een soort" defaultValue={o?.kind ?? ""} options={KINDS} error={e.kind} />
      <Field schema={organisationSchema} label="Omschrijving" name="description" multiline defaultValue={o?.description} error={e.description} />
      <Field label="Kleur (voor cursors en labels)" name="color" maxLength={7} defaultValue={o?.color ?? "#1f5f8b"} hint="Een hexadecimale kleur, bijvoorbeeld #1f5f8b." error={e.color} />
      <button type="submit">{props.submitLabel}</button>
    </Form>
  );
}
