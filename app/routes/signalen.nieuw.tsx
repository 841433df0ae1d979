import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { formAction, intent } from "~/http/action.server";
import { reportFormOptions } from "~/domain/signals/queries.server";
import { reportSignal } from "~/domain/signals/signals.server";
import { clientDataErrors } from "~/domain/privacy.server";
import { TITLE_MAX, reportSignalSchema } from "~/shared/signal-forms";
import { page, requireActor } from "~/http/request.server";
import { PageHeader } from "~/components/ui";
import { Csrf, Field, FormError, Select, refusalFor } from "~/components/forms";
import { plural } from "~/shared/plural";
import { PrivacyHint, SignalNav } from "~/components/signals/SignalUi";

export const meta: MetaFunction = () => [{ title: "Signaal melden · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  requireActor(request);
  const url = new URL(request.url);
  const options = reportFormOptions();
  const doc = url.searchParams.get("document");
  const keten = url.searchParams.get("keten");
  return {
    options,
    prefill: {
      documentId: options.documents.find((d) => d.slug === doc || String(d.id) === doc)?.id ?? null,
      documentAnchor: (url.searchParams.get("passage") ?? "").slice(0, 300),
      ketenId: options.ketens.find((k) => k.slug === keten)?.id ?? null,
    },
  };
});

export const action = formAction({
  melden: intent({
    schema: reportSignalSchema,
    check: (posted) => clientDataErrors({ title: posted.title, description: posted.description, documentAnchor: posted.documentAnchor }),
    run({ actor, value }) {
      const id = reportSignal({ actor, ...value });
      return redirect(`/signalen/${id}?gedaan=gemeld`);
    },
  }),
});

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="error-text" id={id}>
      {message}
    </p>
  ) : null;
}

