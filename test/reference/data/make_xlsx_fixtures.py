#!/usr/bin/env python3
"""Workbooks written by another library than the one xinzhi reads them with:
openpyxl (Debian's python3-openpyxl) and pandas.DataFrame.to_excel, for the
XLSX scanner's tests (test/data/xlsx-scan.test.ts), which read them both with
the scanner and with exceljs and compare.
Usage: /usr/bin/python3 test/reference/data/make_xlsx_fixtures.py test/data/fixtures"""
import datetime
import sys

import openpyxl
import pandas as pd

out = sys.argv[1]

# openpyxl: a notes sheet first, shared strings, numbers, empty cells, dates,
# booleans, a formula without a cached value, Chinese text with spaces and
# line breaks, a percent format
wb = openpyxl.Workbook()
notes = wb.active
notes.title = '说明'
notes['A1'] = '数据来源：企业年报'
ws = wb.create_sheet('面板')
ws.append(['证券代码', '年份', '数字化', '专利', '截止日期', '上市', '备注'])
for i in range(60):
    ws.append([
        f'{600000 + i % 12:06d}',
        2010 + i % 5,
        (i * 0.137) % 1 if i % 9 else None,
        i * 3 if i % 7 else -1.25e-7,
        datetime.date(2010 + i % 5, 12, 31),
        i % 2 == 0,
        '有 空格 与\n换行' if i % 11 == 0 else None,
    ])
ws['H1'] = '合计'
ws['H2'] = '=C2+D2'
ws['I1'] = '占比'
ws['I2'] = 0.125
ws['I2'].number_format = '0.00%'
wb.save(f'{out}/openpyxl-panel.xlsx')

# pandas: the writer economists use (to_excel, openpyxl engine), with NaN and an index column
df = pd.DataFrame({
    'province': ['北京', '上海', '广东', '浙江'] * 3,
    'year': [2020] * 4 + [2021] * 4 + [2022] * 4,
    'gdp': [36102.6, 38700.6, 110760.9, 64613.3, 40269.6, 43214.9, 124369.7, 73516.0, 41610.9, 44652.8, 129118.6, float('nan')],
    'share': [0.1, 0.2, 0.3, 0.4] * 3,
})
df.to_excel(f'{out}/pandas-panel.xlsx', sheet_name='data')
