import { Form, Link } from "@remix-run/react";
import { Field, Select } from "~/components/forms";
import { EmptyState, TableScroll, formatDate } from "~/components/ui";

type Opt = { value: string; label: string };
export type AuditFilterValues = { wie: number | null; wat: string | null; van: string | null; tot: string | null; object: string | null };
type Entry = { id: number; at: string; sentence: string; changes: string[] };

/** The query string of a filter (for paging and the CSV link). */
export function auditQuery(f: AuditFilterValues, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v != null && v !== "") q.set(k, String(v));
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export function AuditFilters({ filter, people, actions, objects }: { filter: AuditFilterValues; people: { id: number; name: string }[]; actions: Opt[]; objects: Opt[] }) {
  const filtered = Object.values(filter).some((v) => v != null);
  return (
    <Form method="get" className="filters" aria-label="Auditlog filteren">
      <Select name="wie" label="Wie" placeholder="Iedereen" options={people.map((p) => ({ value: String(p.id), label: p.name }))} defaultValue={filter.wie != null ? String(filter.wie) : ""} />
      <Select name="wat" label="Wat" placeholder="Alle handelingen" options={actions} defaultValue={filter.wat ?? ""} />
      <Select name="object" label="Soort object" placeholder="Alle soorten" options={objects} defaultValue={filter.object ?? ""} />
      <Field name="van" label="Van" type="date" defaultValue={filter.van ?? ""} />
      <Field name="tot" label="Tot en met" type="date" defaultValue={filter.tot ?? ""} />
      <div className="filter-actions">
        <button type="submit">Filteren</button>
        {filtered ? <Link to="/beheer/audit">Filters wissen</Link> : null}
        <a href={`/beheer/audit.csv${auditQuery(filter)}`} download>
          Download als CSV
        </a>
      </div>
    </Form>
  );
}

export function AuditTable({ entries }: { entries: Entry[] }) {
  if (!entries.length) return <EmptyState>Geen wijzigingen gevonden met deze filters.</EmptyState>;
  return (
    <TableScroll label="Auditlog, nieuwste eerst">
      <table>
        <caption className="visually-hidden">Auditlog, nieuwste eerst</caption>
        <thead>
          <tr>
            <th scope="col">Wanneer</th>
            <th scope="col">Wat er gebeurde</th>
            <th scope="col">Wijzigingen</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDate(e.at, true)}</td>
              <td>{e.sentence}</td>
              <td>
                {e.changes.length ? (
                  <ul className="audit-changes">
                    {e.changes.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
