#!/bin/sh
# Regenerates the blind acceptance fixtures of test/fixtures/lo-blind from their PLAN.json files:
# writes the current template, then fills a copy per fixture with LibreOffice through
# scripts/lo-fill-extra.py (scripts/lo-fill.py plus column, sheet and row-deletion steps).
# The expected.json files were written from the spec alone, not from the code; the PLAN.json files
# are generated from test/lo/plans/blind-cases.ts (npm run fixtures:plans): edit the cases, not them.
# Needs libreoffice-calc and python3-uno; run from anywhere: sh scripts/make-lo-blind-fixtures.sh [NAME...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && npm run -s cli -- template -o "$work/template.xlsx" --force >/dev/null)

names=${*:-$(cd "$root/test/fixtures/lo-blind" && ls -d */ | tr -d /)}
for name in $names; do
  dir=$root/test/fixtures/lo-blind/$name
  rm -f "$dir/report.xlsx"
  # One LibreOffice at a time (lo-fill starts and stops its own).
  /usr/bin/python3 "$root/scripts/lo-fill-extra.py" "$work/template.xlsx" "$dir/PLAN.json" "$dir/report.xlsx" >/dev/null
  echo "$name → report.xlsx"
done
