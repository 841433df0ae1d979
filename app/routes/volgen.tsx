import { redirect } from "@remix-run/node";
import { z } from "zod";
import { setFollowing } from "~/domain/follows.server";
import { formAction, intent } from "~/http/action.server";

// Follow / unfollow a signal, proposal or document (a plain form post, also from the document
// read view that has no JavaScript), then back to the item.
const followSchema = z.object({
  type: z.enum(["signaal", "voorstel", "document"], { errorMap: () => ({ message: "Dit item kunt u niet volgen." }) }),
  ref: z.string({ required_error: "Dit item bestaat niet." }).trim().min(1, "Dit item bestaat niet.").max(200, "Dit item bestaat niet.").regex(/^[a-z0-9-]+$/, "Dit item bestaat niet."),
  volgen: z.enum(["ja", "nee"], { errorMap: () => ({ message: "Kies volgen of niet meer volgen." }) }),
});

const PATHS = { signaal: "/signalen/", voorstel: "/wijzigingen/", document: "/documenten/" } as const;

export const action = formAction({
  follow: intent({
    schema: followSchema,
    run({ actor, value }) {
      setFollowing({ actor, type: value.type, ref: value.ref, follow: value.volgen === "ja" });
      return redirect(`${PATHS[value.type]}${value.ref}?${value.volgen === "ja" ? "gevolgd" : "ontvolgd"}=1#volgen`);
    },
  }),
}, { defaultIntent: "follow" });
