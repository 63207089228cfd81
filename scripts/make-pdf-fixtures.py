#!/usr/bin/python3
"""Generate the PDF fixtures in fixtures/pdf/, fixtures/pdf/README.md and fixtures/pdf/expected.json.

The reports are those of scripts/make-document-fixtures.py (its write_document, hence the format
data, invented base figures, derivation and place_t2/place_t3/place_t4 of scripts/make-fixtures.py:
each report balances by construction, seeded errors are named mutations applied afterwards). Each
Word document is then reopened with python-docx and given what the PDF case needs (A4 page,
landscape, a page-number footer, column widths, repeated header rows, no borders, a picture in
place of table 3, three hundred pages of narrative), and LibreOffice exports it to PDF (with a
password or restricted permissions where wanted). The scan is written by hand: the pages of
portrait-2022.pdf rendered by pdftoppm as JPEG, one image per page, no text.

The script then checks, on what is on disk (poppler's pdfinfo, pdftotext, pdfimages), that each
PDF has the page count listed here, that every table-3 row's figures are printed in order, on the
pages listed (table 3 running over a page break where it should, the header repeated, the footer
on every page), that the scan has no text, that the encrypted file needs its password and the
owner-password one opens without, that the no-rules file draws no paths, that table 3 of
image-table-2022.pdf is a picture, and that the identities that fail are exactly the expected
findings. It exits 1 otherwise.

    /usr/bin/python3 scripts/make-pdf-fixtures.py

Needs python-docx and Pillow (Debian's, which belong to /usr/bin/python3), LibreOffice
(/usr/bin/soffice, with fonts-wqy-microhei) and poppler-utils. Reproducible: the .docx files are
byte-identical on every run (dates and zip times pinned); in the PDFs LibreOffice writes a
creation date, a document ID and a checksum, which are overwritten in place with values of the
same length (a fixed date, an MD5 of the file) so that the xref offsets hold; in the two
encrypted PDFs they are left as LibreOffice wrote them (the ID is part of the key and the date is
encrypted), so those two differ on every run.
"""
import copy
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from PIL import Image, ImageOps

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "pdf")
SOFFICE = "/usr/bin/soffice"
PROFILE = "file:///tmp/lo-profile-pdffix"
FONT = "WenQuanYi Micro Hei"


def _load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, "scripts", file))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MD = _load("make_document_fixtures", "make-document-fixtures.py")
MF = MD.MF

# ---------------------------------------------------------------------------------------------
# Fixtures. Figures as in make-fixtures.py (base, shift, co/cf, t2, t4); `pages` is the page count
# LibreOffice gives and `spans` the pages each table is printed on (first, last), both checked
# against the PDF on disk. `pdf` says how the PDF is made from the .docx.
# ---------------------------------------------------------------------------------------------

OWNER_ONLY = {"RestrictPermissions": {"type": "boolean", "value": "true"},
              "PermissionPassword": {"type": "string", "value": "owner"},
              "Printing": {"type": "long", "value": "0"},
              "Changes": {"type": "long", "value": "0"},
              "EnableCopyingOfContent": {"type": "boolean", "value": "false"}}
OPEN_PASSWORD = {"EncryptFile": {"type": "boolean", "value": "true"},
                 "DocumentOpenPassword": {"type": "string", "value": "secret"}}

