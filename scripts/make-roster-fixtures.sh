#!/bin/sh
# Regenerates the roster fixtures of test/fixtures/rosters from source.csv (UTF-8, written by hand)
# with LibreOffice (a spreadsheet program nobody here wrote), as a bureau's Calc would save them:
# 名单.xlsx, 名单-gb18030.csv (GB18030) and 名单-utf16.csv (UTF-16LE with BOM, LibreOffice's
# “Unicode”). Filter options: 44 = comma, 34 = double quote, then the character set
# (76 UTF-8, 85 GB18030, 65535 Unicode; rtl_TextEncoding numbers).
# Needs libreoffice-calc; run from anywhere: sh scripts/make-roster-fixtures.sh
set -eu
dir=$(cd "$(dirname "$0")/.." && pwd)/test/fixtures/rosters
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile="-env:UserInstallation=file://$work/profile"
convert() { # FILTER OUTPUT-NAME
  soffice "$profile" --headless --infilter="CSV:44,34,76,1" --convert-to "$1" --outdir "$work/out" "$dir/source.csv" >/dev/null 2>&1
  mv "$work/out/source.${2##*.}" "$dir/$2"
  echo "→ $2"
}
convert "xlsx:Calc MS Excel 2007 XML" 名单.xlsx
convert "csv:Text - txt - csv (StarCalc):44,34,85" 名单-gb18030.csv
convert "csv:Text - txt - csv (StarCalc):44,34,65535" 名单-utf16.csv
