/** What the core knows of refusing untrusted files: the refusal codes and messages, and the limits. */
export * from "./refusal";
export * from "./limits";
export * from "./conversion";
