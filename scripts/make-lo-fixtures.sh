#!/bin/sh
# Regenerates the LibreOffice-written fixtures of test/fixtures/lo from their PLAN.json files:
# writes the current template, then fills a copy per fixture with scripts/lo-fill.py
# (LibreOffice, a spreadsheet program nobody here wrote). A fixture directory ending in -xls, -ods or
# -xlsm is saved in that format, every other one as .xlsx; the output is report.<format>.
# The PLAN.json files are generated from test/lo/plans/ (npm run fixtures:plans): edit the cases, not them.
# Needs libreoffice-calc and python3-uno; run from anywhere: sh scripts/make-lo-fixtures.sh [NAME...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
fill=$root/scripts/lo-fill.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && npm run -s cli -- template -o "$work/template.xlsx" --force >/dev/null)

names=${*:-$(cd "$root/test/fixtures/lo" && ls -d */ | tr -d /)}
for name in $names; do
  dir=$root/test/fixtures/lo/$name
  case $name in
    *-xlsm) fmt=xlsm ;;
    *-xls) fmt=xls ;;
    *-ods) fmt=ods ;;
    *) fmt=xlsx ;;
  esac
  rm -f "$dir"/report.*
  # One LibreOffice at a time (lo-fill starts and stops its own).
  /usr/bin/python3 "$fill" "$work/template.xlsx" "$dir/PLAN.json" "$dir/report.$fmt" --format "$fmt" >/dev/null
  echo "$name → report.$fmt"
done
