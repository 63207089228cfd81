#!/usr/bin/python3
"""Generate the Word fixtures in fixtures/documents/ and fixtures/documents/README.md.

The reports are built as scripts/make-fixtures.py builds its workbooks (its format data, its
invented base figures and its derivation: every 总计, （七）总计, 本年新收 and table-4 总计 is
computed, so each report balances by construction) and laid out by its place_t2/place_t3/place_t4,
so a Word table has the cells and merges of the national template's official sheet. python-docx
writes each table with those merges (w:gridSpan, w:vMerge restart/continue), the title, the six
sections and their narrative around them. Seeded errors are named mutations applied after the
derivation, as in make-fixtures.py. The script then re-reads every file with python-docx and
checks, on what is on disk, that each figure sits where the README says, that the merges are there
and that the identities that fail are exactly the expected findings (none for a balanced report);
it exits 1 otherwise.

    /usr/bin/python3 scripts/make-document-fixtures.py

Needs python-docx (Debian's, which belongs to /usr/bin/python3). Output is byte-for-byte
reproducible: the document dates and every zip entry time are pinned to 2024-01-01.
"""
import datetime
import importlib.util
import os
import sys
import unicodedata

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "documents")


def _load_workbook_fixtures():
    spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(ROOT, "scripts", "make-fixtures.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MF = _load_workbook_fixtures()

FIXTURES = [
    dict(name="balanced-2022.docx", kind="docx", layout="plain", agency="示例市人力资源和社会保障局", year=2022, edition="2021",
         base="A", shift=8, co=[5, 2, 1, 1, 1, 1], cf=[6, 2, 1, 1, 1, 1],
         t2=MF.t2_2021((1, 0, 6), (4, 1, 35), 268, 74, 9, "2.4"),
         t4=MF.t4([3, 1, 1, 1], [2, 1, 0, 1], [1, 1, 1, 0]),
         exercises="a whole 2021-edition report as a Word document: title, 统计期限 line, sections 一–六 with "
                   "narrative (全年共收到政府信息公开申请N件 equal to table 3's received total, 本年度未收取信息处理费), "
                   "tables 2–4 as three Word tables in the national template's merged layout (w:gridSpan for "
                   "the captions and 申请人情况/法人或其他组织, w:vMerge for the 勾稽 note, 自然人, 总计, "
                   "三、本年度办理结果 and （三）–（六）, table 4's column heads)"),
    dict(name="edition2019-2020.docx", kind="docx", layout="plain", agency="示例县文化和旅游局", year=2020, edition="2019",
         base="B", shift=9, co=[6, 2, 1, 1, 1, 1], cf=[4, 1, 1, 1, 1, 1],
         t2=MF.t2_2019((1, 0, 9), (4, 4, 38), (62, 3, 911), (18, -1, 204), (22, 1, 187), (6, 0, 23),
                       (3, 0), (5, 128000)),
         t4=MF.t4([2, 1, 1, 1], [1, 1, 1, 0], [1, 0, 1, 1]),
         exercises="a 2019-edition report (report year 2020) as a Word document: table 2 with the 2019 "
                   "blocks (本年新制作数量…, 上一年项目数量 / 本年增/减 / 处理决定数量, 政府集中采购), a negative "
                   "change -1, table 3 with one （六）其他处理 row, same merged layout as balanced-2022.docx"),
    dict(name="layout-table-2023.docx", kind="docx", layout="nested", newline_header=True, agency="示例县退役军人事务局", year=2023, edition="2021",
         base="A", shift=10, co=[4, 1, 1, 1, 1, 1], cf=[5, 1, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 0, 2), (3, 2, 17), 41, 12, 2, "0"),
         t4=MF.t4([1, 1, 0, 1], [1, 0, 1, 1], [0, 1, 1, 1]),
         written={("t2", "licensing", "decisions"): "４１"},
         exercises="the report inside a one-cell layout table (as pages pasted from a web site arrive): "
                   "the title is the only paragraph outside tables, the narrative is the layout cell's "
                   "text, tables 2–4 are nested in that cell (表格2–表格4; 表格1 is the layout table); "
                   "table 3's header 法律服务<br/>机构 has a line break; 行政许可 written in full-width "
                   "digits `４１`"),
    dict(name="seeded-errors-2022.docx", kind="docx", layout="plain", agency="示例县医疗保障局", year=2022, edition="2021",
         base="B", shift=7, co=[4, 1, 1, 1, 0, 1], cf=[5, 2, 1, 0, 1, 1],
         t2=MF.t2_2021((0, 0, 1), (2, 1, 23), 157, 48, 3, "0.8"),
         t4=MF.t4([2, 1, 0, 1], [1, 1, 0, 1], [1, 0, 1, 1]),
         mutations=[
             ("a", "t3", "denied.thirdParty", "commercial", +2),
             ("b", "t4", "suitAfterReview", "total", -1),
         ],
         expected=[
             ("t3-row-total", "t3", "denied.thirdParty", None),
             ("t3-result-total", "t3", None, "commercial"),
             ("t4-total", "t4", "suitAfterReview", None),
         ],
         exercises="seeded balancing errors in the layout of balanced-2022.docx, so that findings are located in "
                   "a Word table: (a) one table-3 cell +2 (（三）4.保护第三方合法权益·商业企业), (b) table 4's "
                   "复议后起诉 总计 one short"),
]


