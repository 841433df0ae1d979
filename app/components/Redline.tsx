// Renders a diffDocuments() result as a redline: <ins>/<del> per word run, blocks in
// reading order. Screen readers hear "toegevoegd:" / "verwijderd:" before each change.
// Stable interface (the consultation feature renders proposal vs current version with it).
import type { ReactNode } from "react";
import type { DiffBlock, Segment } from "~/domain/documents/diff";

export type RedlineProps = {
  blocks: DiffBlock[];
  /** Shift document headings down so they sit under the page's own headings (h2 → h3). */
  headingOffset?: number;
  /** Collapse runs of unchanged blocks, keeping one block of context around each change. */
  onlyChanges?: boolean;
  /** Accessible name of the redline region. */
  label?: string;
};

function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.type === "add" ? (
          <ins key={i}>
            <span className="visually-hidden">toegevoegd: </span>
            {s.text}
          </ins>
        ) : s.type === "del" ? (
          <del key={i}>
            <span className="visually-hidden">verwijderd: </span>
            {s.text}
          </del>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}

const statusClass = (b: DiffBlock) => `rl-block rl-${b.status}`;

const STATUS_HINT: Record<DiffBlock["status"], string | null> = {
  same: null,
  changed: null,
  added: "Nieuw: ",
  removed: "Geschrapt: ",
};

function BlockView({ block, headingOffset }: { block: DiffBlock; headingOffset: number }) {
  const hint = STATUS_HINT[block.status];
  const content = (
    <>
      {hint ? <span className="visually-hidden">{hint}</span> : null}
      <Segments segments={block.segments} />
    </>
  );
  if (block.kind === "heading") {
    const level = Math.min(6, Math.max(1, Number(block.tag.slice(1)) + headingOffset));
    const Tag = `h${level}` as "h2";
    return <Tag className={statusClass(block)}>{content}</Tag>;
  }
  if (block.kind === "quote") return <blockquote className={statusClass(block)}>{content}</blockquote>;
  if (block.kind === "tablerow") return <p className={`${statusClass(block)} rl-row`}>{content}</p>;
  return <p className={statusClass(block)}>{content}</p>;
}

type Item = { type: "block"; block: DiffBlock } | { type: "list"; tag: string; items: DiffBlock[] } | { type: "gap"; count: number };

function group(blocks: DiffBlock[], onlyChanges: boolean): Item[] {
  const changed = (i: number) => i >= 0 && i < blocks.length && blocks[i].status !== "same";
  const keep = blocks.map((_, i) => !onlyChanges || changed(i) || changed(i - 1) || changed(i + 1));
  const items: Item[] = [];
  let gap = 0;
  blocks.forEach((b, i) => {
    if (!keep[i]) {
      gap += 1;
      return;
    }
    if (gap) {
      items.push({ type: "gap", count: gap });
      gap = 0;
    }
    const last = items[items.length - 1];
    if (b.kind === "listitem") {
      if (last && last.type === "list" && last.tag === b.tag) last.items.push(b);
      else items.push({ type: "list", tag: b.tag, items: [b] });
    } else items.push({ type: "block", block: b });
  });
  if (gap) items.push({ type: "gap", count: gap });
  return items;
}

export function Redline({ blocks, headingOffset = 1, onlyChanges = false, label = "Vergelijking" }: RedlineProps) {
  const items = group(blocks, onlyChanges);
  const out: ReactNode[] = items.map((item, i) => {
    if (item.type === "gap") {
      return (
        <p key={i} className="rl-gap meta">
          … {item.count} {item.count === 1 ? "ongewijzigd blok" : "ongewijzigde blokken"} …
        </p>
      );
    }
    if (item.type === "list") {
      const List = item.tag === "ol" ? "ol" : "ul";
      return (
        <List key={i}>
          {item.items.map((b, j) => (
            <li key={j} className={statusClass(b)} style={b.depth ? { marginLeft: `${b.depth * 1.5}rem` } : undefined}>
              {STATUS_HINT[b.status] ? <span className="visually-hidden">{STATUS_HINT[b.status]}</span> : null}
              <Segments segments={b.segments} />
            </li>
          ))}
        </List>
      );
    }
    return <BlockView key={i} block={item.block} headingOffset={headingOffset} />;
  });
  return (
    <section className="redline doc-body" aria-label={label}>
      {out}
    </section>
  );
}

export function RedlineLegend() {
  return (
    <p className="rl-legend meta">
      Legenda: <ins>toegevoegde tekst</ins> · <del>verwijderde tekst</del>
    </p>
  );
}
