// Small form pieces shared by the overleg pages: a labelled select and a posted button form.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Csrf } from "~/components/ui";

export function Select({ label, name, options, defaultValue, error, empty, id }: { label: string; name: string; options: { value: string; label: string }[]; defaultValue?: string; error?: string; empty?: string; id?: string }) {
  const fieldId = id ?? `veld-${name}`;
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {error ? (
        <p className="error-text" id={`${fieldId}-fout`}>
          {error}
        </p>
      ) : null}
      <select id={fieldId} name={name} defaultValue={defaultValue ?? ""} aria-describedby={error ? `${fieldId}-fout` : undefined} aria-invalid={error ? true : undefined}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A one-button form posting an intent (and hidden values) to the current route or `action`. */
export function IntentButton({ intent, values = {}, children, action, secondary }: { intent: string; values?: Record<string, string | number>; children: ReactNode; action?: string; secondary?: boolean }) {
  return (
    <Form method="post" action={action} className="inline-form">
      <Csrf />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      <button type="submit" className={secondary ? "button-secondary" : undefined}>
        {children}
      </button>
    </Form>
  );
}
