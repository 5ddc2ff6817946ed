/**
 * The defence of the reader (src/read) against untrusted packages: every rule on a file's bytes,
 * its zip directory and its parts, before and while anything is inflated. Pure, so the task pane
 * shares it. Codes, messages and limits are the core's (src/core/guard).
 */
export * from "./sniff";
export * from "./cfb";
export * from "./file-rules";
export * from "./package-rules";
export * from "./reader-cost";
export * from "./zip-directory";
