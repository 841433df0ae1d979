import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { notFound } from "~/domain/errors";
import { signalFormAction, type SignalFormError } from "~/domain/signals/http.server";
import { linkSignal, unlinkSignal, type LinkTargetType } from "~/domain/signals/links.server";
import { getSignalDetail } from "~/domain/signals/queries.server";
import { listWijken } from "~/domain/directory.server";
import { mergeSignals, recogniseSignal, transferOwnership, transitionSignal, withdrawRecognition } from "~/domain/signals/signals.server";
import { FEEDBACK_MAX, NOTE_MAX, signalActionSchema } from "~/shared/signal-forms";
import type { SignalStatus, TextRule } from "~/shared/signals";
import { page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, FormError, Notice, PageHeader, formatDate } from "~/components/ui";
import { PrivacyHint, SignalNav, StatusBadge } from "~/components/signals/SignalUi";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Signaal #${data.signal.id}: ${data.signal.title}` : "Signaal"} · Ketenportaal Zaanstad` }];

function parseId(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw notFound("Dit signaal bestaat niet, of u heeft er geen toegang toe.");
  return Number(raw);
}

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const detail = getSignalDetail({ actor, id: parseId(params.id) });
  return { ...detail, wijkOptions: detail.can.recognise ? listWijken().map((w) => ({ id: w.id, name: w.name })) : [] };
});

const DONE: Record<string, string> = {
  gemeld: "Uw signaal is verstuurd. De regisseur van de keten heeft het ontvangen; u krijgt bericht bij elke statuswijziging.",
  status: "De status is gewijzigd. De melder is op de hoogte gebracht.",
  herken: "U heeft aangegeven dat u dit signaal herkent.",
  "herken-intrekken": "Uw herkenning is ingetrokken.",
  samenvoegen: "Het signaal is samengevoegd. De melder volgt nu het overgebleven signaal.",
  koppelen: "De koppeling is vastgelegd.",
  ontkoppelen: "De koppeling is verwijderd.",
  eigenaar: "Het signaal is overgedragen aan de andere keten.",
};

export const action = signalFormAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  const id = parseId(params.id);
  const { value } = await readForm(request, signalActionSchema);
  let back = id;
  switch (value.intent) {
    case "status":
      transitionSignal({ actor, id, to: value.to, text: value.text });
      break;
    case "herken":
      recogniseSignal({ actor, id, note: value.note, wijkId: value.wijkId });
      break;
    case "herken-intrekken":
      withdrawRecognition({ actor, id });
      break;
    case "samenvoegen":
      mergeSignals({ actor, duplicateId: id, survivorId: value.survivorId, note: value.note });
      back = value.survivorId;
      break;
    case "koppelen": {
      const [type, targetId] = value.target.split(":");
      linkSignal({ actor, id, targetType: type as LinkTargetType, targetId: Number(targetId) });
      break;
    }
    case "ontkoppelen":
      unlinkSignal({ actor, id, linkId: value.linkId });
      break;
    case "eigenaar":
      transferOwnership({ actor, id, ketenId: value.ketenId });
      break;
  }
  return redirect(`/signalen/${back}?gedaan=${value.intent}`);
});

