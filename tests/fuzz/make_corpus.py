"""Remakes the fuzzers' seed corpus from the reference script's small variant files.

Usage: make_corpus.py   (writes tests/fuzz/corpus/{unpickler,pth_zip,safetensors}/)

The seeds are the smallest valid files of each format, so the fuzzer starts from inputs that
reach deep into the readers instead of failing at the first byte.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "reference", "weight_files.py")


def main():
    corpus = os.path.join(HERE, "corpus")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, REFERENCE, "variants", tmp], check=True, stdout=subprocess.DEVNULL)
        for name in ("unpickler", "pth_zip", "safetensors"):
            shutil.rmtree(os.path.join(corpus, name), ignore_errors=True)
            os.makedirs(os.path.join(corpus, name))
        for name in ("plain.pth", "nested.pth", "zip64.pth"):
            shutil.copy(os.path.join(tmp, name), os.path.join(corpus, "pth_zip", name))
            if name == "zip64.pth":
                continue  # the same pickle as plain.pth
            with zipfile.ZipFile(os.path.join(tmp, name)) as z:
                pickle = next(n for n in z.namelist() if n.endswith("/data.pkl"))
                with open(os.path.join(corpus, "unpickler", name.replace(".pth", ".pkl")), "wb") as f:
                    f.write(z.read(pickle))
        shutil.copy(os.path.join(tmp, "plain.safetensors"), os.path.join(corpus, "safetensors", "plain.safetensors"))


if __name__ == "__main__":
    main()
