import { Form } from "@remix-run/react";
import { Checkboxes, Csrf, Field, FormError, Select, refusalFor } from "~/components/forms";
import { opdrachtSchema } from "~/shared/opdracht-forms";

type Opt = { value: string; label: string };
export type OpdrachtFormOptions = {
  ketens: { id: number; label: string }[];
  themas: { id: number; label: string }[];
  organisations: { id: number; label: string; kind: string }[];
  kinds: Opt[];
  routes: Opt[];
  owners: Opt[];
  visie: { id: number | null; title: string | null; sections: string[] };
};

const ids = (xs: { id: number; label: string }[]) => xs.map((x) => ({ value: String(x.id), label: x.label }));

export function OpdrachtForm({ options, result, meId }: { options: OpdrachtFormOptions; result: unknown; meId: number }) {
  const { formError, fieldErrors: e, values: v, lists } = refusalFor(result);
  return (
    <Form method="post" noValidate>
      <Csrf />
      <FormError message={formError} />
      <Select label="Soort" name="kind" options={options.kinds} defaultValue={v.kind ?? "aanvullende_opdracht"} error={e.kind} required />
      <Field schema={opdrachtSchema} label="Titel" name="title" defaultValue={v.title} error={e.title} />
      <Field schema={opdrachtSchema} label="Doel" name="purpose" multiline rows={3} defaultValue={v.purpose} error={e.purpose} hint="Wat wilt u bereiken, en waarom is dit nodig naast de brede opdracht?" />
      <Field schema={opdrachtSchema} label="Gevraagd door (afdeling)" name="requestedBy" defaultValue={v.requestedBy} error={e.requestedBy} hint="Bijvoorbeeld: Opgave Kansengelijkheid, team schulden." />
      <Select label="Eigenaar (krijgt de herinneringen)" name="ownerId" options={options.owners} defaultValue={v.ownerId ?? String(meId)} error={e.ownerId} />
      <Checkboxes legend="Keten(s)" name="ketenIds" options={ids(options.ketens)} checked={lists.ketenIds} error={e.ketenIds} required />
      <Checkboxes legend="Thema's" name="themaIds" options={ids(options.themas)} checked={lists.themaIds} error={e.themaIds} />
      <Checkboxes legend="Organisaties die het uitvoeren" name="organisationIds" options={ids(options.organisations)} checked={lists.organisationIds} error={e.organisationIds} required />
      <Field schema={opdrachtSchema} label="Budget in euro's" name="budget" defaultValue={v.budget} error={e.budget} markOptional hint="Hele euro's, bijvoorbeeld 25000. Laat leeg als er geen apart budget is." />
      <Field schema={opdrachtSchema} label="Begindatum" name="startDate" type="date" defaultValue={v.startDate} error={e.startDate} />
      <Field schema={opdrachtSchema} label="Einddatum" name="endDate" type="date" defaultValue={v.endDate} error={e.endDate} />
      <Field schema={opdrachtSchema} label="Evaluatiedatum" name="evaluationDate" type="date" defaultValue={v.evaluationDate} error={e.evaluationDate} markOptional required={false} />
      <Field schema={opdrachtSchema} label="Indicatoren" name="indicators" multiline rows={3} defaultValue={v.indicators} error={e.indicators} markOptional hint="Eén per regel. Vraag alleen wat u echt gebruikt." />
      <Field
        schema={opdrachtSchema}
        label="Rapportagemomenten"
        name="reports"
        multiline
        rows={3}
        defaultValue={v.reports}
        error={e.reports}
        markOptional
        hint="Eén per regel: eerst de datum, dan wat er wordt opgeleverd. Bijvoorbeeld: 2027-03-01 Stand eerste kwartaal"
      />
      {options.visie.id ? (
        <>
          <input type="hidden" name="visieDocumentId" value={String(options.visie.id)} />
          <Select
            label={`Passage in ${options.visie.title ?? "de visie"}`}
            name="visieAnchor"
            placeholder="Geen passage gekozen"
            options={options.visie.sections.map((s) => ({ value: s, label: s }))}
            defaultValue={v.visieAnchor}
            error={e.visieAnchor ?? e.visieDocumentId}
          />
        </>
      ) : null}
      <Checkboxes
        legend="Route"
        name="route"
        type="radio"
        options={options.routes}
        checked={[v.route ?? "via_toets"]}
        error={e.route}
        hint="Buiten de afgesproken route: het verzoek is al bij de teams uitgezet zonder toets. Het blijft dan zichtbaar als zodanig."
      />
      <button type="submit">Registreren en laten toetsen</button>
    </Form>
  );
}
