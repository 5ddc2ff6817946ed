#!/usr/bin/python3
"""Open one spreadsheet in headless LibreOffice and report what LibreOffice itself sees, as JSON.

  /usr/bin/python3 lo-probe.py PROFILE_DIR FILE < CELLS.json

CELLS.json: [{"sheet": "基本情况", "cell": "C9"}, ...]. Prints
{"sheets": [{"name", "visible", "protected", "frozenRows"}],
 "cells": [{"sheet", "cell", "validation", "formula1", "locked", "string"}]}
where validation is LibreOffice's ValidationType name (LIST, WHOLE, DATE, TEXT_LEN, ANY…).
"""
import json, os, subprocess, sys, time, uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    profile, path = (os.path.abspath(a) for a in sys.argv[1:3])
    cells = json.load(sys.stdin)
    pipe = "loprobe_" + uuid.uuid4().hex[:8]
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        desktop = None
        for _ in range(600):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
                break
            except NoConnectException:
                time.sleep(0.1)
        if desktop is None:
            raise SystemExit("lo-probe: LibreOffice did not start")
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise SystemExit("lo-probe: could not open " + path)
        try:
            controller = doc.getCurrentController()
            sheets = []
            for i in range(doc.Sheets.getCount()):
                sheet = doc.Sheets.getByIndex(i)
                frozen = 0
                if controller is not None and sheet.IsVisible:
                    controller.setActiveSheet(sheet)
                    frozen = controller.getSplitRow() if controller.hasFrozenPanes() else 0
                sheets.append({"name": sheet.Name, "visible": bool(sheet.IsVisible),
                               "protected": bool(sheet.isProtected()), "frozenRows": frozen})
            out = []
            for c in cells:
                cell = doc.Sheets.getByName(c["sheet"]).getCellRangeByName(c["cell"])
                v = cell.Validation
                out.append({"sheet": c["sheet"], "cell": c["cell"], "validation": v.Type.value,
                            "formula1": v.getFormula1(), "locked": bool(cell.CellProtection.IsLocked),
                            "string": cell.getString()})
            print(json.dumps({"sheets": sheets, "cells": out}, ensure_ascii=False))
        finally:
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
