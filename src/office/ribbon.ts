/**
 * The ribbon's function file. Office requires one (manifest FunctionFile) even when every button
 * opens the task pane, as all three do now; ExecuteFunction commands added later are registered here.
 */

/** A ribbon command that runs without the pane; it must call event.completed(). */
export type RibbonCommand = (event: Office.AddinCommands.Event) => void;

export function registerRibbonCommands(commands: Readonly<Record<string, RibbonCommand>>): void {
  if (typeof Office === "undefined") return; // opened outside Office: nothing to register with
  void Office.onReady(() => {
    for (const [id, run] of Object.entries(commands)) Office.actions.associate(id, run);
  });
}
