#!/usr/bin/python3
"""Generate the hand-made input fixtures in fixtures/ and fixtures/README.md.

Every figure below is invented. Base figures are data; totals, 结转 and 本年新收 are derived in
code, so each report balances by construction; seeded errors are named mutations applied after
that. The script then re-reads every file it wrote (openpyxl for .xlsx, the csv module with the
file's own encoding for text) and evaluates the FORMAT.md identities and cell rules on what is on
disk; it exits 1 when a fixture does not fail exactly as documented.

    /usr/bin/python3 scripts/make-fixtures.py             # write, verify, write README
    /usr/bin/python3 scripts/make-fixtures.py --manifest  # also print expected findings as JSON

Needs the standard library, openpyxl (Debian's, which belongs to /usr/bin/python3) and
LibreOffice (/usr/bin/soffice). Output is byte-for-byte reproducible: openpyxl's document
dates are pinned and the zip entry times of every .xlsx (LibreOffice's too) are set to a fixed
date; nothing else in LibreOffice's output is touched.
"""
import csv
import datetime
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
from decimal import Decimal

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures")
SOFFICE = "/usr/bin/soffice"
PINNED = datetime.datetime(2024, 1, 1, 0, 0, 0)

# ---------------------------------------------------------------------------------------------
# The national format as data (FORMAT.md)
# ---------------------------------------------------------------------------------------------

PARTS = ["natural", "commercial", "research", "nonprofit", "legal", "other"]
T3_COLS = PARTS + ["total"]
T4_GROUPS = ["review", "suitDirect", "suitAfterReview"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]

