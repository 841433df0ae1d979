import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ketenReport } from "~/domain/overleg/report.server";
import { parseOverviewFilter } from "~/domain/signals/overview.server";
import { page, requireActor } from "~/http/request.server";
import { Field, PageHeader } from "~/components/ui";
import { KetenReportView } from "~/components/overleg/KetenReportView";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ketenrapportage ${data?.report.keten.name ?? ""} · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  const url = new URL(request.url);
  const { van, tot } = parseOverviewFilter(url.searchParams);
  return { report: ketenReport({ actor, slug: params.slug ?? "", filter: { van, tot } }), query: `van=${van}&tot=${tot}` };
});

export default function Rapport() {
  const { report, query } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={`Ketenrapportage ${report.keten.name}`} lead={`Voor het resultaatgesprek: ${report.period.van} tot en met ${report.period.tot}. De signaalcijfers zijn dezelfde als in het overzicht van signalen.`}>
        <a className="button-secondary" href={`/ketens/${report.keten.slug}/rapport.html?${query}`}>
          Afdrukbare versie
        </a>
        <a className="button-secondary" href={`/ketens/${report.keten.slug}/rapport.csv?${query}`}>
          Download CSV
        </a>
      </PageHeader>
      <Form method="get" className="filters">
        <Field label="Van (maand)" name="van" defaultValue={report.period.van} hint="JJJJ-MM" />
        <Field label="Tot en met (maand)" name="tot" defaultValue={report.period.tot} hint="JJJJ-MM" />
        <button type="submit">Toon</button>
      </Form>
      <KetenReportView report={report} />
      <p>
        <Link to={`/signalen/overzicht?keten=${report.keten.slug}&${query}`}>Naar het overzicht van signalen voor deze keten</Link>
      </p>
    </div>
  );
}
