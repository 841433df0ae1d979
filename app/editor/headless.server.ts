// Headless Lexical editors bound to a Y.Doc with @lexical/yjs, for the server (seeding,
// derived forms, restore) and for Node test/bench clients. No DOM, no cursors: the
// provider is a stub whose awareness has no local state, so selection syncing is a no-op.
import { createHeadlessEditor } from "@lexical/headless";
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Binding, type Provider } from "@lexical/yjs";
import { $getRoot, $parseSerializedNode, SKIP_COLLAB_TAG, type LexicalEditor, type SerializedLexicalNode } from "lexical";
import type * as Y from "yjs";
import { editorNodes } from "./nodes";

export const noopProvider: Provider = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    off: () => {},
    on: () => {},
    setLocalState: () => {},
    setLocalStateField: () => {},
  },
  connect: () => {},
  disconnect: () => {},
  off: () => {},
  on: () => {},
};

export function createPlainHeadlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: "ketenportaal",
    nodes: [...editorNodes],
    onError: (error) => {
      throw error;
    },
  });
}

export type HeadlessCollab = {
  editor: LexicalEditor;
  binding: Binding;
  doc: Y.Doc;
  /** Run pending (non-discrete) editor updates now, e.g. after remote Yjs changes arrived. */
  flush: () => void;
  /** The editor content as serialized Lexical JSON. */
  toJSON: () => string;
  /** Replace the whole content by the children of a serialized editor state (one Yjs transaction). */
  replaceWith: (serializedState: string) => void;
  destroy: () => void;
};

/**
 * Bind a headless editor to `doc`. Content already in `doc` is not loaded: bind to an
 * empty doc and apply state afterwards (the observer then fills the editor), which is the
 * path @lexical/yjs supports.
 */
export function bindHeadless(doc: Y.Doc, provider: Provider = noopProvider): HeadlessCollab {
  const editor = createPlainHeadlessEditor();
  const id = "main";
  const binding = createYjsBinding({ editor, id, doc, docMap: new Map([[id, doc]]) });
  const removeUpdateListener = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
      if (!tags.has(SKIP_COLLAB_TAG)) {
        syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
      }
    },
  );
  const observer = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, provider, events as unknown as Array<Y.YEvent<Y.Text>>, false, () => {});
    }
  };
  binding.root.getSharedType().observeDeep(observer);
  const flush = () => {
    // A discrete no-op update commits whatever the Yjs observer queued (and what that queued).
    editor.update(() => {}, { discrete: true });
    editor.update(() => {}, { discrete: true });
  };
  return {
    editor,
    binding,
    doc,
    flush,
    toJSON: () => {
      flush();
      return JSON.stringify(editor.getEditorState().toJSON());
    },
    replaceWith: (serializedState: string) => {
      const parsed = JSON.parse(serializedState) as { root?: { children?: SerializedLexicalNode[] } };
      const children = parsed.root?.children ?? [];
      flush();
      editor.update(
        () => {
          const root = $getRoot();
          root.clear();
          for (const child of children) root.append($parseSerializedNode(child));
        },
        { discrete: true },
      );
    },
    destroy: () => {
      binding.root.getSharedType().unobserveDeep(observer);
      removeUpdateListener();
    },
  };
}
