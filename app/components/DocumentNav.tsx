import { NavLink } from "@remix-run/react";

/** Tabs of one document: read, history, (for editors) edit. */
export function DocumentNav({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  return (
    <nav className="sub-nav" aria-label="Document">
      <ul>
        <li>
          <NavLink to={`/documenten/${slug}`} end>
            Lezen
          </NavLink>
        </li>
        <li>
          <NavLink to={`/documenten/${slug}/versies`}>Versies</NavLink>
        </li>
        {canEdit ? (
          <li>
            <NavLink to={`/documenten/${slug}/bewerken`}>Bewerken</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
