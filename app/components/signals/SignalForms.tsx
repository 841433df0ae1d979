// The forms on the signal page. Each posts its `intent` to the route's action (handler map in
// app/routes/signalen.$id.tsx, schemas in ~/shared/signal-forms) and shows its own refusal.
import { Form } from "@remix-run/react";
import { useState } from "react";
import { Csrf, FormError, Intent, Select, Textarea, refusalFor } from "~/components/forms";
import { signalIntentSchemas } from "~/shared/signal-forms";
import type { SignalStatus, TextRule } from "~/shared/signals";
import type { PrivacyContext } from "~/shared/privacy-guard";
import { PrivacyHint } from "./SignalUi";

/** A textarea with the live privacy hint; limit and "verplicht" from the schema unless given. */
function TextField(p: {
  id: string;
  name: string;
  label: string;
  schema: (typeof signalIntentSchemas)[keyof typeof signalIntentSchemas];
  /** Whose text this is: the hint says what applies to this form (as the server does). */
  context: PrivacyContext;
  required?: boolean;
  defaultValue: string;
  error?: string;
  hint?: string;
}) {
  const [text, setText] = useState(p.defaultValue);
  return (
    <Textarea
      id={p.id}
      name={p.name}
      label={p.label}
      schema={p.schema}
      required={p.required ?? false}
      markOptional
      rows={3}
      hint={p.hint}
      defaultValue={p.defaultValue}
      error={p.error}
      onInput={setText}
      describedBy={`${p.id}-privacy`}
    >
      <PrivacyHint id={`${p.id}-privacy`} text={text} context={p.context} error={p.error} />
    </Textarea>
  );
}

const TEXT_LABELS: Record<SignalStatus, { label: string; hint?: string }> = {
  in_behandeling: { label: "Toelichting voor de melder" },
  informatie_gevraagd: { label: "Uw vraag aan de melder", hint: "De melder krijgt de vraag per e-mail en kan op deze pagina antwoorden." },
  afgehandeld: { label: "Terugkoppeling aan de melder", hint: "Wat is er met het signaal gedaan? De melder krijgt deze tekst per e-mail." },
  niet_opgepakt: { label: "Reden (wordt aan de melder teruggekoppeld)", hint: "Leg uit waarom het signaal niet wordt opgepakt en waar het eventueel wel hoort." },
  heropend: { label: "Waarom heropent u het signaal?" },
  nieuw: { label: "Toelichting" },
  samengevoegd: { label: "Toelichting" },
};

export function StatusForm({ to, text, label, result, forReporter }: { to: SignalStatus; text: TextRule; label: string; result: unknown; forReporter?: boolean }) {
  const mine = refusalFor(result, "status", to);
  const fieldLabel = forReporter && to === "in_behandeling" ? { label: "Uw antwoord aan de regisseur" } : TEXT_LABELS[to];
  return (
    <Form method="post" className="card action-form" noValidate>
      <Csrf />
      <Intent value="status" />
      <input type="hidden" name="to" value={to} />
      <FormError message={mine.formError} />
      <TextField
        id={`tekst-${forReporter ? "melder-" : ""}${to}`}
        name="text"
        label={fieldLabel.label}
        hint={fieldLabel.hint}
        schema={signalIntentSchemas.status}
        required={text !== "none"}
        defaultValue={mine.values.text ?? ""}
        error={mine.fieldErrors.text}
        context={forReporter ? "signaal" : "terugkoppeling"}
      />
      <button type="submit">{label}</button>
    </Form>
  );
}

/** The confirmation after each form, keyed by the `gedaan` the action redirects with. */
export const DONE: Record<string, string> = {
  gemeld: "Uw signaal is verstuurd. De regisseur van de keten heeft het ontvangen; u krijgt bericht bij elke statuswijziging.",
  status: "De status is gewijzigd. De melder is op de hoogte gebracht.",
  herken: "U heeft aangegeven dat u dit signaal herkent.",
  "herken-intrekken": "Uw herkenning is ingetrokken.",
  samenvoegen: "Het signaal is samengevoegd. De melder volgt nu het overgebleven signaal.",
  koppelen: "De koppeling is vastgelegd.",
  ontkoppelen: "De koppeling is verwijderd.",
  eigenaar: "Het signaal is overgedragen aan de andere keten.",
};

