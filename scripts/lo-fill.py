#!/usr/bin/python3
"""Fill a workbook with LibreOffice, a real third-party spreadsheet writer, and save it.
(A copy of the team's ../shared/tools/lo-fill.py, kept here so a fresh clone can regenerate its
fixtures; scripts/lo-fill-extra.py adds layout steps to it.)

  /usr/bin/python3 lo-fill.py IN.xlsx PLAN.json OUT [--format xlsx|xls|xlsm|ods]

PLAN.json is a list of writes, applied in order:
  {"sheet": "基本情况", "cell": "C5", "value": "天津市某某局"}          text, stored as typed text
  {"sheet": "基本情况", "cell": "C9", "value": 120}                     a number
  {"sheet": "基本情况", "cell": "C9", "input": "2023/6/5"}             parsed the way a person's typing is
  {"sheet": "基本情况", "cell": "C9", "formula": "=1/0"}               a formula
  {"sheet": "基本情况", "cell": "C9", "clear": true}                   empty the cell
  {"rename_sheet": "活动明细", "to": "活动"}                              rename a sheet
  {"insert_rows": "活动明细", "before": 3, "count": 2}                   insert rows (1-based; lifts a
                                                                        password-less protection first)
LibreOffice ignores data validation and sheet protection when written through its API, as a
careless user's paste would. Needs Debian's libreoffice-calc and python3-uno; run it with
/usr/bin/python3 (the uno module is installed for that interpreter). Prints the output path.
"""
import json, os, shutil, subprocess, sys, tempfile, time, uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

COPIES = []  # private copies made by open_copy, removed by cleanup()

FILTERS = {"xlsx": "Calc MS Excel 2007 XML", "xls": "MS Excel 97",
           "xlsm": "Calc MS Excel 2007 VBA XML", "ods": "calc8"}


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(profile):
    pipe = "lofill_" + uuid.uuid4().hex[:8]
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    # A first start creates the profile: up to a minute on a slow machine.
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("LibreOffice did not start")


def open_copy(desktop, path):
    # Work on a private copy: the source is never written and no lock file is left beside it.
    # (A read-only load would do that too, but LibreOffice then ignores sheet renames.)
    folder = tempfile.mkdtemp(prefix="lofill-doc-")
    COPIES.append(folder)
    copy = os.path.join(folder, os.path.basename(path))
    shutil.copyfile(path, copy)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(copy), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise SystemExit("lo-fill: LibreOffice could not open " + path)
    return doc


def cleanup():
    while COPIES:
        shutil.rmtree(COPIES.pop(), ignore_errors=True)


def apply(doc, step):
    sheets = doc.Sheets
    if "rename_sheet" in step:
        sheets.getByName(step["rename_sheet"]).setName(step["to"])
        return
    if "insert_rows" in step:
        sheet = sheets.getByName(step["insert_rows"])
        if sheet.isProtected():  # as a person would: lift the password-less protection first
            sheet.unprotect(step.get("password", ""))
        sheet.getRows().insertByIndex(step["before"] - 1, step.get("count", 1))
        return
    cell = sheets.getByName(step["sheet"]).getCellRangeByName(step["cell"])
    if step.get("clear"):
        cell.setString("")
    elif "formula" in step:
        cell.setFormula(step["formula"])
    elif "input" in step:
        cell.setFormula(str(step["input"]))  # parsed like typing: numbers and dates become values
    elif isinstance(step.get("value"), bool):
        cell.setString("是" if step["value"] else "否")
    elif isinstance(step.get("value"), (int, float)):
        cell.setValue(step["value"])
    else:
        cell.setString(str(step.get("value", "")))


def main():
    args = sys.argv[1:]
    fmt = "xlsx"
    if "--format" in args:
        i = args.index("--format")
        fmt = args[i + 1]
        del args[i:i + 2]
    if len(args) != 3 or fmt not in FILTERS:
        raise SystemExit(__doc__)
    src, plan_path, out = (os.path.abspath(a) for a in args)
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    profile = tempfile.mkdtemp(prefix="lofill-profile-")
    proc, desktop = start_office(profile)
    try:
        doc = open_copy(desktop, src)
        try:
            for step in plan:
                apply(doc, step)
            doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", FILTERS[fmt]), prop("Overwrite", True)))
        finally:
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
        cleanup()
    print(out)


if __name__ == "__main__":
    main()
