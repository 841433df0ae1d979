import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { readFormData } from "./form-body.server";

const post = (body: BodyInit, type: string) => new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type } });

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return e instanceof DomainError ? e.status : 500;
  }
}

describe("readFormData", () => {
  it("parses url-encoded forms like URLSearchParams does", async () => {
    const body = "a=1&b=h%C3%A9+ja&c&d=&a=2&e=%ZZ&f=%4";
    const form = await readFormData(post(body, "application/x-www-form-urlencoded; charset=UTF-8"));
    const expected = new URLSearchParams(body);
    expect([...form.entries()]).toEqual([...expected.entries()]);
    expect(form.get("b")).toBe("hé ja");
  });

  it("refuses invalid UTF-8 with a Dutch 400, in url-encoded and multipart forms", async () => {
    expect(await status(readFormData(post("title=abc%E0%A4&x=1", "application/x-www-form-urlencoded")))).toBe(400);
    expect(await status(readFormData(post(new Uint8Array([0x74, 0x3d, 0xff, 0xfe]), "application/x-www-form-urlencoded")))).toBe(400);
    const boundary = "XyZ";
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nab`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(await status(readFormData(post(multipart, `multipart/form-data; boundary=${boundary}`)))).toBe(400);
    try {
      await readFormData(post("t=%FF", "application/x-www-form-urlencoded"));
    } catch (e) {
      expect((e as DomainError).message).toContain("geen geldige tekst");
    }
  });
});
