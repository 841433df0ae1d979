import { Form } from "@remix-run/react";
import type { Role } from "~/db/enums";
import { Csrf, Field, FormError } from "~/components/ui";

const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "lezer", label: "Lezer" },
  { value: "redacteur", label: "Redacteur" },
  { value: "regisseur", label: "Regisseur" },
];

export type ProviderFormValues = {
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  domains: string;
  provision: boolean;
  provisionRole: Role;
  active: boolean;
};

export function ProviderForm({ values, formError, fieldErrors }: { values: ProviderFormValues | null; formError?: string; fieldErrors: Record<string, string> }) {
  return (
    <Form method="post" noValidate>
      <Csrf />
      <FormError message={formError} />
      <Field label="Issuer-URL" name="issuer" required defaultValue={values?.issuer} error={fieldErrors.issuer} hint="Het adres van de OpenID Connect-dienst, bijvoorbeeld https://login.microsoftonline.com/<tenant>/v2.0." maxLength={500} />
      <Field label="Client-id" name="clientId" required defaultValue={values?.clientId} error={fieldErrors.clientId} maxLength={200} />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="off"
        required={!values?.hasSecret}
        error={fieldErrors.clientSecret}
        hint={values?.hasSecret ? "Er is een secret opgeslagen. Laat leeg om het te houden." : "Het secret wordt niet meer getoond na opslaan."}
      />
      <Field label="E-maildomeinen" name="domains" required defaultValue={values?.domains} error={fieldErrors.domains} hint="Wie met een adres in deze domeinen inlogt, gaat naar deze dienst. Scheid met komma's." maxLength={500} />
      <div className="field">
        <input type="checkbox" id="veld-provision" name="provision" defaultChecked={values?.provision ?? false} />{" "}
        <label htmlFor="veld-provision">Maak een account aan bij de eerste keer inloggen</label>
      </div>
      <div className="field">
        <label htmlFor="veld-provisionRole">Rol van nieuwe accounts</label>
        <select id="veld-provisionRole" name="provisionRole" defaultValue={values?.provisionRole ?? "lezer"}>
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <input type="checkbox" id="veld-active" name="active" defaultChecked={values?.active ?? true} />{" "}
        <label htmlFor="veld-active">Inloggen via deze dienst is aan</label>
      </div>
      <button type="submit">Inlogdienst opslaan</button>
    </Form>
  );
}
