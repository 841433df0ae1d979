// Editing the roles table of a keten: one form per member organisation, and the fixed contacts
// per wijk (add, remove). Only the regie of the keten may (canEditKetenRoles); others get a 403.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams, type Params } from "@remix-run/react";
import { getKeten } from "~/domain/directory.server";
import { addWijkContact, ketenRolesEditor, removeWijkContact, setKetenRole } from "~/domain/overleg/regie.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { regieIntentSchemas } from "~/shared/overleg-forms";
import { Csrf, Field, FormError, Intent, PageRefusal, Select, refusalFor } from "~/components/forms";
import { EmptyState, Notice, PageHeader } from "~/components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Rollen bewerken · ${data?.editor.keten.name ?? "Keten"} · Ketenportaal Zaanstad` }];

const ketenOf = (params: Params) => getKeten(params.slug ?? "");
const done = (slug: string, what: string) => redirect(`/ketens/${slug}/rollen?opgeslagen=${what}`);

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { editor: ketenRolesEditor({ actor, slug: params.slug ?? "" }) };
});

export const action = formAction({
  rol: intent({
    schema: regieIntentSchemas.rol,
    target: "organisationId",
    run({ actor, value, params }) {
      const keten = ketenOf(params);
      setKetenRole({ actor, ketenId: keten.id, organisationId: value.organisationId, role: value.role, expectations: value.expectations ?? "", contentDecider: value.contentDecider ?? "", capacityDecider: value.capacityDecider ?? "" });
      return done(keten.slug, "rol");
    },
  }),
  "contact-toevoegen": intent({
    schema: regieIntentSchemas["contact-toevoegen"],
    run({ actor, value, params }) {
      const keten = ketenOf(params);
      addWijkContact({ actor, ketenId: keten.id, wijkId: value.wijkId, role: value.role, name: value.name });
      return done(keten.slug, "contact");
    },
  }),
  "contact-verwijderen": intent({
    schema: regieIntentSchemas["contact-verwijderen"],
    target: "contactId",
    run({ actor, value, params }) {
      const keten = ketenOf(params);
      removeWijkContact({ actor, ketenId: keten.id, contactId: value.contactId });
      return done(keten.slug, "contact-weg");
    },
  }),
});

const DONE: Record<string, string> = {
  rol: "De rol is opgeslagen en staat in het auditlog.",
  contact: "De contactpersoon is toegevoegd en staat in het auditlog.",
  "contact-weg": "De contactpersoon is verwijderd; dat staat in het auditlog.",
};

export default function RollenBewerken() {
  const { editor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("opgeslagen");
  const schema = regieIntentSchemas.rol;
  const contactSchema = regieIntentSchemas["contact-toevoegen"];
  const add = refusalFor(result, "contact-toevoegen");
  const shownBy = [...editor.rows.map((r) => `rol:${r.organisationId}`), "contact-toevoegen", ...editor.contacts.map((c) => `contact-verwijderen:${c.id}`)];
  return (
    <div>
      <PageHeader title={`Rollen in de keten ${editor.keten.name}`} lead="Per organisatie: haar rol, wat de anderen van haar mogen verwachten, en wie beslist over inhoud en wie over capaciteit.">
        <Link to={`/ketens/${editor.keten.slug}`}>Terug naar de keten</Link>
      </PageHeader>
      <PageRefusal result={result} shownBy={shownBy} />
      {saved && DONE[saved] && !result ? <Notice tone="success">{DONE[saved]}</Notice> : null}
      {editor.standIn ? <Notice tone="warning">U werkt hier als waarnemend regisseur; wat u wijzigt wordt vastgelegd in uw naam en namens de regisseur.</Notice> : null}
      <h2>Organisaties</h2>
      {editor.rows.length ? null : <EmptyState>Deze keten heeft nog geen organisaties.</EmptyState>}
      {editor.rows.map((r) => {
        const own = refusalFor(result, "rol", String(r.organisationId));
        const v = (name: "role" | "expectations" | "contentDecider" | "capacityDecider") => own.values[name] ?? r[name];
        const id = (name: string) => `rol-${r.organisationId}-${name}`;
        return (
          <section key={r.organisationId} aria-labelledby={`kop-rol-${r.organisationId}`} className="card">
            <h3 id={`kop-rol-${r.organisationId}`}>
              {r.organisation}
              {r.described ? null : <span className="tag">nog niet beschreven</span>}
            </h3>
            <Form method="post" noValidate>
              <Csrf />
              <Intent value="rol" />
              <input type="hidden" name="organisationId" value={r.organisationId} />
              <FormError message={own.formError} />
              <Field label="Rol" name="role" id={id("role")} schema={schema} defaultValue={v("role")} error={own.fieldErrors.role} />
              <Field label="Wat anderen mogen verwachten" name="expectations" id={id("expectations")} schema={schema} multiline rows={3} markOptional defaultValue={v("expectations")} error={own.fieldErrors.expectations} />
              <Field label="Beslist over inhoud" name="contentDecider" id={id("contentDecider")} schema={schema} markOptional defaultValue={v("contentDecider")} error={own.fieldErrors.contentDecider} />
              <Field label="Beslist over capaciteit" name="capacityDecider" id={id("capacityDecider")} schema={schema} markOptional defaultValue={v("capacityDecider")} error={own.fieldErrors.capacityDecider} />
              <button type="submit">Rol van {r.organisation} opslaan</button>
            </Form>
          </section>
        );
      })}
      <h2>Vaste contactpersonen per wijk</h2>
      {editor.contacts.length ? (
        <ul>
          {editor.contacts.map((c) => (
            <li key={c.id}>
              {c.wijk}: {c.role} — {c.name}{" "}
              <Form method="post" className="inline-form">
                <Csrf />
                <Intent value="contact-verwijderen" />
                <input type="hidden" name="contactId" value={c.id} />
                <button type="submit" className="button-secondary">
                  Verwijder {c.name} ({c.wijk})
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Er zijn nog geen vaste contactpersonen per wijk.</EmptyState>
      )}
      <h3>Contactpersoon toevoegen</h3>
      <Form method="post" noValidate>
        <Csrf />
        <Intent value="contact-toevoegen" />
        <FormError message={add.formError} />
        <Select label="Wijk" name="wijkId" required placeholder="Kies een wijk" options={editor.wijken.map((w) => ({ value: String(w.id), label: w.name }))} defaultValue={add.values.wijkId ?? ""} error={add.fieldErrors.wijkId} />
        <Field label="Rol" name="role" id="contact-role" schema={contactSchema} hint="Bijvoorbeeld: vaste inkomensconsulent" defaultValue={add.values.role ?? ""} error={add.fieldErrors.role} />
        <Field label="Naam" name="name" id="contact-name" schema={contactSchema} defaultValue={add.values.name ?? ""} error={add.fieldErrors.name} />
        <button type="submit">Contactpersoon toevoegen</button>
      </Form>
    </div>
  );
}
