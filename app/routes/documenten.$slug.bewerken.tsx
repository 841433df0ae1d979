import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { editorPage } from "~/domain/documents/documents.server";
import { getCurrentVersion, publishVersion } from "~/domain/documents/versions.server";
import { publishSchema } from "~/shared/document-forms";
import { formAction, page, readForm, requireActor } from "~/utils/request.server";
import { Csrf, Field, FormError, PageHeader, errorsOf } from "~/components/ui";
import { DocumentNav } from "~/components/DocumentNav";

// Lexical and y-websocket only run in the browser; the server renders a placeholder.
const CollabEditor = lazy(() => import("~/editor/CollabEditor"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Bewerken: ${data?.document.title ?? "document"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const data = editorPage({ actor, slug: params.slug ?? "" });
  const current = getCurrentVersion(data.document.id);
  return { ...data, currentVersion: current ? { number: current.number } : null };
});

export const action = formAction(async ({ request, params }: ActionFunctionArgs) => {
  const actor = requireActor(request);
  const { document } = editorPage({ actor, slug: params.slug ?? "" });
  const { value } = await readForm(request, publishSchema);
  const version = publishVersion({ actor, documentId: document.id, summary: value.summary });
  return redirect(`/documenten/${document.slug}?gepubliceerd=${version.number}`);
});

function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}

export default function DocumentBewerken() {
  const { document: doc, collab, currentVersion } = useLoaderData<typeof loader>();
  const { formError, fieldErrors } = errorsOf(useActionData<typeof action>());
  const busy = useNavigation().state === "submitting";
  const next = (currentVersion?.number ?? 0) + 1;
  const loading = <p className="editor-loading">De editor wordt geladen…</p>;
  return (
    <div>
      <PageHeader
        title={doc.title}
        lead={`Concept bewerken · ${doc.kindLabel}${doc.ketenName ? ` · ${doc.ketenName}` : ""}. Wijzigingen worden direct bewaard en zijn meteen zichtbaar voor andere redacteuren; lezers zien ze pas na publicatie.`}
      />
      <DocumentNav slug={doc.slug} canEdit />
      <ClientOnly fallback={loading}>
        {() => (
          <Suspense fallback={loading}>
            <CollabEditor room={collab.room} docId={collab.id} user={collab.user} label={`Tekst van ${doc.title}`} />
          </Suspense>
        )}
      </ClientOnly>
      <section className="publish" aria-labelledby="kop-publiceren">
        <h2 id="kop-publiceren">Publiceren als versie {next}</h2>
        <p className="hint">
          Publiceren maakt de huidige tekst de geldende versie voor iedereen. {currentVersion ? <Link to={`/documenten/${doc.slug}/vergelijk?van=${currentVersion.number}&naar=concept`}>Bekijk eerst wat er veranderd is</Link> : null}
        </p>
        <FormError message={formError} />
        <Form method="post" noValidate>
          <Csrf />
          <Field
            label="Wat is er veranderd?"
            name="summary"
            multiline
            rows={3}
            required
            maxLength={500}
            hint="Een korte samenvatting voor de versiegeschiedenis, bijvoorbeeld: termijn voor terugkoppeling toegevoegd."
            error={fieldErrors.summary}
          />
          <button type="submit" disabled={busy}>
            {busy ? "Bezig met publiceren…" : `Publiceer versie ${next}`}
          </button>
        </Form>
      </section>
    </div>
  );
}
