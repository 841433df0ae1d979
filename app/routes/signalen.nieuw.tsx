import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { signalFormAction, type SignalFormError } from "~/domain/signals/http.server";
import { reportFormOptions } from "~/domain/signals/queries.server";
import { reportSignal } from "~/domain/signals/signals.server";
import { DESCRIPTION_MAX, TITLE_MAX, reportSignalSchema } from "~/shared/signal-forms";
import { page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, FormError, PageHeader } from "~/components/ui";
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

export const action = signalFormAction(async ({ request }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  const { value } = await readForm(request, reportSignalSchema);
  const id = reportSignal({ actor, ...value });
  return redirect(`/signalen/${id}?gedaan=gemeld`);
});

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="error-text" id={id}>
      {message}
    </p>
  ) : null;
}

export default function SignaalMelden() {
  const { options, prefill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SignalFormError | undefined;
  const e = result?.fieldErrors ?? {};
  const v = result?.values ?? {};
  const busy = useNavigation().state === "submitting";
  const [title, setTitle] = useState(asText(v.title));
  const [description, setDescription] = useState(asText(v.description));
  const ownerKeten = asText(v.ketenId) || (prefill.ketenId ? String(prefill.ketenId) : "");
  const extra = new Set(asList(v.extraKetenIds));
  const wijken = new Set(asList(v.wijken));
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
        <FormError message={result?.formError} />

        <div className={`field${e.title ? " field-error" : ""}`}>
          <label htmlFor="veld-title">
            Titel <span className="required">(verplicht)</span>
          </label>
          <p className="hint" id="veld-title-hint">
            Eén zin: wat gaat er mis? Hoogstens {TITLE_MAX} tekens.
          </p>
          <ErrorText id="veld-title-fout" message={e.title} />
          <input
            id="veld-title"
            name="title"
            type="text"
            required
            maxLength={TITLE_MAX}
            defaultValue={asText(v.title)}
            onInput={(ev) => setTitle(ev.currentTarget.value)}
            aria-invalid={e.title ? true : undefined}
            aria-describedby={describedBy("veld-title-hint", e.title && "veld-title-fout", "privacy-title")}
          />
          <PrivacyHint id="privacy-title" text={title} />
        </div>

        <div className={`field${e.description ? " field-error" : ""}`}>
          <label htmlFor="veld-description">
            Beschrijving <span className="required">(verplicht)</span>
          </label>
          <p className="hint" id="veld-description-hint">
            Wat ziet u, hoe vaak, sinds wanneer, en wat is het gevolg voor inwoners of de samenwerking?
          </p>
          <ErrorText id="veld-description-fout" message={e.description} />
          <textarea
            id="veld-description"
            name="description"
            rows={7}
            required
            maxLength={DESCRIPTION_MAX}
            defaultValue={asText(v.description)}
            onInput={(ev) => setDescription(ev.currentTarget.value)}
            aria-invalid={e.description ? true : undefined}
            aria-describedby={describedBy("veld-description-hint", e.description && "veld-description-fout", "privacy-description")}
          />
          <PrivacyHint id="privacy-description" text={description} />
        </div>

        <fieldset aria-describedby={describedBy("keten-hint", e.ketenId && "keten-fout")} className={e.ketenId ? "field-error" : undefined}>
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
                  ({k.regisseurName ? `regisseur ${k.regisseurName}` : "nog geen regisseur"}, antwoord binnen {k.feedbackDays} werkdagen)
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

        <div className={`field${e.themaId ? " field-error" : ""}`}>
          <label htmlFor="veld-themaId">
            Thema <span className="required">(verplicht)</span>
          </label>
          <ErrorText id="veld-themaId-fout" message={e.themaId} />
          <select id="veld-themaId" name="themaId" defaultValue={asText(v.themaId)} aria-describedby={e.themaId ? "veld-themaId-fout" : undefined}>
            <option value="">Kies een thema</option>
            {options.themas.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>

        <fieldset aria-describedby={describedBy("wijken-hint", e.wijken && "wijken-fout")} className={e.wijken ? "field-error" : undefined}>
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
          <div className={`field${e.documentId ? " field-error" : ""}`}>
            <label htmlFor="veld-documentId">Document</label>
            <ErrorText id="veld-documentId-fout" message={e.documentId} />
            <select id="veld-documentId" name="documentId" defaultValue={asText(v.documentId) || (prefill.documentId ?? "")}>
              <option value="">Geen document</option>
              {options.documents.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${e.documentAnchor ? " field-error" : ""}`}>
            <label htmlFor="veld-documentAnchor">Passage (kop of citaat)</label>
            <ErrorText id="veld-documentAnchor-fout" message={e.documentAnchor} />
            <input id="veld-documentAnchor" name="documentAnchor" type="text" maxLength={300} defaultValue={asText(v.documentAnchor) || prefill.documentAnchor} />
          </div>
        </fieldset>

        <button type="submit" disabled={busy}>
          {busy ? "Bezig met versturen…" : "Signaal versturen"}
        </button>
      </Form>
    </div>
  );
}
