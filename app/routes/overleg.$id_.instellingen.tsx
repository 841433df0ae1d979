// The settings of an overleg: name, kind, chair, rhythm, and its members (people and
// organisations). Only who may manage it (canManageOverleg: the keten's regie, the chair, a
// beheerder); members who may read it get a 403, anyone else a 404.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { addOverlegOrganisation, addOverlegPerson, overlegSettings, removeOverlegOrganisation, removeOverlegPerson, updateOverleg } from "~/domain/overleg/manage.server";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { overlegSettingsSchemas } from "~/shared/overleg-forms";
import { Csrf, Field, FormError, Intent, PageRefusal, Select, refusalFor } from "~/components/forms";
import { EmptyState, Notice, PageHeader } from "~/components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Instellingen · ${data?.settings.overleg.name ?? "Overleg"} · Ketenportaal Zaanstad` }];

const idOf = (params: Params) => idParam(params, "id", "Dit overleg bestaat niet.");
const done = (id: number, what: string) => redirect(`/overleg/${id}/instellingen?opgeslagen=${what}`);

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { settings: overlegSettings({ actor, id: idOf(params) }) };
});

export const action = formAction({
  instellingen: intent({
    schema: overlegSettingsSchemas.instellingen,
    run({ actor, value, params }) {
      const id = idOf(params);
      updateOverleg({ actor, id, name: value.name, kind: value.kind, rhythm: value.rhythm, description: value.description, chairId: value.chairId });
      return done(id, "instellingen");
    },
  }),
  "persoon-toevoegen": intent({
    schema: overlegSettingsSchemas["persoon-toevoegen"],
    run({ actor, value, params }) {
      const id = idOf(params);
      addOverlegPerson({ actor, id, personId: value.personId });
      return done(id, "persoon");
    },
  }),
  "persoon-verwijderen": intent({
    schema: overlegSettingsSchemas["persoon-verwijderen"],
    target: "personId",
    run({ actor, value, params }) {
      const id = idOf(params);
      removeOverlegPerson({ actor, id, personId: value.personId });
      return done(id, "persoon-weg");
    },
  }),
  "organisatie-toevoegen": intent({
    schema: overlegSettingsSchemas["organisatie-toevoegen"],
    run({ actor, value, params }) {
      const id = idOf(params);
      addOverlegOrganisation({ actor, id, organisationId: value.organisationId });
      return done(id, "organisatie");
    },
  }),
  "organisatie-verwijderen": intent({
    schema: overlegSettingsSchemas["organisatie-verwijderen"],
    target: "organisationId",
    run({ actor, value, params }) {
      const id = idOf(params);
      removeOverlegOrganisation({ actor, id, organisationId: value.organisationId });
      return done(id, "organisatie-weg");
    },
  }),
});

const DONE: Record<string, string> = {
  nieuw: "Het overleg is aangemaakt. Voeg hieronder de leden toe.",
  instellingen: "De instellingen zijn opgeslagen en staan in het auditlog.",
  persoon: "Het lid is toegevoegd.",
  "persoon-weg": "Het lid is verwijderd.",
  organisatie: "De organisatie is toegevoegd.",
  "organisatie-weg": "De organisatie is verwijderd.",
};

