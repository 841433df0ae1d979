// The one set of form fields, and the one way a page shows a refusal.
//
// Fields: <Field/>, <Textarea/>, <Select/>, <Checkboxes/>. Pass the intent's zod schema and
// the field takes `required` and the length limit from it, so the limit in the browser is
// the one the action enforces (props still override, e.g. a hand-written hint).
//
// Refusals: an action built with action() (app/http/action.server.ts) returns the Refusal
// shape. A form reads its own part with refusalFor(result, intent, target) and shows it in
// place; <PageRefusal/> at the top of the page shows a refusal that no form on the page at
// that moment can show (the step changed meanwhile, a stale tab, a hand-made post), so no
// refusal is ever lost.
import { useActionData, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useSyncExternalStore, type MouseEvent, type ReactNode } from "react";
import { z } from "zod";
import { isRefusal } from "~/http/refusal";

// ------------------------------------------------------------------ refusals

export type FormErrors = {
  formError: string | undefined;
  fieldErrors: Record<string, string>;
  /** Posted values as text (the first value of a repeated field). */
  values: Record<string, string>;
  /** Posted values as lists (checkbox groups). */
  lists: Record<string, string[]>;
};

const NONE: FormErrors = { formError: undefined, fieldErrors: {}, values: {}, lists: {} };

/**
 * The refusal for one form: matched by intent (omit it on a page with one form) and, for a
 * form about one item among several (answer comment 12, move to status X), by target.
 */
export function refusalFor(result: unknown, intent?: string, target?: string): FormErrors {
  if (!isRefusal(result)) return NONE;
  if (intent !== undefined && result.intent !== intent) return NONE;
  if (target !== undefined && result.target !== target) return NONE;
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(result.values ?? {})) {
    values[k] = Array.isArray(v) ? (v[0] ?? "") : v;
    lists[k] = Array.isArray(v) ? v : [v];
  }
  return { formError: result.formError, fieldErrors: result.fieldErrors ?? {}, values, lists };
}

/** The id a field's control gets unless it is given one (<Field/>, <Select/>, <Checkboxes/>). */
export const fieldIdOf = (name: string) => `veld-${name}`;

/**
 * The form-level message, inside the form it belongs to: an error summary. After a refused
 * post it takes the focus (so a keyboard or screen-reader user lands on it, not on the submit
 * button at the bottom of a long form), says what was wrong and links each message to its
 * field. `fieldErrors` default to those of the page's refusal with this message.
 */
export function FormError({ message, fieldErrors }: { message?: string | null; fieldErrors?: Record<string, string> }) {
  const result = useActionData();
  const own = fieldErrors ?? (isRefusal(result) && result.formError === message ? result.fieldErrors : undefined);
  if (!message) return null;
  return <ErrorSummary message={message} fieldErrors={own ?? {}} links trigger={result} />;
}

/**
 * One error summary: a heading with the form's message (without repeating a field's own
 * message), and per field its message, as a link to the field when the field is on the page.
 * Focused when it appears and after every new refusal (`trigger` changes per post).
 */
const noSubscription = () => () => {};

