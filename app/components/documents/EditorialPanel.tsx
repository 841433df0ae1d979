// On the page of a redactionele version: until when the keten's organisations can say "dit is
// inhoudelijk", what they said (kept here for everyone), and the form to say it.
import { Form } from "@remix-run/react";
import { Csrf, Field, FormError, Intent, refusalFor } from "~/components/forms";
import { Notice, formatDate } from "~/components/ui";
import { formatIsoDateNl } from "~/shared/dates";
import { objectionSchema } from "~/shared/document-forms";

type Editorial = {
  objectionUntil: string;
  open: boolean;
  canObject: boolean;
  objections: { id: number; reason: string; createdAt: string; personName: string; organisation: string }[];
};

export function EditorialPanel({ editorial, result, objected }: { editorial: Editorial; result: unknown; objected: boolean }) {
  const mine = refusalFor(result, "object");
  return (
    <section className="publish" aria-labelledby="kop-redactioneel">
      <h2 id="kop-redactioneel">Redactionele wijziging</h2>
      <p>
        De eigenaar publiceerde deze versie als redactionele wijziging: volgens de eigenaar verandert er niets in wat iemand moet doen.{" "}
        {editorial.open
          ? `De organisaties van de keten kunnen tot en met ${formatIsoDateNl(editorial.objectionUntil)} laten weten dat het toch inhoudelijk is.`
          : `Reageren kon tot en met ${formatIsoDateNl(editorial.objectionUntil)}.`}
      </p>
      {objected ? <Notice tone="success">Uw reactie is bewaard en naar de eigenaar gestuurd.</Notice> : null}
      {editorial.objections.length ? (
        <>
          <h3>"Dit is inhoudelijk"</h3>
          <ul>
            {editorial.objections.map((o) => (
              <li key={o.id}>
                <strong>
                  {o.personName} ({o.organisation})
                </strong>
                , {formatDate(o.createdAt)}: {o.reason}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="meta">Niemand heeft gemeld dat deze wijziging inhoudelijk is.</p>
      )}
      {editorial.canObject ? (
        <Form method="post" noValidate>
          <Csrf />
          <Intent value="object" />
          <FormError message={mine.formError} />
          <Field schema={objectionSchema} label="Waarom is dit volgens u inhoudelijk?" name="reason" multiline rows={3} defaultValue={mine.values.reason} error={mine.fieldErrors.reason} />
          <button type="submit">Dit is inhoudelijk</button>
        </Form>
      ) : null}
    </section>
  );
}
