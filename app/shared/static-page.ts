// Pages that only show text (a document's read view) are served without the React app: no
// hydration, so the browser loads no framework JavaScript there (issue 11: ≤ 60 KB on read
// pages). A route opts out with `export const handle = { hydrate: false }`; links and forms on
// such a page work as plain HTML. This one small inline script keeps the search shortcuts:
// "/" (outside a text field) and Ctrl/⌘+K put the cursor in the header search field, whose
// form goes to /zoeken.

export type RouteHandle = { hydrate?: boolean };

export const STATIC_PAGE_SCRIPT = `document.addEventListener("keydown",function(e){var t=e.target,k=(e.key||"").toLowerCase();if(e.defaultPrevented||e.altKey)return;var edit=t&&(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));if((k==="k"&&(e.ctrlKey||e.metaKey))||(e.key==="/"&&!e.ctrlKey&&!e.metaKey&&!edit)){var f=document.getElementById("kop-zoeken");if(f){e.preventDefault();f.focus();f.select();}}});`;
