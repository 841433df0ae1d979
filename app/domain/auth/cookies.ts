/** The login's second step (TOTP) between password and session. */
export const SECOND_STEP_COOKIE = "kp_2fa";
