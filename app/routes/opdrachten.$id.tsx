import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { opdrachtDetail } from "~/domain/opdrachten/detail.server";
import { OPDRACHT_NOT_FOUND, addReportMoment, markReportReceived, recordReportFeedback, setOpdrachtStatus, toetsOpdracht } from "~/domain/opdrachten/opdrachten.server";
import { opdrachtIntentSchemas } from "~/shared/opdracht-forms";
import { formAction, intent } from "~/http/action.server";
import { idParam } from "~/http/ids.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { PageRefusal } from "~/components/forms";
import { OpdrachtFacts } from "~/components/opdrachten/OpdrachtFacts";
import { Reports, StatusForm, ToetsForm } from "~/components/opdrachten/OpdrachtForms";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.item.title ?? "Opdracht"} · Opdrachtenregister · Ketenportaal Zaanstad` }];

export const loader = page(({ request, params }: LoaderFunctionArgs) => {
  const actor = requireActor(request);
  return opdrachtDetail({ actor, id: idParam(params, "id", OPDRACHT_NOT_FOUND) });
});

const back = (id: number, anchor = "") => redirect(`/opdrachten/${id}${anchor}`);

export const action = formAction({
  toetsen: intent({
    schema: opdrachtIntentSchemas.toetsen,
    run({ actor, value, params }) {
      const id = idParam(params, "id", OPDRACHT_NOT_FOUND);
      toetsOpdracht({ actor, id, ...value });
      return back(id);
    },
  }),
  status: intent({
    schema: opdrachtIntentSchemas.status,
    run({ actor, value, params }) {
      const id = idParam(params, "id", OPDRACHT_NOT_FOUND);
      setOpdrachtStatus({ actor, id, ...value });
      return back(id);
    },
  }),
  moment: intent({
    schema: opdrachtIntentSchemas.moment,
    run({ actor, value, params }) {
      const id = idParam(params, "id", OPDRACHT_NOT_FOUND);
      const reportId = addReportMoment({ actor, id, ...value });
      return back(id, `#moment-${reportId}`);
    },
  }),
  ontvangen: intent({
    schema: opdrachtIntentSchemas.ontvangen,
    target: "reportId",
    run({ actor, value, params }) {
      const id = idParam(params, "id", OPDRACHT_NOT_FOUND);
      markReportReceived({ actor, id, reportId: value.reportId });
      return back(id, `#moment-${value.reportId}`);
    },
  }),
  terugkoppeling: intent({
    schema: opdrachtIntentSchemas.terugkoppeling,
    target: "reportId",
    run({ actor, value, params }) {
      const id = idParam(params, "id", OPDRACHT_NOT_FOUND);
      recordReportFeedback({ actor, id, ...value });
      return back(id, `#moment-${value.reportId}`);
    },
  }),
});

export default function Opdracht() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const shownBy = [
    ...(d.canToets ? ["toetsen"] : []),
    ...(d.nextStatuses.length ? ["status"] : []),
    ...(d.canManage ? ["moment", ...d.reports.flatMap((r) => [`ontvangen:${r.id}`, `terugkoppeling:${r.id}`])] : []),
  ];
  return (
    <div>
      <PageHeader title={d.item.title} lead={`${d.item.kindLabel} · gevraagd door ${d.item.requestedBy}`}>
        <Link className="button-secondary" to="/opdrachten">
          Naar het register
        </Link>
        <a className="button-secondary" href={`/opdrachten/${d.item.id}/agenda.ics`}>
          In uw agenda
        </a>
      </PageHeader>
      {params.get("geregistreerd") ? <Notice tone="success">Het verzoek is geregistreerd. De contractmanager heeft bericht gekregen om het te toetsen.</Notice> : null}
      <PageRefusal result={result} shownBy={shownBy} />
      <div className="two-col">
        <div>
          <OpdrachtFacts d={d} />
          <Reports d={d} result={result} />
        </div>
        <aside>
          {d.canToets ? <ToetsForm d={d} result={result} /> : null}
          {d.canManage ? <StatusForm d={d} result={result} /> : null}
        </aside>
      </div>
    </div>
  );
}