FIXTURES = [
    dict(name="portrait-2022.pdf", agency="示例市审计局", year=2022, edition="2021",
         base="A", shift=11, co=[5, 2, 1, 1, 1, 1], cf=[7, 2, 1, 1, 1, 1],
         t2=MF.t2_2021((1, 0, 5), (3, 1, 28), 186, 63, 7, "1.6"),
         t4=MF.t4([2, 1, 1, 1], [1, 1, 0, 1], [1, 0, 1, 1]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]}, split_t3=True,
         exercises="a balanced 2021-edition report exported by LibreOffice from Word: A4 portrait, ruled "
                   "tables with the national template's merges, table 3 running over a page break, a "
                   "page-number footer `- N -` (a PAGE field) on every page, so the footer falls between "
                   "the two halves of table 3"),
    dict(name="landscape-2023.pdf", agency="示例市商务局", year=2023, edition="2021",
         base="B", shift=12, co=[9, 3, 1, 1, 2, 1], cf=[8, 2, 1, 1, 1, 2],
         t2=MF.t2_2021((2, 1, 9), (6, 2, 44), 392, 118, 15, "5.2"),
         t4=MF.t4([4, 1, 1, 2], [2, 1, 1, 1], [1, 1, 1, 1]),
         landscape=True, footer="- {} -", pages=3, spans={"t2": [1, 1], "t3": [1, 2], "t4": [3, 3]},
         exercises="the same kind of report with the whole document in landscape (A4, 297 × 210 mm, "
                   "section orientation landscape), wider columns, non-zero figures"),
    dict(name="repeated-header-2022.pdf", agency="示例县林业局", year=2022, edition="2021",
         base="A", shift=13, co=[3, 1, 1, 1, 1, 1], cf=[4, 1, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 0, 2), (2, 1, 18), 74, 36, 4, "0.45"),
         t4=MF.t4([1, 1, 1, 1], [1, 1, 1, 0], [1, 0, 1, 1]),
         repeat_header=True, footer="第 {} 页", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]}, split_t3=True,
         exercises="table 3's three header rows marked 重复标题行 (`w:tblHeader`), so LibreOffice prints "
                   "them again at the top of the page where table 3 continues; footer `第 N 页` (a PAGE "
                   "field); non-zero figures"),
    dict(name="edition2019-2020.pdf", agency="示例县科学技术局", year=2020, edition="2019",
         base="A", shift=14, co=[4, 1, 1, 1, 1, 1], cf=[3, 1, 1, 1, 1, 1],
         t2=MF.t2_2019((0, 1, 6), (3, 3, 29), (22, 1, 310), (9, -1, 77), (14, 2, 96), (3, 0, 12),
                       (2, 0), (4, 96500)),
         t4=MF.t4([1, 1, 1, 1], [1, 0, 1, 1], [0, 1, 1, 1]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]},
         exercises="a 2019-edition report (report year 2020) as a PDF: table 2 with the 2019 blocks "
                   "(本年新制作数量…, 上一年项目数量 / 本年增/减 / 处理决定数量, 政府集中采购), a negative "
                   "change -1, table 3 with one （六）其他处理 row (23 rows)"),
    dict(name="seeded-errors-2022.pdf", agency="示例县应急管理局", year=2022, edition="2021",
         base="B", shift=15, co=[6, 2, 1, 1, 1, 1], cf=[7, 2, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 0, 1), (3, 2, 21), 58, 142, 17, "0"),
         t4=MF.t4([2, 1, 1, 1], [1, 1, 1, 1], [1, 1, 0, 1]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]}, split_t3=True,
         mutations=[
             ("a", "t3", "granted", "legal", +2),
             ("b", "t3", "otherHandling.overdueCorrection", "research", +1),
             ("c", "t3", "carriedForward", "natural", -1),
             ("c", "t3", "carriedForward", "commercial", +1),
             ("d", "t4", "review", "total", +1),
         ],
         expected=[
             ("t3-row-total", "t3", "granted", None),
             ("t3-row-total", "t3", "otherHandling.overdueCorrection", None),
             ("t3-result-total", "t3", None, "research"),
             ("t3-result-total", "t3", None, "legal"),
             ("t3-balance", "t3", None, "natural"),
             ("t3-balance", "t3", None, "commercial"),
             ("t4-total", "t4", "review", None),
         ],
         exercises="seeded balancing errors in the layout of portrait-2022.pdf, on both pages of table 3: "
                   "(a) 予以公开·法律服务机构 +2 on the page where table 3 starts, (b) （六）1.…逾期不补正·科研机构 "
                   "+1 and (c) a −1/+1 pair in 结转下年度 (自然人/商业企业) on the page where it continues, "
                   "(d) 行政复议 总计 one too many"),
    dict(name="no-rules-2022.pdf", agency="示例县财政局", year=2022, edition="2021",
         base="A", shift=16, co=[4, 2, 1, 1, 1, 1], cf=[5, 1, 1, 1, 1, 1],
         t2=MF.t2_2021((1, 1, 7), (5, 2, 39), 12, 5, 1, "0.3"),
         t4=MF.t4([1, 1, 1, 1], [2, 1, 1, 1], [1, 1, 1, 1]),
         borders=False, footer="- {} -", pages=3, spans={"t2": [1, 1], "t3": [1, 3], "t4": [3, 3]},
         exercises="the three tables without any rule (table borders and cell borders all `nil`, no "
                   "table style): a stream table whose columns can only be found from the text positions; "
                   "numbers centred in columns at least 1.2 cm wide; the merges are still there, unseen"),
    dict(name="scanned-2022.pdf", agency="示例市审计局", year=2022, edition="2021", scan_of="portrait-2022.pdf",
         pages=2, spans=None,
         exercises="a scan: the pages of portrait-2022.pdf rendered at 100 dpi as greyscale JPEG, one "
                   "image XObject per page (/DCTDecode), no text at all (pdftotext gives only form feeds)"),
    dict(name="image-table-2022.pdf", agency="示例县体育局", year=2022, edition="2021",
         base="B", shift=17, co=[5, 1, 1, 1, 1, 1], cf=[6, 2, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 1, 3), (2, 0, 15), 97, 41, 6, "0.12"),
         t4=MF.t4([2, 1, 0, 1], [1, 1, 1, 1], [0, 1, 1, 1]),
         image_t3=True, footer="- {} -", pages=3, spans={"t2": [1, 1], "t4": [2, 3]},
         exercises="a text PDF (title, narrative, tables 2 and 4 as ruled tables) where table 3 is a "
                   "picture: the table rendered on its own by LibreOffice, cropped and placed as an inline "
                   "picture (PNG, 16 cm wide) under 三、收到和处理政府信息公开申请情况"),
    dict(name="encrypted-2022.pdf", agency="示例县档案局", year=2022, edition="2021",
         base="A", shift=18, co=[3, 1, 1, 1, 1, 1], cf=[4, 1, 1, 1, 0, 1],
         t2=MF.t2_2021((0, 0, 0), (1, 0, 9), 6, 2, 0, "0"),
         t4=MF.t4([1, 0, 1, 1], [1, 1, 0, 1], [0, 1, 1, 0]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]}, export=OPEN_PASSWORD,
         exercises="a balanced report that needs a password to open (user password `secret`, "
                   "LibreOffice's EncryptFile/DocumentOpenPassword; RC4/AES as LibreOffice chooses)"),
    dict(name="owner-password-2022.pdf", agency="示例县粮食和物资储备局", year=2022, edition="2021",
         base="B", shift=19, co=[4, 1, 1, 1, 1, 1], cf=[5, 1, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 0, 1), (2, 1, 13), 35, 22, 3, "0.08"),
         t4=MF.t4([1, 1, 1, 0], [1, 0, 1, 1], [1, 1, 0, 1]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]}, export=OWNER_ONLY,
         exercises="a balanced report encrypted with an owner password only (`owner`; printing, changes "
                   "and copying not permitted): opens without a password, so it must be read like any other"),
    dict(name="long-300-pages-2021.pdf", agency="示例市公安局", year=2021, edition="2021",
         base="B", shift=20, co=[11, 3, 2, 1, 2, 1], cf=[9, 3, 1, 1, 2, 2],
         t2=MF.t2_2021((2, 0, 14), (9, 3, 72), 1684, 2317, 208, "16.4"),
         t4=MF.t4([5, 2, 1, 2], [3, 1, 1, 2], [2, 1, 1, 1]),
         long_paragraphs=3120, footer="- {} -", pages=300, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]},
         exercises="a 300-page report: tables 2–4 as usual on the first pages, then section 六 with "
                   "3120 numbered paragraphs of narrative (about 298 pages); the reader must read all "
                   "of it and still find nothing"),
    dict(name="forms/示例县某局-2022.docx", pdf_name="forms/示例县某局-2022.pdf", agency="示例县某局", year=2022,
         edition="2021", base="A", shift=21, co=[4, 1, 1, 1, 1, 1], cf=[5, 2, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 1, 4), (3, 1, 24), 141, 57, 5, "0.7"),
         t4=MF.t4([2, 1, 1, 0], [1, 1, 0, 1], [1, 0, 1, 1]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]},
         exercises="two renderings of one report that agree: the .docx, and the PDF LibreOffice made from "
                   "that very file"),
    dict(name="forms/mismatch-2022.docx", pdf_name="forms/mismatch-2022.pdf", agency="示例县信访局", year=2022,
         edition="2021", base="B", shift=22, co=[7, 2, 1, 1, 1, 1], cf=[6, 2, 1, 1, 1, 1],
         t2=MF.t2_2021((0, 0, 0), (2, 2, 16), 9, 3, 1, "0"),
         t4=MF.t4([3, 1, 1, 1], [2, 1, 1, 0], [1, 1, 1, 1]),
         footer="- {} -", pages=2, spans={"t2": [1, 1], "t3": [1, 2], "t4": [2, 2]},
         # the PDF is made from a copy of the .docx with these cells changed (each balances on its own)
         pdf_changes=[("t3", "granted", "natural", +1), ("t3", "granted", "total", +1),
                      ("t3", "resultTotal", "natural", +1), ("t3", "resultTotal", "total", +1),
                      ("t3", "carriedForward", "natural", -1), ("t3", "carriedForward", "total", -1)],
         exercises="two renderings of one report that disagree: the PDF was made from a copy of the .docx "
                   "in which 予以公开·自然人 is one higher, with its row total, （七）总计 and 结转下年度 "
                   "adjusted so that the PDF balances on its own (the .docx does too)"),
]
for fx in FIXTURES:
    fx.setdefault("kind", "docx")
    fx.setdefault("layout", "plain")

