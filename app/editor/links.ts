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

/**
 * What someone typed in the link form, as a safe URL: an address without a scheme that looks
 * like a domain (`zaanstad.nl`, `www.werkom.nl/aanmelden`) gets `https://`; an e-mail address
 * gets `mailto:`. Otherwise as safeHref.
 */
export function normalizeHref(raw: string): string | null {
  const value = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return safeHref(value);
  if (/^[^\s@/]+@[^\s@/]+\.[a-z]{2,}$/i.test(value)) return safeHref(`mailto:${value}`);
  if (/^(\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(:\d+)?([/?#]\S*)?$/i.test(value)) return safeHref(`https://${value.replace(/^\/\//, "")}`);
  return null;
}
