#!/usr/bin/env bash
# Render the README pictures from our own output: the official layout of a converted report and the
# annotated copy of a report with errors, each xlsx -> PDF (LibreOffice) -> PNG (pdftoppm).
# Needs: libreoffice-calc-nogui, poppler-utils, a CJK font such as fonts-wqy-microhei (Debian packages, as .ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null
work=$(mktemp -d)
node bin/report.js convert --to xlsx fixtures/official-2022.xlsx -o "$work/official.xlsx" 2>/dev/null
node bin/report.js check fixtures/seeded-errors-2022.xlsx --annotate "$work/annotated.xlsx" >/dev/null 2>&1 || true
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/official.xlsx" "$work/annotated.xlsx" >/dev/null
mkdir -p docs
# Page 1 holds the title and table 2; page 2 tables 3 and 4, which most of the checks are about.
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$work/official.pdf" docs/official
# The annotated copy's second page holds most of the marked cells (（七）总计, 结转, table 4).
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$work/annotated.pdf" docs/annotated
ls -l docs/*.png
# The HTML report of a folder of 2,000 reports, opened in Chromium (needs: chromium).
node scripts/render-html-pictures.mjs
