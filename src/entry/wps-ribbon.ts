/**
 * The WPS 加载项's entry page script (index.html, which WPS loads hidden): the ribbon's callbacks as
 * the global `ribbon` that wps/ribbon.xml names.
 */
import { connectRibbon } from "../wps/ribbon";

Object.assign(window, {
  ribbon: connectRibbon(
    window,
    (view) => new URL(`taskpane.html?view=${encodeURIComponent(view)}`, window.location.href).href,
  ),
});
