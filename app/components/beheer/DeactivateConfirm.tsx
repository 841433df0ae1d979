import { Form, Link } from "@remix-run/react";
import { Csrf, FormError, Intent, Select } from "~/components/forms";

type Item = { id: number; title: string };
type Work = { ketens: { id: number; name: string }[]; signals: Item[]; proposals: Item[]; actions: Item[] };
type Successor = { id: number; name: string; organisationName: string | null; regisseur: boolean };

/** The confirmation step before deactivating, with the offer to hand the open work over. */
export function DeactivateConfirm({ personId, name, work, successors, formError, fieldErrors }: { personId: number; name: string; work: Work; successors: Successor[]; formError?: string | null; fieldErrors?: Record<string, string> }) {
  const hasWork = work.ketens.length + work.proposals.length + work.actions.length > 0;
  const options = successors.filter((s) => !work.ketens.length || s.regisseur).map((s) => ({ value: String(s.id), label: `${s.name}${s.organisationName ? ` (${s.organisationName})` : ""}` }));
  return (
    <section aria-labelledby="kop-deactiveren" id="deactiveren" className="card">
      <h2 id="kop-deactiveren">{name} deactiveren?</h2>
      <p>Deactiveren beëindigt direct alle sessies van deze persoon. Wat de persoon schreef, blijft bewaard.</p>
      {hasWork ? (
        <>
          <p>Deze persoon heeft nog open werk:</p>
          <ul>
            {work.ketens.map((k) => (
              <li key={`k${k.id}`}>regisseur van {k.name}</li>
            ))}
            {work.signals.map((s) => (
              <li key={`s${s.id}`}>
                signaal <Link to={`/signalen/${s.id}`}>{s.title}</Link>
              </li>
            ))}
            {work.proposals.map((p) => (
              <li key={`p${p.id}`}>
                voorstel <Link to={`/wijzigingen/${p.id}`}>{p.title}</Link>
              </li>
            ))}
            {work.actions.map((a) => (
              <li key={`a${a.id}`}>actie {a.title}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Deze persoon heeft geen open signalen, voorstellen of acties.</p>
      )}
      <Form method="post">
        <Csrf />
        <Intent value="deactivate" />
        <FormError message={formError} />
        {hasWork ? (
          <Select
            name="to"
            label="Open werk overdragen aan"
            placeholder="Niet overdragen"
            hint={work.ketens.length ? "Alleen personen met de rol regisseur, omdat deze persoon regisseur van een keten is." : undefined}
            options={options}
            error={fieldErrors?.to}
          />
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-danger">
            Ja, deactiveren
          </button>
          <Link to={`/beheer/personen/${personId}`}>Annuleren</Link>
        </div>
      </Form>
    </section>
  );
}
