// A table of contents from a document's headings, on the read view (links to the heading
// anchors) and in the editor (buttons that scroll to the heading). Hidden with fewer than two.
export type TocEntry = {
  key: string;
  text: string;
  level: number;
  href?: string;
  onSelect?: () => void;
};

export function TableOfContents({ entries, id = "inhoud" }: { entries: TocEntry[]; id?: string }) {
  if (entries.length < 2) return null;
  const top = Math.min(...entries.map((e) => e.level));
  return (
    <nav className="toc" aria-labelledby={`${id}-kop`}>
      <h2 id={`${id}-kop`} className="toc-title">
        Inhoud
      </h2>
      <ol>
        {entries.map((e) => (
          <li key={e.key} className={`toc-level-${Math.min(3, e.level - top + 1)}`}>
            {e.href ? (
              <a href={e.href}>{e.text}</a>
            ) : (
              <button type="button" className="button-link" onClick={e.onSelect}>
                {e.text}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
