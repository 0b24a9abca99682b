"""Peer of bench_executor: torchvision's forward+backward time per batch, as JSON {arch: seconds}.

Usage: bench_executor_peer.py ITERATIONS THREADS [ARCH ...]
"""
import json
import statistics
import sys
import time
import warnings

import torch
import torch.nn.functional as F
import torchvision

warnings.filterwarnings("ignore")
BATCH, SIZE = 16, 112
ARCHS = ["resnet18", "densenet121", "googlenet", "mobilenet_v2"]


def time_model(arch, iterations):
    kwargs = {"weights": None}
    if arch == "googlenet":
        kwargs.update(aux_logits=True, transform_input=True, init_weights=False)
    model = torchvision.models.get_model(arch, **kwargs)
    model.train()
    x = torch.randn(BATCH, 3, SIZE, SIZE)
    target = torch.randint(0, 1000, (BATCH,))
    seconds = []
    for i in range(iterations + 2):
        start = time.perf_counter()
        model.zero_grad()
        out = model(x)
        outs = list(out) if isinstance(out, tuple) else [out]
        loss = sum(F.cross_entropy(o, target) for o in outs)
        loss.backward()
        if i >= 2:
            seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def main():
    iterations, threads = int(sys.argv[1]), int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    archs = sys.argv[3:] or ARCHS
    json.dump({arch: time_model(arch, iterations) for arch in archs}, sys.stdout)


if __name__ == "__main__":
    main()
