#!/usr/bin/python3
"""scripts/lo-fill.py plus what a unit may do that it cannot: insert or hide columns, add a sheet of
its own, delete a sheet or rows. Same command line as lo-fill.py; extra PLAN steps:
  {"insert_columns": "活动明细", "before": "A", "count": 1}
  {"hide_column": "活动明细", "column": "H"}
  {"add_sheet": "单位备注", "position": 1, "cells": {"A1": "text"}}
  {"remove_sheet": "自检"}
  {"delete_rows": "基本情况", "at": 14, "count": 1}
"""
import importlib.util, os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("lo_fill", os.path.join(here, "lo-fill.py"))
lo_fill = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lo_fill)
plain_apply = lo_fill.apply


def apply(doc, step):
    sheets = doc.Sheets
    if "hide_column" in step or "insert_columns" in step:
        sheet = sheets.getByName(step.get("hide_column") or step["insert_columns"])
        if sheet.isProtected():  # as a person would: lift the password-less protection first
            sheet.unprotect(step.get("password", ""))
        columns = sheet.getColumns()
        if "hide_column" in step:
            columns.getByName(step["column"]).IsVisible = False
        else:
            index = sheet.getCellRangeByName(step["before"] + "1").getCellAddress().Column
            columns.insertByIndex(index, step.get("count", 1))
    elif "add_sheet" in step:
        sheets.insertNewByName(step["add_sheet"], step.get("position", sheets.getCount()))
        sheet = sheets.getByName(step["add_sheet"])
        for cell, text in step.get("cells", {}).items():
            sheet.getCellRangeByName(cell).setString(text)
    elif "delete_rows" in step:
        sheet = sheets.getByName(step["delete_rows"])
        if sheet.isProtected():
            sheet.unprotect(step.get("password", ""))
        sheet.getRows().removeByIndex(step["at"] - 1, step.get("count", 1))
    elif "remove_sheet" in step:
        sheets.removeByName(step["remove_sheet"])
    else:
        plain_apply(doc, step)


lo_fill.apply = apply  # main() looks apply up in its module at call time
if __name__ == "__main__":
    lo_fill.main()
