"""Peer of bench_weights_load.

Usage:
  bench_weights_load_peer.py make DIR ARCH...        saves torch.save(model.state_dict()) as DIR/ARCH.pth
  bench_weights_load_peer.py load ARCH FILE REPEAT THREADS
      builds the torchvision model, then times torch.load + load_state_dict; prints JSON
      {"seconds": median, "peak_mb": peak RSS growth of the first load, "hwm_mb": process peak}

Each load runs in its own process so that one side's peak memory cannot hide the other's.
"""
import json
import os
import statistics
import sys
import time
import warnings

import torch
import torchvision

warnings.filterwarnings("ignore")


def status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def make(out, archs):
    torch.manual_seed(0)
    for arch in archs:
        model = torchvision.models.get_model(arch, weights=None)
        torch.save(model.state_dict(), os.path.join(out, arch + ".pth"))


def load(arch, path, repeat, threads):
    torch.set_num_threads(threads)
    model = torchvision.models.get_model(arch, weights=None)
    # Writing 5 to clear_refs resets the peak RSS, so the peak below is that of the load alone.
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before = status_kb("VmRSS")
    seconds = []
    for i in range(repeat):
        start = time.perf_counter()
        model.load_state_dict(torch.load(path, map_location="cpu"))
        seconds.append(time.perf_counter() - start)
        if i == 0:
            peak = status_kb("VmHWM") - before
    json.dump({"seconds": statistics.median(seconds), "peak_mb": peak / 1024.0,
               "hwm_mb": status_kb("VmHWM") / 1024.0}, sys.stdout)


def main():
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3:])
    else:
        load(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))


if __name__ == "__main__":
    main()