R3 = "三、本年度办理结果"
G3, G4, G5, G6 = "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"
# (key, level-1 label, group label, leaf label)
T3_HEAD = [
    ("received", "一、本年新收政府信息公开申请数量", None, None),
    ("carriedOver", "二、上年结转政府信息公开申请数量", None, None),
    ("granted", R3, "（一）予以公开", None),
    ("partiallyGranted", R3, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("denied.stateSecret", R3, G3, "1.属于国家秘密"),
    ("denied.lawProhibited", R3, G3, "2.其他法律行政法规禁止公开"),
    ("denied.threeSecurities", R3, G3, "3.危及“三安全一稳定”"),
    ("denied.thirdParty", R3, G3, "4.保护第三方合法权益"),
    ("denied.internalAffairs", R3, G3, "5.属于三类内部事务信息"),
    ("denied.processInfo", R3, G3, "6.属于四类过程性信息"),
    ("denied.enforcementCase", R3, G3, "7.属于行政执法案卷"),
    ("denied.queryMatter", R3, G3, "8.属于行政查询事项"),
    ("unavailable.notHeld", R3, G4, "1.本机关不掌握相关政府信息"),
    ("unavailable.needsCreation", R3, G4, "2.没有现成信息需要另行制作"),
    ("unavailable.unclear", R3, G4, "3.补正后申请内容仍不明确"),
    ("notProcessed.complaint", R3, G5, "1.信访举报投诉类申请"),
    ("notProcessed.repeated", R3, G5, "2.重复申请"),
    ("notProcessed.publication", R3, G5, "3.要求提供公开出版物"),
    ("notProcessed.excessive", R3, G5, "4.无正当理由大量反复申请"),
    ("notProcessed.reconfirm", R3, G5, "5.要求行政机关确认或重新出具已获取信息"),
]
T3_SIX_2021 = [
    ("otherHandling.overdueCorrection", R3, G6, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("otherHandling.unpaidFee", R3, G6, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("otherHandling.other", R3, G6, "3.其他"),
]
T3_SIX_ONE = [("otherHandling", R3, G6, None)]
T3_TAIL = [
    ("resultTotal", R3, "（七）总计", None),
    ("carriedForward", "四、结转下年度继续办理", None, None),
]
T3_NON_LEAF = {"received", "carriedOver", "resultTotal", "carriedForward"}


def t3_rows(edition, six_as_one=False):
    six = T3_SIX_ONE if (edition == "2019" or six_as_one) else T3_SIX_2021
    return T3_HEAD + six + T3_TAIL


def t3_expected_rows(edition):
    return [k for k, *_ in t3_rows(edition)]


# table 2 blocks: (caption, [(column key, header)], [(row key, row label)])
T2_2021 = [
    ("第二十条第（一）项", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("inForce", "现行有效件数")],
     [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")]),
    ("第二十条第（五）项", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
    ("第二十条第（六）项", [("decisions", "本年处理决定数量")], [("penalties", "行政处罚"), ("coercion", "行政强制")]),
    ("第二十条第（八）项", [("amount", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
]
_PCD = [("previousItems", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")]
T2_2019 = [
    ("第二十条第（一）项", [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("totalPublished", "对外公开总数量")],
     [("regulations", "规章"), ("normativeDocuments", "规范性文件")]),
    ("第二十条第（五）项", _PCD, [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
    ("第二十条第（六）项", _PCD, [("penalties", "行政处罚"), ("coercion", "行政强制")]),
    ("第二十条第（八）项", _PCD[:2], [("fees", "行政事业性收费")]),
    ("第二十条第（九）项", [("projects", "采购项目数量"), ("amount", "采购总金额")], [("procurement", "政府集中采购")]),
]
AMOUNTS = {("fees", "amount"), ("procurement", "amount")}  # not counts

T4_LABELS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}

SECTIONS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_COL_LABELS = {"natural": "自然人", "commercial": "商业企业", "research": "科研机构",
                 "nonprofit": "社会公益组织", "legal": "法律服务机构", "other": "其他", "total": "总计"}

# ---------------------------------------------------------------------------------------------
# Base figures (invented). Table 3 leaf rows, columns natural … other; a fixture picks a base
# and a `shift`, which adds a small deterministic pattern so no two fixtures share figures.
# ---------------------------------------------------------------------------------------------

BASE_T3 = {
    "A": {  # a municipal bureau of moderate volume
        "granted": [38, 9, 2, 1, 4, 2],
        "partiallyGranted": [11, 3, 1, 1, 2, 1],
        "denied.stateSecret": [1, 1, 0, 0, 0, 1],
        "denied.lawProhibited": [2, 1, 1, 0, 1, 0],
        "denied.threeSecurities": [1, 0, 1, 1, 0, 1],
        "denied.thirdParty": [4, 2, 1, 1, 1, 1],
        "denied.internalAffairs": [3, 1, 1, 1, 0, 1],
        "denied.processInfo": [5, 2, 1, 1, 1, 1],
        "denied.enforcementCase": [2, 1, 0, 1, 1, 1],
        "denied.queryMatter": [3, 1, 1, 0, 1, 1],
        "unavailable.notHeld": [17, 5, 2, 1, 3, 2],
        "unavailable.needsCreation": [6, 2, 1, 1, 1, 1],
        "unavailable.unclear": [4, 1, 1, 1, 1, 1],
        "notProcessed.complaint": [7, 2, 1, 1, 1, 1],
        "notProcessed.repeated": [5, 1, 1, 1, 1, 1],
        "notProcessed.publication": [2, 1, 1, 1, 0, 1],
        "notProcessed.excessive": [3, 1, 0, 1, 1, 1],
        "notProcessed.reconfirm": [2, 1, 1, 0, 1, 1],
        "otherHandling.overdueCorrection": [4, 2, 1, 1, 1, 1],
        "otherHandling.unpaidFee": [1, 1, 0, 1, 0, 1],
        "otherHandling.other": [3, 1, 1, 1, 1, 1],
    },
    "B": {  # a district government office: more natural-person requests
        "granted": [64, 12, 3, 2, 6, 3],
        "partiallyGranted": [18, 4, 1, 1, 2, 1],
        "denied.stateSecret": [2, 1, 1, 0, 1, 0],
        "denied.lawProhibited": [3, 1, 0, 1, 1, 1],
        "denied.threeSecurities": [2, 1, 1, 1, 0, 1],
        "denied.thirdParty": [7, 3, 1, 1, 2, 1],
        "denied.internalAffairs": [5, 2, 1, 1, 1, 1],
        "denied.processInfo": [9, 3, 1, 1, 1, 2],
        "denied.enforcementCase": [3, 1, 1, 0, 1, 1],
        "denied.queryMatter": [6, 2, 1, 1, 1, 1],
        "unavailable.notHeld": [29, 8, 2, 2, 4, 3],
        "unavailable.needsCreation": [11, 3, 1, 1, 2, 1],
        "unavailable.unclear": [6, 2, 1, 1, 1, 1],
        "notProcessed.complaint": [13, 3, 1, 1, 1, 2],
        "notProcessed.repeated": [8, 2, 1, 1, 1, 1],
        "notProcessed.publication": [3, 1, 1, 1, 1, 0],
        "notProcessed.excessive": [4, 1, 1, 0, 1, 1],
        "notProcessed.reconfirm": [3, 1, 0, 1, 1, 1],
        "otherHandling.overdueCorrection": [6, 2, 1, 1, 1, 1],
        "otherHandling.unpaidFee": [2, 1, 1, 0, 1, 1],
        "otherHandling.other": [5, 2, 1, 1, 1, 1],
    },
}
LEAF_ORDER = [k for k, *_ in T3_HEAD[2:] + T3_SIX_2021]


def shifted_leaves(base, shift):
    out = {}
    for i, key in enumerate(LEAF_ORDER):
        row = []
        for j, v in enumerate(BASE_T3[base][key]):
            h = ((i + 1) * 7919 + (j + 1) * 104729 + (shift + 1) * 1299709) % 10007
            d = int(h % 5 == 0) + int(h % 7 == 0) + int(h % 11 == 0)
            row.append(v + d)
        out[key] = row
    return out


# ---------------------------------------------------------------------------------------------
# Fixtures. `co`/`cf`: 上年结转 / 结转下年 per column (received is derived); `t2` as written;
# `t4` per group (upheld, corrected, other, pending). Chains of one body in consecutive years
# are consistent (carriedOver = last year's carriedForward; inForce = last + issued − repealed).
# ---------------------------------------------------------------------------------------------

ECO, DIST, MKT = "示例市生态环境局", "示例区人民政府办公室", "示例县市场监督管理局"


def t2_2021(reg, norm, lic, pen, coe, fee):
    return {"regulations": dict(zip(["issued", "repealed", "inForce"], reg)),
            "normativeDocuments": dict(zip(["issued", "repealed", "inForce"], norm)),
            "licensing": {"decisions": lic}, "penalties": {"decisions": pen},
            "coercion": {"decisions": coe}, "fees": {"amount": fee}}


def t2_2019(reg, norm, lic, oth, pen, coe, fees, proc):
    pcd = ["previousItems", "change", "decisions"]
    return {"regulations": dict(zip(["made", "published", "totalPublished"], reg)),
            "normativeDocuments": dict(zip(["made", "published", "totalPublished"], norm)),
            "licensing": dict(zip(pcd, lic)), "otherServices": dict(zip(pcd, oth)),
            "penalties": dict(zip(pcd, pen)), "coercion": dict(zip(pcd, coe)),
            "fees": dict(zip(pcd[:2], fees)), "procurement": dict(zip(["projects", "amount"], proc))}


def t4(review, direct, after):
    return {"review": review, "suitDirect": direct, "suitAfterReview": after}


LABEL_VARIANTS = {
    "t2.head.0.inForce": "现行有效件数（历史累计）",
    "t2.row.normativeDocuments": "规范性文件",
    "t3.col.commercial": "商业\n企业",
    "t3.col.research": "科研\n机构",
    "t3.col.total": "合计",
    "t3.lvl1.received": "一、本年新收政府信息\n公开申请数量",
    "t3.grp.granted": "(一)予以公开",
    "t3.grp.partiallyGranted": "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
    "t3.grp.denied": "(三)不予公开",
    "t3.grp.unavailable": "(四)无法提供",
    "t3.grp.notProcessed": "(五)不予处理",
    "t3.grp.otherHandling": "(六)其他处理",
    "t3.grp.resultTotal": "(七)合计",
    "t3.leaf.denied.stateSecret": "1、属于国家秘密",
    "t3.leaf.denied.lawProhibited": "2、其他法律行政法规禁止公开",
    "t3.leaf.denied.threeSecurities": "3、危及\"三安全一稳定\"",
    "t3.leaf.denied.thirdParty": "4、保护第三方合法权益",
    "t3.leaf.unavailable.notHeld": "1、本机关不掌握相关政府信息",
    "t3.leaf.unavailable.needsCreation": "2、没有现成信息需要另行制作",
    "t3.leaf.unavailable.unclear": "3、补正后申请内容仍不明确",
    "sec4": "四、政府信息公开行政复议和行政诉讼情况",
}

FIXTURES = [
    dict(name="official-2022.xlsx", kind="xlsx", agency=ECO, year=2022, edition="2021",
         base="A", shift=0, co=[6, 2, 1, 1, 1, 1], cf=[8, 3, 1, 1, 2, 1],
         t2=t2_2021((1, 0, 4), (6, 2, 41), 213, 187, 26, "3.5"),
         t4=t4([3, 1, 1, 2], [2, 1, 1, 1], [1, 1, 0, 1]),
         exercises="official single-sheet layout like the national Word template: merged captions and "
                   "headers (勾稽 note over A:C, 申请人情况, 法人或其他组织 over five columns, 总计 "
                   "vertical), vertical merges of 三、本年度办理结果 and （三）–（六）, real numeric cells, "
                   "fee 3.5 万元; first of a two-year chain with per-sheet-2023.xlsx",
         made="openpyxl"),
    dict(name="per-sheet-2023.xlsx", kind="per-sheet", agency=ECO, year=2023, edition="2021",
         base="A", shift=1, co=[8, 3, 1, 1, 2, 1], cf=[5, 2, 1, 1, 1, 1],
         t2=t2_2021((1, 1, 4), (5, 3, 43), 236, 164, 19, "1.25"),
         t4=t4([2, 2, 1, 1], [3, 0, 1, 2], [1, 1, 1, 0]),
         exercises="one sheet per table (封面, 表二, 表三, 表四); no title line: 填报单位/报告年度 "
                   "cells on 封面 (plus a 填报日期 in 2024 that is not the report year); table 2 with "
                   "blank rows between blocks; table 3 starting at B3 under a note row; table 4 at C4; "
                   "continues official-2022.xlsx (carriedOver = last carriedForward, inForce chain)",
         made="openpyxl wrote a temporary workbook, then `soffice --headless --convert-to xlsx` "
              "re-saved it (the bytes are LibreOffice's)"),
    dict(name="gb18030-2022.csv", kind="csv", encoding="gb18030", bom=False, eol="\r\n",
         agency=DIST, year=2022, edition="2021",
         base="B", shift=1, co=[12, 4, 1, 1, 2, 2], cf=[10, 3, 2, 1, 1, 1],
         t2=t2_2021((1, 2, 11), (7, 3, 61), 452, 88, 11, "10.85"),
         t4=t4([6, 2, 1, 1], [2, 1, 1, 1], [1, 1, 1, 1]),
         exercises="CSV in GB18030 without BOM (Excel on Chinese Windows), CRLF, same shape as the "
                   "conformance s02-utf8.csv; middle of the 2021→2022→2023 chain",
         made="hand-written text (csv module), encoded GB18030"),
    dict(name="utf8-bom-2023.csv", kind="csv", encoding="utf-8", bom=True, eol="\r\n",
         agency=DIST, year=2023, edition="2021",
         base="B", shift=2, co=[10, 3, 2, 1, 1, 1], cf=[7, 2, 1, 1, 1, 1],
         t2=t2_2021((2, 0, 13), (8, 5, 64), 470, 102, 17, "9.3456"),
         t4=t4([5, 1, 2, 1], [3, 1, 1, 1], [2, 1, 0, 1]),
         exercises="CSV in UTF-8 with BOM (Excel's \"CSV UTF-8\"), CRLF; end of the 2021→2023 chain",
         made="hand-written text (csv module), UTF-8 with BOM"),
    dict(name="libreoffice-2021.xlsx", kind="lo-csv", agency=DIST, year=2021, edition="2021",
         base="B", shift=0, co=[9, 3, 1, 1, 2, 1], cf=[12, 4, 1, 1, 2, 2],
         t2=t2_2021((2, 1, 12), (9, 4, 57), 418, 95, 14, "12.6"),
         t4=t4([4, 2, 1, 2], [2, 2, 1, 1], [1, 0, 1, 1]),
         exercises="official layout without merges as LibreOffice writes it from a CSV (numbers are "
                   "numeric cells, shared strings, LibreOffice's styles); start of the 2021→2023 chain",
         made="official-layout CSV (UTF-8) converted by `soffice --headless --infilter=CSV:44,34,76,1 "
              "--convert-to xlsx`"),
    dict(name="label-variants-2022.xlsx", kind="xlsx", agency="示例县交通运输局", year=2022, edition="2021",
         base="A", shift=2, co=[4, 1, 1, 1, 1, 1], cf=[5, 2, 1, 1, 1, 1],
         t2=t2_2021((0, 1, 3), (4, 1, 22), 356, 143, 31, "0.85"),
         t4=t4([2, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 0]),
         labels=LABEL_VARIANTS,
         exercises="clerk label variants: half-width brackets (一)…(七), numbering 1、, line breaks in "
                   "labels (商业\\n企业, 科研\\n机构, 本年新收政府信息\\n公开申请数量), 合计 for 总计 (table-3 "
                   "column header and the (七) row), straight quotes around 三安全一稳定, 规范性文件, "
                   "现行有效件数（历史累计）, section title …行政复议和行政诉讼情况",
         made="openpyxl"),
    dict(name="edition2019-2020.xlsx", kind="xlsx", agency=MKT, year=2020, edition="2019",
         base="B", shift=4, co=[7, 2, 1, 1, 1, 1], cf=[5, 2, 1, 0, 1, 1],
         t2=t2_2019((1, 1, 13), (5, 5, 53), (84, "+5", 1408), (27, -2, 560), (31, 2, 301), (10, 0, 41),
                    (4, 0), (9, 386500)),
         t4=t4([3, 2, 1, 1], [2, 1, 1, 1], [1, 1, 0, 1]),
         exercises="2019 edition (report year 2020): table 2 with 22 cells (本年新制作数量…, 上一年项目数量 / "
                   "本年增/减 / 处理决定数量 incl. 其他对外管理服务事项, 行政事业性收费, 政府集中采购), a "
                   "negative change -2 (no cell-negative for 2019 change) and a text cell `+5`; table 3 "
                   "with one （六）其他处理 row (23 rows); continues edition2019-2019.csv",
         made="openpyxl"),
    dict(name="edition2019-2019.csv", kind="csv", encoding="utf-8", bom=False, eol="\n",
         agency=MKT, year=2019, edition="2019",
         base="B", shift=3, co=[4, 1, 1, 1, 0, 1], cf=[7, 2, 1, 1, 1, 1],
         t2=t2_2019((2, 2, 12), (6, 6, 48), (86, -2, 1342), (24, 3, 517), (29, 2, 276), (9, 1, 38),
                    (5, -1), (7, "251000元")),
         t4=t4([2, 1, 1, 1], [1, 1, 1, 1], [1, 0, 1, 1]),
         exercises="2019 edition (report year 2019) as plain UTF-8 CSV (no BOM, LF); procurement "
                   "amount written `251000元` (read as 251000); negative changes -2 and -1",
         made="hand-written text (csv module), UTF-8"),
    dict(name="six-as-one-2022.xlsx", kind="xlsx", agency="示例县教育局", year=2022, edition="2021",
         six_as_one=True, base="A", shift=3, co=[5, 2, 1, 1, 1, 1], cf=[6, 2, 1, 1, 1, 1],
         t2=t2_2021((0, 0, 2), (3, 1, 19), 97, 12, 3, "0.6"),
         t4=t4([3, 1, 2, 1], [2, 1, 0, 1], [1, 1, 1, 1]),
         exercises="2021-edition report (year 2022; table 2 has 2021 markers) that prints （六）其他处理 as "
                   "ONE row with numbers instead of its three sub-rows; the one row is summed in "
                   "t3-result-total, so every identity holds",
         made="openpyxl"),
    dict(name="seeded-errors-2022.xlsx", kind="xlsx", agency="示例县卫生健康委员会", year=2022, edition="2021",
         base="B", shift=5, co=[8, 2, 1, 1, 1, 1], cf=[9, 3, 1, 1, 2, 1],
         t2=t2_2021((0, 0, 0), (5, 2, 33), 684, 241, 9, "2.75"),
         t4=t4([4, 1, 1, 2], [2, 1, 1, 1], [1, 1, 1, 1]),
         mutations=[
             ("a", "t3", "carriedForward", "natural", -1),
             ("a", "t3", "carriedForward", "commercial", +1),
             ("b", "t3", "granted", "legal", +2),
             ("c", "t4", "review", "total", +1),
         ],
         exercises="seeded balancing errors in the official layout: (a) a −1/+1 pair in 结转下年 that "
                   "keeps the 总计 column and the row total balanced, (b) one result cell +2, (c) 行政复议 "
                   "总计 off by one",
         made="openpyxl"),
    dict(name="cell-errors-2023.csv", kind="csv", encoding="utf-8", bom=False, eol="\n",
         agency="示例县自然资源局", year=2023, edition="2021",
         base="A", shift=4, co=[5, 1, 1, 0, 1, 1], cf=[6, 2, 1, 1, 1, 1],
         overrides={("denied.stateSecret", "research"): 0, ("unavailable.unclear", "legal"): 1,
                    ("notProcessed.excessive", "commercial"): -3, ("granted", "natural"): 12,
                    ("partiallyGranted", "natural"): 5},
         t2=t2_2021((0, 0, 1), (4, 2, 27), "2.5", 76, 5, "1.234567"),
         t4=t4([2, 1, 1, 1], [1, 1, 1, 2], [1, 1, 0, 1]),
         fee_label="本年收费金额（单位：万元，保留4位小数）",
         written={("t3", "denied.stateSecret", "research"): "",
                  ("t3", "carriedOver", "nonprofit"): "-",
                  ("t3", "unavailable.unclear", "legal"): "abc",
                  ("t3", "granted", "natural"): "１２",
                  ("t3", "partiallyGranted", "natural"): "5件"},
         exercises="cell rules: an empty t3 cell and a `-` placeholder (cell-blank), `abc` "
                   "(cell-not-number), `-3` (cell-negative), a count `2.5` (cell-not-integer), fee "
                   "`1.234567` under 保留4位小数 (cell-precision warning); `１２` and `5件` read as numbers; "
                   "identities with an unreadable member are not evaluated, all others hold",
         made="hand-written text (csv module), UTF-8"),
    dict(name="pasted-variants-2021.txt", kind="pasted", agency="示例县司法局", year=2021, edition="2021",
         base="A", shift=5, co=[3, 1, 0, 1, 1, 1], cf=[4, 1, 1, 1, 1, 0],
         t2=t2_2021((0, 0, 0), (2, 1, 14), 58, 17, 4, "0.3"),
         t4=t4([1, 1, 1, 1], [1, 1, 0, 1], [1, 0, 1, 1]),
         exercises="text pasted from a web page like the seed (tabs between cells, blank lines between "
                   "paragraphs, header rows with fewer cells than the grid, half-width brackets, a leading "
                   "tab before 四、结转…), non-zero figures, one data row labelled `1、本机关不掌握相关政府信息`",
         made="hand-written text (UTF-8, LF), modelled on dunfangdian-2021.txt"),
    dict(name="markdown-2022.txt", kind="markdown", agency="示例县交通运输局", year=2022, edition="2021",
         base="A", shift=3, co=[2, 1, 1, 0, 1, 0], cf=[3, 1, 0, 1, 1, 1],
         t2=t2_2021((1, 0, 6), (3, 2, 31), 412, 57, 6, "1.2"),
         t4=t4([2, 1, 0, 1], [1, 0, 1, 1], [0, 1, 1, 0]),
         mutations=[("a", "t4", "suitDirect", "total", +1)],
         exercises="a Markdown pipe table as PDF-to-Markdown converters write it (rows between pipes, a "
                   "rule row of dashes under each table's header row, `本<br>年度办理结果` wrapped in its "
                   "cell), official layout, one seeded t4-total error",
         made="hand-written text (UTF-8, LF)"),
    dict(name="pipes-2023.txt", kind="pipes", agency="示例县统计局", year=2023, edition="2021",
         base="B", shift=2, co=[1, 0, 1, 0, 0, 1], cf=[2, 1, 0, 0, 1, 0],
         t2=t2_2021((0, 1, 3), (1, 0, 12), 35, 8, 2, "0"),
         t4=t4([1, 0, 0, 1], [0, 1, 0, 0], [1, 0, 0, 0]),
         exercises="cells copied out of a document separated by a pipe with a space either side (no "
                   "outer pipes), laid out like the pasted seed (header rows with fewer cells, blank lines "
                   "between paragraphs)",
         made="hand-written text (UTF-8, LF)"),
    dict(name="gbk-seeded-2021.tsv", kind="tsv", encoding="gb18030", bom=False, eol="\r\n",
         agency="示例县住房和城乡建设局", year=2021, edition="2021",
         base="B", shift=6, co=[6, 2, 1, 1, 1, 1], cf=[8, 2, 1, 1, 1, 1],
         t2=t2_2021((0, 0, 0), (6, 3, 45), 1123, 96, 8, "4.2"),
         t4=t4([3, 1, 1, 1], [2, 1, 1, 0], [1, 1, 1, 1]),
         mutations=[("a", "t3", "unavailable.notHeld", "total", +1)],
         exercises="tab-separated text in GB18030 (Excel's 文本文件(制表符分隔) on Chinese Windows), "
                   "CRLF, official layout, one seeded row-total error (a mis-summed 总计 cell)",
         made="hand-written text (csv module, tab delimiter), encoded GB18030"),
    dict(name="utf16-2022.txt", kind="tsv", encoding="utf-16-le", bom=True, eol="\r\n", pad=True,
         agency="示例县水利局", year=2022, edition="2021",
         base="A", shift=6, co=[4, 1, 1, 1, 1, 1], cf=[3, 1, 1, 1, 1, 1],
         t2=t2_2021((0, 0, 0), (3, 1, 16), 264, 39, 6, "1.8"),
         t4=t4([2, 2, 1, 1], [1, 1, 1, 1], [1, 1, 1, 0]),
         newline_header=True,
         exercises="UTF-16 LE with BOM, tab-separated, CRLF, every row padded to 15 fields (Excel's "
                   "\"Unicode 文本\" export); one header cell `\"法律服务\\n机构\"` is a quoted field with a "
                   "line break, so physical lines and records differ after it",
         made="hand-written text (csv module, tab delimiter), encoded UTF-16 LE with BOM"),
    dict(name="missing-t4-2022.csv", kind="csv", encoding="utf-8", bom=True, eol="\r\n", t4_present=False,
         agency="示例县农业农村局", year=2022, edition="2021",
         base="A", shift=7, co=[5, 1, 1, 1, 1, 1], cf=[4, 1, 1, 1, 1, 1],
         t2=t2_2021((0, 0, 0), (4, 2, 25), 512, 133, 12, "0.96"),
         t4=None,
         exercises="table 4 absent entirely (no section 四 title, no table); tables 2 and 3 balanced",
         made="hand-written text (csv module), UTF-8 with BOM"),
]

# Expected findings per fixture: (rule, table, row, column), None where the rule has no such part.
# These are the documentation; verify() recomputes them from the bytes on disk and must agree.
EXPECTED = {
    "six-as-one-2022.xlsx": [
        ("row-missing", "t3", "otherHandling.overdueCorrection", None),
        ("row-missing", "t3", "otherHandling.unpaidFee", None),
        ("row-missing", "t3", "otherHandling.other", None),
    ],
    "seeded-errors-2022.xlsx": [
        ("t3-balance", "t3", None, "natural"),
        ("t3-balance", "t3", None, "commercial"),
        ("t3-row-total", "t3", "granted", None),
        ("t3-result-total", "t3", None, "legal"),
        ("t4-total", "t4", "review", None),
    ],
    "cell-errors-2023.csv": [
        ("cell-blank", "t3", "denied.stateSecret", "research"),
        ("cell-blank", "t3", "carriedOver", "nonprofit"),
        ("cell-not-number", "t3", "unavailable.unclear", "legal"),
        ("cell-negative", "t3", "notProcessed.excessive", "commercial"),
        ("cell-not-integer", "t2", "licensing", "decisions"),
        ("cell-precision", "t2", "fees", "amount"),
    ],
    "gbk-seeded-2021.tsv": [
        ("t3-row-total", "t3", "unavailable.notHeld", None),
        ("t3-result-total", "t3", None, "total"),
    ],
    "missing-t4-2022.csv": [
        ("table-missing", "t4", None, None),
    ],
    "markdown-2022.txt": [
        ("t4-total", "t4", "suitDirect", None),
    ],
}
# cells worth pointing at in fixtures that balance (rendered with their addresses in the README)
NOTABLE = {
    "official-2022.xlsx": [("fee amount 3.5 (a real number cell)", ("t2", "fees", "amount")),
                           ("first data cell of table 3", ("t3", "received", "natural")),
                           ("（七）总计·总计", ("t3", "resultTotal", "total"))],
    "per-sheet-2023.xlsx": [("填报单位 value", ("meta", "agency")), ("报告年度 value (number 2023)", ("meta", "year")),
                            ("first data cell of table 3", ("t3", "received", "natural")),
                            ("first data cell of table 4", ("t4", "review", "upheld"))],
    "edition2019-2020.xlsx": [("行政许可·本年增/减 written as text `+5`", ("t2", "licensing", "change")),
                              ("其他对外管理服务事项·本年增/减 = -2 (numeric)", ("t2", "otherServices", "change")),
                              ("the single （六）其他处理 row (label)", ("label", "t3", "otherHandling")),
                              ("政府集中采购·采购总金额 386500", ("t2", "procurement", "amount"))],
    "edition2019-2019.csv": [("政府集中采购·采购总金额 written `251000元`", ("t2", "procurement", "amount")),
                             ("行政许可·本年增/减 = -2", ("t2", "licensing", "change")),
                             ("行政事业性收费·本年增/减 = -1", ("t2", "fees", "change"))],
    "label-variants-2022.xlsx": [("row label `一、本年新收政府信息\\n公开申请数量`", ("label", "t3", "received")),
                                 ("row label `(七)合计`", ("label", "t3", "resultTotal")),
                                 ("row label `3、危及\"三安全一稳定\"`", ("label", "t3", "denied.threeSecurities"))],
    "pasted-variants-2021.txt": [("row label `1、本机关不掌握相关政府信息`", ("label", "t3", "unavailable.notHeld")),
                                 ("fee amount 0.3 under 保留4位小数", ("t2", "fees", "amount"))],
    "utf16-2022.txt": [("first data cell of table 3 (after the two-line quoted header field)",
                        ("t3", "received", "natural"))],
}

# identities deliberately left unevaluable (a member is blank or unreadable)
UNEVALUABLE = {
    "cell-errors-2023.csv": [
        ("t3-row-total", "t3", "denied.stateSecret", None),
        ("t3-result-total", "t3", None, "research"),
        ("t3-row-total", "t3", "carriedOver", None),
        ("t3-balance", "t3", None, "nonprofit"),
        ("t3-row-total", "t3", "unavailable.unclear", None),
        ("t3-result-total", "t3", None, "legal"),
    ],
}

# ---------------------------------------------------------------------------------------------
# Deriving a balanced report, then applying named mutations
# ---------------------------------------------------------------------------------------------


def build_report(fx):
    edition = fx["edition"]
    six_one = edition == "2019" or fx.get("six_as_one", False)
    leaves = shifted_leaves(fx["base"], fx["shift"])
    for (row, col), v in fx.get("overrides", {}).items():
        leaves[row][PARTS.index(col)] = v
    if six_one:
        three = [leaves.pop(k) for k, *_ in T3_SIX_2021]
        leaves["otherHandling"] = [sum(x) for x in zip(*three)]
    keys = [k for k, *_ in t3_rows(edition, fx.get("six_as_one", False))]
    leaf_keys = [k for k in keys if k not in T3_NON_LEAF]
    assert set(leaf_keys) == set(leaves), fx["name"]
    result_total = [sum(leaves[k][j] for k in leaf_keys) for j in range(6)]
    co, cf = fx["co"], fx["cf"]
    received = [result_total[j] + cf[j] - co[j] for j in range(6)]
    assert all(v > 0 for v in received), fx["name"]
    rows = dict(leaves, received=received, carriedOver=co, resultTotal=result_total, carriedForward=cf)
    t3 = {}
    for k in keys:
        vals = list(rows[k])
        t3[k] = dict(zip(T3_COLS, vals + [sum(vals)]))
    t4v = None
    if fx.get("t4") is not None:
        t4v = {g: dict(zip(T4_COLS, v + [sum(v)])) for g, v in fx["t4"].items()}
    rep = {"t2": json.loads(json.dumps(fx["t2"])), "t3": t3, "t4": t4v}
    check_balanced(rep, fx)
    for _tag, table, row, col, delta in fx.get("mutations", []):
        rep[table][row][col] += delta
    return rep


def check_balanced(rep, fx):
    """Assert the pre-mutation figures satisfy every identity (a guard on the derivation)."""
    t3 = rep["t3"]
    for row, v in t3.items():
        assert v["total"] == sum(v[c] for c in PARTS), (fx["name"], row)
    leaves = [k for k in t3 if k not in T3_NON_LEAF]
    for c in T3_COLS:
        assert t3["resultTotal"][c] == sum(t3[k][c] for k in leaves)
        assert t3["received"][c] + t3["carriedOver"][c] == t3["resultTotal"][c] + t3["carriedForward"][c]
    for g, v in (rep["t4"] or {}).items():
        assert v["total"] == v["upheld"] + v["corrected"] + v["other"] + v["pending"]


# ---------------------------------------------------------------------------------------------
# Layout: a Sheet is a sparse grid plus merges and the position of every canonical cell
# ---------------------------------------------------------------------------------------------


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}
        self.merges = []
        self.pos = {}      # ("t3", row, col) -> (r, c); ("label", "t3", row) -> (r, c)
        self.bold = set()

    def put(self, r, c, v):
        self.cells[(r, c)] = v

    def merge(self, r1, c1, r2, c2):
        self.merges.append((r1, c1, r2, c2))

    def height(self):
        return 1 + max(r for r, _ in self.cells)

    def width(self):
        return 1 + max(c for _, c in self.cells)

    def records(self, pad_to=None, pad_rows=None):
        """Rows as lists of strings, trimmed after the last non-empty cell (or padded)."""
        out = []
        for r in range(self.height()):
            row = [self.cells.get((r, c)) for c in range(self.width())]
            row = ["" if v is None else str(v) for v in row]
            n = len(row)
            while n and row[n - 1] == "":
                n -= 1
            want = pad_to if pad_to else max(n, (pad_rows or {}).get(r, 0))
            out.append((row + [""] * want)[:want] if pad_to else row[:want])
        return out


class Labels:
    def __init__(self, overrides):
        self.o = overrides or {}

    def __call__(self, lid, default):
        return self.o.get(lid, default)


def group_of(key):
    return key.split(".")[0]


def value_for(rep, fx, table, row, col):
    w = fx.get("written", {})
    if (table, row, col) in w:
        return w[(table, row, col)]
    return rep[table][row][col]


def place_t2(sh, rep, fx, L, r, c0, gap=0):
    blocks = T2_2019 if fx["edition"] == "2019" else T2_2021
    for bi, (caption, cols, rows) in enumerate(blocks):
        sh.put(r, c0, L(f"t2.caption.{bi}", caption))
        sh.merge(r, c0, r, c0 + 3)
        r += 1
        sh.put(r, c0, L("t2.info", "信息内容"))
        for j, (ck, head) in enumerate(cols):
            if ck == "amount" and fx.get("fee_label") and rows[0][0] == "fees":
                head = fx["fee_label"]
            sh.put(r, c0 + 1 + j, L(f"t2.head.{bi}.{ck}", head))
            sh.pos[("label", "t2", f"{rows[0][0]}.{ck}")] = (r, c0 + 1 + j)
        if len(cols) == 1:
            sh.merge(r, c0 + 1, r, c0 + 3)
        r += 1
        for rk, rl in rows:
            sh.put(r, c0, L(f"t2.row.{rk}", rl))
            sh.pos[("label", "t2", rk)] = (r, c0)
            for j, (ck, _h) in enumerate(cols):
                sh.put(r, c0 + 1 + j, value_for(rep, fx, "t2", rk, ck))
                sh.pos[("t2", rk, ck)] = (r, c0 + 1 + j)
            if len(cols) == 1:
                sh.merge(r, c0 + 1, r, c0 + 3)
            r += 1
        r += gap
    return r - gap


def place_t3(sh, rep, fx, L, r0, c0):
    sh.put(r0, c0, L("t3.note", T3_NOTE))
    sh.merge(r0, c0, r0 + 2, c0 + 2)
    sh.put(r0, c0 + 3, L("t3.applicant", "申请人情况"))
    sh.merge(r0, c0 + 3, r0, c0 + 9)
    sh.put(r0 + 1, c0 + 3, L("t3.col.natural", "自然人"))
    sh.merge(r0 + 1, c0 + 3, r0 + 2, c0 + 3)
    sh.put(r0 + 1, c0 + 4, L("t3.legalPersons", "法人或其他组织"))
    sh.merge(r0 + 1, c0 + 4, r0 + 1, c0 + 8)
    sh.put(r0 + 1, c0 + 9, L("t3.col.total", "总计"))
    sh.merge(r0 + 1, c0 + 9, r0 + 2, c0 + 9)
    # the conformance workbooks wrap 法律服务\n机构; so do our openpyxl workbooks and utf16-2022.txt
    wrap_legal = fx.get("newline_header") or (fx["kind"] == "xlsx" and not fx.get("labels"))
    for j, ck in enumerate(PARTS[1:]):
        default = "法律服务\n机构" if (ck == "legal" and wrap_legal) else T3_COL_LABELS[ck]
        sh.put(r0 + 2, c0 + 4 + j, L(f"t3.col.{ck}", default))
    rows = t3_rows(fx["edition"], fx.get("six_as_one", False))
    r = r0 + 3
    first_result = None
    group_start = {}
    for key, lvl1, grp, leaf in rows:
        if grp is None:
            sh.put(r, c0, L(f"t3.lvl1.{key}", lvl1))
            sh.merge(r, c0, r, c0 + 2)
            sh.pos[("label", "t3", key)] = (r, c0)
        else:
            if first_result is None:
                first_result = r
                sh.put(r, c0, L("t3.lvl1.result", lvl1))
            if leaf is None:
                sh.put(r, c0 + 1, L(f"t3.grp.{key}", grp))
                sh.merge(r, c0 + 1, r, c0 + 2)
                sh.pos[("label", "t3", key)] = (r, c0 + 1)
            else:
                g = group_of(key)
                if g not in group_start:
                    group_start[g] = r
                    sh.put(r, c0 + 1, L(f"t3.grp.{g}", grp))
                sh.put(r, c0 + 2, L(f"t3.leaf.{key}", leaf))
                sh.pos[("label", "t3", key)] = (r, c0 + 2)
            if key == "resultTotal":
                sh.merge(first_result, c0, r, c0)
        for j, ck in enumerate(T3_COLS):
            sh.put(r, c0 + 3 + j, value_for(rep, fx, "t3", key, ck))
            sh.pos[("t3", key, ck)] = (r, c0 + 3 + j)
        r += 1
    for g, start in group_start.items():
        end = max(rr for key, (rr, _) in sh.pos.items()
                  if key[0] == "t3" and "." in key[1] and group_of(key[1]) == g)
        if end > start:
            sh.merge(start, c0 + 1, end, c0 + 1)
    return r


def place_t4(sh, rep, fx, L, r0, c0):
    sh.put(r0, c0, L("t4.review", "行政复议"))
    sh.merge(r0, c0, r0, c0 + 4)
    sh.put(r0, c0 + 5, L("t4.suit", "行政诉讼"))
    sh.merge(r0, c0 + 5, r0, c0 + 14)
    for j, ck in enumerate(T4_COLS):
        sh.put(r0 + 1, c0 + j, L(f"t4.col.{ck}", T4_LABELS[ck]))
        sh.merge(r0 + 1, c0 + j, r0 + 2, c0 + j)
    sh.put(r0 + 1, c0 + 5, L("t4.suitDirect", "未经复议直接起诉"))
    sh.merge(r0 + 1, c0 + 5, r0 + 1, c0 + 9)
    sh.put(r0 + 1, c0 + 10, L("t4.suitAfterReview", "复议后起诉"))
    sh.merge(r0 + 1, c0 + 10, r0 + 1, c0 + 14)
    for j, ck in enumerate(T4_COLS * 2):
        sh.put(r0 + 2, c0 + 5 + j, L(f"t4.col.{ck}", T4_LABELS[ck]))
    for gi, g in enumerate(T4_GROUPS):
        for j, ck in enumerate(T4_COLS):
            sh.put(r0 + 3, c0 + gi * 5 + j, value_for(rep, fx, "t4", g, ck))
            sh.pos[("t4", g, ck)] = (r0 + 3, c0 + gi * 5 + j)
    return r0 + 4


def prose(fx, rep, section):
    a, y = fx["agency"], fx["year"]
    if section == 1:
        recv = rep["t3"]["received"]["total"]
        return [f"（一）主动公开情况。{y}年，{a}坚持以公开为常态、不公开为例外，通过门户网站、政务新媒体等渠道"
                f"主动公开政府信息{137 + fx['shift'] * 11}条。",
                f"（二）依申请公开情况。全年共收到政府信息公开申请{recv}件，均在法定期限内予以答复。",
                "（三）政府信息管理情况。严格执行公开前保密审查，动态更新政府信息公开目录。",
                "（四）平台建设情况。持续优化政府网站信息公开专栏，规范栏目设置。",
                "（五）监督保障情况。将政务公开工作纳入年度目标考核，定期开展业务培训。"]
    if section == 5:
        return ["主要问题：公开内容的解读还不够通俗，部分栏目更新不够及时。",
                "改进措施：加强政策解读，落实专人维护栏目，提高信息发布的时效性。"]
    if section == 6:
        return [f"{y}年度本机关未收取信息处理费。"]
    raise ValueError(section)


def official_sheet(rep, fx, name):
    """The national template as one sheet: title, 一…六, tables 2–4 (table 4 may be absent)."""
    L = Labels(fx.get("labels"))
    sh = Sheet(name)
    sh.put(0, 0, f"{fx['agency']}{fx['year']}年政府信息公开工作年度报告")
    sh.merge(0, 0, 0, 14)
    sh.bold.add((0, 0))
    sh.pos[("meta", "title")] = (0, 0)
    r = 2

    def section(n):
        nonlocal r
        sh.put(r, 0, L(f"sec{n}", SECTIONS[n]))
        sh.bold.add((r, 0))
        r += 1

    section(1)
    for p in prose(fx, rep, 1):
        sh.put(r, 0, p)
        r += 1
    r += 1
    section(2)
    r = place_t2(sh, rep, fx, L, r, 0) + 1
    section(3)
    r = place_t3(sh, rep, fx, L, r, 0) + 1
    if fx.get("t4_present", True):
        section(4)
        r = place_t4(sh, rep, fx, L, r, 0) + 1
    section(5)
    for p in prose(fx, rep, 5):
        sh.put(r, 0, p)
        r += 1
    r += 1
    section(6)
    for p in prose(fx, rep, 6):
        sh.put(r, 0, p)
        r += 1
    return sh


def per_sheet_sheets(rep, fx):
    L = Labels(fx.get("labels"))
    cover = Sheet("封面")
    cover.put(0, 0, "填报单位")
    cover.put(0, 1, fx["agency"])
    cover.put(1, 0, "报告年度")
    cover.put(1, 1, fx["year"])
    cover.put(2, 0, "填报日期")
    cover.put(2, 1, f"{fx['year'] + 1}年1月18日")
    cover.pos[("meta", "agency")] = (0, 1)
    cover.pos[("meta", "year")] = (1, 1)
    r = 4
    for n in (1, 5, 6):
        cover.put(r, 0, SECTIONS[n])
        cover.bold.add((r, 0))
        r += 1
        for p in prose(fx, rep, n):
            cover.put(r, 0, p)
            r += 1
        r += 1
    s2 = Sheet("表二")
    s2.put(0, 0, SECTIONS[2])
    s2.bold.add((0, 0))
    place_t2(s2, rep, fx, L, 2, 0, gap=1)
    s3 = Sheet("表三")
    s3.put(0, 1, SECTIONS[3])
    s3.bold.add((0, 1))
    s3.put(1, 1, "（单位：件）")
    place_t3(s3, rep, fx, L, 2, 1)
    s4 = Sheet("表四")
    s4.put(0, 0, SECTIONS[4])
    s4.bold.add((0, 0))
    s4.put(1, 0, "（单位：件）")
    place_t4(s4, rep, fx, L, 3, 2)
    return [cover, s2, s3, s4]


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def xlsx_value(v):
    if isinstance(v, str):
        if v == "":
            return None
        if PLAIN_NUMBER.fullmatch(v):
            return float(v) if "." in v else int(v)
    return v


def write_xlsx(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.created = PINNED
    wb.properties.modified = PINNED
    wb.properties.creator = "示例填报人"
    for sh in sheets:
        ws = wb.create_sheet(sh.name)
        for (r, c), v in sorted(sh.cells.items()):
            cell = ws.cell(row=r + 1, column=c + 1, value=xlsx_value(v))
            if (r, c) in sh.bold:
                cell.font = Font(bold=True)
            elif isinstance(v, str) and len(v) < 60:
                cell.alignment = Alignment(wrap_text=True, vertical="center")
        for r1, c1, r2, c2 in sh.merges:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
        for c in range(sh.width()):
            ws.column_dimensions[get_column_letter(c + 1)].width = 14
    wb.save(path)
    pin_zip_times(path)


def pin_zip_times(path):
    """Set every zip entry's DOS time to PINNED, in place, leaving all other bytes alone."""
    data = bytearray(open(path, "rb").read())
    dos_time = 0
    dos_date = ((PINNED.year - 1980) << 9) | (PINNED.month << 5) | PINNED.day
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_off = struct.unpack("<II", data[eocd + 12:eocd + 20])
    p = cd_off
    while p < cd_off + cd_size:
        assert data[p:p + 4] == b"PK\x01\x02", path
        struct.pack_into("<HH", data, p + 12, dos_time, dos_date)
        n, m, k = struct.unpack("<HHH", data[p + 28:p + 34])
        lho = struct.unpack("<I", data[p + 42:p + 46])[0]
        assert data[lho:lho + 4] == b"PK\x03\x04", path
        struct.pack_into("<HH", data, lho + 10, dos_time, dos_date)
        p += 46 + n + m + k
    with open(path, "wb") as f:
        f.write(data)


def encode_text(text, fx):
    enc = fx["encoding"]
    if enc == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    data = text.encode(enc)
    return (b"\xef\xbb\xbf" + data) if fx.get("bom") else data


def delimited_text(records, delimiter, eol):
    """Join records with the csv module; returns text and the physical start line of each record."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=eol, quoting=csv.QUOTE_MINIMAL)
    lines = []
    for rec in records:
        lines.append(buf.getvalue().count("\n") + 1)
        w.writerow(rec)
    return buf.getvalue(), lines


def t3_pad(sh):
    """Table-3 rows keep their empty trailing cells up to 总计, as s02-utf8.csv does."""
    rows = {}
    for (t, *_), (r, c) in sh.pos.items():
        if t == "t3":
            rows[r] = max(rows.get(r, 0), c + 1)
    return rows


def pasted_records(rep, fx):
    """Seed-style text: every cell separated by a tab, headers mangled like dunfangdian-2021.txt."""
    L = Labels(fx.get("labels"))
    recs, pos = [], {}

    def line(*cells):
        recs.append([str(c) for c in cells])

    def para(text):
        line(text)
        line()

    line()
    line()
    line(f"{fx['agency']}{fx['year']}年政府信息公开工作年度报告")
    pos[("meta", "title")] = (len(recs) - 1, 0)
    line()
    para(SECTIONS[1])
    for p in prose(fx, rep, 1):
        para(p.replace("（", "(").replace("）", ") ", 1))
    para(SECTIONS[2])
    t2 = rep["t2"]
    for bi, (caption, cols, rows) in enumerate(T2_2021):
        line(caption.replace("（", "(").replace("）", ")"), "", "", "")
        heads = [h if ck != "amount" else "本年收费金额(单位:万元,保留4位小数)" for ck, h in cols]
        line("信息内容", *heads, *[""] * (3 - len(cols)))
        for rk, rl in rows:
            vals = [t2[rk][ck] for ck, _ in cols]
            line(rl, *vals, *[""] * (3 - len(cols)))
            pos[("label", "t2", rk)] = (len(recs) - 1, 0)
            for j, (ck, _) in enumerate(cols):
                pos[("t2", rk, ck)] = (len(recs) - 1, 1 + j)
    pos[("label", "t2", "fees.amount")] = (len(recs) - 2, 1)
    line()
    para(SECTIONS[3])
    line("(本列数据的勾稽关系为: 第一项加第二项之和, 等于第三项加第四项之和)", "", "申请人情况", "", "", "", "", "", "总计")
    line("", "", "自然人", "法人或其他组织", "", "", "", "", "")
    line("", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "")
    half = {"（": "(", "）": ") "}
    seen_groups = set()
    for key, lvl1, grp, leaf in t3_rows("2021"):
        vals = [value_for(rep, fx, "t3", key, c) for c in T3_COLS]
        g = None if grp is None else re.sub("[（）]", lambda m: half[m.group(0)], grp).replace(" )", ")")
        if key in ("received", "carriedOver"):
            cells = [lvl1, ""]
            lab = 0
        elif key == "granted":
            cells = [lvl1, g.rstrip()]
            lab = 1
        elif key == "partiallyGranted":
            cells = ["", "(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)"]
            lab = 1
        elif key == "resultTotal":
            cells = ["", "(七) 总计", ""]
            lab = 1
        elif key == "carriedForward":
            cells = ["", lvl1, ""]
            lab = 1
        else:
            grp_cell = ""
            if group_of(key) not in seen_groups:
                seen_groups.add(group_of(key))
                grp_cell = g.rstrip()
            text = leaf
            if key == "unavailable.notHeld":
                text = "1、本机关不掌握相关政府信息"
            cells = ["", grp_cell, text]
            lab = 2
        line(*cells, *vals)
        pos[("label", "t3", key)] = (len(recs) - 1, lab)
        for j, c in enumerate(T3_COLS):
            pos[("t3", key, c)] = (len(recs) - 1, len(cells) + j)
    line()
    para(SECTIONS[4])
    line("行政复议", "", "", "", "", "行政诉讼", *[""] * 9)
    line("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", "")
    line("", "", "", "", "", *[T4_LABELS[c] for c in T4_COLS] * 2)
    vals = []
    for gi, g in enumerate(T4_GROUPS):
        for j, c in enumerate(T4_COLS):
            vals.append(rep["t4"][g][c])
            pos[("t4", g, c)] = (len(recs), gi * 5 + j)
    line(*vals)
    line()
    for n in (5, 6):
        para(SECTIONS[n])
        for p in prose(fx, rep, n):
            para(p)
    return recs, pos


class Soffice:
    """LibreOffice headless with a private, throw-away profile."""

    def __init__(self, tmp):
        self.profile = os.path.join(tmp, "lo-profile")
        self.tmp = tmp

    def convert(self, src, outdir, infilter=None):
        cmd = [SOFFICE, f"-env:UserInstallation=file://{self.profile}", "--headless"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", "xlsx", "--outdir", outdir, src]
        env = dict(os.environ, HOME=self.tmp)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300, env=env)
        out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".xlsx")
        if not os.path.exists(out):
            raise SystemExit(f"LibreOffice did not convert {src}")
        return out


def write_fixture(fx, rep, tmp, lo):
    """Write one fixture; return its physical map: key -> (sheet or None, r, c), and lines."""
    path = os.path.join(OUT, fx["name"])
    kind = fx["kind"]
    where, lines = {}, None
    if kind == "xlsx":
        sh = official_sheet(rep, fx, "年度报告")
        write_xlsx(path, [sh])
        where = {k: (sh.name,) + v for k, v in sh.pos.items()}
    elif kind == "per-sheet":
        sheets = per_sheet_sheets(rep, fx)
        src = os.path.join(tmp, "per-sheet-src", fx["name"])
        os.makedirs(os.path.dirname(src), exist_ok=True)
        write_xlsx(src, sheets)
        out = lo.convert(src, os.path.join(tmp, "per-sheet-out"))
        shutil.copyfile(out, path)
        pin_zip_times(path)
        for sh in sheets:
            where.update({k: (sh.name,) + v for k, v in sh.pos.items()})
    elif kind == "lo-csv":
        sh = official_sheet(rep, fx, "x")
        stem = os.path.splitext(fx["name"])[0]
        text, _ = delimited_text(sh.records(pad_rows=t3_pad(sh)), ",", "\n")
        src = os.path.join(tmp, stem + ".csv")
        with open(src, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        out = lo.convert(src, os.path.join(tmp, "lo-out"), infilter="CSV:44,34,76,1")
        shutil.copyfile(out, path)
        pin_zip_times(path)
        where = {k: (stem,) + v for k, v in sh.pos.items()}
    elif kind in ("csv", "tsv"):
        sh = official_sheet(rep, fx, None)
        recs = sh.records(pad_to=15) if fx.get("pad") else sh.records(pad_rows=t3_pad(sh))
        text, lines = delimited_text(recs, "," if kind == "csv" else "\t", fx["eol"])
        with open(path, "wb") as f:
            f.write(encode_text(text, fx))
        where = {k: (None,) + v for k, v in sh.pos.items()}
    elif kind == "pasted":
        recs, pos = pasted_records(rep, fx)
        text = "\n".join("\t".join(r) for r in recs) + "\n"
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        lines = list(range(1, len(recs) + 1))
        where = {k: (None,) + v for k, v in pos.items()}
    elif kind == "pipes":
        # Cells copied out of a document as `a | b | c`: the pasted layout with ` | ` for tabs.
        recs, pos = pasted_records(rep, fx)
        text = "\n".join(" | ".join(r) for r in recs) + "\n"
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        lines = list(range(1, len(recs) + 1))
        where = {k: (None,) + v for k, v in pos.items()}
    elif kind == "markdown":
        # What PDF-to-Markdown converters write: every row `| a | b |`, a `|---|` rule under the
        # first row of several cells after a blank line or a one-cell row (a table's header), blank
        # lines between blocks, labels wrapped with <br>.
        sh = official_sheet(rep, fx, None)
        out, line_of = [], {}
        starts_table = True
        for r, rec in enumerate(sh.records()):
            line_of[r] = len(out)
            if not any(rec):
                out.append("")
                starts_table = True
                continue
            cells = [c.replace("本年度办理结果", "本<br>年度办理结果") for c in rec]
            out.append("| " + " | ".join(cells) + " |")
            if starts_table and len(rec) > 1:
                out.append("|" + "|".join("---" for _ in rec) + "|")
            starts_table = len(rec) == 1
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(out) + "\n")
        lines = list(range(1, len(out) + 1))
        where = {k: (None, line_of[r], c) for k, (r, c) in sh.pos.items()}
    else:
        raise ValueError(kind)
    return {"where": where, "lines": lines}


# ---------------------------------------------------------------------------------------------
# Verification: read the bytes back, evaluate the rules of FORMAT.md on what is there
# ---------------------------------------------------------------------------------------------

PLACEHOLDERS = {"-", "—", "——", "/", "无", "－", "／", "--"}
UNIT = re.compile(r"(件|元|个|项|条|万元)$")


def parse_cell(raw):
    """('num', Decimal) | ('blank', None) | ('text', str), following FORMAT.md's reading rules."""
    if raw is None:
        return "blank", None
    if isinstance(raw, bool):
        return "text", str(raw)
    if isinstance(raw, (int, float)):
        return "num", Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    s = unicodedata.normalize("NFKC", str(raw)).strip()
    if s == "" or s in PLACEHOLDERS:
        return "blank", None
    t = UNIT.sub("", s.replace(",", "")).strip()
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", t):
        return "num", Decimal(t)
    return "text", s


def read_back(fx):
    """Return a function key -> raw cell value, plus physical start lines for text fixtures."""
    path = os.path.join(OUT, fx["name"])
    data = open(path, "rb").read()
    if fx["name"].endswith(".xlsx"):
        wb = openpyxl.load_workbook(path, data_only=True)
        return (lambda sheet, r, c: wb[sheet].cell(row=r + 1, column=c + 1).value), None, wb
    kind = fx["kind"]
    if kind == "pasted":
        text = data.decode("utf-8")
        recs = [ln.split("\t") for ln in text.split("\n")]
        starts = list(range(1, len(recs) + 1))
    elif kind == "pipes":
        text = data.decode("utf-8")
        recs = [[c.strip() for c in ln.split("|")] for ln in text.split("\n")]
        starts = list(range(1, len(recs) + 1))
    elif kind == "markdown":
        text = data.decode("utf-8")
        recs = []
        for ln in text.split("\n"):
            row = ln.strip()
            row = row[1:] if row.startswith("|") else row
            row = row[:-1] if row.endswith("|") else row
            cells = [c.replace("<br>", "").strip() for c in row.split("|")]
            recs.append([] if all(re.fullmatch(r":?-{3,}:?", c) for c in cells) else cells)
        starts = list(range(1, len(recs) + 1))
    else:
        enc = fx["encoding"]
        if enc == "utf-16-le":
            assert data[:2] == b"\xff\xfe", "UTF-16 LE BOM missing"
            text = data[2:].decode("utf-16-le")
        else:
            has_bom = data[:3] == b"\xef\xbb\xbf"
            assert has_bom == bool(fx.get("bom")), "BOM presence differs from the spec"
            if enc == "gb18030":
                try:
                    data.decode("utf-8")
                    raise AssertionError("GB18030 fixture is also valid UTF-8")
                except UnicodeDecodeError:
                    pass
            text = data[3:].decode(enc) if has_bom else data.decode(enc)
        assert ("\r\n" in text) == (fx["eol"] == "\r\n")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="," if kind == "csv" else "\t")
        recs, starts, prev = [], [], 0
        for rec in reader:
            starts.append(prev + 1)
            recs.append(rec)
            prev = reader.line_num

    def get(_sheet, r, c):
        if r >= len(recs) or c >= len(recs[r]):
            return None
        return recs[r][c]

    return get, starts, text


def a1(r, c):
    return f"{get_column_letter(c + 1)}{r + 1}"


def place(fx, phys, key):
    sheet, r, c = phys["where"][key]
    if sheet is not None:
        multi = fx["kind"] == "per-sheet"
        return f"{sheet}!{a1(r, c)}" if multi else a1(r, c)
    return f"line {phys['lines'][r]}, field {c + 1}"


def span(fx, phys, keys):
    """Members of an identity as a compact range where they are contiguous, else joined by +."""
    locs = [phys["where"][k] for k in keys]
    sheets = {l[0] for l in locs}
    rows = [l[1] for l in locs]
    cols = [l[2] for l in locs]
    if len(keys) > 2 and len(sheets) == 1:
        sheet = locs[0][0]
        same_col = len(set(cols)) == 1 and rows == list(range(rows[0], rows[0] + len(rows)))
        same_row = len(set(rows)) == 1 and cols == list(range(cols[0], cols[0] + len(cols)))
        if sheet is not None and (same_col or same_row):
            rng = f"{a1(rows[0], cols[0])}:{a1(rows[-1], cols[-1])}"
            return f"{sheet}!{rng}" if fx["kind"] == "per-sheet" else rng
        if sheet is None and same_col:
            return f"lines {phys['lines'][rows[0]]}–{phys['lines'][rows[-1]]}, field {cols[0] + 1}"
        if sheet is None and same_row:
            return f"line {phys['lines'][rows[0]]}, fields {cols[0] + 1}–{cols[-1] + 1}"
    return "+".join(place(fx, phys, k) for k in keys)


def evaluate(fx, phys):
    """Recompute every finding from the file; return (findings, unevaluable, details, problems)."""
    get, starts, doc = read_back(fx)
    problems = []
    where = phys["where"]
    if starts is not None and phys["lines"] is not None:
        n = min(len(starts), len(phys["lines"]))
        if starts[:n] != phys["lines"][:n]:
            problems.append("physical line numbers differ from what the writer recorded")

    def raw(key):
        return get(*where[key])

    cells = {}
    for key in where:
        if key[0] in ("t2", "t3", "t4"):
            cells[key] = parse_cell(raw(key))
    findings, details = [], {}

    # cell rules
    fee_label = ""
    if ("label", "t2", "fees.amount") in where:
        fee_label = str(raw(("label", "t2", "fees.amount")) or "")
    for key, (kind, v) in sorted(cells.items(), key=lambda kv: str(kv[0])):
        table, row, col = key
        f = None
        if kind == "blank":
            f = "cell-blank"
        elif kind == "text":
            f = "cell-not-number"
        else:
            count = (row, col) not in AMOUNTS
            if count and v < 0 and not (fx["edition"] == "2019" and col == "change"):
                f = "cell-negative"
            elif count and v != v.to_integral_value():
                f = "cell-not-integer"
            elif (row, col) == ("fees", "amount"):
                m = re.search(r"保留(\d+)位小数", unicodedata.normalize("NFKC", fee_label))
                if m and -v.as_tuple().exponent > int(m.group(1)):
                    f = "cell-precision"
        if f:
            findings.append((f, table, row, col))
            details[(f, table, row, col)] = f"{place(fx, phys, key)} holds {raw(key)!r}"

    def num(key):
        kind, v = cells[key]
        return v if kind == "num" else None

    unevaluable = []

    def identity(lhs_keys, rhs_keys, ident):
        lv = [num(k) for k in lhs_keys]
        rv = [num(k) for k in rhs_keys]
        if any(x is None for x in lv + rv):
            unevaluable.append(ident)
            return
        lhs, rhs = sum(lv), sum(rv)
        if lhs != rhs:
            findings.append(ident)
            details[ident] = (f"{span(fx, phys, lhs_keys)} = {lhs} but {span(fx, phys, rhs_keys)} = {rhs} "
                              f"(right − left = {rhs - lhs:+})")

    present = [k for k in t3_expected_rows(fx["edition"]) if ("t3", k, "total") in where]
    if fx.get("six_as_one"):
        present = [k for k, *_ in t3_rows("2021", True)]
    for k in t3_expected_rows(fx["edition"]):
        if ("t3", k, "total") not in where:
            findings.append(("row-missing", "t3", k, None))
            details[("row-missing", "t3", k, None)] = "row absent from the file"
    leaves = [k for k in present if k not in T3_NON_LEAF]
    for c in T3_COLS:
        identity([("t3", "received", c), ("t3", "carriedOver", c)],
                 [("t3", "resultTotal", c), ("t3", "carriedForward", c)], ("t3-balance", "t3", None, c))
    for k in present:
        identity([("t3", k, "total")], [("t3", k, p) for p in PARTS],
                 ("t3-row-total", "t3", k, None))
    for c in T3_COLS:
        identity([("t3", "resultTotal", c)], [("t3", k, c) for k in leaves],
                 ("t3-result-total", "t3", None, c))
    if ("t4", "review", "total") in where:
        for g in T4_GROUPS:
            identity([("t4", g, "total")], [("t4", g, c) for c in T4_COLS[:4]],
                     ("t4-total", "t4", g, None))
    else:
        findings.append(("table-missing", "t4", None, None))
        details[("table-missing", "t4", None, None)] = "no table 4 and no section 四 title"

    # structure and metadata the documentation relies on
    body = doc if isinstance(doc, str) else "\n".join(
        str(c.value) for ws in doc for row in ws.iter_rows() for c in row if c.value is not None)
    if fx.get("t4_present", True) is False and ("行政复议" in body or "行政诉讼" in body):
        problems.append("table 4 text present in a missing-t4 fixture")
    if fx.get("six_as_one") and ("逾期未按收费通知" in body or "逾期不补正" in body):
        problems.append("（六） sub-row labels present in the six-as-one fixture")
    if fx["kind"] == "per-sheet":
        if get("封面", 0, 1) != fx["agency"] or get("封面", 1, 1) != fx["year"]:
            problems.append("封面 cells do not hold agency and year")
        if sorted(doc.sheetnames) != sorted(["封面", "表二", "表三", "表四"]):
            problems.append(f"sheets are {doc.sheetnames}")
    else:
        if get(*where[("meta", "title")]) != f"{fx['agency']}{fx['year']}年政府信息公开工作年度报告":
            problems.append("title line missing or misplaced")
    for k in t3_rows(fx["edition"], fx.get("six_as_one", False)):
        lk = ("label", "t3", k[0])
        if lk in where and not str(get(*where[lk]) or "").strip():
            problems.append(f"no label text at the label cell of t3 row {k[0]}")
    if fx["kind"] in ("per-sheet", "lo-csv"):
        for key, (kind, _v) in cells.items():
            if kind == "num" and not isinstance(raw(key), (int, float)):
                problems.append(f"LibreOffice left {key} as text")
                break
    return findings, unevaluable, details, problems


def check_chains(results):
    """Same body in consecutive years: carry-over and (2021 edition) t2-stock must both hold."""
    problems = []
    by_body = {}
    for fx, rep, _phys, _d in results:
        by_body.setdefault(fx["agency"], {})[fx["year"]] = (fx, rep)
    for body, years in by_body.items():
        for y, (fx, rep) in years.items():
            if y - 1 not in years:
                continue
            pfx, prev = years[y - 1]
            for c in T3_COLS:
                if rep["t3"]["carriedOver"][c] != prev["t3"]["carriedForward"][c]:
                    problems.append(f"{fx['name']}: carry-over breaks against {pfx['name']} in column {c}")
            if fx["edition"] == "2021" and pfx["edition"] == "2021":
                for row in ("regulations", "normativeDocuments"):
                    now, last = rep["t2"][row], prev["t2"][row]
                    if now["inForce"] != last["inForce"] + now["issued"] - now["repealed"]:
                        problems.append(f"{fx['name']}: t2-stock breaks for {row} against {pfx['name']}")
    return problems


def verify(fx, rep, phys):
    findings, unevaluable, details, problems = evaluate(fx, phys)
    # figures on disk equal the intended figures (except deliberately unreadable cells)
    written = fx.get("written", {})
    for key in phys["where"]:
        if key[0] not in ("t3", "t4") or (key in written and parse_cell(written[key])[0] != "num"):
            continue
        kind, v = parse_cell(get_raw(fx, phys, key))
        want = rep[key[0]][key[1]][key[2]]
        if kind != "num" or v != Decimal(want):
            problems.append(f"{key} on disk is {v}, intended {want}")
    want = sorted(EXPECTED.get(fx["name"], []), key=str)
    got = sorted(findings, key=str)
    if got != want:
        problems.append(f"findings differ: missing {sorted(set(want) - set(got), key=str)}, "
                        f"unexpected {sorted(set(got) - set(want), key=str)}")
    if sorted(unevaluable, key=str) != sorted(UNEVALUABLE.get(fx["name"], []), key=str):
        problems.append(f"unevaluable identities differ: {sorted(unevaluable, key=str)}")
    return details, problems


_readers = {}


def get_raw(fx, phys, key):
    if fx["name"] not in _readers:
        _readers[fx["name"]] = read_back(fx)[0]
    return _readers[fx["name"]](*phys["where"][key])


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------


def fmt_finding(f):
    rule, table, row, col = f
    parts = [table] + ([row] if row else []) + ([col] if col else [])
    return f"`{rule}` {' / '.join(parts)}"


def readme(results):
    out = []
    w = out.append
    w("# Fixtures")
    w("")
    w("Input files for reader, extractor and end-to-end tests. Everything except")
    w("`dunfangdian-2021.txt` is generated by `/usr/bin/python3 scripts/make-fixtures.py`, which")
    w("also re-reads each file and checks that its identities hold or fail exactly as listed here")
    w("(it exits 1 otherwise). All agencies and figures are invented. Rule ids, table/row/column")
    w("keys are those of the shared FORMAT.md (the project's contract). Cells are A1")
    w("addresses (single-sheet workbooks), `sheet!A1` (several sheets) or `line N, field M` (text,")
    w("physical line counted from 1 after any BOM, field counted from 1).")
    w("")
    w("Broken and hostile inputs (empty, encrypted, renamed, truncated, zip bombs, a million cells,")
    w("damaged XML, odd encodings, a table printed twice …) are in `bad/`, generated by")
    w("`scripts/make-bad-fixtures.mjs`; see `bad/README.md`, and `bad.expected.json` for what `report")
    w("check` must make of each (tests/e2e/bad-inputs.test.ts checks it). Word documents are in")
    w("`documents/`, web pages in `pages/` and PDFs in `pdf/` (`scripts/make-pdf-fixtures.py`), each folder")
    w("with a README of its own.")
    w("")
    w("Base figures are data in the script; every 总计, （七）总计, 本年新收 and the table-4 总计 are")
    w("derived in code, so reports balance by construction; seeded errors are named mutations")
    w("applied afterwards. Regenerating gives byte-identical files: openpyxl's document dates and")
    w("every .xlsx zip entry time are pinned to 2024-01-01 (the only bytes changed in LibreOffice's")
    w("output).")
    w("")
    w("| file | agency, year, edition | exercises | made with | expected findings |")
    w("| --- | --- | --- | --- | --- |")
    w("| `dunfangdian-2021.txt` | 顿坊店乡人民政府, 2021, 2021 | a real township report pasted from "
      "its web page: tabs between cells, header rows with fewer cells than the grid, half-width "
      "brackets, fee label with 保留4位小数, all zero but 行政强制 22 | copied from "
      "`shared/seed/` (real, not generated) | none (balances) |")
    for fx, rep, phys, details in results:
        exp = EXPECTED.get(fx["name"], [])
        if fx["name"] == "six-as-one-2022.xlsx":
            exp_s = ("`row-missing` t3 otherHandling.overdueCorrection / unpaidFee / other (one "
                     "diagnostic naming （六） is equally right; compare.py folds them into `otherHandling`); "
                     "no balance finding, no edition-mismatch")
        elif exp:
            exp_s = "; ".join(fmt_finding(f) for f in exp) + " — see below"
        else:
            exp_s = "none (balances)"
        w(f"| `{fx['name']}` | {fx['agency']}, {fx['year']}, {fx['edition']} | {fx['exercises']} | "
          f"{fx['made']} | {exp_s} |")
    w("")
    w("History chains (same body, consecutive years; `carry-over` and `t2-stock` must find nothing):")
    w("示例市生态环境局 2022 → 2023 (`official-2022.xlsx` → `per-sheet-2023.xlsx`); 示例区人民政府办公室")
    w("2021 → 2022 → 2023 (`libreoffice-2021.xlsx` → `gb18030-2022.csv` → `utf8-bom-2023.csv`);")
    w("示例县市场监督管理局 2019 → 2020 (`edition2019-2019.csv` → `edition2019-2020.xlsx`, carry-over")
    w("only: t2-stock is 2021-edition). Every other fixture is the only one of its body.")
    w("")
    w("Numbers written as text (`１２`, `5件`, `251000元`, `+5`) are read as numbers; a warning saying so")
    w("is allowed there but has no rule id in FORMAT.md, so it is not listed as an expected finding.")
    w("")
    w("## Notable cells in the balanced fixtures")
    w("")
    for fx, rep, phys, details in results:
        for text, key in NOTABLE.get(fx["name"], []):
            w(f"- `{fx['name']}`: {text} at {place(fx, phys, key)}")
    w("")
    w("## Seeded errors in detail")
    for fx, rep, phys, details in results:
        if fx["name"] not in EXPECTED:
            continue
        w("")
        w(f"### `{fx['name']}`")
        w("")
        for tag, table, row, col, delta in fx.get("mutations", []):
            key = (table, row, col)
            now = rep[table][row][col]
            w(f"- mutation ({tag}): {table} {row}·{col} at {place(fx, phys, key)} written {now} "
              f"(balanced value {now - delta}, {delta:+d})")
        for key, text in fx.get("written", {}).items():
            shown = "nothing (an empty field)" if text == "" else f"`{text}`"
            w(f"- cell {key[0]} {key[1]}·{key[2]} at {place(fx, phys, key)} written {shown}")
        if fx["name"] == "missing-t4-2022.csv":
            w("- table 3 is followed directly by 五、存在的主要问题及改进情况; nothing mentions 行政复议 or 行政诉讼")
        if fx.get("six_as_one"):
            w(f"- （六）其他处理 is one row at {place(fx, phys, ('label', 't3', 'otherHandling'))} with figures "
              f"{place(fx, phys, ('t3', 'otherHandling', 'natural'))}:"
              f"{a1(*phys['where'][('t3', 'otherHandling', 'total')][1:])} = the sums of the three sub-rows "
              "of the balanced report; the sub-rows 1.…/2.…/3.其他 are absent")
        if fx["name"] == "cell-errors-2023.csv":
            w(f"- t2 licensing·decisions at {place(fx, phys, ('t2', 'licensing', 'decisions'))} written "
              f"`2.5`; t2 fees·amount at {place(fx, phys, ('t2', 'fees', 'amount'))} written `1.234567` "
              f"under the label `{fx['fee_label']}` "
              f"({place(fx, phys, ('label', 't2', 'fees.amount'))})")
            w(f"- t3 notProcessed.excessive·commercial at "
              f"{place(fx, phys, ('t3', 'notProcessed.excessive', 'commercial'))} is `-3` and the figures "
              f"balance WITH -3 counted, so no balance finding arises whether or not an implementation "
              f"evaluates identities through a negative cell")
            w("- the empty cell and the `-` are cells whose balanced value is 0, and `abc` replaces a 1: "
              "no other cell was adjusted, so every identity without them still holds")
        w("")
        w("Expected findings:")
        w("")
        for f in EXPECTED[fx["name"]]:
            w(f"- {fmt_finding(f)}: {details.get(f, '')}")
        if fx["name"] in UNEVALUABLE:
            w("")
            w("Not evaluated (a member is blank or unreadable), so NOT findings:")
            w("")
            for f in UNEVALUABLE[fx["name"]]:
                w(f"- {fmt_finding(f)}")
        if fx["name"] == "seeded-errors-2022.xlsx":
            w("")
            w("Still holding despite (a): `t3-balance` for column total and `t3-row-total` for "
              "carriedForward (the −1/+1 cancel); `t3-result-total` for natural and commercial "
              "(carriedForward is not a result row).")
        if fx["name"] == "gbk-seeded-2021.tsv":
            w("")
            w("A single wrong cell always breaks two identities (every cell is in a row identity and a "
              "column identity), so the mis-summed 总计 also breaks `t3-result-total` for the total column.")
        if fx["name"] == "missing-t4-2022.csv":
            w("")
            w("compare.py treats `table-missing` on t4 as fatal; the balance rules on t3 must still run "
              "and find nothing.")
    w("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------


def main(argv):
    os.makedirs(OUT, exist_ok=True)
    results, failures = [], []
    with tempfile.TemporaryDirectory(prefix="make-fixtures-") as tmp:
        lo = Soffice(tmp)
        for fx in FIXTURES:
            rep = build_report(fx)
            phys = write_fixture(fx, rep, tmp, lo)
            details, problems = verify(fx, rep, phys)
            for p in problems:
                failures.append(f"{fx['name']}: {p}")
            results.append((fx, rep, phys, details))
            print(f"{fx['name']}: {'ok' if not problems else 'FAILED'}")
    failures += check_chains(results)
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(results))
    if "--manifest" in argv:
        manifest = {fx["name"]: {"agency": fx["agency"], "year": fx["year"], "edition": fx["edition"],
                                 "findings": [dict(zip(("rule", "table", "row", "column"), f))
                                              for f in EXPECTED.get(fx["name"], [])]}
                    for fx in FIXTURES}
        print(json.dumps(manifest, ensure_ascii=False, indent=1))
    for msg in failures:
        print(msg, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
