/**
 * 宿主诊断: what the pane finds out about its host, fact by fact (the facts of docs/wps-facts.md),
 * for a unit to copy and send back. Only data here; the host adapter fills it, the pane shows it.
 */
import type { Failed, Unsupported } from "./outcomes";

/** What a check saw against what the adapter assumes. */
export type FactVerdict = "as-assumed" | "differs" | "not-checked";

export interface FactResult {
  /** The fact's number in docs/wps-facts.md. */
  readonly fact: number;
  /** The fact in a few Chinese words. */
  readonly title: string;
  /** What the host gave, in Chinese, with the raw values. */
  readonly seen: string;
  readonly verdict: FactVerdict;
}

export type Diagnosis =
  | {
      readonly kind: "diagnosed";
      /** The host and its version as it names itself ("WPS 表格 11.1.0.11830"). */
      readonly host: string;
      readonly facts: readonly FactResult[];
    }
  | Unsupported
  | Failed;