def sheet_of(fx, rep, place):
    """A table laid out by make-fixtures.py on a sheet of its own, starting at its top-left corner."""
    sh = MF.Sheet(place.__name__)
    place(sh, rep, fx, MF.Labels(fx.get("labels")), 0, 0)
    return sh


def fill_table(table, sh):
    """Merge as the sheet does, then write each value into its merged cell's first paragraph."""
    table.style = "Table Grid"
    for r1, c1, r2, c2 in sh.merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    for (r, c), v in sorted(sh.cells.items()):
        if v is None or v == "":
            continue
        paragraph = table.cell(r, c).paragraphs[0]
        lines = str(v).split("\n")
        run = paragraph.add_run(lines[0])
        for line in lines[1:]:
            run.add_break()
            run = paragraph.add_run(line)


def add_sheet_table(container, sh):
    table = container.add_table(rows=sh.height(), cols=sh.width())
    fill_table(table, sh)
    return table


def write_document(fx, rep, path):
    """Write the report; return the sheets (make-fixtures Sheet) in document order of their tables."""
    d = docx.Document()
    d.core_properties.created = MF.PINNED
    d.core_properties.modified = MF.PINNED
    d.core_properties.last_printed = MF.PINNED
    d.core_properties.author = "示例填报人"
    d.core_properties.last_modified_by = "示例填报人"
    title = d.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(f"{fx['agency']}{fx['year']}年政府信息公开工作年度报告").bold = True
    y = fx["year"]
    intro = (f"本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告中所列数据的统计期限自{y}年1月1日起至"
             f"{y}年12月31日止。")
    tables = [sheet_of(fx, rep, MF.place_t2), sheet_of(fx, rep, MF.place_t3), sheet_of(fx, rep, MF.place_t4)]
    if fx["layout"] == "nested":
        layout = d.add_table(rows=1, cols=1)
        cell = layout.cell(0, 0)
        first = [True]

        def para(text, bold=False):
            p = cell.paragraphs[0] if first[0] else cell.add_paragraph()
            first[0] = False
            p.add_run(text).bold = bold

        def table(sh):
            add_sheet_table(cell, sh)
    else:
        def para(text, bold=False):
            d.add_paragraph().add_run(text).bold = bold

        def table(sh):
            add_sheet_table(d, sh)
    para(intro)
    for n in range(1, 7):
        para(MF.SECTIONS[n], bold=True)
        if n in (2, 3, 4):
            table(tables[n - 2])
        else:
            for text in MF.prose(fx, rep, n):
                para(text)
    d.save(path)
    MF.pin_zip_times(path)
    return ([MF.Sheet("layout")] if fx["layout"] == "nested" else []) + tables


def read_tables(path, nested):
    d = docx.Document(path)
    tables = d.tables
    if nested:
        assert len(tables) == 1, path
        tables = [tables[0]] + tables[0].cell(0, 0).tables
    return d, tables


def number(text):
    text = unicodedata.normalize("NFKC", text).strip()
    return float(text) if "." in text else int(text)