export default function SignaalMelden() {
  const { options, prefill } = useLoaderData<typeof loader>();
  const result = refusalFor(useActionData<typeof action>());
  const e = result.fieldErrors;
  const v = result.values;
  const asList = (k: string) => result.lists[k] ?? [];
  const busy = useNavigation().state === "submitting";
  const [title, setTitle] = useState(v.title ?? "");
  const [description, setDescription] = useState(v.description ?? "");
  const ownerKeten = v.ketenId || (prefill.ketenId ? String(prefill.ketenId) : "");
  const extra = new Set(asList("extraKetenIds"));
  const wijken = new Set(asList("wijken"));
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

  return (
    <div>
      <PageHeader
        title="Signaal melden"
        lead="Ziet u in de praktijk een knelpunt dat vaker voorkomt? Meld het hier. De regisseur van de keten krijgt het direct en geeft u binnen de terugkoppeltermijn antwoord."
      />
      <SignalNav />
      <div className="alert alert-warning">
        <strong>Een signaal gaat over een patroon, niet over één inwoner.</strong> Noem geen namen, BSN, geboortedata, telefoonnummers, e-mailadressen of
        adressen. Het portaal controleert dat vóór het opslaan.
      </div>
      <Form method="post" noValidate className="signal-form">
        <Csrf />
        <FormError message={result.formError} />

        <Field
          schema={reportSignalSchema}
          label="Titel"
          name="title"
          hint={`Eén zin: wat gaat er mis? Hoogstens ${TITLE_MAX} tekens.`}
          defaultValue={v.title}
          onInput={setTitle}
          error={e.title}
          describedBy="privacy-title"
        >
          <PrivacyHint id="privacy-title" text={title} error={e.title} />
        </Field>

        <Field
          schema={reportSignalSchema}
          label="Beschrijving"
          name="description"
          multiline
          rows={7}
          hint="Wat ziet u, hoe vaak, sinds wanneer, en wat is het gevolg voor inwoners of de samenwerking?"
          defaultValue={v.description}
          onInput={setDescription}
          error={e.description}
          describedBy="privacy-description"
        >
          <PrivacyHint id="privacy-description" text={description} error={e.description} />
        </Field>

        <fieldset id="veld-ketenId" aria-describedby={describedBy("keten-hint", e.ketenId && "keten-fout")} className={e.ketenId ? "field-error" : undefined}>
          <legend>
            Keten <span className="required">(verplicht)</span>
          </legend>
          <p className="hint" id="keten-hint">
            De regisseur van deze keten wordt eigenaar van het signaal en geeft u antwoord.
          </p>
          <ErrorText id="keten-fout" message={e.ketenId} />
          {options.ketens.map((k) => (
            <div className="check" key={k.id}>
              <input type="radio" id={`keten-${k.id}`} name="ketenId" value={k.id} defaultChecked={ownerKeten === String(k.id)} />
              <label htmlFor={`keten-${k.id}`}>
                {k.name}{" "}
                <span className="meta">
                  ({k.regisseurName ? `regisseur ${k.regisseurName}` : "nog geen regisseur"}, antwoord binnen {plural(k.feedbackDays, "werkdag", "werkdagen")})
                </span>
              </label>
            </div>
          ))}
        </fieldset>

        <fieldset aria-describedby="extra-hint">
          <legend>Speelt het ook in een andere keten?</legend>
          <p className="hint" id="extra-hint">
            Optioneel. De regisseurs van deze ketens zien het signaal ook.
          </p>
          {options.ketens.map((k) => (
            <div className="check" key={k.id}>
              <input type="checkbox" id={`extra-${k.id}`} name="extraKetenIds" value={k.id} defaultChecked={extra.has(String(k.id))} />
              <label htmlFor={`extra-${k.id}`}>{k.name}</label>
            </div>
          ))}
        </fieldset>

        <Select
          label="Thema"
          name="themaId"
          required
          placeholder="Kies een thema"
          options={options.themas.map((t) => ({ value: String(t.id), label: t.name }))}
          defaultValue={v.themaId}
          error={e.themaId}
        />

        <fieldset id="veld-wijken" aria-describedby={describedBy("wijken-hint", e.wijken && "wijken-fout")} className={e.wijken ? "field-error" : undefined}>
          <legend>
            Wijk(en) <span className="required">(verplicht)</span>
          </legend>
          <p className="hint" id="wijken-hint">
            Kies een of meer wijken, of &quot;Stadsbreed&quot; als het overal speelt.
          </p>
          <ErrorText id="wijken-fout" message={e.wijken} />
          <div className="check">
            <input type="checkbox" id="wijk-stadsbreed" name="wijken" value="stadsbreed" defaultChecked={wijken.has("stadsbreed")} />
            <label htmlFor="wijk-stadsbreed">Stadsbreed</label>
          </div>
          <div className="check-columns">
            {options.wijken.map((w) => (
              <div className="check" key={w.id}>
                <input type="checkbox" id={`wijk-${w.id}`} name="wijken" value={w.id} defaultChecked={wijken.has(String(w.id))} />
                <label htmlFor={`wijk-${w.id}`}>{w.name}</label>
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset aria-describedby="doc-hint">
          <legend>Gaat het over een passage in een document?</legend>
          <p className="hint" id="doc-hint">
            Optioneel: bijvoorbeeld een werkafspraak die in de praktijk niet werkt.
          </p>
          <Select
            label="Document"
            name="documentId"
            placeholder="Geen document"
            options={options.documents.map((d) => ({ value: String(d.id), label: d.title }))}
            defaultValue={v.documentId || String(prefill.documentId ?? "")}
            error={e.documentId}
          />
          <Field schema={reportSignalSchema} label="Passage (kop of citaat)" name="documentAnchor" defaultValue={v.documentAnchor || prefill.documentAnchor} error={e.documentAnchor} />
        </fieldset>

        <button type="submit" disabled={busy}>
          {busy ? "Bezig met versturen…" : "Signaal versturen"}
        </button>
      </Form>
    </div>
  );
}
