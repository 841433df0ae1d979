import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listKetens } from "~/domain/directory.server";
import { page, requireActor } from "~/http/request.server";
import { plural } from "~/shared/plural";
import { PageHeader } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Ketens · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => {
  requireActor(request);
  return { ketens: listKetens() };
});

export default function Ketens() {
  const { ketens } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Ketens" lead="In een keten werken wijkteams, gemeente en ketenpartners samen aan één opgave. Elke keten heeft een regisseur bij de gemeente." />
      <ul className="cards">
        {ketens.map((k) => (
          <li key={k.id} className="card">
            <h2>
              <Link to={`/ketens/${k.slug}`}>{k.name}</Link>
            </h2>
            <p>{k.description}</p>
            <p className="meta">
              Regisseur: {k.regisseurName ?? "nog niet benoemd"} · {plural(k.memberCount, "organisatie", "organisaties")}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
