#!/usr/bin/python3
"""Open spreadsheets in headless LibreOffice, recalculate every formula, and save them.

  /usr/bin/python3 lo-recalc.py PROFILE_DIR IN1=OUT1 [IN2=OUT2 ...]

Each OUT's extension picks the filter: .xlsx (Calc MS Excel 2007 XML), .xls (MS Excel 97), .ods, .pdf.
One LibreOffice process serves the whole batch; PROFILE_DIR is its private user profile
(-env:UserInstallation) so parallel test runs never share one. Prints one line per file:
"ok OUT" or "fail IN reason". Exit 1 if any file failed.
Why a script and not `soffice --convert-to`: calculateAll() provably recalculates; a plain
conversion may keep whatever cached results the file had (or none).
"""
import importlib.util, os, subprocess, sys

import uno

FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".xls": "MS Excel 97", ".ods": "calc8", ".pdf": "calc_pdf_Export"}


# Starting LibreOffice and UNO property values: the project's scripts/lo-fill.py has them.
_spec = importlib.util.spec_from_file_location(
    "lo_fill", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../scripts/lo-fill.py"))
lo_fill = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lo_fill)
prop, start_office = lo_fill.prop, lo_fill.start_office


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    profile = os.path.abspath(sys.argv[1])
    pairs = [a.split("=", 1) for a in sys.argv[2:]]
    proc, desktop = start_office(profile)
    failed = False
    try:
        for src, out in pairs:
            src, out = os.path.abspath(src), os.path.abspath(out)
            ext = os.path.splitext(out)[1].lower()
            try:
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
                if doc is None:
                    raise RuntimeError("could not open")
                try:
                    doc.calculateAll()
                    doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", FILTERS[ext]), prop("Overwrite", True)))
                finally:
                    doc.close(True)
                print("ok " + out, flush=True)
            except Exception as e:  # report and go on with the batch
                failed = True
                print("fail %s %s" % (src, e), flush=True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
