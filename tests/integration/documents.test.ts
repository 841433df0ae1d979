// Documents domain: demo seed, conversions, publish/restore/compare, and who may do what.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { getDb, schema } from "~/db/client.server";
import { loadActorByEmail, type Actor } from "~/domain/actor.server";
import { documentBySlug, listDocuments, createDocument, editorPage } from "~/domain/documents/documents.server";
import { seedDocuments, readDocumentContent } from "~/domain/documents/seed.server";
import {
  compareVersions,
  getCurrentVersion,
  listVersions,
  publishVersion,
  restoreVersion,
  draftDiffersFromPublished,
} from "~/domain/documents/versions.server";
import { documentRoomAccess } from "~/domain/policy.server";
import { seedWorld } from "~/domain/seed/world.server";
import { bindHeadless } from "~/editor/headless.server";
import {
  lexicalStateToHtml,
  lexicalStateToMarkdown,
  lexicalStateToText,
  lexicalStateToYUpdate,
  markdownToLexicalState,
  yDocToLexicalState,
  yStateToLexicalState,
} from "~/editor/convert.server";
import { docRoom } from "~/shared/collab";
import { splitMarkdown } from "~/domain/search/passages";
import { applyServerUpdate, getRoomLexicalState, getRoomState, readDerived } from "~/collab/index.server";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";

const actor = (email: string): Actor => {
  const a = loadActorByEmail(email);
  if (!a) throw new Error(`no actor ${email}`);
  return a;
};

/** Type a paragraph into a room the way an editor would: through a bound Lexical editor. */
function typeIntoRoom(room: string, text: string): void {
  const doc = new Y.Doc();
  const h = bindHeadless(doc);
  Y.applyUpdate(doc, getRoomState(room));
  h.flush();
  const before = Y.encodeStateVector(doc);
  h.editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), { discrete: true });
  applyServerUpdate(room, Y.encodeStateAsUpdate(doc, before));
  h.destroy();
}

beforeAll(async () => {
  await seedWorld();
  seedDocuments();
});

