// Which link targets content may carry. Shared by the editor (link dialog) and the
// server's HTML/Markdown serializers, so both refuse the same things (javascript:, data:, ...).
const ALLOWED = new Set(["http:", "https:", "mailto:"]);

/** The normalised URL when it is an http(s) or mailto link, otherwise null. */
export function safeHref(raw: string): string | null {
  const value = raw.trim();
  if (!value || value.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  return url.href;
}