export default function OverlegInstellingen() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("opgeslagen");
  const { overleg } = settings;
  const schema = overlegSettingsSchemas.instellingen;
  const main = refusalFor(result, "instellingen");
  const addPerson = refusalFor(result, "persoon-toevoegen");
  const addOrg = refusalFor(result, "organisatie-toevoegen");
  const v = (name: "name" | "rhythm" | "description") => main.values[name] ?? overleg[name];
  const shownBy = [
    "instellingen",
    "persoon-toevoegen",
    "organisatie-toevoegen",
    ...settings.members.people.map((p) => `persoon-verwijderen:${p.id}`),
    ...settings.members.organisations.map((o) => `organisatie-verwijderen:${o.id}`),
  ];
  return (
    <div>
      <PageHeader title={`Instellingen van ${overleg.name}`} lead={`Een overleg van de keten ${settings.keten.name}: soort, voorzitter, ritme en leden.`}>
        <Link to={`/overleg/${overleg.id}`}>Terug naar het overleg</Link>
      </PageHeader>
      <PageRefusal result={result} shownBy={shownBy} />
      {saved && DONE[saved] && !result ? <Notice tone="success">{DONE[saved]}</Notice> : null}
      {settings.standIn ? <Notice tone="warning">U werkt hier als waarnemend regisseur; wat u wijzigt wordt vastgelegd in uw naam en namens de regisseur.</Notice> : null}

      <section aria-labelledby="kop-instellingen">
        <h2 id="kop-instellingen">Algemeen</h2>
        <Form method="post" noValidate>
          <Csrf />
          <Intent value="instellingen" />
          <FormError message={main.formError} fieldErrors={main.fieldErrors} />
          <Field label="Naam" name="name" schema={schema} defaultValue={v("name")} error={main.fieldErrors.name} />
          <Select label="Soort" name="kind" required options={settings.kinds} defaultValue={main.values.kind ?? overleg.kind} error={main.fieldErrors.kind} />
          <Select
            label="Voorzitter"
            name="chairId"
            placeholder="Nog niet benoemd"
            options={settings.chairOptions.map((p) => ({ value: String(p.id), label: `${p.name} (${p.organisation})` }))}
            defaultValue={main.values.chairId ?? (overleg.chairId ? String(overleg.chairId) : "")}
            error={main.fieldErrors.chairId}
          />
          <Field label="Ritme" name="rhythm" schema={schema} markOptional hint="Bijvoorbeeld: elke zes weken" defaultValue={v("rhythm")} error={main.fieldErrors.rhythm} />
          <Field label="Omschrijving" name="description" schema={schema} multiline rows={3} markOptional defaultValue={v("description")} error={main.fieldErrors.description} />
          <button type="submit">Instellingen opslaan</button>
        </Form>
      </section>

      <section aria-labelledby="kop-leden">
        <h2 id="kop-leden">Leden</h2>
        {settings.members.people.length ? (
          <ul>
            {settings.members.people.map((p) => {
              const own = refusalFor(result, "persoon-verwijderen", String(p.id));
              return (
                <li key={p.id}>
                  {p.name} ({p.organisation}){p.id === overleg.chairId ? <span className="tag">voorzitter</span> : null}{" "}
                  <Form method="post" className="inline-form">
                    <Csrf />
                    <Intent value="persoon-verwijderen" />
                    <input type="hidden" name="personId" value={p.id} />
                    <button type="submit" className="button-secondary">
                      Verwijder {p.name}
                    </button>
                  </Form>
                  <FormError message={own.formError} />
                </li>
              );
            })}
          </ul>
        ) : (
          <EmptyState>Dit overleg heeft nog geen leden.</EmptyState>
        )}
        <Form method="post" noValidate>
          <Csrf />
          <Intent value="persoon-toevoegen" />
          <FormError message={addPerson.formError} />
          <Select
            label="Persoon toevoegen"
            name="personId"
            id="lid-persoon"
            required
            placeholder="Kies een persoon"
            options={settings.candidates.people.map((p) => ({ value: String(p.id), label: `${p.name} (${p.organisation})` }))}
            defaultValue={addPerson.values.personId ?? ""}
            error={addPerson.fieldErrors.personId}
          />
          <button type="submit">Lid toevoegen</button>
        </Form>
      </section>

      <section aria-labelledby="kop-organisaties">
        <h2 id="kop-organisaties">Deelnemende organisaties</h2>
        {settings.members.organisations.length ? (
          <ul>
            {settings.members.organisations.map((o) => {
              const own = refusalFor(result, "organisatie-verwijderen", String(o.id));
              return (
                <li key={o.id}>
                  {o.name}{" "}
                  <Form method="post" className="inline-form">
                    <Csrf />
                    <Intent value="organisatie-verwijderen" />
                    <input type="hidden" name="organisationId" value={o.id} />
                    <button type="submit" className="button-secondary">
                      Verwijder {o.name}
                    </button>
                  </Form>
                  <FormError message={own.formError} />
                </li>
              );
            })}
          </ul>
        ) : (
          <EmptyState>Er nemen nog geen organisaties deel.</EmptyState>
        )}
        <Form method="post" noValidate>
          <Csrf />
          <Intent value="organisatie-toevoegen" />
          <FormError message={addOrg.formError} />
          <Select
            label="Organisatie toevoegen"
            name="organisationId"
            id="lid-organisatie"
            required
            placeholder="Kies een organisatie"
            options={settings.candidates.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            defaultValue={addOrg.values.organisationId ?? ""}
            error={addOrg.fieldErrors.organisationId}
          />
          <button type="submit">Organisatie toevoegen</button>
        </Form>
      </section>
    </div>
  );
}
