#!/usr/bin/python3
"""Open one spreadsheet in headless LibreOffice and report what LibreOffice itself sees, as JSON.

  /usr/bin/python3 lo-probe.py PROFILE_DIR FILE < CELLS.json

CELLS.json: [{"sheet": "基本情况", "cell": "C9"}, ...]. Prints
{"sheets": [{"name", "visible", "protected", "frozenRows"}],
 "cells": [{"sheet", "cell", "validation", "formula1", "locked", "string"}]}
where validation is LibreOffice's ValidationType name (LIST, WHOLE, DATE, TEXT_LEN, ANY…).
"""
import importlib.util, json, os, subprocess, sys

import uno


# Starting LibreOffice and UNO property values: the project's scripts/lo-fill.py has them.
_spec = importlib.util.spec_from_file_location(
    "lo_fill", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../scripts/lo-fill.py"))
lo_fill = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lo_fill)
prop, start_office = lo_fill.prop, lo_fill.start_office


def main():
    profile, path = (os.path.abspath(a) for a in sys.argv[1:3])
    cells = json.load(sys.stdin)
    proc, desktop = start_office(profile)
    try:
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