# ---------------------------------------------------------------------------------------------
# The Word document: make-document-fixtures.py's, reopened and given the PDF case's layout
# ---------------------------------------------------------------------------------------------

A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(2.5)
# column widths (cm) of the three tables on a portrait page 16 cm wide; landscape scales them
WIDTHS = {
    "t2": [4.0, 4.0, 4.0, 4.0],
    "t3": [1.3, 2.3, 4.0] + [1.2] * 7,
    "t4": [16.0 / 15] * 15,
}


def set_fonts(d):
    """One font for every script (the CJK font installed with LibreOffice), 10.5 pt (五号)."""
    for name in ("Normal", "Table Grid"):
        style = d.styles[name]
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    d.styles["Normal"].font.size = Pt(10.5)


def page_setup(d, fx):
    for section in d.sections:
        if fx.get("landscape"):
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = A4[1], A4[0]
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = A4
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.footer_distance = Cm(1.5)


def add_footer(d, pattern):
    """The page number as Word writes it: a PAGE field in the footer, text around it."""
    before, after = pattern.split("{}")
    for section in d.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(before)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "1"
        r.append(t)
        field.append(r)
        p._p.append(field)
        p.add_run(after)


def grid_start(tc):
    """The grid columns a <w:tc> covers: (first, span)."""
    col = 0
    for sibling in tc.getparent().iterchildren(qn("w:tc")):
        span = sibling.grid_span
        if sibling is tc:
            return col, span
        col += span
    raise ValueError("cell not in its row")


def set_widths(table, widths):
    table.autofit = False
    for gc, w in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(round(w / 2.54 * 1440))))
    for tc in table._tbl.iter(qn("w:tc")):
        first, span = grid_start(tc)
        tc.width = Cm(sum(widths[first:first + span]))


def center_figures(table, sh):
    for key, (r, c) in sh.pos.items():
        if key[0] in ("t2", "t3", "t4"):
            for p in table.cell(r, c).paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def repeat_header(table, rows):
    for tr in table._tbl.tr_lst[:rows]:
        trpr = tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))


BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")


def strip_borders(table):
    """No rule anywhere: no table style, table borders and every cell's borders nil."""
    tblpr = table._tbl.tblPr
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        tblpr.remove(style)
    borders = OxmlElement("w:tblBorders")
    for side in BORDERS:
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    # schema order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize, tblW, jc, ..., tblBorders
    anchor = tblpr.find(qn("w:tblW"))
    if anchor is not None:
        anchor.addnext(borders)
    else:
        tblpr.insert(0, borders)
    for tc in table._tbl.iter(qn("w:tc")):
        tcpr = tc.get_or_add_tcPr()
        tcb = OxmlElement("w:tcBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            e = OxmlElement(f"w:{side}")
            e.set(qn("w:val"), "nil")
            tcb.append(e)
        # after tcW / gridSpan / vMerge (schema order: tcW, gridSpan, hMerge, vMerge, tcBorders)
        last = None
        for tag in ("w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge"):
            found = tcpr.find(qn(tag))
            if found is not None:
                last = found
        if last is not None:
            last.addnext(tcb)
        else:
            tcpr.insert(0, tcb)


SENTENCES = [
    "{y}年，{a}围绕年度重点工作，持续推进决策、执行、管理、服务、结果公开，做好政策解读和回应关切。",
    "在重大行政决策事项公开方面，严格落实公众参与、专家论证、风险评估、合法性审查和集体讨论决定等程序要求。",
    "在规范性文件管理方面，按照“谁起草、谁公开”的原则，及时在政府网站发布，并同步做好文件备案与清理。",
    "在政务新媒体管理方面，落实信息发布审核制度，定期开展自查，确保发布内容准确、权威、及时。",
    "在政府信息公开平台建设方面，进一步优化栏目设置，完善检索功能，方便公众查阅获取政府信息。",
    "在依申请公开办理方面，健全登记、审核、办理、答复、归档等环节的工作流程，确保在法定期限内答复。",
    "在保密审查方面，坚持“先审查、后公开”和“一事一审”原则，防止泄露国家秘密、工作秘密和个人隐私。",
    "在教育培训方面，组织业务人员参加政务公开专题培训，提升工作人员依法公开的意识和能力。",
]


def long_narrative(fx, count):
    """Numbered paragraphs for section 六, each three sentences of the list above, in a fixed order."""
    a, y = fx["agency"], fx["year"]
    out = []
    n = len(SENTENCES)
    for i in range(count):
        picked = [SENTENCES[(i * 3 + k * 5) % n] for k in range(3)]
        out.append(f"（{i + 1}）" + "".join(s.format(a=a, y=y) for s in picked))
    return out


def table3_picture(fx, rep, tmp):
    """Table 3 alone, rendered by LibreOffice on a tall page, cropped to its rules: a PNG path."""
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = MF.PINNED
    set_fonts(d)
    section = d.sections[0]
    section.page_width, section.page_height = Cm(18.0), Cm(50.0)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1.0)
    sh = MD.sheet_of(fx, rep, MF.place_t3)
    table = MD.add_sheet_table(d, sh)
    set_widths(table, WIDTHS["t3"])
    center_figures(table, sh)
    src = os.path.join(tmp, "table3-picture.docx")
    d.save(src)
    pdf = soffice_pdf(src, tmp)
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile", pdf, os.path.join(tmp, "table3")],
                   check=True)
    img = Image.open(os.path.join(tmp, "table3.png")).convert("L")
    box = ImageOps.invert(img).point(lambda v: 255 if v > 40 else 0).getbbox()
    pad = 6
    box = (max(0, box[0] - pad), max(0, box[1] - pad), min(img.width, box[2] + pad), min(img.height, box[3] + pad))
    png = os.path.join(tmp, "table3-cropped.png")
    img.crop(box).save(png, optimize=True)
    return png


def replace_with_picture(d, table, png, width_cm):
    para = d.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run().add_picture(png, width=Cm(width_cm))
    table._tbl.addprevious(para._p)
    table._tbl.getparent().remove(table._tbl)


