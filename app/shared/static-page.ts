// Pages that only show text and links (a document's read view, the home page) are served
// without the React app: no hydration, so the browser loads no framework JavaScript there
// (issue 11: ≤ 60 KB on read pages). A route opts out with `export const handle = { hydrate:
// false }`; links and forms on such a page work as plain HTML. The root then loads one small
// script instead, app/shared/plain-page.island.ts (no React), which gives the header what the
// app gives it elsewhere: the quick-search dialog with its "/" and Ctrl/⌘+K shortcuts, and the
// phone menu button. Only for a page without any client-side interactivity of its own.

export type RouteHandle = { hydrate?: boolean };