def verify(fx, rep, sheets, path):
    """Re-read the file: figures where the layout put them, merges present, identities holding."""
    problems = []
    d, tables = read_tables(path, fx["layout"] == "nested")
    if len(tables) != len(sheets):
        return [f"{len(tables)} tables, {len(sheets)} intended"]
    back = {"t2": {}, "t3": {}, "t4": {}}
    for table, sh in zip(tables, sheets):
        for r1, c1, r2, c2 in sh.merges:
            if table.cell(r1, c1)._tc is not table.cell(r2, c2)._tc:
                problems.append(f"{sh.name}: merge {(r1, c1, r2, c2)} missing")
        for key, (r, c) in sh.pos.items():
            text = table.cell(r, c).text
            if key[0] == "label":
                if text != sh.cells[(r, c)]:
                    problems.append(f"{key}: label {text!r}, intended {sh.cells[(r, c)]!r}")
                continue
            back[key[0]].setdefault(key[1], {})[key[2]] = number(text) if key[0] != "t2" else text
            want = MF.value_for(rep, fx, *key)
            if text != str(want):
                problems.append(f"{key}: {text!r} on disk, intended {want!r}")
    t2 = {row: {col: number(v) for col, v in cols.items()} for row, cols in back["t2"].items()}
    if t2 != {row: {col: number(str(v)) for col, v in cols.items()} for row, cols in rep["t2"].items()}:
        problems.append("table 2 read back differs")
    found = sorted(failing(back, notable(fx, sheets)), key=str)
    want = sorted(fx.get("expected", []), key=str)
    if [f for f, _ in found] != want:
        problems.append(f"identities failing on disk {[f for f, _ in found]}, expected {want}")
    paragraphs = "\n".join(p.text for p in d.paragraphs)
    cell_text = tables[0].cell(0, 0).text if fx["layout"] == "nested" else ""
    said = f"全年共收到政府信息公开申请{rep['t3']['received']['total']}件"
    if said not in paragraphs + cell_text:
        problems.append(f"the narrative does not say {said}")
    return problems


def span(where, keys):
    """Cells as the reader names them: 表格N!D12:I12 for a run along one row or column of one table, else joined with +."""
    places = [where[k] for k in keys]
    if len(places) > 1:
        sheet = places[0].split("!")[0]
        cells = [p.split("!")[1] for p in places]
        cols = [c.rstrip("0123456789") for c in cells]
        rows = [int(c[len(col):]) for c, col in zip(cells, cols)]
        same_table = all(p.split("!")[0] == sheet for p in places)
        if same_table and (len(set(rows)) == 1 or len(set(cols)) == 1):
            return f"{places[0]}:{cells[-1]}"
    return "+".join(places)


def failing(back, where):
    """The identities of tables 3 and 4 that fail on the figures read back: [((rule, table, row, column), detail)]."""
    out = []
    t3, t4 = back["t3"], back["t4"]

    def identity(lhs, rhs, finding):
        left = sum(back[t][r][c] for t, r, c in lhs)
        right = sum(back[t][r][c] for t, r, c in rhs)
        if left != right:
            out.append((finding, f"{span(where, lhs)} = {left} but {span(where, rhs)} = {right} "
                                 f"(right − left = {right - left:+})"))

    leaves = [k for k in t3 if k not in MF.T3_NON_LEAF]
    for c in MF.T3_COLS:
        identity([("t3", "received", c), ("t3", "carriedOver", c)], [("t3", "resultTotal", c), ("t3", "carriedForward", c)],
                 ("t3-balance", "t3", None, c))
    for k in t3:
        identity([("t3", k, "total")], [("t3", k, p) for p in MF.PARTS], ("t3-row-total", "t3", k, None))
    for c in MF.T3_COLS:
        identity([("t3", "resultTotal", c)], [("t3", k, c) for k in leaves], ("t3-result-total", "t3", None, c))
    for g in t4:
        identity([("t4", g, "total")], [("t4", g, c) for c in MF.T4_COLS[:4]], ("t4-total", "t4", g, None))
    return out


def a1(r, c):
    return MF.a1(r, c)


