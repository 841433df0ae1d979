// Reading a form body strictly (issue 10, class 2): text that is not valid UTF-8 is refused
// with a Dutch 400 instead of being stored with U+FFFD replacement characters.
import { DomainError } from "~/domain/errors";

const INVALID_TEXT = new DomainError(
  400,
  "Het formulier bevat tekens die geen geldige tekst zijn (ongeldige UTF-8). Plak de tekst opnieuw of typ hem over; er is niets opgeslagen.",
);

const fatal = new TextDecoder("utf-8", { fatal: true });

/** application/x-www-form-urlencoded, decoded to bytes first, so invalid UTF-8 is detected exactly. */
function decodeComponent(bytes: Uint8Array, start: number, end: number): string {
  const out = new Uint8Array(end - start);
  let n = 0;
  const hex = (b: number) => (b >= 48 && b <= 57 ? b - 48 : b >= 65 && b <= 70 ? b - 55 : b >= 97 && b <= 102 ? b - 87 : -1);
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 0x2b) out[n++] = 0x20;
    else if (b === 0x25 && i + 2 < end && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out[n++] = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
      i += 2;
    } else out[n++] = b;
  }
  try {
    return fatal.decode(out.subarray(0, n));
  } catch {
    throw INVALID_TEXT;
  }
}

function parseUrlEncoded(bytes: Uint8Array): FormData {
  const form = new FormData();
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x26) continue;
    if (i > start) {
      let eq = start;
      while (eq < i && bytes[eq] !== 0x3d) eq++;
      form.append(decodeComponent(bytes, start, eq), eq < i ? decodeComponent(bytes, eq + 1, i) : "");
    }
    start = i + 1;
  }
  return form;
}

/** The request's form, refusing text fields that are not valid UTF-8 (400). */
export async function readFormData(request: Request): Promise<FormData> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return parseUrlEncoded(new Uint8Array(await request.arrayBuffer()));
  }
  const form = await request.formData();
  // Multipart text parts were decoded by the platform, which replaces invalid bytes with
  // U+FFFD; nobody types that character, so its presence means the bytes were not text.
  for (const [, v] of form.entries()) if (typeof v === "string" && v.includes("\ufffd")) throw INVALID_TEXT;
  return form;
}
