"""Python pipeline for bench/text.ts, doing the work of `xinzhi text --out`
on the same reports: text of every page (PDF: PyMuPDF, Debian python3-fitz;
TXT: pages separated by form feeds), page-number lines and the running
header dropped, lines joined, the Wu Fei et al. (2021) terms counted with a
longest-first regex (Latin terms bounded by non-alphanumerics), and written
out: panel.csv (firm, year, section, chars, total, ln(1 + total), per 10,000
characters, one column per group) and hits.csv (every hit with its page,
offset and context).

Usage: python3 bench/text_python.py pdf|txt REPORT_DIR OUT_DIR
"""
import csv
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = json.load(open(os.path.join(HERE, '..', 'data', 'wufei-dt-dictionary',
                                   'wufei2021_digital_transformation_dictionary.json'), encoding='utf-8'))
GROUP_OF = {t: g for g, v in DICT['groups'].items() for t in v['keywords']}
GROUPS = list(DICT['groups'])
TERMS = sorted(GROUP_OF, key=len, reverse=True)
LATIN = re.compile(r'^[A-Za-z0-9]')


def term_pattern(term):
    p = re.escape(term)
    if LATIN.match(term[0]):
        p = r'(?<![A-Za-z0-9])' + p
    if LATIN.match(term[-1]):
        p = p + r'(?![A-Za-z0-9])'
    return p


RX = re.compile('|'.join(term_pattern(t) for t in TERMS))
PAGE_NUMBER = re.compile(r'^[\s\-—–]*(第\s*)?\d{1,4}\s*(页)?[\s\-—–]*$')
SENTENCE_END = ('。', '！', '？', '；', '：')


def pages_of(mode, path):
    if mode == 'pdf':
        import fitz
        with fitz.open(path) as doc:
            return [page.get_text() for page in doc]
    with open(path, encoding='utf-8') as f:
        return f.read().split('\f')


def clean(pages):
    """Drop page numbers and lines repeated at the top of half the pages; join lines."""
    page_lines = [[l.strip() for l in p.split('\n') if l.strip()] for p in pages]
    firsts = {}
    for lines in page_lines:
        if lines:
            key = re.sub(r'\d+', '#', lines[0].replace(' ', ''))
            firsts[key] = firsts.get(key, 0) + 1
    header = {k for k, n in firsts.items() if len(pages) >= 3 and n >= len(pages) / 2}
    parts, page_starts, length = [], [], 0
    for lines in page_lines:
        page_starts.append(length)
        for line in lines:
            if PAGE_NUMBER.match(line) or re.sub(r'\d+', '#', line.replace(' ', '')) in header:
                continue
            piece = line + ('\n' if line.endswith(SENTENCE_END) else '')
            parts.append(piece)
            length += len(piece)
    return ''.join(parts), page_starts


def main():
    mode, report_dir, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'panel.csv'), 'w', newline='', encoding='utf-8') as pf, \
            open(os.path.join(out_dir, 'hits.csv'), 'w', newline='', encoding='utf-8') as hf:
        panel, hits = csv.writer(pf), csv.writer(hf)
        panel.writerow(['firm', 'year', 'section', 'chars', 'total', 'lnTotal', 'per10k'] + GROUPS)
        hits.writerow(['file', 'firm', 'year', 'group', 'term', 'page', 'offset', 'context'])
        for name in sorted(os.listdir(report_dir)):
            firm, year = name[:6], int(re.search(r'(\d{4})年', name).group(1))
            text, page_starts = clean(pages_of(mode, os.path.join(report_dir, name)))
            groups = dict.fromkeys(GROUPS, 0)
            page, total = 0, 0
            for m in RX.finditer(text):
                while page + 1 < len(page_starts) and page_starts[page + 1] <= m.start():
                    page += 1
                term = m.group(0)
                groups[GROUP_OF[term]] += 1
                total += 1
                s = max(0, m.start() - 20)
                context = text[s:m.start()] + '【' + term + '】' + text[m.end():m.end() + 20]
                hits.writerow([name, firm, year, GROUP_OF[term], term, page + 1, m.start(), context])
            chars = len(re.sub(r'\s+', '', text))
            panel.writerow([firm, year, 'all', chars, total, math.log1p(total),
                            total / chars * 1e4 if chars else ''] + [groups[g] for g in GROUPS])


main()