def write_docx(fx, rep, path, tmp):
    """make-document-fixtures.py's document, then the PDF case's layout; returns the table sheets."""
    sheets = MD.write_document(fx, rep, path)
    d = docx.Document(path)
    set_fonts(d)
    page_setup(d, fx)
    if fx.get("footer"):
        add_footer(d, fx["footer"])
    scale = (29.7 - 5.0) / 16.0 if fx.get("landscape") else 1.0
    tables = list(d.tables)
    for key, table, sh in zip(("t2", "t3", "t4"), tables, sheets):
        set_widths(table, [w * scale for w in WIDTHS[key]])
        center_figures(table, sh)
        if fx.get("borders") is False:
            strip_borders(table)
    if fx.get("repeat_header"):
        repeat_header(tables[1], 3)
    if fx.get("image_t3"):
        replace_with_picture(d, tables[1], table3_picture(fx, rep, tmp), 16.0)
    if fx.get("long_paragraphs"):
        for text in long_narrative(fx, fx["long_paragraphs"]):
            d.add_paragraph(text)
    d.core_properties.created = d.core_properties.modified = d.core_properties.last_printed = MF.PINNED
    d.save(path)
    MF.pin_zip_times(path)
    return sheets


# ---------------------------------------------------------------------------------------------
# PDF: LibreOffice's export, its varying bytes pinned; the scan written by hand
# ---------------------------------------------------------------------------------------------


def soffice_pdf(src, outdir, export=None):
    target = "pdf" if not export else "pdf:writer_pdf_Export:" + json.dumps(export, separators=(",", ":"))
    cmd = [SOFFICE, f"-env:UserInstallation={PROFILE}", "--headless", "--convert-to", target, "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")
    if not os.path.exists(out):
        raise SystemExit(f"LibreOffice did not convert {src}")
    return out


CREATION = re.compile(rb"/CreationDate\(D:\d{14}(Z'|[+-]\d\d'\d\d')\)")
TRAILER_ID = re.compile(rb"/ID \[ <([0-9A-F]{32})>\s*<([0-9A-F]{32})> \]")
CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-F]{32})")


def pin_pdf(path):
    """Overwrite LibreOffice's creation date, document ID and checksum in place, same lengths."""
    data = bytearray(open(path, "rb").read())
    m = CREATION.search(data)
    assert m, path
    fixed = b"/CreationDate(D:20240101000000" + m.group(1) + b")"
    assert len(fixed) == m.end() - m.start()
    data[m.start():m.end()] = fixed
    ids = list(TRAILER_ID.finditer(data))
    sums = list(CHECKSUM.finditer(data))
    assert len(ids) == 1 and len(sums) <= 1, path
    zero = b"0" * 32
    for m in ids:
        data[m.start(1):m.end(1)] = zero
        data[m.start(2):m.end(2)] = zero
    for m in sums:
        data[m.start(1):m.end(1)] = zero
    digest = hashlib.md5(bytes(data)).hexdigest().upper().encode()
    for m in ids:
        data[m.start(1):m.end(1)] = digest
        data[m.start(2):m.end(2)] = digest
    for m in sums:
        data[m.start(1):m.end(1)] = digest
    with open(path, "wb") as f:
        f.write(data)


def jpeg_size(data):
    """(width, height, components) from a JPEG's SOF marker."""
    i = 2
    while i < len(data):
        assert data[i] == 0xFF
        marker = data[i + 1]
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            h = int.from_bytes(data[i + 5:i + 7], "big")
            w = int.from_bytes(data[i + 7:i + 9], "big")
            return w, h, data[i + 9]
        i += 2 + length
    raise ValueError("no SOF in JPEG")


def write_scan(jpegs, path, dpi):
    """A PDF by hand: one page per JPEG, each page drawing its image and nothing else."""
    objects = []  # bytes of objects 1..n

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages = add(None)
    kids = []
    for jpg in jpegs:
        data = open(jpg, "rb").read()
        w, h, comps = jpeg_size(data)
        space = b"/DeviceGray" if comps == 1 else b"/DeviceRGB"
        image = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
                    b"/Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, space, len(data)) + data + b"\nendstream")
        pw, ph = w * 72 / dpi, h * 72 / dpi
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n" % (pw, ph)
        content = add(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"endstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 %d 0 R >> >> "
                        b"/Contents %d 0 R >>" % (pages, pw, ph, image, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(out)


# ---------------------------------------------------------------------------------------------
# Reading the PDFs back with poppler
# ---------------------------------------------------------------------------------------------


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)


def pdfinfo(path, upw=None):
    res = run(["pdfinfo"] + (["-upw", upw] if upw else []) + [path])
    info = {}
    for line in res.stdout.decode("utf-8", "replace").splitlines():
        k, _, v = line.partition(":")
        info[k.strip()] = v.strip()
    return res.returncode, info


def page_texts(path, upw=None):
    res = run(["pdftotext", "-layout"] + (["-upw", upw] if upw else []) + [path, "-"])
    if res.returncode != 0:
        raise RuntimeError(f"pdftotext failed on {path}: {res.stderr.decode('utf-8', 'replace').strip()}")
    pages = res.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and pages[-1] == "" else pages


def squeeze(text):
    return re.sub(r"\s+", "", text)


def figures_pattern(values, label=None):
    body = r"\s+".join(re.escape(str(v)) for v in values)
    # a label may wrap in its cell: its first characters, the rest of that line, then the figures
    head = (re.escape(label[:6]) + r"\S*\s+") if label else r"(?<![\d.])"
    return re.compile(head + body + r"(?![\d.])")


def find_in_order(pages, patterns, start=(0, 0)):
    """Each pattern's page (1-based), searched in document order after the previous match."""
    out = []
    p, off = start
    for pat in patterns:
        while p < len(pages):
            m = pat.search(pages[p], off)
            if m:
                out.append(p + 1)
                off = m.end()
                break
            p, off = p + 1, 0
        else:
            out.append(None)
    return out, (p, off)


def first_page(pages, phrase, after=1):
    for i in range(after - 1, len(pages)):
        if phrase in squeeze(pages[i]):
            return i + 1
    return None


def locate(fx, rep, pages):
    """Where each table is printed: {'spans': {t: [first, last]}, 'rows': {key: page}}; problems as a list."""
    problems = []
    blocks = MF.T2_2019 if fx["edition"] == "2019" else MF.T2_2021
    t2_rows = [(rk, [rep["t2"][rk][ck] for ck, _ in cols]) for _, cols, rows in blocks for rk, _ in rows]
    labels = {rk: rl for _, _, rows in blocks for rk, rl in rows}
    t2_start = first_page(pages, "第二十条第（一）项")
    t2_pages, pos = find_in_order(pages, [figures_pattern(v, labels[rk]) for rk, v in t2_rows],
                                  ((t2_start or 1) - 1, 0))
    rows = {}
    for (rk, _), pg in zip(t2_rows, t2_pages):
        rows[("t2", rk)] = pg
        if pg is None:
            problems.append(f"table 2 row {rk} ({labels[rk]} {rep['t2'][rk]}) not found in the text")
    spans = {"t2": [t2_start, t2_pages[-1]]}
    t3_keys = MF.t3_expected_rows(fx["edition"])
    if not fx.get("image_t3"):
        t3_start = first_page(pages, "勾稽关系", after=spans["t2"][-1] or 1)
        t3_pages, pos = find_in_order(pages, [figures_pattern([rep["t3"][k][c] for c in MF.T3_COLS]) for k in t3_keys],
                                      ((t3_start or 1) - 1, 0))
        for k, pg in zip(t3_keys, t3_pages):
            rows[("t3", k)] = pg
            if pg is None:
                problems.append(f"table 3 row {k} {[rep['t3'][k][c] for c in MF.T3_COLS]} not found in the text")
        spans["t3"] = [t3_start, t3_pages[-1]]
    # table 4's first row: 行政复议 | 行政诉讼 (the section title has 行政复议、行政诉讼)
    t4_start = first_page(pages, "行政复议行政诉讼", after=(spans.get("t3") or spans["t2"])[-1] or 1)
    t4_values = [rep["t4"][g][c] for g in MF.T4_GROUPS for c in MF.T4_COLS]
    t4_pages, _ = find_in_order(pages, [figures_pattern(t4_values)], ((t4_start or 1) - 1, 0))
    for g in MF.T4_GROUPS:
        rows[("t4", g)] = t4_pages[0]
    if t4_pages[0] is None:
        problems.append(f"table 4 figures {t4_values} not found in the text")
    spans["t4"] = [t4_start, t4_pages[0]]
    for t, span in spans.items():
        if None in span:
            problems.append(f"{t} not found (span {span})")
    return spans, rows, problems


def content_streams(path):
    """The decompressed content streams of a PDF's pages (LibreOffice writes no object streams)."""
    data = open(path, "rb").read()
    refs = set()
    for m in re.finditer(rb"/Contents\s+(\d+)\s+0\s+R", data):
        refs.add(int(m.group(1)))
    for m in re.finditer(rb"/Contents\s*\[([\d\sR]+)\]", data):
        refs.update(int(n) for n in re.findall(rb"(\d+)\s+0\s+R", m.group(1)))
    out = []
    for n in sorted(refs):
        m = re.search(rb"(?:^|[\r\n])%d 0 obj\b" % n, data)
        s = data.index(b"stream", m.end())
        s += 6
        s += 2 if data[s:s + 2] == b"\r\n" else 1
        out.append(zlib.decompressobj().decompress(data[s:data.index(b"endstream", s)]))
    return out


PAINT_OPS = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}  # a path only clipping ends with n


