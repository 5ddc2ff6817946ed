import { registerRibbonCommands } from "../office/commands";

// Insert template, check and consolidate all open the task pane (ShowTaskpane in manifest.xml), so
// no function commands exist yet.
registerRibbonCommands({});