def notable(fx, sheets):
    """Cells worth naming in the README, as the reader addresses them (sheet 表格N, A1 within the table)."""
    offset = 1 if fx["layout"] == "nested" else 0
    where = {}
    for i, sh in enumerate(sheets[offset:]):
        for key, (r, c) in sh.pos.items():
            where[key] = f"表格{i + 1 + offset}!{a1(r, c)}"
    return where


def readme(results):
    lines = []
    w = lines.append
    w("# Word fixtures")
    w("")
    w("Word documents (.docx) for the document reader (`src/readers/docx.ts`) and the extractor. All are")
    w("generated by `/usr/bin/python3 scripts/make-document-fixtures.py` with python-docx; the reports")
    w("are built from the format data, base figures and derivation of `scripts/make-fixtures.py` (see")
    w("`../README.md`), so they balance by construction, and laid out by its `place_t2`/`place_t3`/`place_t4`,")
    w("so each Word table has the cells and merges of the national template. Seeded errors are named")
    w("mutations applied after the derivation. The script re-reads every file with python-docx and checks")
    w("that the figures are where listed here, that the merges are there and that the identities that fail")
    w("are exactly the expected findings listed (it exits 1 otherwise). Document dates and zip entry times")
    w("are pinned to 2024-01-01, so regenerating gives byte-identical files. All agencies and figures are")
    w("invented.")
    w("")
    w("Cells are given as the reader names them: `表格N` is the N-th table of the document in the order")
    w("tables start (a nested table counted where it starts), and A1 is the cell's place in that table's")
    w("grid (row 1 is the table's first row, column A its first grid column).")
    w("")
    w("| file | agency, year, edition | exercises | expected findings |")
    w("| --- | --- | --- | --- |")
    for fx, rep, where in results:
        expected = "; ".join(MF.fmt_finding(f) for f in fx.get("expected", []))
        expected = f"{expected} — see below" if expected else "none (balances)"
        w(f"| `{fx['name']}` | {fx['agency']}, {fx['year']}, {fx['edition']} | {fx['exercises']} | {expected} |")
    w("")
    w("## Notable cells")
    w("")
    for fx, rep, where in results:
        t3, t4 = rep["t3"], rep["t4"]
        w(f"- `{fx['name']}`: table 3 本年新收·自然人 {t3['received']['natural']} at {where[('t3', 'received', 'natural')]}, "
          f"（七）总计·总计 {t3['resultTotal']['total']} at {where[('t3', 'resultTotal', 'total')]}, "
          f"结转下年度·总计 {t3['carriedForward']['total']} at {where[('t3', 'carriedForward', 'total')]}; "
          f"table 4 行政复议·总计 {t4['review']['total']} at {where[('t4', 'review', 'total')]}; "
          f"table 2 行政许可·处理决定数量 {MF.value_for(rep, fx, 't2', 'licensing', 'decisions')} at "
          f"{where[('t2', 'licensing', 'decisions')]}")
    w("")
    seeded = [(fx, rep, where) for fx, rep, where in results if fx.get("mutations")]
    if seeded:
        w("## Seeded errors in detail")
        for fx, rep, where in seeded:
            w("")
            w(f"### `{fx['name']}`")
            w("")
            for tag, table, row, col, delta in fx["mutations"]:
                now = rep[table][row][col]
                w(f"- mutation ({tag}): {table} {row}·{col} at {where[(table, row, col)]} written {now} "
                  f"(balanced value {now - delta}, {delta:+d})")
            w("")
            w("Expected findings:")
            w("")
            details = dict(failing(rep, where))
            for f in fx["expected"]:
                w(f"- {MF.fmt_finding(f)}: {details[f]}")
        w("")
    return "\n".join(lines)


def main():
    os.makedirs(OUT, exist_ok=True)
    failed = False
    results = []
    for fx in FIXTURES:
        rep = MF.build_report(fx)
        path = os.path.join(OUT, fx["name"])
        sheets = write_document(fx, rep, path)
        problems = verify(fx, rep, sheets, path)
        for p in problems:
            print(f"{fx['name']}: {p}", file=sys.stderr)
        failed = failed or bool(problems)
        results.append((fx, rep, notable(fx, sheets)))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