def path_operators(path):
    """How many paths a PDF's pages paint (stroke or fill)."""
    count = 0
    for stream in content_streams(path):
        stream = re.sub(rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)", b" ", stream)
        count += sum(1 for tok in stream.split() if tok in PAINT_OPS)
    return count


def images_of(path, upw=None):
    """pdfimages -list: [(page, width, height)]."""
    res = run(["pdfimages", "-list"] + (["-upw", upw] if upw else []) + [path])
    out = []
    for line in res.stdout.decode().splitlines()[2:]:
        f = line.split()
        out.append((int(f[0]), int(f[3]), int(f[4])))
    return out


# ---------------------------------------------------------------------------------------------
# Building and checking each fixture
# ---------------------------------------------------------------------------------------------


def changed(rep, changes):
    out = copy.deepcopy(rep)
    for table, row, col, delta in changes:
        out[table][row][col] += delta
    return out


def title_of(fx):
    return f"{fx['agency']}{fx['year']}年政府信息公开工作年度报告"


def build(fx, tmp, built):
    """Write one fixture (and its .docx where it is one); return what the checks and README need."""
    info = {"fx": fx, "rep": None, "files": []}
    if fx.get("scan_of"):
        src = os.path.join(OUT, fx["scan_of"])
        stem = os.path.join(tmp, "scan")
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-jpeg", "-jpegopt", "quality=75", src, stem], check=True)
        jpegs = sorted(f for f in os.listdir(tmp) if f.startswith("scan-") and f.endswith(".jpg"))
        write_scan([os.path.join(tmp, f) for f in jpegs], os.path.join(OUT, fx["name"]), 100)
        info["rep"] = built[fx["scan_of"]]["rep"]
        info["pdf"] = fx["name"]
        return info
    rep = MF.build_report(fx)
    info["rep"] = rep
    stem = os.path.splitext(os.path.basename(fx["name"]))[0]
    if fx["name"].endswith(".docx"):
        docx_path = os.path.join(OUT, fx["name"])
        os.makedirs(os.path.dirname(docx_path), exist_ok=True)
        info["sheets"] = write_docx(fx, rep, docx_path, tmp)
        info["docx"] = fx["name"]
        pdf_name = fx["pdf_name"]
        if fx.get("pdf_changes"):
            rep_pdf = changed(rep, fx["pdf_changes"])
            MF.check_balanced(rep_pdf, fx)
            src = os.path.join(tmp, "copy", os.path.basename(fx["name"]))
            os.makedirs(os.path.dirname(src), exist_ok=True)
            info["pdf_sheets"] = write_docx(fx, rep_pdf, src, tmp)
        else:
            rep_pdf = rep
            src = docx_path  # the PDF from that very file
    else:
        pdf_name = fx["name"]
        rep_pdf = rep
        src = os.path.join(tmp, stem + ".docx")
        info["sheets"] = write_docx(fx, rep, src, tmp)
    info["rep_pdf"] = rep_pdf
    info["pdf"] = pdf_name
    info["docx_src"] = src
    outdir = os.path.join(tmp, "pdf-" + stem)
    os.makedirs(outdir, exist_ok=True)
    made = soffice_pdf(src, outdir, fx.get("export"))
    target = os.path.join(OUT, pdf_name)
    shutil.copyfile(made, target)
    if not fx.get("export"):
        pin_pdf(target)  # not when encrypted: the ID is part of the key and the date is encrypted
    return info


