// The one rule for reading a database id from a URL or a form: plain decimal digits, no
// leading zero, no sign, no spaces, no hex/exponent (Number() would read "0x10" as 16 and
// "1e3" as 1000). Shared by the route params (app/http/ids.server.ts) and the zod form schemas.
import { z } from "zod";

export const ID_PATTERN = /^[1-9][0-9]{0,15}$/;

/** The id, or null when the text is not exactly a positive decimal integer. */
export function parseIdText(raw: unknown): number | null {
  if (typeof raw !== "string" || !ID_PATTERN.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/** A form field holding an id; a bad value is a field error with `message`. */
export const idSchema = (message: string) =>
  z
    .string({ required_error: message, invalid_type_error: message })
    .transform((v, ctx) => {
      const id = parseIdText(v);
      if (id === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return id;
    });
