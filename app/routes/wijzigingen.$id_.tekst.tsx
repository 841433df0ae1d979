import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NOT_FOUND_MESSAGE } from "~/domain/consultation/access.server";
import { idParam } from "~/http/ids.server";
import { getTextEditorPage } from "~/domain/consultation/view.server";
import { page, requireActor } from "~/http/request.server";
import { ProposalHeader } from "~/components/consultation/ui";

// Lexical and y-websocket only run in the browser; the server renders a placeholder.
const CollabEditor = lazy(() => import("~/editor/CollabEditor"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Tekst bewerken: ${data?.proposal.title ?? "voorstel"} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return getTextEditorPage({ actor, id: idParam(params, "id", NOT_FOUND_MESSAGE) });
});

function ClientOnly({ children, fallback }: { children: () => ReactNode; fallback: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}

export default function VoorstelTekst() {
  const { proposal, document, collab, can } = useLoaderData<typeof loader>();
  const loading = <p className="editor-loading">De editor wordt geladen…</p>;
  return (
    <div>
      <ProposalHeader proposal={proposal} document={document} canEditText canManage={can.manage} />
      <p className="lead">
        U bewerkt de <strong>voorgestelde</strong> tekst, een kopie van de geldende versie. Wijzigingen worden direct bewaard en zijn meteen zichtbaar voor andere redacteuren; de geldende
        tekst verandert pas op de ingangsdatum. Genodigden zien de wijzigingen als redline op de <Link to={`/wijzigingen/${proposal.id}`}>overzichtspagina</Link>.
      </p>
      <p>
        Bewerkt u de tekst liever in Word? <Link to={`/importeren/voorstel/${proposal.id}`}>Vervang de voorgestelde tekst door een Word-bestand</Link>.
      </p>
      <ClientOnly fallback={loading}>
        {() => (
          <Suspense fallback={loading}>
            <CollabEditor room={collab.room} docId={collab.id} user={collab.user} label={`Voorgestelde tekst van ${document.title}`} />
          </Suspense>
        )}
      </ClientOnly>
    </div>
  );
}
