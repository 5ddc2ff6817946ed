/**
 * A file input hidden from sight but reachable by its label: the pane's buttons open it, and screen
 * readers and tests still find it by name.
 */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
} as const;
