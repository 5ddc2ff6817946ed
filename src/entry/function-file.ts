/**
 * Entry of the ribbon's function file (manifest FunctionFile, served as commands.html). Insert
 * template, check and consolidate all open the task pane (ShowTaskpane in manifest.xml), so no
 * function commands exist yet.
 */
import { registerRibbonCommands } from "../office/ribbon";

registerRibbonCommands({});
