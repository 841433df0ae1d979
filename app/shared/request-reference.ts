import { createContext } from "react";

/**
 * The request id of the document request, shown on the error page as the reference number
 * (the same id is in the server's log line). The server provides it from the load context;
 * the browser reads it back from the server-rendered page so hydration matches.
 */
export const RequestReference = createContext("");
export const REFERENCE_ELEMENT_ID = "kp-reference";
