import { Form } from "@remix-run/react";

/** The header search box; works without JavaScript (GET /zoeken). */
export function QuickSearch() {
  return (
    <Form method="get" action="/zoeken" role="search" className="header-search">
      <label htmlFor="kop-zoeken" className="visually-hidden">
        Zoek in Ketenportaal
      </label>
      <input id="kop-zoeken" name="q" type="search" placeholder="Zoeken…" maxLength={500} autoComplete="off" />
      <button type="submit">Zoek</button>
    </Form>
  );
}
