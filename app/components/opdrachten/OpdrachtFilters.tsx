import { Form, Link } from "@remix-run/react";
import type { OpdrachtFilter } from "~/shared/opdracht-forms";

type Opt = { value: string; label: string };

function FilterSelect({ name, label, all, options, value }: { name: string; label: string; all: string; options: Opt[]; value?: string }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function OpdrachtFilters({ filter, options }: { filter: OpdrachtFilter; options: { ketens: Opt[]; themas: Opt[]; organisations: Opt[]; statuses: Opt[]; kinds: Opt[]; routes: Opt[] } }) {
  const filtered = Object.keys(filter).length > 0;
  return (
    <Form method="get" className="filters" aria-label="Register filteren">
      <FilterSelect name="keten" label="Keten" all="Alle ketens" options={options.ketens} value={filter.keten} />
      <FilterSelect name="thema" label="Thema" all="Alle thema's" options={options.themas} value={filter.thema} />
      <FilterSelect name="organisatie" label="Organisatie" all="Alle organisaties" options={options.organisations} value={filter.organisatie} />
      <FilterSelect name="status" label="Status" all="Alle statussen" options={options.statuses} value={filter.status} />
      <FilterSelect name="soort" label="Soort" all="Alle soorten" options={options.kinds} value={filter.soort} />
      <FilterSelect name="route" label="Route" all="Beide routes" options={options.routes} value={filter.route} />
      <div className="filter-actions">
        <button type="submit">Filteren</button>
        {filtered ? <Link to="/opdrachten">Filters wissen</Link> : null}
      </div>
    </Form>
  );
}
