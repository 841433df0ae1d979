// Forms derived on the server from a room's Yjs state: Lexical JSON, sanitised HTML, plain
// text and Markdown (room_derived). Written on a debounce while people type, on unload,
// and on publish; the room kind's onDerived hook runs in the same transaction (e.g. to
// queue the draft for the search index).
import { eq } from "drizzle-orm";
import type * as Y from "yjs";
import { getDb, schema } from "~/db/client.server";
import { lexicalStateToHtml, lexicalStateToMarkdown, lexicalStateToText, yDocToLexicalState, yStateToLexicalState } from "~/editor/convert.server";
import { nowIso } from "~/utils/clock.server";
import type { Tx } from "./types";

export type DerivedForms = { lexicalJson: string; html: string; text: string; markdown: string; updatedAt: string };

export function deriveForms(lexicalJson: string): DerivedForms {
  return {
    lexicalJson,
    html: lexicalStateToHtml(lexicalJson),
    text: lexicalStateToText(lexicalJson),
    markdown: lexicalStateToMarkdown(lexicalJson),
    updatedAt: nowIso(),
  };
}

export function readDerived(room: string): DerivedForms | null {
  return (
    getDb()
      .select({
        lexicalJson: schema.roomDerived.lexicalJson,
        html: schema.roomDerived.html,
        text: schema.roomDerived.text,
        markdown: schema.roomDerived.markdown,
        updatedAt: schema.roomDerived.updatedAt,
      })
      .from(schema.roomDerived)
      .where(eq(schema.roomDerived.room, room))
      .get() ?? null
  );
}

/**
 * Store the derived forms of `source` for `room`. Skips the write (and the hook) when the
 * text did not change, so cursor-only or no-op updates do not churn the search index.
 * Returns the forms, or null when nothing changed.
 */
export function writeDerived(
  room: string,
  source: Y.Doc | Uint8Array | string,
  onDerived: ((tx: Tx, forms: DerivedForms) => void) | undefined,
  tx?: Tx,
): DerivedForms | null {
  const json =
    typeof source === "string" ? source : source instanceof Uint8Array ? yStateToLexicalState(source) : yDocToLexicalState(source);
  const previous = readDerived(room);
  if (previous && previous.lexicalJson === json) return null;
  const forms = deriveForms(json);
  const write = (t: Tx) => {
    t.insert(schema.roomDerived)
      .values({ room, ...forms })
      .onConflictDoUpdate({
        target: schema.roomDerived.room,
        set: { lexicalJson: forms.lexicalJson, html: forms.html, text: forms.text, markdown: forms.markdown, updatedAt: forms.updatedAt },
      })
      .run();
    onDerived?.(t, forms);
  };
  if (tx) write(tx);
  else getDb().transaction(write);
  return forms;
}
