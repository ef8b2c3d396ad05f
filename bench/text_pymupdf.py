"""Python reference pipeline for bench/text.ts: PyMuPDF (Debian python3-fitz)
text of every page, lines joined without breaks, longest-first keyword regex
over the Wu Fei et al. (2021) terms. Prints one JSON line: seconds, peak RSS
(MiB) and the number of reports whose count differs from the expected one.

Usage: python3 bench/text_pymupdf.py DIR EXPECTED_JSON
"""
import json
import os
import re
import resource
import sys
import time

import fitz

HERE = os.path.dirname(os.path.abspath(__file__))
DICT = json.load(open(os.path.join(HERE, '..', 'data', 'wufei-dt-dictionary',
                                   'wufei2021_digital_transformation_dictionary.json'), encoding='utf-8'))
TERMS = sorted({t for g in DICT['groups'].values() for t in g['keywords']}, key=len, reverse=True)
RX = re.compile('|'.join(re.escape(t) for t in TERMS))


def main():
    expected = json.loads(sys.argv[2])
    t0 = time.perf_counter()
    mismatches = 0
    for path, want in expected.items():
        doc = fitz.open(path)
        lines = []
        for page in doc:
            page_lines = [l.strip() for l in page.get_text().split('\n') if l.strip()]
            lines += [l for l in page_lines if not l.isdigit() and '年年度报告' not in l]
        text = ''.join(lines)
        if len(RX.findall(text)) != want:
            mismatches += 1
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'seconds': seconds, 'peakMiB': peak, 'mismatches': mismatches}))


main()
