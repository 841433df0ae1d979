import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { REFERENCE_ELEMENT_ID, RequestReference } from "~/shared/request-reference";

const reference = document.getElementById(REFERENCE_ELEMENT_ID)?.textContent ?? "";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestReference.Provider value={reference}>
        <RemixBrowser />
      </RequestReference.Provider>
    </StrictMode>,
  );
});
