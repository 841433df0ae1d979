// Per affected organisation: invited, opened, responded. Makes "we never heard of it"
// visible while there is still time to pick up the phone.
import { formatDate } from "~/components/ui";
import type { OrganisationReceipt } from "~/domain/consultation/invitations.server";
import { TableScroll } from "~/components/ui";

export function ReceiptTable({ receipts, afterDeadline, what = "het voorstel" }: { receipts: OrganisationReceipt[]; afterDeadline: boolean; what?: string }) {
  const silent = receipts.filter((r) => r.opened === 0).length;
  return (
    <>
      {silent > 0 ? (
        <p className="alert alert-warning">
          {silent === 1 ? "1 organisatie heeft" : `${silent} organisaties hebben`} {what} nog niet geopend
          {afterDeadline ? "." : ". Neem contact op nu er nog tijd is om te reageren."}
        </p>
      ) : null}
      <TableScroll label="Ontvangst per organisatie">
        <table className="receipts">
          <caption>Ontvangst per organisatie</caption>
          <thead>
            <tr>
              <th scope="col">Organisatie</th>
              <th scope="col">Uitgenodigd</th>
              <th scope="col">Geopend</th>
              <th scope="col">Gereageerd</th>
            </tr>
          </thead>
          <tbody>
            {receipts.map((r) => (
              <tr key={r.organisationId}>
                <th scope="row">{r.organisationName}</th>
                <td>{r.invited === 1 ? "1 persoon" : `${r.invited} personen`}</td>
                <td>
                  {r.opened > 0 ? (
                    <>
                      <span className="status status-ok">ja</span> {r.opened} van {r.invited}, eerst op {formatDate(r.firstOpenedAt)}
                    </>
                  ) : (
                    <span className="status status-warn">nog niet</span>
                  )}
                </td>
                <td>
                  {r.responded > 0 ? (
                    <>
                      <span className="status status-ok">ja</span> op {formatDate(r.firstRespondedAt)}
                    </>
                  ) : (
                    <span className={`status ${afterDeadline ? "status-bad" : "status-warn"}`}>{afterDeadline ? "niet gereageerd" : "nog niet"}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
