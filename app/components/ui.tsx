import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";

type RootLike = { csrfToken?: string } | undefined;

/** Hidden CSRF field for every form that posts. */
export function Csrf() {
  const data = useRouteLoaderData("root") as RootLike;
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "success" ? "status" : undefined}>
      {children}
    </div>
  );
}

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  type?: string;
  defaultValue?: string | number;
  required?: boolean;
  maxLength?: number;
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  id?: string;
};

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({ label, name, error, hint, type = "text", defaultValue, required, maxLength, autoComplete, multiline, rows = 4, id }: FieldProps) {
  const fieldId = id ?? `veld-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-fout` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: fieldId,
    name,
    defaultValue,
    required,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  } as const;
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={fieldId}>
        {label}
        {required ? <span className="required"> (verplicht)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" id={`${fieldId}-fout`}>
          {error}
        </p>
      ) : null}
      {multiline ? <textarea {...common} rows={rows} /> : <input {...common} type={type} autoComplete={autoComplete} />}
    </div>
  );
}

export function PageHeader({ title, lead, children }: { title: ReactNode; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return "—";
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return "—";
  return new Intl.DateTimeFormat("nl-NL", {
    timeZone: "Europe/Amsterdam",
    day: "numeric",
    month: "long",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(d);
}

/** Action data shape returned by formAction refusals. */
export type FormResult = { ok: false; formError: string; fieldErrors: Record<string, string> } | { ok: true; message?: string } | undefined;

export function errorsOf(result: unknown): { formError?: string; fieldErrors: Record<string, string> } {
  if (result && typeof result === "object" && "ok" in result && (result as { ok: boolean }).ok === false) {
    const r = result as unknown as { formError: string; fieldErrors: Record<string, string> };
    return { formError: r.formError, fieldErrors: r.fieldErrors ?? {} };
  }
  return { fieldErrors: {} };
}