type Option = { value: string; label: string };

export function MergeForm({ candidates, result }: { candidates: { id: number; title: string }[]; result: unknown }) {
  const mine = refusalFor(result, "samenvoegen");
  return (
    <Form method="post" className="card action-form" noValidate>
      <h3>Samenvoegen met een ander signaal</h3>
      <Csrf />
      <Intent value="samenvoegen" />
      <FormError message={mine.formError} />
      <Select
        label="Dit signaal is een dubbele melding van"
        name="survivorId"
        placeholder="Kies het signaal dat blijft"
        options={candidates.map((c) => ({ value: String(c.id), label: `#${c.id} ${c.title}` }))}
        defaultValue={mine.values.survivorId}
        error={mine.fieldErrors.survivorId}
      />
      <TextField id="tekst-samenvoegen" name="note" label="Toelichting voor de melder" schema={signalIntentSchemas.samenvoegen} context="terugkoppeling" defaultValue={mine.values.note ?? ""} error={mine.fieldErrors.note} />
      <button type="submit" className="button-secondary">
        Samenvoegen
      </button>
    </Form>
  );
}

export function TransferForm({ ketens, result }: { ketens: Option[]; result: unknown }) {
  const mine = refusalFor(result, "eigenaar");
  return (
    <Form method="post" className="card action-form" noValidate>
      <h3>Eigenaarschap overdragen</h3>
      <Csrf />
      <Intent value="eigenaar" />
      <FormError message={mine.formError} />
      <Select id="veld-eigenaar" label="Nieuwe eigenaar-keten" name="ketenId" options={ketens} error={mine.fieldErrors.ketenId} />
      <button type="submit" className="button-secondary">
        Overdragen
      </button>
    </Form>
  );
}

export function LinkForm({ options, result }: { options: { proposals: Option[]; versions: Option[]; documents: Option[] }; result: unknown }) {
  const mine = refusalFor(result, "koppelen");
  return (
    <Form method="post" className="card action-form" noValidate>
      <Csrf />
      <Intent value="koppelen" />
      <FormError message={mine.formError} />
      <Select
        label="Koppelen aan een wijzigingsvoorstel of document"
        name="target"
        defaultValue=""
        placeholder="Kies een voorstel of document"
        error={mine.fieldErrors.target}
        groups={[
          { label: "Wijzigingsvoorstellen", options: options.proposals },
          { label: "Documentversies", options: options.versions },
          { label: "Documenten", options: options.documents },
        ]}
      />
      <button type="submit" className="button-secondary">
        Koppeling vastleggen
      </button>
    </Form>
  );
}

export function UnlinkForm({ linkId, title }: { linkId: number; title: string }) {
  return (
    <Form method="post" className="signal-inline-form">
      <Csrf />
      <Intent value="ontkoppelen" />
      <input type="hidden" name="linkId" value={linkId} />
      <button type="submit" className="button-link">
        Koppeling verwijderen<span className="visually-hidden"> naar {title}</span>
      </button>
    </Form>
  );
}

export function RecogniseForm({ wijken, result }: { wijken: { id: number; name: string }[]; result: unknown }) {
  const mine = refusalFor(result, "herken");
  return (
    <Form method="post" className="card action-form" noValidate>
      <Csrf />
      <Intent value="herken" />
      <FormError message={mine.formError} />
      <TextField id="tekst-herken" name="note" label="Korte toelichting" hint="Waar en hoe ziet u dit ook?" schema={signalIntentSchemas.herken} context="herkenning" defaultValue={mine.values.note ?? ""} error={mine.fieldErrors.note} />
      <Select
        label="In welke wijk ziet u het?"
        name="wijkId"
        placeholder="Geen specifieke wijk"
        options={wijken.map((w) => ({ value: String(w.id), label: w.name }))}
        defaultValue={mine.values.wijkId}
        error={mine.fieldErrors.wijkId}
      />
      <button type="submit">Herken ik</button>
    </Form>
  );
}

export function WithdrawRecognitionForm() {
  return (
    <Form method="post">
      <Csrf />
      <Intent value="herken-intrekken" />
      <button type="submit" className="button-link">
        Mijn herkenning intrekken
      </button>
    </Form>
  );
}
