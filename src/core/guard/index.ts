/** Safe reading of untrusted files: every rule, limit, code and message, pure so the task pane can share them. */
export * from "./refusal";
export * from "./limits";
export * from "./sniff";
export * from "./cfb";
export * from "./file-rules";
export * from "./package-rules";
export * from "./reader-cost";
export * from "./zip-layout";
