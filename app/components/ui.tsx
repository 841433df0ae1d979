import type { ReactNode } from "react";

// The form pieces live in ./forms; re-exported here for the many pages that import them with the rest.
export { Csrf, Field, FormError } from "./forms";

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "success" ? "status" : undefined}>
      {children}
    </div>
  );
}

export function PageHeader({ title, lead, children }: { title: ReactNode; lead?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

// Dates are formatted in app/shared/dates (Amsterdam time, cached formatters); pages import it
// from here together with the other UI helpers.
export { formatDate } from "~/shared/dates";

/**
 * A wide table scrolls inside this box instead of widening the page: a labelled region that
 * takes keyboard focus, so it can be scrolled with the arrow keys (axe scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
