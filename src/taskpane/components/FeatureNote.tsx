import { Caption1 } from "@fluentui/react-components";
import * as React from "react";
import type { FeatureSupport } from "../../ports/operations";

/**
 * Why a feature's control is disabled on this Excel: the Chinese message from support(), tied to the
 * control through `id` so a screen reader reads it with the button.
 */
export function FeatureNote({
  id,
  support,
}: {
  readonly id: string;
  readonly support: FeatureSupport;
}): React.JSX.Element | null {
  if (support.available) return null;
  return (
    <Caption1 id={id} role="note">
      {support.message}
    </Caption1>
  );
}

/** aria-describedby for a control whose feature may be missing. */
export function describedBy(id: string, support: FeatureSupport): string | undefined {
  return support.available ? undefined : id;
}
