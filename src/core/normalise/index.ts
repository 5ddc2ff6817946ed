/** Spec §3 normalisers: each returns a value (with a note when it needed §3 to be read) or a problem. */
export * from "./result";
export * from "./headcount";
export * from "./chinese-numerals";
export * from "./date";
export * from "./text";
export * from "./enum";
export * from "./integer";
export * from "./contact";
export * from "./credit-code";