const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** A textarea with its label, error, and the live privacy hint. */
function TextField({ id, name, label, required, max, defaultValue, error, hint }: { id: string; name: string; label: string; required: boolean; max: number; defaultValue: string; error?: string; hint?: string }) {
  const [text, setText] = useState(defaultValue);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-fout` : null, `${id}-privacy`].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (verplicht)</span> : <span className="required"> (optioneel)</span>}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" id={`${id}-fout`}>
          {error}
        </p>
      ) : null}
      <textarea id={id} name={name} rows={3} maxLength={max} defaultValue={defaultValue} onInput={(e) => setText(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <PrivacyHint id={`${id}-privacy`} text={text} />
    </div>
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

function StatusForm({ to, text, label, result, forReporter }: { to: SignalStatus; text: TextRule; label: string; result?: SignalFormError; forReporter?: boolean }) {
  const mine = result?.form === `status:${to}` ? result : undefined;
  const fieldLabel = forReporter && to === "in_behandeling" ? { label: "Uw antwoord aan de regisseur" } : TEXT_LABELS[to];
  return (
    <Form method="post" className="card action-form" noValidate>
      <Csrf />
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="to" value={to} />
      <FormError message={mine?.formError} />
      <TextField
        id={`tekst-${forReporter ? "melder-" : ""}${to}`}
        name="text"
        label={fieldLabel.label}
        hint={fieldLabel.hint}
        required={text !== "none"}
        max={FEEDBACK_MAX}
        defaultValue={asText(mine?.values.text)}
        error={mine?.fieldErrors.text}
      />
      <button type="submit">{label}</button>
    </Form>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export default function SignaalDetail() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as SignalFormError | undefined;
  const [params] = useSearchParams();
  const done = params.get("gedaan");
  const s = d.signal;
  const formErr = (form: string) => (result?.form === form ? result : undefined);
  const owner = d.ketens.find((k) => k.isOwner);
  // Forms that show their own error; any other refusal (e.g. the status changed meanwhile and
  // the form is gone) is shown at the top so it is never lost.
  const shown = new Set<string>([
    ...d.can.ownerTargets.map((t) => `status:${t.to}`),
    ...d.can.reporterTargets.map((t) => `status:${t.to}`),
    ...(d.can.recognise && !d.can.hasRecognised ? ["herken"] : []),
    ...(d.can.merge && d.mergeCandidates.length ? ["samenvoegen"] : []),
    ...(d.can.handle && d.linkOptions ? ["koppelen"] : []),
    ...(d.can.transfer ? ["eigenaar"] : []),
  ]);
  const orphanError = result && !shown.has(result.form) ? result.formError : undefined;

  return (
    <div>
      <PageHeader
        title={
          <>
            <span className="meta">Signaal #{s.id}</span> {s.title}
          </>
        }
      />
      <SignalNav />
      <FormError message={orphanError} />
      {done && DONE[done] && !result ? <Notice tone="success">{DONE[done]}</Notice> : null}
      <p>
        <StatusBadge status={s.status} label={s.statusLabel} overdue={s.overdue} />
      </p>
      {d.mergedInto ? (
        <Notice tone="info">
          Dit signaal is samengevoegd met <Link to={`/signalen/${d.mergedInto.id}`}>signaal #{d.mergedInto.id}: {d.mergedInto.title}</Link>. Volg dat signaal voor
          de verdere afhandeling.
        </Notice>
      ) : null}

      <div className="two-col">
        <div>
          <Section id="kop-beschrijving" title="Wat is er aan de hand?">
            <p className="signal-text">{s.description}</p>
            {d.document ? (
              <p>
                Gaat over: <Link to={`/documenten/${d.document.slug}`}>{d.document.title}</Link>
                {s.documentAnchor ? <> — passage &quot;{s.documentAnchor}&quot;</> : null}
              </p>
            ) : null}
          </Section>

          {s.status === "informatie_gevraagd" && s.statusReason ? (
            <Section id="kop-vraag" title="Vraag van de regisseur">
              <p className="signal-text">{s.statusReason}</p>
            </Section>
          ) : null}

          {s.feedback ? (
            <Section id="kop-antwoord" title="Terugkoppeling aan de melder">
              <div className="feedback">
                <p className="signal-text">{s.feedback}</p>
                <p className="meta">Afgesloten op {formatDate(s.closedAt, true)}</p>
              </div>
            </Section>
          ) : null}

          {d.can.reporterTargets.length ? (
            <Section id="kop-melder" title="Uw reactie als melder">
              {d.can.reporterTargets.map((t) => (
                <StatusForm key={t.to} to={t.to} text={t.text} label={t.to === "heropend" ? "Signaal heropenen" : "Informatie versturen"} result={result} forReporter />
              ))}
              {d.can.lastReopenDay ? <p className="meta">Heropenen kan tot en met {formatDate(d.can.lastReopenDay)}.</p> : null}
            </Section>
          ) : null}

          {d.can.handle ? (
            <Section id="kop-behandelen" title="Behandelen">
              <p className="meta">U bent regisseur van de eigenaar-keten {owner?.name}. Elke statuswijziging wordt vastgelegd en de melder krijgt bericht (in Ketenportaal en per e-mail).</p>
              {d.can.ownerTargets.length ? (
                d.can.ownerTargets.map((t) => <StatusForm key={t.to} to={t.to} text={t.text} label={t.label} result={result} />)
              ) : (
                <p>In deze status zijn geen stappen meer mogelijk.</p>
              )}
              {d.can.merge && d.mergeCandidates.length ? (
                <Form method="post" className="card action-form" noValidate>
                  <h3>Samenvoegen met een ander signaal</h3>
                  <Csrf />
                  <input type="hidden" name="intent" value="samenvoegen" />
                  <FormError message={formErr("samenvoegen")?.formError} />
                  <div className={`field${formErr("samenvoegen")?.fieldErrors.survivorId ? " field-error" : ""}`}>
                    <label htmlFor="veld-survivorId">Dit signaal is een dubbele melding van</label>
                    <select id="veld-survivorId" name="survivorId" defaultValue={asText(formErr("samenvoegen")?.values.survivorId)}>
                      <option value="">Kies het signaal dat blijft</option>
                      {d.mergeCandidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          #{c.id} {c.title}
                        </option>
                      ))}
                    </select>
                  </div>
                  <TextField id="tekst-samenvoegen" name="note" label="Toelichting voor de melder" required={false} max={NOTE_MAX} defaultValue={asText(formErr("samenvoegen")?.values.note)} error={formErr("samenvoegen")?.fieldErrors.note} />
                  <button type="submit" className="button-secondary">
                    Samenvoegen
                  </button>
                </Form>
              ) : null}
              {d.can.transfer ? (
                <Form method="post" className="card action-form" noValidate>
                  <h3>Eigenaarschap overdragen</h3>
                  <Csrf />
                  <input type="hidden" name="intent" value="eigenaar" />
                  <FormError message={formErr("eigenaar")?.formError} />
                  <div className="field">
                    <label htmlFor="veld-eigenaar">Nieuwe eigenaar-keten</label>
                    <select id="veld-eigenaar" name="ketenId">
                      {d.ketens
                        .filter((k) => !k.isOwner)
                        .map((k) => (
                          <option key={k.id} value={k.id}>
                            {k.name}
                          </option>
                        ))}
                    </select>
                  </div>
                  <button type="submit" className="button-secondary">
                    Overdragen
                  </button>
                </Form>
              ) : null}
            </Section>
          ) : null}

          <Section id="kop-geleid" title="Heeft geleid tot">
            {d.links.length ? (
              <ul>
                {d.links.map((l) => (
                  <li key={l.id}>
                    {l.typeLabel}: {l.visible ? <Link to={l.href}>{l.title}</Link> : l.title}
                    {d.can.handle ? (
                      <Form method="post" className="signal-inline-form">
                        <Csrf />
                        <input type="hidden" name="intent" value="ontkoppelen" />
                        <input type="hidden" name="linkId" value={l.id} />
                        <button type="submit" className="button-link">
                          Koppeling verwijderen<span className="visually-hidden"> naar {l.title}</span>
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">Nog niets vastgelegd.</p>
            )}
            {d.can.handle && d.linkOptions ? (
              <Form method="post" className="card action-form" noValidate>
                <Csrf />
                <input type="hidden" name="intent" value="koppelen" />
                <FormError message={formErr("koppelen")?.formError} />
                <div className={`field${formErr("koppelen")?.fieldErrors.target ? " field-error" : ""}`}>
                  <label htmlFor="veld-target">Koppelen aan een wijzigingsvoorstel of document</label>
                  <select id="veld-target" name="target" defaultValue="">
                    <option value="">Kies een voorstel of document</option>
                    {d.linkOptions.proposals.length ? (
                      <optgroup label="Wijzigingsvoorstellen">
                        {d.linkOptions.proposals.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    {d.linkOptions.versions.length ? (
                      <optgroup label="Documentversies">
                        {d.linkOptions.versions.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    <optgroup label="Documenten">
                      {d.linkOptions.documents.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                </div>
                <button type="submit" className="button-secondary">
                  Koppeling vastleggen
                </button>
              </Form>
            ) : null}
          </Section>

          <Section id="kop-tijdlijn" title="Tijdlijn">
            <ol className="signal-timeline">
              {d.timeline.map((t) => (
                <li key={t.id}>
                  <p>
                    <strong>{t.fromLabel ? `${t.fromLabel} → ${t.toLabel}` : `Gemeld (${t.toLabel.toLowerCase()})`}</strong>
                    <span className="meta">
                      {" "}
                      · {formatDate(t.at, true)}
                      {t.byName ? ` · ${t.byName}` : ""}
                    </span>
                  </p>
                  {t.note ? <p className="signal-text">{t.note}</p> : null}
                </li>
              ))}
            </ol>
          </Section>
        </div>

        <aside aria-label="Gegevens van het signaal">
          <dl className="facts facts-stacked">
            <dt>Gemeld door</dt>
            <dd>
              {d.reporter.name} ({d.reporter.organisationName}), {formatDate(s.createdAt, true)}
            </dd>
            <dt>Keten{d.ketens.length > 1 ? "s" : ""}</dt>
            <dd>
              <ul className="plain">
                {d.ketens.map((k) => (
                  <li key={k.id}>
                    <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
                    {k.isOwner ? <span className="tag">eigenaar</span> : null}
                    <span className="meta"> · regisseur {k.regisseurName ?? "nog niet benoemd"}</span>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>Thema</dt>
            <dd>{d.thema.name}</dd>
            <dt>Wijk(en)</dt>
            <dd>{s.stadsbreed ? "Stadsbreed" : d.wijken.map((w) => w.name).join(", ")}</dd>
            <dt>Terugkoppeling uiterlijk</dt>
            <dd>
              {formatDate(s.dueAt)}
              {["nieuw", "in_behandeling", "informatie_gevraagd", "heropend"].includes(s.status) ? (
                <span className={`meta${s.overdue ? " late" : ""}`}>
                  {" "}
                  · {s.overdue ? `${-s.workingDaysLeft} werkdagen over de termijn` : s.workingDaysLeft === 0 ? "vandaag" : `nog ${s.workingDaysLeft} werkdagen`}
                </span>
              ) : null}
            </dd>
          </dl>
          {d.can.isCoOwner ? <p className="meta">Uw keten is betrokken bij dit signaal; de regisseur van {owner?.name} behandelt het.</p> : null}

          <Section id="kop-herken" title="Herkenbaar?">
            <p>
              {d.recognitionStats.people === 0
                ? "Nog niemand heeft aangegeven dit te herkennen."
                : `${d.recognitionStats.people} ${d.recognitionStats.people === 1 ? "persoon" : "mensen"} uit ${d.recognitionStats.organisations} ${d.recognitionStats.organisations === 1 ? "organisatie" : "organisaties"} ${d.recognitionStats.people === 1 ? "herkent" : "herkennen"} dit.`}
            </p>
            {d.recognitionStats.spread.length ? (
              <table className="compact">
                <caption>Spreiding over wijken (melding en herkenningen)</caption>
                <thead>
                  <tr>
                    <th scope="col">Wijk</th>
                    <th scope="col">Aantal</th>
                  </tr>
                </thead>
                <tbody>
                  {d.recognitionStats.spread.map((w) => (
                    <tr key={w.name}>
                      <td>{w.name}</td>
                      <td>{w.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {d.recognitions.length ? (
              <ul className="recognitions">
                {d.recognitions.map((r) => (
                  <li key={r.personId}>
                    <strong>{r.personName}</strong> <span className="meta">({r.organisationName}{r.wijkName ? `, ${r.wijkName}` : ""})</span>
                    {r.note ? <p>{r.note}</p> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {d.can.recognise && !d.can.hasRecognised ? (
              <Form method="post" className="card action-form" noValidate>
                <Csrf />
                <input type="hidden" name="intent" value="herken" />
                <FormError message={formErr("herken")?.formError} />
                <TextField id="tekst-herken" name="note" label="Korte toelichting" hint="Waar en hoe ziet u dit ook?" required={false} max={NOTE_MAX} defaultValue={asText(formErr("herken")?.values.note)} error={formErr("herken")?.fieldErrors.note} />
                <div className="field">
                  <label htmlFor="veld-wijkId">In welke wijk ziet u het?</label>
                  <select id="veld-wijkId" name="wijkId" defaultValue={asText(formErr("herken")?.values.wijkId)}>
                    <option value="">Geen specifieke wijk</option>
                    {d.wijkOptions.map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit">Herken ik</button>
              </Form>
            ) : null}
            {d.can.hasRecognised ? (
              <Form method="post">
                <Csrf />
                <input type="hidden" name="intent" value="herken-intrekken" />
                <button type="submit" className="button-link">
                  Mijn herkenning intrekken
                </button>
              </Form>
            ) : null}
          </Section>

          {d.mergedFrom.length ? (
            <Section id="kop-samengevoegd" title="Samengevoegde meldingen">
              <ul>
                {d.mergedFrom.map((m) => (
                  <li key={m.id}>
                    <Link to={`/signalen/${m.id}`}>
                      #{m.id} {m.title}
                    </Link>{" "}
                    <span className="meta">({m.reporterName})</span>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
