import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listRetention, retentionFormSchema, setRetention } from "~/domain/retention/retention.server";
import { formAction, intent } from "~/http/action.server";
import { page, requireActor } from "~/http/request.server";
import { Notice, PageHeader } from "~/components/ui";
import { Csrf, FormError, refusalFor } from "~/components/forms";
import { assertCanAdminister } from "~/domain/policy.server";
import { TableScroll } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Bewaartermijnen · Beheer · Ketenportaal Zaanstad" }];

export const loader = page(({ request }: LoaderFunctionArgs) => ({ rows: listRetention({ actor: requireActor(request) }) }));

export const action = formAction(
  {
    save: intent({
      schema: retentionFormSchema,
      run({ actor, value }) {
        setRetention({ actor, kind: value.kind, days: value.days });
        return redirect(`/beheer/bewaartermijnen?opgeslagen=${encodeURIComponent(value.kind)}`);
      },
    }),
  },
  { authorize: assertCanAdminister }
);

function years(days: number): string {
  if (days === 0) return "direct";
  if (days % 365 === 0) return `${days / 365} jaar`;
  return `${days} dagen`;
}

export default function Bewaartermijnen() {
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { formError } = refusalFor(result);
  const [params] = useSearchParams();
  const saved = rows.find((r) => r.kind === params.get("opgeslagen"));
  return (
    <div>
      <PageHeader
        title="Bewaartermijnen"
        lead="Per soort gegevens hoe lang het portaal ze bewaart. Wat over zijn termijn is, wordt elke nacht verwijderd of geanonimiseerd; het auditlog vermeldt hoeveel. Gepubliceerde versies van documenten en besloten voorstellen met hun reactienota blijven altijd bewaard."
      />
      {saved ? <Notice tone="success">De bewaartermijn voor {saved.label.toLowerCase()} is opgeslagen.</Notice> : null}
      <FormError message={formError} />
      <TableScroll label="Bewaartermijnen">
        <table>
          <thead>
            <tr>
              <th scope="col">Gegevens</th>
              <th scope="col">Termijn</th>
              <th scope="col">Daarna</th>
              <th scope="col">Waarom</th>
              <th scope="col">Aanpassen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{r.label}</th>
                <td>
                  {years(r.days)} {r.from}
                  {r.custom ? <span className="meta"> (standaard {years(r.defaultDays)})</span> : null}
                </td>
                <td>{r.action}</td>
                <td>{r.reason}</td>
                <td>
                  <Form method="post" className="inline-form" noValidate>
                    <Csrf />
                    <input type="hidden" name="kind" value={r.kind} />
                    <label htmlFor={`days-${r.kind}`}>Dagen voor {r.label.toLowerCase()}</label>
                    <input
                      id={`days-${r.kind}`}
                      name="days"
                      type="number"
                      min={r.minDays}
                      defaultValue={r.days}
                      inputMode="numeric"
                      aria-describedby={`min-${r.kind}`}
                    />
                    <span id={`min-${r.kind}`} className="meta">
                      minstens {r.minDays}
                    </span>
                    <button type="submit">Opslaan</button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Archiefpakket</h2>
      <p>
        Alle gepubliceerde versies van documenten en alle besloten voorstellen met hun reactienota, als HTML met een JSON-manifest, in één ZIP-bestand voor het
        archief.
      </p>
      <p>
        <a href="/beheer/archief.zip" download>
          Archiefpakket downloaden (ZIP)
        </a>
      </p>
    </div>
  );
}
