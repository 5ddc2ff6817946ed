import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageBarIntent } from "@fluentui/react-components";
import * as React from "react";

/**
 * An outcome the pane announces (screen readers read it when it appears): a title, what happened,
 * and at most one thing to do next.
 */
export function Notice(props: {
  readonly intent: MessageBarIntent;
  readonly title: React.ReactNode;
  readonly children: React.ReactNode;
  readonly action?: { readonly label: string; readonly onClick: () => void };
}): React.JSX.Element {
  const { intent, title, children, action } = props;
  return (
    <MessageBar intent={intent} layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button onClick={action.onClick}>{action.label}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