def check(info, built):
    """Problems found on disk (an empty list when the fixture is as documented)."""
    fx = info["fx"]
    problems = []
    path = os.path.join(OUT, info["pdf"])
    upw = "secret" if (fx.get("export") or {}).get("DocumentOpenPassword") else None
    rc, meta = pdfinfo(path)
    if upw:
        if rc == 0:
            problems.append("opens without a password")
        rc, meta = pdfinfo(path, upw)
        if rc != 0 or not meta.get("Encrypted", "").startswith("yes"):
            problems.append(f"does not open with its password, or is not encrypted: {meta.get('Encrypted')}")
    elif rc != 0:
        problems.append("pdfinfo cannot open it")
        return problems, {}
    pages_n = int(meta.get("Pages", "0"))
    info["pages"] = pages_n
    info["size"] = os.path.getsize(path)
    if pages_n != fx["pages"]:
        problems.append(f"{pages_n} pages, README says {fx['pages']}")
    if fx.get("export") and not meta.get("Encrypted", "").startswith("yes"):
        problems.append("not encrypted")
    if (fx.get("export") or {}).get("PermissionPassword"):
        if "copy:no" not in meta.get("Encrypted", "") or "print:no" not in meta.get("Encrypted", ""):
            problems.append(f"permissions not restricted: {meta.get('Encrypted')}")
    if fx.get("scan_of"):
        raw = run(["pdftotext", path, "-"]).stdout
        if raw != b"\f" * pages_n:
            problems.append(f"the scan has text: {raw[:80]!r}")
        imgs = images_of(path)
        if sorted(p for p, _, _ in imgs) != list(range(1, pages_n + 1)):
            problems.append(f"not one image per page: {imgs}")
        if pages_n != built[fx["scan_of"]].get("pages"):
            problems.append("not as many pages as the PDF it scans")
        return problems, {}
    size = re.match(r"([\d.]+) x ([\d.]+) pts", meta.get("Page size", ""))
    w, h = (float(size.group(1)), float(size.group(2))) if size else (0, 0)
    want_wh = (841.89, 595.28) if fx.get("landscape") else (595.28, 841.89)
    if abs(w - want_wh[0]) > 0.5 or abs(h - want_wh[1]) > 0.5:
        problems.append(f"page size {meta.get('Page size')}, intended A4 {want_wh}")
    texts = page_texts(path, upw)
    if len(texts) != pages_n:
        problems.append(f"pdftotext gives {len(texts)} pages")
    if title_of(fx) not in squeeze(texts[0]):
        problems.append("the title is not on page 1")
    said = f"全年共收到政府信息公开申请{info['rep_pdf']['t3']['received']['total']}件"
    if said not in squeeze("".join(texts)):
        problems.append(f"the narrative does not say {said}")
    for n, text in enumerate(texts, 1):
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        want = fx["footer"].format(n)
        if not lines or squeeze(lines[-1]) != squeeze(want):  # pdftotext drops the narrow spaces
            problems.append(f"page {n}: footer {lines[-1] if lines else None!r}, intended {want!r}")
            break
    spans, rows, found = locate(fx, info["rep_pdf"], texts)
    problems += found
    info["spans"], info["rows"] = spans, rows
    if fx.get("spans") and spans != fx["spans"]:
        problems.append(f"tables on pages {spans}, README says {fx['spans']}")
    if fx.get("split_t3") and not spans["t3"][1] > spans["t3"][0]:
        problems.append("table 3 does not run over a page break")
    if "t3" in spans:
        header_pages = [n for n, t in enumerate(texts, 1) if "申请人情况" in squeeze(t)]
        first, last = spans["t3"]
        want = list(range(first, last + 1)) if fx.get("repeat_header") else [first]
        if header_pages != want:
            problems.append(f"table 3's header printed on pages {header_pages}, intended {want}")
    if fx.get("mutations"):
        later = [m for m in fx["mutations"] if m[1] == "t3" and rows[("t3", m[2])] > spans["t3"][0]]
        if not later:
            problems.append("no seeded error on the second page of table 3")
    ops = path_operators(path) if not upw and not fx.get("export") else None
    info["path_ops"] = ops
    if fx.get("borders") is False and ops != 0:
        problems.append(f"{ops} paths painted (rules?)")
    if fx.get("borders") is not False and ops == 0:
        problems.append("no path painted: the tables have no rules")
    if fx.get("image_t3"):
        if "勾稽" in squeeze("".join(texts)) or "予以公开" in squeeze("".join(texts)):
            problems.append("table 3's text is in the text layer")
        heading = first_page(texts, "三、收到和处理政府信息公开申请情况")
        pics = [(p, w, h) for p, w, h in images_of(path, upw) if w >= 800]
        if len(pics) != 1 or pics[0][0] not in (heading, heading + 1):
            problems.append(f"table 3's picture: {pics}, heading on page {heading}")
        else:
            info["picture_page"] = pics[0][0]
    # identities: the figures printed are rep_pdf's (checked above); they fail exactly as listed
    failing = sorted(f for f, _ in MD.failing(info["rep_pdf"], where_of(info)))
    if failing != sorted(fx.get("expected", []), key=str):
        problems.append(f"identities failing {failing}, expected {fx.get('expected', [])}")
    # the .docx read back by make-document-fixtures.py's own check (figures, merges, identities)
    if not fx.get("image_t3"):
        problems += [f"{info['docx_src']}: {p}" for p in MD.verify(fx, info["rep_pdf"], info.get("pdf_sheets") or info["sheets"], info["docx_src"])]
        if info.get("docx"):
            problems += [f"{info['docx']}: {p}" for p in MD.verify(fx, info["rep"], info["sheets"], os.path.join(OUT, info["docx"]))]
    return problems, {}


def where_of(info):
    """Each cell as the reader names it: 第P页 表格N!A1 (P the page its table starts on), page of the cell."""
    where = {}
    spans = info.get("spans") or {}
    for i, (t, sh) in enumerate(zip(("t2", "t3", "t4"), info.get("pdf_sheets") or info.get("sheets") or [])):
        start = (spans.get(t) or [None])[0]
        for key, (r, c) in sh.pos.items():
            if key[0] != "label":
                where[key] = f"第{start}页 表格{i + 1}!{MF.a1(r, c)}"
    if not where:  # the scan: no table to name
        for t in ("t3", "t4"):
            for row, cols in (info["rep"][t] or {}).items():
                for col in cols:
                    where[(t, row, col)] = f"{t}!{row}.{col}"
    return where


# ---------------------------------------------------------------------------------------------
# expected.json and README.md
# ---------------------------------------------------------------------------------------------


def finding_pages(info, f):
    rule, table, row, col = f
    rows = info.get("rows") or {}
    if rule == "t3-row-total" or rule == "t4-total":
        return {"page": rows.get((table, row))}
    if rule == "t3-result-total":
        return {"page": rows.get(("t3", "resultTotal"))}
    if rule == "t3-balance":
        return {"pages": sorted({rows.get(("t3", k)) for k in ("received", "carriedOver", "resultTotal", "carriedForward")})}
    return {}