export function ErrorSummary({ message, fieldErrors, links, trigger }: { message: string; fieldErrors: Record<string, string>; links: boolean; trigger?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  // In the running page each link names its field (its label or legend) from the first render
  // on, and the message stays next to the field only; the server-rendered page (no JavaScript,
  // and the hydration of such a page) lists the messages.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const labels: Record<string, string> = {};
  if (inBrowser) {
    for (const name of Object.keys(fieldErrors)) {
      const label = fieldLabel(document, name);
      if (label) labels[name] = label;
    }
  }
  useEffect(() => {
    ref.current?.focus();
  }, [message, fieldErrors, trigger]);
  const fields = Object.entries(fieldErrors).filter(([name, m]) => m && name !== "_form");
  let heading = message;
  for (const [, m] of fields) {
    if (heading === m) heading = "Controleer de gemarkeerde velden.";
  }
  const seen = new Set<string>();
  const items = fields.filter(([, m]) => (seen.has(m) ? false : (seen.add(m), true)));
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary-title">{heading}</p>
      {items.length ? (
        <ul>
          {items.map(([name, m]) => (
            <li key={name}>
              {links ? (
                <a href={`#${fieldIdOf(name)}`} onClick={(e) => jumpToField(e, name)}>
                  {links && labels[name] ? labels[name] : m}
                </a>
              ) : (
                m
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The visible name of a field on the page: its label, or the legend of its group. */
function fieldLabel(form: ParentNode, name: string): string | undefined {
  const control = document.getElementById(fieldIdOf(name)) ?? form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  if (!control) return undefined;
  const group = control.matches("fieldset") ? control : control.matches("input[type=radio], input[type=checkbox]") ? control.closest("fieldset") : null;
  const el = group ? group.querySelector("legend") : control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  const text = el?.textContent?.replace(/\s*\((verplicht|optioneel)\)\s*$/, "").trim();
  return text || undefined;
}

/** Focus the field itself (the first control of a group), not just scroll to it. */
function jumpToField(e: MouseEvent<HTMLAnchorElement>, name: string) {
  const form = e.currentTarget.closest("form") ?? document;
  const byId = document.getElementById(fieldIdOf(name));
  const target =
    byId && byId.matches("input, select, textarea")
      ? byId
      : (byId?.querySelector<HTMLElement>("input, select, textarea") ?? form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`));
  if (!target) return;
  e.preventDefault();
  target.focus();
}

/**
 * Page-level alert for a refusal that no form on the page shows: `shownBy` lists the forms
 * on the page right now as "intent" or "intent:target". Field messages of such a form are
 * listed too (as text: their fields are not on the page).
 */
export function PageRefusal({ result, shownBy }: { result: unknown; shownBy: string[] }) {
  if (!isRefusal(result)) return null;
  const key = result.target ? `${result.intent}:${result.target}` : result.intent;
  if (shownBy.includes(key) || shownBy.includes(result.intent)) return null;
  return <ErrorSummary message={result.formError} fieldErrors={result.fieldErrors ?? {}} links={false} trigger={result} />;
}

/** Hidden CSRF field for every form that posts. */
export function Csrf() {
  const data = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

/** The hidden field that picks the action's handler. */
export function Intent({ value }: { value: string }) {
  return <input type="hidden" name="intent" value={value} />;
}

// ------------------------------------------------------------------ limits from the schema

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObjectSchema = z.ZodObject<any> | z.ZodEffects<z.ZodObject<any>>;

function shapeOf(schema: AnyObjectSchema): z.ZodRawShape {
  return schema instanceof z.ZodEffects ? (schema.innerType() as z.ZodObject<z.ZodRawShape>).shape : schema.shape;
}

/** `required` and `maxLength` of one field, read from the zod schema (through optional/transform/preprocess). */
export function limitsOf(schema: AnyObjectSchema | undefined, name: string): { required?: boolean; maxLength?: number } {
  if (!schema) return {};
  let s: z.ZodTypeAny | undefined = shapeOf(schema)[name];
  if (!s) return {};
  const required = !s.isOptional();
  for (let i = 0; i < 8 && s; i++) {
    if (s instanceof z.ZodString) return { required, maxLength: s.maxLength ?? undefined };
    if (s instanceof z.ZodEffects) s = s.innerType();
    else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodPipeline) s = s._def.in;
    else break;
  }
  return { required };
}

// ------------------------------------------------------------------ fields

type Common = {
  label: ReactNode;
  name: string;
  /** The intent's schema: gives `required` and `maxLength` unless passed explicitly. */
  schema?: AnyObjectSchema;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /** Say "(optioneel)" after the label of a field that is not required. */
  markOptional?: boolean;
  id?: string;
  /** Extra ids for aria-describedby (e.g. a live privacy hint below the field). */
  describedBy?: string;
  children?: ReactNode;
};

function fieldIds(p: Common) {
  const fieldId = p.id ?? fieldIdOf(p.name);
  const describedBy = [p.hint ? `${fieldId}-hint` : null, p.error ? `${fieldId}-fout` : null, p.describedBy ?? null].filter(Boolean).join(" ") || undefined;
  return { fieldId, describedBy };
}

/** Label, hint and error wired up for screen readers, around any control. */
function Wrapper({ p, fieldId, required, control }: { p: Common; fieldId: string; required?: boolean; control: ReactNode }) {
  return (
    <div className={`field${p.error ? " field-error" : ""}`}>
      <label htmlFor={fieldId}>
        {p.label}
        {required ? <span className="required"> (verplicht)</span> : p.markOptional ? <span className="required"> (optioneel)</span> : null}
      </label>
      {p.hint ? (
        <p className="hint" id={`${fieldId}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p className="error-text" id={`${fieldId}-fout`}>
          {p.error}
        </p>
      ) : null}
      {control}
      {p.children}
    </div>
  );
}

type FieldProps = Common & {
  type?: string;
  defaultValue?: string | number;
  maxLength?: number;
  autoComplete?: string;
  /** Render a <Textarea/> instead (same props). */
  multiline?: boolean;
  rows?: number;
  onInput?: (value: string) => void;
};

/** A labelled input (or, with `multiline`, a textarea). */
export function Field(p: FieldProps) {
  if (p.multiline) return <Textarea {...p} />;
  const { fieldId, describedBy } = fieldIds(p);
  const limits = limitsOf(p.schema, p.name);
  const required = p.required ?? limits.required;
  return (
    <Wrapper
      p={p}
      fieldId={fieldId}
      required={required}
      control={
        <input
          id={fieldId}
          name={p.name}
          type={p.type ?? "text"}
          defaultValue={p.defaultValue}
          required={required}
          maxLength={p.maxLength ?? limits.maxLength}
          autoComplete={p.autoComplete}
          onInput={p.onInput ? (e) => p.onInput?.(e.currentTarget.value) : undefined}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
        />
      }
    />
  );
}

type TextareaProps = Common & {
  defaultValue?: string | number;
  maxLength?: number;
  rows?: number;
  /** Leave the limit off the element (and say it in the hint) where a refused over-long text should come back whole. */
  noMaxLength?: boolean;
  onInput?: (value: string) => void;
};

export function Textarea(p: TextareaProps) {
  const { fieldId, describedBy } = fieldIds(p);
  const limits = limitsOf(p.schema, p.name);
  const required = p.required ?? limits.required;
  return (
    <Wrapper
      p={p}
      fieldId={fieldId}
      required={required}
      control={
        <textarea
          id={fieldId}
          name={p.name}
          rows={p.rows ?? 4}
          defaultValue={p.defaultValue}
          required={required}
          maxLength={p.noMaxLength ? undefined : (p.maxLength ?? limits.maxLength)}
          onInput={p.onInput ? (e) => p.onInput?.(e.currentTarget.value) : undefined}
          aria-invalid={p.error ? true : undefined}
          aria-describedby={describedBy}
        />
      }
    />
  );
}

export type Option = { value: string; label: string };

type SelectProps = Common & {
  options?: Option[];
  /** Option groups, after the plain options. */
  groups?: { label: string; options: Option[] }[];
  /** A first, empty choice ("Kies ..."). */
  placeholder?: string;
  defaultValue?: string;
};

export function Select(p: SelectProps) {
  const { fieldId, describedBy } = fieldIds(p);
  // No schema-derived `required` here: a native required select would block the post before
  // the server can explain what is missing, and the label says so only where asked.
  return (
    <Wrapper
      p={p}
      fieldId={fieldId}
      required={p.required}
      control={
        <select id={fieldId} name={p.name} defaultValue={p.defaultValue} aria-invalid={p.error ? true : undefined} aria-describedby={describedBy}>
          {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
          {(p.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {(p.groups ?? []).map((g) =>
            g.options.length ? (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : null,
          )}
        </select>
      }
    />
  );
}

/** A group of checkboxes (or radios) with one legend and one error. */
export function Checkboxes(p: {
  legend: ReactNode;
  name: string;
  options: Option[];
  checked?: Iterable<string>;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  type?: "checkbox" | "radio";
  id?: string;
}) {
  const id = p.id ?? fieldIdOf(p.name);
  const checked = new Set(p.checked ?? []);
  const describedBy = [p.hint ? `${id}-hint` : null, p.error ? `${id}-fout` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} className={p.error ? "field-error" : undefined} aria-describedby={describedBy}>
      <legend>
        {p.legend}
        {p.required ? " (verplicht)" : null}
      </legend>
      {p.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p className="error-text" id={`${id}-fout`}>
          {p.error}
        </p>
      ) : null}
      {p.options.map((o) => (
        <label key={o.value} className="check">
          <input type={p.type ?? "checkbox"} name={p.name} value={o.value} defaultChecked={checked.has(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}
