// How a rule says no: data, not an exception. The code is one of the API's error codes, so the API
// answers every refusal with the same HTTP status wherever it is checked; the console shows the
// message or disables the action.
export type Refusal = { code: "PRECONDITION_FAILED" | "INVALID_TRANSITION"; message: string };