def findings_of(info):
    fx = info["fx"]
    if fx.get("scan_of"):
        return [dict(rule="file-unreadable", messageId="scanned-pdf", table=None, row=None, column=None)]
    if (fx.get("export") or {}).get("EncryptFile"):
        return [dict(rule="file-unreadable", messageId="encrypted", table=None, row=None, column=None)]
    if fx.get("image_t3"):
        return [dict(rule="table-missing", table="t3", row=None, column=None,
                     note=f"table 3 is an image (page {info.get('picture_page')}): a picture of the table, no text")]
    out = []
    for f in fx.get("expected", []):
        out.append(dict(zip(("rule", "table", "row", "column"), f), **finding_pages(info, f)))
    return out


def differences(info):
    fx = info["fx"]
    out = []
    for table, row, col, _delta in fx.get("pdf_changes", []):
        out.append(dict(table=table, row=row, column=col, docx=info["rep"][table][row][col],
                        pdf=info["rep_pdf"][table][row][col]))
    return out


def figures(rep, fx):
    """The figures as printed, numbers as numbers (table 3 of image-table-2022.pdf is in its picture)."""
    def num(v):
        return v if isinstance(v, (int, float)) else (float(v) if "." in str(v) else int(v))
    out = {"t2": {r: {c: num(v) for c, v in cols.items()} for r, cols in rep["t2"].items()}}
    if not fx.get("image_t3"):
        out["t3"] = rep["t3"]
    out["t4"] = rep["t4"]
    return out


def unreadable(fx):
    return bool(fx.get("scan_of") or (fx.get("export") or {}).get("EncryptFile"))


def write_expected(built):
    files, pairs = {}, []
    for name, info in built.items():
        fx = info["fx"]
        entry = dict(agency=fx["agency"], year=fx["year"], edition=fx["edition"], pages=info["pages"],
                     readable=not unreadable(fx))
        if unreadable(fx):
            entry["note"] = ("the report inside (agency, year, edition as printed) cannot be read: "
                             + ("every page is an image" if fx.get("scan_of") else "it needs the password `secret`"))
        if fx.get("export"):
            entry["password"] = "secret" if fx["export"].get("EncryptFile") else None
            entry["ownerPassword"] = fx["export"].get("PermissionPassword")
        entry["findings"] = findings_of(info)
        if not unreadable(fx):
            entry["figures"] = figures(info["rep_pdf"], fx)
        if info.get("spans"):
            entry["tables"] = {t: {"first": a, "last": b} for t, (a, b) in info["spans"].items()}
        if info.get("picture_page"):
            entry["picture"] = {"table": "t3", "page": info["picture_page"]}
        if fx.get("footer") and not fx.get("scan_of"):
            entry["footer"] = fx["footer"].replace("{}", "N")
        if fx.get("mutations"):
            entry["mutations"] = [dict(tag=tag, table=t, row=r, column=c, delta=d, value=info["rep_pdf"][t][r][c],
                                       page=info["rows"][(t, r)]) for tag, t, r, c, d in fx["mutations"]]
        files[name] = entry
        if info.get("docx"):
            files[info["docx"]] = dict(agency=fx["agency"], year=fx["year"], edition=fx["edition"], readable=True,
                                       findings=[], figures=figures(info["rep"], fx))
            pairs.append(dict(docx=info["docx"], pdf=name, agency=fx["agency"], year=fx["year"],
                              differences=differences(info)))
    doc = {"about": "What `report check` must make of each file in fixtures/pdf (see README.md). Findings are "
                    "{rule, table, row, column} with the FORMAT.md keys (null where the rule has no such part), "
                    "and for a PDF the page of the cell the finding points at (t3-balance: the pages of the "
                    "column's four members). Pages count from 1.",
           "files": files, "pairs": pairs}
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def made_with(fx):
    if fx.get("scan_of"):
        return (f"`pdftoppm -r 100 -gray -jpeg` of `{fx['scan_of']}`, then a PDF written by the script "
                "(one page per JPEG, `/DCTDecode`)")
    how = "make-document-fixtures.py's `write_document`, reopened with python-docx"
    if fx.get("image_t3"):
        how += "; table 3 alone rendered by LibreOffice, `pdftoppm -r 150 -gray -png`, cropped with Pillow, `add_picture`"
    export = fx.get("export")
    if export and export.get("EncryptFile"):
        lo = "`soffice --convert-to 'pdf:writer_pdf_Export:{\"EncryptFile\":…,\"DocumentOpenPassword\":…}'`"
    elif export:
        lo = "`soffice --convert-to 'pdf:writer_pdf_Export:{\"RestrictPermissions\":…,\"PermissionPassword\":…}'`"
    else:
        lo = "`soffice --convert-to pdf`"
    return f"{how}; {lo}"


def expected_text(info):
    fx = info["fx"]
    if fx.get("scan_of"):
        return "`file-unreadable` (messageId `scanned-pdf`)"
    if (fx.get("export") or {}).get("EncryptFile"):
        return "`file-unreadable` (messageId `encrypted`)"
    if fx.get("image_t3"):
        return f"`table-missing` t3 (table 3 is an image, page {info.get('picture_page')})"
    exp = fx.get("expected", [])
    return ("; ".join(MF.fmt_finding(f) for f in exp) + " — see below") if exp else "none (balances)"


