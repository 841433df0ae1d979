// Renders a diffDocuments() result as a redline: <ins>/<del> per word run, blocks in
// reading order. Screen readers hear "toegevoegd:" / "verwijderd:" before each change.
// Stable interface (the consultation feature renders proposal vs current version with it).
// Formatting changes (bold, links, heading level, list type) show as a labelled note under
// their block; every changed block gets an id `<idPrefix>-<n>` that <ChangeNavigator/> steps through.
import { useState, type ReactNode } from "react";
import type { DiffBlock, FormatChange, Segment } from "~/domain/documents/diff";
import { changeCount } from "~/shared/format-changes";

export type RedlineProps = {
  blocks: DiffBlock[];
  /** Shift document headings down so they sit under the page's own headings (h2 → h3). */
  headingOffset?: number;
  /** Collapse runs of unchanged blocks, keeping one block of context around each change. */
  onlyChanges?: boolean;
  /** Accessible name of the redline region. */
  label?: string;
  /** Prefix of the changed blocks' ids (`wijziging-1`, …), for <ChangeNavigator/>. */
  idPrefix?: string;
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

function FormatNote({ changes, inline = false }: { changes: FormatChange[] | undefined; inline?: boolean }) {
  if (!changes?.length) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag className="rl-format">
      <span className="rl-format-label">Opmaak:</span> {changes.map((c) => c.label).join(" · ")}
    </Tag>
  );
}

/** Where a changed block can be reached: its id, and a focus target for the navigator. */
const anchor = (id: string | undefined) => (id ? { id, tabIndex: -1 } : {});

function BlockView({ block, headingOffset, id }: { block: DiffBlock; headingOffset: number; id?: string }) {
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
    if (!block.formatChanges?.length) return <Tag className={statusClass(block)} {...anchor(id)}>{content}</Tag>;
    return (
      <div className="rl-group" {...anchor(id)}>
        <Tag className={statusClass(block)}>{content}</Tag>
        <FormatNote changes={block.formatChanges} />
      </div>
    );
  }
  const body =
    block.kind === "quote" ? (
      <blockquote className={statusClass(block)}>{content}</blockquote>
    ) : (
      <p className={`${statusClass(block)}${block.kind === "tablerow" ? " rl-row" : ""}`}>{content}</p>
    );
  if (!block.formatChanges?.length && !id) return body;
  return (
    <div className="rl-group" {...anchor(id)}>
      {body}
      <FormatNote changes={block.formatChanges} />
    </div>
  );
}

type Numbered = DiffBlock & { change?: number };
type Item = { type: "block"; block: Numbered } | { type: "list"; tag: string; items: Numbered[] } | { type: "gap"; count: number };

function group(blocks: Numbered[], onlyChanges: boolean): Item[] {
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

/** The changed blocks, in reading order: what <ChangeNavigator/> counts and steps through. */
export function countChanges(blocks: DiffBlock[]): number {
  return blocks.filter((b) => b.status !== "same").length;
}

export function Redline({ blocks, headingOffset = 1, onlyChanges = false, label = "Vergelijking", idPrefix = "wijziging" }: RedlineProps) {
  let n = 0;
  const numbered: Numbered[] = blocks.map((b) => (b.status === "same" ? b : { ...b, change: ++n }));
  const idOf = (b: Numbered) => (b.change ? `${idPrefix}-${b.change}` : undefined);
  const items = group(numbered, onlyChanges);
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
            <li key={j} className={statusClass(b)} style={b.depth ? { marginLeft: `${b.depth * 1.5}rem` } : undefined} {...anchor(idOf(b))}>
              {STATUS_HINT[b.status] ? <span className="visually-hidden">{STATUS_HINT[b.status]}</span> : null}
              <Segments segments={b.segments} />
              <FormatNote changes={b.formatChanges} inline />
            </li>
          ))}
        </List>
      );
    }
    return <BlockView key={i} block={item.block} headingOffset={headingOffset} id={idOf(item.block)} />;
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

/**
 * "3 wijzigingen" with previous/next buttons that scroll to and focus each changed block of the
 * <Redline/> with the same idPrefix. Without JavaScript the first change is a plain link.
 */
export function ChangeNavigator({ count, idPrefix = "wijziging" }: { count: number; idPrefix?: string }) {
  const [current, setCurrent] = useState(0);
  if (count === 0) return null;
  const go = (next: number) => {
    const target = ((next - 1 + count) % count) + 1;
    setCurrent(target);
    const el = document.getElementById(`${idPrefix}-${target}`);
    if (!el) return;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.focus({ preventScroll: true });
  };
  return (
    <nav className="change-nav" aria-label="Wijzigingen doorlopen">
      <p className="change-nav-count" aria-live="polite">
        {current ? `Wijziging ${current} van ${count}` : <a href={`#${idPrefix}-1`}>{changeCount(count)}</a>}
      </p>
      <button type="button" className="button-secondary" onClick={() => go(current ? current - 1 : count)}>
        Vorige wijziging
      </button>
      <button type="button" className="button-secondary" onClick={() => go(current + 1)}>
        Volgende wijziging
      </button>
    </nav>
  );
}