describe("conversions", () => {
  test("Markdown → Lexical → Yjs → Lexical keeps every block", () => {
    const md = fs.readFileSync(path.resolve("content/documents/visie-op-partnerschap/v2.md"), "utf8");
    const json = markdownToLexicalState(md);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, lexicalStateToYUpdate(json));
    const back = yDocToLexicalState(doc);
    expect(lexicalStateToText(back)).toBe(lexicalStateToText(json));
    expect(lexicalStateToMarkdown(back)).toBe(lexicalStateToMarkdown(json));
    expect(lexicalStateToHtml(back)).toContain('<h2 id="waarom-een-visie-op-partnerschap">Waarom een visie op partnerschap</h2>');
  });

  test("headings get the ids search links point at (shared anchor scheme), unique per page", () => {
    const json = markdownToLexicalState("## Wie doet wat\n\nTekst.\n\n### Continuïteit **ondanks** wisselingen\n\n## Wie doet wat\n");
    const html = lexicalStateToHtml(json);
    expect(html).toContain('<h2 id="wie-doet-wat">Wie doet wat</h2>');
    expect(html).toContain('<h3 id="continuiteit-ondanks-wisselingen">Continuïteit <strong>ondanks</strong> wisselingen</h3>');
    expect(html).toContain('<h2 id="wie-doet-wat-2">Wie doet wat</h2>');
    // The same anchors as the search index derives from the Markdown.
    expect(splitMarkdown(lexicalStateToMarkdown(json)).map((p) => p.anchor).filter(Boolean)).toEqual([
      "wie-doet-wat",
      "continuiteit-ondanks-wisselingen",
      "wie-doet-wat-2",
    ]);
  });

  test("Markdown export round-trips through the importer", () => {
    const json = markdownToLexicalState("## Kop\n\nEen **vette** en *schuine* [link](https://example.org/a).\n\n- een\n- twee\n\n1. eerst\n2. dan\n");
    const md = lexicalStateToMarkdown(json);
    expect(md).toBe("## Kop\n\nEen **vette** en *schuine* [link](https://example.org/a).\n\n- een\n- twee\n\n1. eerst\n2. dan\n");
    expect(lexicalStateToText(markdownToLexicalState(md))).toBe(lexicalStateToText(json));
  });

  test("HTML escapes text and keeps only http(s)/mailto links", () => {
    const json = JSON.stringify({
      root: {
        type: "root",
        children: [
          { type: "paragraph", children: [{ type: "text", text: '<script>alert("x")</script><img src=x onerror=alert(1)>', format: 0 }] },
          { type: "paragraph", children: [{ type: "link", url: "javascript:alert(1)", children: [{ type: "text", text: "klik", format: 0 }] }] },
          { type: "paragraph", children: [{ type: "link", url: "https://example.org/?a=1&b=\"2\"", children: [{ type: "text", text: "ok", format: 1 }] }] },
          { type: "heading", tag: "script", children: [{ type: "text", text: "kop", format: 0 }] },
          { type: "paragraph", style: "background:url(x)", className: "evil", children: [{ type: "text", text: "stijl", style: "color:red", format: 0 }] },
          { type: "onbekend", children: [{ type: "text", text: "woorden blijven", format: 0 }] },
        ],
      },
    });
    const html = lexicalStateToHtml(json);
    // Every tag is one the serializer writes itself, with only its own attributes.
    for (const [, tag, attrs] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
      expect(["p", "h2", "a", "strong"]).toContain(tag);
      expect(attrs.replace(/\s(href|rel)="[^"]*"/g, "").replace(/^ id="[a-z0-9-]+"$/, "")).toBe("");
    }
    expect(html).not.toMatch(/javascript:|style=|evil/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("<p>klik</p>");
    expect(html).toContain('<a href="https://example.org/?a=1&amp;b=%222%22" rel="noopener noreferrer nofollow"><strong>ok</strong></a>');
    expect(html).toContain('<h2 id="kop">kop</h2>');
    expect(html).toContain("woorden blijven");
  });
});

describe("demo seed", () => {
  test("every content folder becomes a document with its versions in order", () => {
    const content = readDocumentContent();
    expect(content.length).toBeGreaterThanOrEqual(3);
    for (const { meta } of content) {
      const doc = documentBySlug(meta.slug);
      expect(doc, meta.slug).not.toBeNull();
      const versions = listVersions(doc!.id);
      expect(versions.map((v) => v.number)).toEqual(meta.versions.map((_, i) => meta.versions.length - i));
      expect(versions.map((v) => v.summary).reverse()).toEqual(meta.versions.map((v) => v.summary));
      expect(versions.at(-1)?.publishedAt).toBe(meta.versions[0].publishedAt);
      // The room starts from the last version, and no draft differs from it.
      const current = getCurrentVersion(doc!.id)!;
      expect(current.number).toBe(meta.versions.length);
      expect(lexicalStateToText(getRoomLexicalState(docRoom(doc!.id)))).toBe(current.text);
      expect(draftDiffersFromPublished(doc!.id)).toBe(false);
      expect(current.html).toContain("Voorbeeldinhoud");
    }
  });

  test("the three required documents have at least two versions", () => {
    for (const slug of ["visie-op-partnerschap", "werkafspraken-participatieketen", "werken-in-de-wijk-2027"]) {
      const doc = documentBySlug(slug);
      expect(doc, slug).not.toBeNull();
      expect(listVersions(doc!.id).length).toBeGreaterThanOrEqual(2);
    }
    expect(documentBySlug("werkafspraken-participatieketen")!.ketenSlug).toBe("participatie-armoede");
  });
});

describe("access", () => {
  test("room access: editors write, keten members follow read-only, others are refused", () => {
    const doc = documentBySlug("werkafspraken-participatieketen")!;
    expect(documentRoomAccess(actor("professional@dock.example"), doc)).toBe("write");
    expect(documentRoomAccess(actor("regisseur.participatie@zaanstad.example"), doc)).toBe("write");
    expect(documentRoomAccess(actor("werkom@werkom.example"), doc)).toBe("read");
    expect(documentRoomAccess(actor("aanbieder@zorgvoorbeeld.example"), doc)).toBeNull();
    const visie = documentBySlug("visie-op-partnerschap")!;
    expect(documentRoomAccess(actor("werkom@werkom.example"), visie)).toBeNull();
    expect(documentRoomAccess(actor("contractmanager@zaanstad.example"), visie)).toBe("write");
  });

  test("the editor page is refused to non-editors", () => {
    expect(() => editorPage({ actor: actor("werkom@werkom.example"), slug: "werkafspraken-participatieketen" })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    const page = editorPage({ actor: actor("professional@dock.example"), slug: "werkafspraken-participatieketen" });
    expect(page.collab.room).toMatch(/^\d+$/);
    expect(page.collab.user.color).toMatch(/^#/);
  });

  test("concepts are listed for editors only", () => {
    const created = createDocument({
      actor: actor("regisseur.participatie@zaanstad.example"),
      title: "Werkafspraken schuldhulp",
      kind: "werkafspraken",
      ketenId: documentBySlug("werkafspraken-participatieketen")!.ketenId,
      summary: "",
    });
    expect(created.slug).toBe("werkafspraken-schuldhulp");
    const forEditor = listDocuments({ actor: actor("professional@dock.example") }).map((d) => d.slug);
    const forPartner = listDocuments({ actor: actor("werkom@werkom.example") }).map((d) => d.slug);
    expect(forEditor).toContain("werkafspraken-schuldhulp");
    expect(forPartner).not.toContain("werkafspraken-schuldhulp");
    expect(forPartner).toContain("werkafspraken-participatieketen");
    // Seeded from the server template, once.
    const text = lexicalStateToText(getRoomLexicalState(docRoom(created.id)));
    expect(text.match(/Doel van deze werkafspraken/g)).toHaveLength(1);
  });

  test("a ketenpartner cannot create documents", () => {
    expect(() =>
      createDocument({ actor: actor("werkom@werkom.example"), title: "X", kind: "overig", ketenId: null, summary: "" }),
    ).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe("publish, compare, restore", () => {
  test("publishing takes the room's current text as the next version", () => {
    const doc = documentBySlug("werken-in-de-wijk-2027")!;
    const room = docRoom(doc.id);
    typeIntoRoom(room, "Nieuwe alinea over de evaluatie in 2028.");
    expect(draftDiffersFromPublished(doc.id)).toBe(true);
    const outboxBefore = getDb().select().from(schema.searchOutbox).all().length;
    // A binding document (opdracht, portal-wide): its owner is a regisseur (issue 12).
    const v = publishVersion({ actor: actor("regisseur.participatie@zaanstad.example"), documentId: doc.id, summary: "Evaluatie toegevoegd" });
    expect(v.number).toBe(3);
    const current = getCurrentVersion(doc.id)!;
    expect(current.id).toBe(v.id);
    expect(current.text).toContain("Nieuwe alinea over de evaluatie in 2028.");
    expect(current.publishedByName).toBeTruthy();
    expect(getDb().select().from(schema.documents).where(eq(schema.documents.id, doc.id)).get()?.currentVersionId).toBe(v.id);
    const outbox = getDb().select().from(schema.searchOutbox).all().slice(outboxBefore);
    expect(outbox).toContainEqual(expect.objectContaining({ entityType: "document", entityId: String(doc.id) }));
    expect(draftDiffersFromPublished(doc.id)).toBe(false);

    const cmp = compareVersions({ actor: actor("werkom@werkom.example"), slug: doc.slug, from: 2, to: 3 });
    expect(cmp.stats.changedBlocks).toBe(1);
    expect(cmp.blocks.find((b) => b.status === "added")?.segments[0].text).toBe("Nieuwe alinea over de evaluatie in 2028.");
  });

  test("the change summary is required, with a Dutch field error", () => {
    const doc = documentBySlug("werken-in-de-wijk-2027")!;
    expect(() => publishVersion({ actor: actor("regisseur.participatie@zaanstad.example"), documentId: doc.id, summary: "  " })).toThrow(
      expect.objectContaining({ status: 400, fieldErrors: { summary: "Samenvatting van de wijziging is verplicht." } }),
    );
  });

  test("a ketenpartner may not publish", () => {
    const doc = documentBySlug("werkafspraken-participatieketen")!;
    expect(() => publishVersion({ actor: actor("werkom@werkom.example"), documentId: doc.id, summary: "x" })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  test("publishing given text (a proposal taking effect) also makes it the room's content", () => {
    const doc = documentBySlug("werkafspraken-wmo-keten")!;
    const json = markdownToLexicalState("## Werkafspraken Wmo-keten\n\nAanbieders worden vooraf geconsulteerd.\n");
    const v = publishVersion({ actor: null, documentId: doc.id, summary: "Voorstel P2 van kracht", lexicalJson: json, proposalId: 2 });
    expect(getCurrentVersion(doc.id)!.text).toBe("Werkafspraken Wmo-keten\nAanbieders worden vooraf geconsulteerd.");
    expect(getCurrentVersion(doc.id)!.proposalId).toBe(2);
    expect(getCurrentVersion(doc.id)!.publishedById).toBeNull();
    expect(lexicalStateToText(getRoomLexicalState(docRoom(doc.id)))).toBe("Werkafspraken Wmo-keten\nAanbieders worden vooraf geconsulteerd.");
    expect(readDerived(docRoom(doc.id))?.text).toBe("Werkafspraken Wmo-keten\nAanbieders worden vooraf geconsulteerd.");
    expect(v.number).toBe(3);
  });

  test("a publish inside a transaction that rolls back leaves room and versions untouched", () => {
    const doc = documentBySlug("werkafspraken-wmo-keten")!;
    const room = docRoom(doc.id);
    const before = getRoomLexicalState(room);
    const rowsBefore = getDb().select().from(schema.yUpdates).where(eq(schema.yUpdates.room, room)).all().length;
    expect(() =>
      getDb().transaction((tx) => {
        publishVersion({ actor: null, documentId: doc.id, summary: "Mislukt", lexicalJson: markdownToLexicalState("Andere tekst") }, tx);
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    expect(getRoomLexicalState(room)).toBe(before);
    expect(getDb().select().from(schema.yUpdates).where(eq(schema.yUpdates.room, room)).all().length).toBe(rowsBefore);
    expect(getCurrentVersion(doc.id)!.number).toBe(3);
  });

  test("restore puts an older version back into the draft, owners only", () => {
    const doc = documentBySlug("werkafspraken-participatieketen")!;
    const room = docRoom(doc.id);
    expect(() => restoreVersion({ actor: actor("professional@dock.example"), documentId: doc.id, number: 1 })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    restoreVersion({ actor: actor("regisseur.participatie@zaanstad.example"), documentId: doc.id, number: 1 });
    const v1 = listVersions(doc.id).find((v) => v.number === 1)!;
    expect(lexicalStateToText(getRoomLexicalState(room))).toBe(
      getDb().select().from(schema.documentVersions).where(eq(schema.documentVersions.id, v1.id)).get()!.text,
    );
    // Restoring is not publishing.
    expect(getCurrentVersion(doc.id)!.number).toBe(2);
    expect(draftDiffersFromPublished(doc.id)).toBe(true);
    const cmp = compareVersions({ actor: actor("professional@dock.example"), slug: doc.slug, from: 2, to: "concept" });
    const v1v2 = compareVersions({ actor: actor("professional@dock.example"), slug: doc.slug, from: 2, to: 1 });
    expect(cmp.stats).toEqual(v1v2.stats);
    expect(() => compareVersions({ actor: actor("werkom@werkom.example"), slug: doc.slug, from: 2, to: "concept" })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(yStateToLexicalState(getRoomState(room))).toContain("startgesprek");
  });
});

describe("tables", () => {
  test("a table survives Yjs and becomes an HTML table, a Markdown pipe table and text rows", () => {
    const cell = (text: string, header = 0) => ({
      type: "tablecell",
      version: 1,
      headerState: header,
      colSpan: 1,
      rowSpan: 1,
      backgroundColor: null,
      direction: null,
      format: "",
      indent: 0,
      children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", children: [{ type: "text", version: 1, text, format: 0, detail: 0, mode: "normal", style: "" }] }],
    });
    const row = (cells: ReturnType<typeof cell>[]) => ({ type: "tablerow", version: 1, direction: null, format: "", indent: 0, height: 0, children: cells });
    const json = JSON.stringify({
      root: {
        type: "root",
        version: 1,
        direction: null,
        format: "",
        indent: 0,
        children: [
          { type: "table", version: 1, direction: null, format: "", indent: 0, children: [row([cell("Wie", 1), cell("Wat", 1)]), row([cell("Werkom"), cell("Startgesprek | intake")])] },
        ],
      },
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, lexicalStateToYUpdate(json));
    const back = yDocToLexicalState(doc);
    const html = lexicalStateToHtml(back);
    expect(html).toContain('<table><tbody><tr><th scope="col"><p>Wie</p></th><th scope="col"><p>Wat</p></th></tr><tr><td><p>Werkom</p></td>');
    expect(lexicalStateToMarkdown(back)).toBe("| Wie | Wat |\n| --- | --- |\n| Werkom | Startgesprek \\| intake |\n");
    expect(lexicalStateToText(back)).toBe("Wie | Wat\nWerkom | Startgesprek | intake");
  });
});