def write_readme(built):
    lines = []
    w = lines.append
    w("# PDF fixtures")
    w("")
    w("PDF reports for the PDF reader (`src/readers/pdf/`). All are generated by")
    w("`/usr/bin/python3 scripts/make-pdf-fixtures.py`. The reports are those of")
    w("`scripts/make-document-fixtures.py` (format data, invented base figures and derivation of")
    w("`scripts/make-fixtures.py`, so each balances by construction; seeded errors are named mutations")
    w("applied afterwards), written as Word documents by its `write_document`, reopened with python-docx")
    w("for the PDF case (A4, landscape, a PAGE-field footer, column widths, repeated header rows, no")
    w("borders, a picture for table 3, long narrative), then exported to PDF by LibreOffice")
    w("(`soffice --headless --convert-to pdf`, fonts-wqy-microhei for every character). All agencies and")
    w("figures are invented; no agency is used by another fixture folder.")
    w("")
    w("The script checks on what is on disk, with poppler (it exits 1 otherwise): the page count of every")
    w("PDF (`pdfinfo`) is the one listed here; every row of tables 2–4 is printed with its figures, in")
    w("order, on the pages listed (`pdftotext -layout`), so table 3 does run over a page break where this")
    w("says so; the footer is on every page; the header of table 3 is printed again on its second page")
    w("only in repeated-header-2022.pdf; the scan gives no text (only form feeds); the encrypted file does")
    w("not open without `secret`, and the owner-password file opens and reads without any; no-rules-2022.pdf")
    w("paints no path at all (no stroke or fill operator in its content streams, only the page's clip")
    w("rectangle) while the others do; table 3 of")
    w("image-table-2022.pdf is not in the text layer and a picture is on its page; each .docx reads back")
    w("with make-document-fixtures.py's own check (figures, merges, identities); and the identities that")
    w("fail are exactly the expected findings listed. `expected.json` says the same for tests: agency,")
    w("year, edition, pages, expected findings (with the page of the cell each points at), the pages each")
    w("table spans, and for the form pairs the cells that differ.")
    w("")
    w("`portrait-2022.txt` is `pdftotext -layout portrait-2022.pdf`: text laid out by position, columns")
    w("aligned with spaces, labels wrapped onto the lines below their rows, a form feed and the page footer")
    w("between the halves of table 3. The text reader must read it to the PDF's figures.")
    w("")
    w("Reproducibility: the .docx files are byte-identical on every run (document dates and zip entry")
    w("times pinned to 2024-01-01). LibreOffice writes a creation date, a document ID and a checksum into")
    w("each PDF; the script overwrites them in place with values of the same length (the date")
    w("2024-01-01, the MD5 of the file with those fields zeroed), so offsets and the xref stay valid and")
    w("regenerating gives the same bytes with the same LibreOffice and fonts. The two encrypted PDFs")
    w("(encrypted-2022.pdf, owner-password-2022.pdf) are left as LibreOffice wrote them: the ID is part of")
    w("the encryption key and the date is encrypted, so those two differ on every run (same pages and")
    w("content, the size within a few bytes). The scan is written by the script and depends only on")
    w("pdftoppm's rendering.")
    w("")
    w("| file | agency, year, edition | pages | exercises | made with | expected findings |")
    w("| --- | --- | --- | --- | --- | --- |")
    for name, info in built.items():
        fx = info["fx"]
        w(f"| `{name}` | {fx['agency']}, {fx['year']}, {fx['edition']} | {info['pages']} | {fx['exercises']} | "
          f"{made_with(fx)} | {expected_text(info)} |")
        if info.get("docx"):
            w(f"| `{info['docx']}` | {fx['agency']}, {fx['year']}, {fx['edition']} | – | the Word document of the "
              f"pair (see below) | make-document-fixtures.py's `write_document`, reopened with python-docx | none (balances) |")
    w("")
    w("## Pages of the tables")
    w("")
    w("First and last page each table is printed on (the page of its caption or header, and of its last")
    w("row of figures). A footer line is printed on every page (`- N -` unless said otherwise).")
    w("")
    for name, info in built.items():
        if info.get("spans"):
            spans = ", ".join(f"{t} {a}" + (f"–{b}" if b != a else "") for t, (a, b) in info["spans"].items())
            extra = f"; table 3 is a picture on page {info['picture_page']}" if info.get("picture_page") else ""
            foot = f"; footer `{info['fx']['footer'].replace('{}', 'N')}`"
            w(f"- `{name}`: {spans}{extra}{foot}")
    w("")
    w("## Seeded errors in detail")
    for name, info in built.items():
        fx = info["fx"]
        if not fx.get("mutations"):
            continue
        where = where_of(info)
        w("")
        w(f"### `{name}`")
        w("")
        w("Cells as the reader names them: the sheet `第P页 表格N` (N-th table of the document, P the page")
        w("it starts on) and the cell in the table's grid, with the page the cell is printed on.")
        w("")
        for tag, table, row, col, delta in fx["mutations"]:
            now = info["rep_pdf"][table][row][col]
            w(f"- mutation ({tag}): {table} {row}·{col} at {where[(table, row, col)]} (page {info['rows'][(table, row)]}) "
              f"written {now} (balanced value {now - delta}, {delta:+d})")
        w("")
        w("Expected findings:")
        w("")
        details = dict(MD.failing(info["rep_pdf"], where))
        for f in fx["expected"]:
            pages = finding_pages(info, f)
            at = f"page {pages['page']}" if "page" in pages else "pages " + ", ".join(map(str, pages["pages"]))
            w(f"- {MF.fmt_finding(f)}: {details[f]} ({at})")
    w("")
    w("## Two renderings of one report (forms/)")
    w("")
    w("Each pair is one report (same agency, same year) as a .docx and as a PDF. `示例县某局-2022.pdf` was")
    w("converted from `示例县某局-2022.docx` itself, so the two agree in every cell. `mismatch-2022.pdf` was")
    w("converted from a copy of `mismatch-2022.docx` with the cells below changed; each of the two balances")
    w("on its own, so only comparing them finds the difference.")
    w("")
    for name, info in built.items():
        diffs = differences(info)
        if info.get("docx"):
            if not diffs:
                w(f"- `{info['docx']}` / `{name}`: no difference")
            else:
                w(f"- `{info['docx']}` / `{name}`:")
                for d in diffs:
                    w(f"  - {d['table']} {d['row']}·{d['column']}: {d['docx']} in the .docx, {d['pdf']} in the PDF")
    w("")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


def main(argv):
    only = set(argv)
    os.makedirs(os.path.join(OUT, "forms"), exist_ok=True)
    built, failures = {}, []
    with tempfile.TemporaryDirectory(prefix="make-pdf-fixtures-") as tmp:
        for fx in FIXTURES:
            if only and fx["name"] not in only and fx.get("pdf_name") not in only:
                continue
            info = build(fx, tmp, built)
            built[info["pdf"]] = info
            problems, _ = check(info, built)
            info["problems"] = problems
            failures += [f"{info['pdf']}: {p}" for p in problems]
            print(f"{info['pdf']}: {info.get('pages')} pages, {info.get('size')} bytes, tables {info.get('spans')}"
                  f" {'ok' if not problems else 'FAILED'}", flush=True)
    if not only:
        write_expected(built)
        write_readme(built)
        # The portrait report as text laid out by position, as pdftotext -layout writes it: the text
        # reader must read it to the PDF's figures (tests/e2e/pdf-fixtures.test.ts).
        layout = run(["pdftotext", "-layout", os.path.join(OUT, "portrait-2022.pdf"), os.path.join(OUT, "portrait-2022.txt")])
        if layout.returncode != 0:
            failures.append("pdftotext -layout failed on portrait-2022.pdf")
        total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(OUT) for f in fs)
        if total > 6 * 1024 * 1024:
            failures.append(f"fixtures/pdf is {total} bytes, over 6 MB")
    for msg in failures:
        print(msg, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
