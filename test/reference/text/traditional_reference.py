"""Traditional-character inputs and term forms for the text index tests,
made with the reference OpenCC (C++, Debian package `opencc`; version in the fixture), not with
the JavaScript port that xinzhi uses.

Run from the repository root with Debian's Python and the `opencc` tool:
    /usr/bin/python3 test/reference/text/traditional_reference.py
Writes
- texts-traditional/<text>.<variant>.txt: each committed test text in
  texts/ converted with s2t (OpenCC standard), s2hk (Hong Kong) and s2tw
  (Taiwan) character conversion;
- fixtures/traditional-terms.json: for each of the 76 terms of Wu Fei et al.
  (2021) its forms under s2t, s2hk, s2tw and s2twp (Taiwan, with regional
  vocabulary), and the reference OpenCC's conversion of each form back with
  t2s, hk2s and tw2s; and for each converted text its conversion back with
  the matching config (t2s, hk2s, tw2s).
"""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
DICT = json.load(open(os.path.join(ROOT, 'data', 'wufei-dt-dictionary',
                                   'wufei2021_digital_transformation_dictionary.json'), encoding='utf-8'))
TERMS = [t for g in DICT['groups'].values() for t in g['keywords']]
assert len(TERMS) == 76
VARIANTS = ['s2t', 's2hk', 's2tw']
BACK = ['t2s', 'hk2s', 'tw2s']


def opencc(config, text):
    """Convert text with the opencc command-line tool (one call, line by line)."""
    out = subprocess.run(['opencc', '-c', config + '.json'], input=text.encode('utf-8'),
                         capture_output=True, check=True).stdout.decode('utf-8')
    return out


def convert_lines(config, items):
    lines = opencc(config, '\n'.join(items) + '\n').split('\n')
    assert len(lines) == len(items) + 1, config
    return lines[:len(items)]


def main():
    version = [line.split(':', 1)[1].strip() for line in
               subprocess.run(['opencc', '--version'], capture_output=True, text=True).stdout.splitlines()
               if line.startswith('Version')][0]
    texts_dir = os.path.join(HERE, 'texts')
    out_dir = os.path.join(HERE, 'texts-traditional')
    os.makedirs(out_dir, exist_ok=True)
    texts_back = {}
    for name in sorted(os.listdir(texts_dir)):
        source = open(os.path.join(texts_dir, name), encoding='utf-8').read()
        for variant, back in zip(VARIANTS, BACK):
            target_name = name.replace('.txt', '.%s.txt' % variant)
            converted = opencc(variant, source)
            with open(os.path.join(out_dir, target_name), 'w', encoding='utf-8') as f:
                f.write(converted)
            texts_back[target_name] = opencc(back, converted)
    forms = {v: convert_lines(v, TERMS) for v in VARIANTS + ['s2twp']}
    terms = {}
    for i, term in enumerate(TERMS):
        entry = {'forms': {v: forms[v][i] for v in VARIANTS + ['s2twp']}, 'back': {}}
        for v in VARIANTS + ['s2twp']:
            entry['back'][v] = {b: convert_lines(b, [forms[v][i]])[0] for b in BACK}
        terms[term] = entry
    fixture = {'source': 'OpenCC ' + version + ' (Debian opencc), configs ' + ', '.join(VARIANTS + ['s2twp'] + BACK),
               'terms': terms, 'textsBack': texts_back}
    with open(os.path.join(HERE, 'fixtures', 'traditional-terms.json'), 'w', encoding='utf-8') as f:
        json.dump(fixture, f, ensure_ascii=False, indent=1)
        f.write('\n')


main()
