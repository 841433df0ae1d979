// "Hangt samen met" on the proposal page and /overzicht: linked running changes side by side,
// and a flag where several changes reach the same organisation close together in time.
import { Form, Link } from "@remix-run/react";
import { Csrf, FormError, Intent, Select, refusalFor } from "~/components/forms";
import { EmptyState, TableScroll } from "~/components/ui";
import { plural } from "~/shared/plural";
import { OVERLAP_DAYS } from "~/shared/verkenning";

type Change = { key: string; kind: "proposal" | "verkenning"; title: string; href: string; statusLabel: string; organisations?: { id: number; name: string }[] };
type Flag = { organisationName: string; reason: string; a: Change; b: Change; days: number };

const kindLabel = (c: Change) => (c.kind === "verkenning" ? "Verkenning" : "Voorstel");

export function ChangeCard({ change }: { change: Change }) {
  return (
    <li className="card related-change">
      <p className="meta">
        {kindLabel(change)} · <span className="status">{change.statusLabel}</span>
      </p>
      <p>
        <Link to={change.href}>{change.title}</Link>
      </p>
      {change.organisations?.length ? <p className="meta">Raakt: {change.organisations.map((o) => o.name).join(", ")}</p> : null}
    </li>
  );
}

export function OverlapFlags({ flags, self }: { flags: Flag[]; self?: string }) {
  if (!flags.length) return null;
  return (
    <div className="alert alert-warning" role="note" aria-label="Samenloop van wijzigingen">
      <p>
        <strong>Let op: {plural(flags.length, "samenloop", "samenlopen")}.</strong> Deze wijzigingen raken dezelfde organisatie kort na elkaar. Stem ze af, zodat partners ze niet door elkaar halen.
      </p>
      <ul>
        {flags.map((f) => {
          const other = self ? (f.a.key === self ? [f.b] : [f.a]) : [f.a, f.b];
          return (
            <li key={`${f.a.key}-${f.b.key}-${f.organisationName}`}>
              <strong>{f.organisationName}</strong>:{" "}
              {other.map((c, i) => (
                <span key={c.key}>
                  {i ? " en " : ""}
                  <Link to={c.href}>{c.title}</Link>
                </span>
              ))}{" "}
              ({f.reason})
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export type SamenhangData = { self: Change | null; linked: { linkId: number | null; change: Change }[]; flags: Flag[]; overlapDays: number };

/** On the proposal page: linked changes side by side, and the overlap flags of this proposal. */
export function SamenhangSection({ data, proposalId }: { data: SamenhangData; proposalId: number }) {
  return (
    <section aria-labelledby="kop-samenhang">
      <h2 id="kop-samenhang">Hangt samen met</h2>
      <OverlapFlags flags={data.flags} self={data.self?.key} />
      {data.linked.length ? (
        <ul className="cards related-changes">
          {data.linked.map((l) => (
            <ChangeCard key={l.change.key} change={l.change} />
          ))}
        </ul>
      ) : (
        <EmptyState>Er zijn geen lopende wijzigingen aan dit voorstel gekoppeld.</EmptyState>
      )}
      <p>
        <Link to={`/wijzigingen/${proposalId}/integraal`}>Integrale toets en samenhang</Link>
      </p>
    </section>
  );
}

/** The owner's forms to link and unlink related changes. */
export function LinkForms({ data, options, actionResult }: { data: SamenhangData; options: { value: string; label: string }[]; actionResult: unknown }) {
  const link = refusalFor(actionResult, "koppelen");
  return (
    <>
      {data.linked.some((l) => l.linkId) ? (
        <ul>
          {data.linked
            .filter((l) => l.linkId)
            .map((l) => (
              <li key={l.change.key}>
                <Form method="post" className="inline-form">
                  <Csrf />
                  <Intent value="ontkoppelen" />
                  <input type="hidden" name="linkId" value={l.linkId ?? ""} />
                  {l.change.title}{" "}
                  <button type="submit" className="button-secondary">
                    Ontkoppelen<span className="visually-hidden">: {l.change.title}</span>
                  </button>
                </Form>
              </li>
            ))}
        </ul>
      ) : null}
      {options.length ? (
        <Form method="post" noValidate className="card">
          <Csrf />
          <Intent value="koppelen" />
          <FormError message={link.formError} />
          <Select label="Hangt samen met" name="target" required placeholder="Kies een lopende wijziging" options={options} defaultValue={link.values.target} error={link.fieldErrors.target} />
          <button type="submit">Koppelen</button>
        </Form>
      ) : null}
    </>
  );
}

type Overlap = { organisationName: string; reason: string; changes: Pick<Change, "key" | "title" | "href" | "statusLabel" | "kind">[] };

/** On /overzicht: every pair of running changes that reach one organisation close together. */
export function OverlapList({ overlaps }: { overlaps: Overlap[] }) {
  if (!overlaps.length) return <EmptyState>Geen lopende wijzigingen die dezelfde organisatie binnen {OVERLAP_DAYS} dagen raken.</EmptyState>;
  return (
    <TableScroll label="Samenloop: wijzigingen die dezelfde organisatie in dezelfde periode raken">
      <table className="overlaps">
        <caption className="visually-hidden">Wijzigingen die dezelfde organisatie binnen {OVERLAP_DAYS} dagen raken</caption>
        <thead>
          <tr>
            <th scope="col">Organisatie</th>
            <th scope="col">Wijzigingen naast elkaar</th>
            <th scope="col">Waarom gemarkeerd</th>
          </tr>
        </thead>
        <tbody>
          {overlaps.map((o) => (
            <tr key={`${o.organisationName}-${o.changes.map((c) => c.key).join("-")}`}>
              <th scope="row">
                <span className="status status-warn">samenloop</span> {o.organisationName}
              </th>
              <td>
                <ul className="side-by-side">
                  {o.changes.map((c) => (
                    <li key={c.key}>
                      {kindLabel(c as Change)}: <a href={c.href}>{c.title}</a> <span className="meta">({c.statusLabel})</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{o.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
