"""Reference keyword counts for the text index tests (independent of xinzhi).

Run from the repository root with Debian's Python and python3-jieba:
    /usr/bin/python3 test/reference/text/count_reference.py [SEEDS_DIR]
Writes test/reference/text/fixtures/counts.json (counts of the Wu Fei et al.
2021 dictionary in texts/*.txt under each rule) and, when SEEDS_DIR is given,
fixtures/jieba-seeds.json (number and SHA-256 of jieba tokens of each seed
text, so no seed text is committed).

Rules, as written in replication scripts:
- substring: text.count(term) for every term (Python str.count);
- longest: re.finditer over the terms joined by '|', longest first, Latin
  terms bounded by non-alphanumerics;
- tokens: jieba.cut(text) (HMM on) after jieba.add_word(term) for every term.
Filters: negation (没/无/不/未 within 4 characters before the term, same clause,
unless part of an exception word) and contexts (sentence holds a cue word).
"""
import hashlib
import json
import math
import os
import re
import sys

import jieba

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
DICT = json.load(open(os.path.join(ROOT, 'data', 'wufei-dt-dictionary',
                                   'wufei2021_digital_transformation_dictionary.json'), encoding='utf-8'))
GROUP_OF = {t: g for g, v in DICT['groups'].items() for t in v['keywords']}
TERMS = list(GROUP_OF)
assert len(TERMS) == 76

NEG_CUES = '没无不未'
NEG_WINDOW = 4
NEG_EXCEPTIONS = ['不断', '不仅', '不少', '不同', '无论', '未来', '无人', '不但', '不久', '毫无疑问', '无缝', '无线', '并未来']
CTX_CUES = ['股东', '客户名称', '前五名客户', '主要客户', '供应商', '曾任', '历任', '现任', '任职', '简历']
CLAUSE = set('，。；！？：、,;!?:\n')
SENTENCE = set('。！？!?\n')


def spans_substring(text):
    out = []
    for t in TERMS:
        assert text.count(t) == len(re.findall(re.escape(t), text))
        out += [(m.start(), m.end(), t) for m in re.finditer(re.escape(t), text)]
    return out


def spans_longest(text):
    def pat(t):
        p = re.escape(t)
        if re.match(r'[A-Za-z0-9]', t[0]):
            p = r'(?<![A-Za-z0-9])' + p
        if re.match(r'[A-Za-z0-9]', t[-1]):
            p = p + r'(?![A-Za-z0-9])'
        return p
    rx = re.compile('|'.join(pat(t) for t in sorted(TERMS, key=len, reverse=True)))
    return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(text)]


for t in TERMS:
    jieba.add_word(t)


def spans_tokens(text):
    out, at = [], 0
    for tok in jieba.cut(text):
        if tok in GROUP_OF:
            out.append((at, at + len(tok), tok))
        at += len(tok)
    assert at == len(text)
    return out


def negated(text, start):
    for i in range(start - 1, max(0, start - NEG_WINDOW) - 1, -1):
        ch = text[i]
        if ch in CLAUSE:
            return False
        if ch not in NEG_CUES:
            continue
        covered = any(text[j:j + len(w)] == w for w in NEG_EXCEPTIONS
                      for j in range(i - len(w) + 1, i + 1) if j >= 0 and w[i - j] == ch)
        if not covered:
            return True
    return False


def in_context(text, start, end):
    a = start
    while a > 0 and text[a - 1] not in SENTENCE:
        a -= 1
    b = end
    while b < len(text) and text[b] not in SENTENCE:
        b += 1
    return any(c in text[a:b] for c in CTX_CUES)


def summary(text, spans, filters):
    kept = [s for s in spans if not (filters and (negated(text, s[0]) or in_context(text, s[0], s[1])))]
    counts, groups = {}, {g: 0 for g in DICT['groups']}
    for _, _, t in kept:
        counts[t] = counts.get(t, 0) + 1
        groups[GROUP_OF[t]] += 1
    chars = len(re.sub(r'\s+', '', text))
    total = len(kept)
    return {'counts': counts, 'groups': groups, 'total': total, 'lnTotal': math.log(1 + total), 'chars': chars,
            'per10k': total / chars * 1e4, 'starts': sorted(s[0] for s in kept),
            'dropped': len(spans) - len(kept)}


def main():
    texts_dir = os.path.join(HERE, 'texts')
    out = {'generator': 'count_reference.py (Python %s, jieba %s)' % (sys.version.split()[0], jieba.__version__),
           'texts': {}}
    for name in sorted(os.listdir(texts_dir)):
        text = open(os.path.join(texts_dir, name), encoding='utf-8').read()
        out['texts'][name] = {
            'substring': summary(text, spans_substring(text), False),
            'longest': summary(text, spans_longest(text), False),
            'tokens': summary(text, spans_tokens(text), False),
            'longest+filters': summary(text, spans_longest(text), True),
            'substring+filters': summary(text, spans_substring(text), True),
            'tokens+filters': summary(text, spans_tokens(text), True),
            'jieba': list(jieba.cut(text)),
        }
    fixtures = os.path.join(HERE, 'fixtures')
    os.makedirs(fixtures, exist_ok=True)
    json.dump(out, open(os.path.join(fixtures, 'counts.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    if len(sys.argv) > 1:
        seeds = {}
        for name in sorted(os.listdir(sys.argv[1])):
            if not name.endswith('.txt') or name == 'README.md':
                continue
            tokens = list(jieba.cut(open(os.path.join(sys.argv[1], name), encoding='utf-8').read()))
            seeds[name] = {'tokens': len(tokens), 'sha256': hashlib.sha256('\u0001'.join(tokens).encode('utf-8')).hexdigest()}
        json.dump({'generator': out['generator'], 'userWords': 'wufei2021 (76 terms)', 'seeds': seeds},
                  open(os.path.join(fixtures, 'jieba-seeds.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)


main()
