// Diagnostic preload for the memory benchmarks (not used by the portal): caches
// Intl.DateTimeFormat and Intl.NumberFormat instances by (locale, options), the way cached
// formatters in app/shared/dates.ts will, so a soak can show whether anything OTHER than
// per-call formatters keeps memory. Use: BENCH_NODE_ARGS="--import ./tests/bench/_intl-cache.mjs".
for (const name of ["DateTimeFormat", "NumberFormat"]) {
  const Original = Intl[name];
  const cache = new Map();
  const Cached = function (locales, options) {
    const key = JSON.stringify([locales, options]);
    let f = cache.get(key);
    if (!f) cache.set(key, (f = new Original(locales, options)));
    return f;
  };
  Cached.prototype = Original.prototype;
  Cached.supportedLocalesOf = Original.supportedLocalesOf;
  Intl[name] = Cached;
}
const toLocaleString = Number.prototype.toLocaleString;
Number.prototype.toLocaleString = function (locales, options) {
  return locales === undefined && options === undefined ? toLocaleString.call(this) : new Intl.NumberFormat(locales, options).format(this);
};
