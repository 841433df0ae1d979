import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOverleggen } from "~/domain/overleg/overleg.server";
import { page, requireActor } from "~/http/request.server";
import { EmptyState, PageHeader } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Overleg · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return { overleggen: listOverleggen({ actor }) };
});

export default function Overleggen() {
  const { overleggen } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Overleg" lead="De vaste overleggen van de ketens: agenda, verslag, besluitenlijst en acties. U ziet de overleggen van de ketens waar uw organisatie aan deelneemt." />
      {overleggen.length ? (
        <ul className="cards">
          {overleggen.map((o) => (
            <li key={o.id} className="card">
              <h2 className="h3">
                <Link to={`/overleg/${o.id}`}>{o.name}</Link>
              </h2>
              <p>{o.kindLabel}</p>
              <p className="hint">
                Keten <Link to={`/ketens/${o.ketenSlug}`}>{o.ketenName}</Link>
                {o.rhythm ? ` · ${o.rhythm}` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>Er zijn geen overleggen die u kunt inzien.</EmptyState>
      )}
    </div>
  );
}
