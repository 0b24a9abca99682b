"""Prints summary statistics of every state_dict tensor (parameters and buffers) of freshly
initialised reference models as JSON: {arch: [{name, numel, mean, std, min, max}, ...]}, in
state_dict order. std is the population standard deviation (0 for a single element).

torchvision models are built as torchvision 0.14 builds them for training from scratch
(weights=None; GoogLeNet with its auxiliary heads and its own initialisation). lenet5 has no
torchvision model: it is the same layers in plain torch.nn, so PyTorch's layer defaults apply.

usage: init_statistics.py [--seed S] [--classes N] [--in-channels C] [--zero-init-residual] ARCH...
--in-channels applies to lenet5 only; --zero-init-residual to ResNets only."""
import argparse
import json
import math
import sys
import warnings

import torch
import torchvision

warnings.filterwarnings("ignore")
torch.set_num_threads(2)

CHUNK = 1 << 22  # keeps double-precision copies of the largest weights (VGG's fc) small


def lenet5(in_channels, num_classes):
    nn = torch.nn
    features = nn.Sequential()
    features.add_module("c1", nn.Conv2d(in_channels, 6, 5))
    features.add_module("c3", nn.Conv2d(6, 16, 5))
    features.add_module("c5", nn.Conv2d(16, 120, 5))
    classifier = nn.Sequential()
    classifier.add_module("f6", nn.Linear(120, 84))
    classifier.add_module("output", nn.Linear(84, num_classes))
    model = nn.Module()
    model.add_module("features", features)
    model.add_module("classifier", classifier)
    return model


def build(arch, args):
    if arch == "lenet5":
        return lenet5(args.in_channels, args.classes)
    kwargs = {"weights": None, "num_classes": args.classes}
    if arch == "googlenet":
        kwargs.update(aux_logits=True, init_weights=True)
    if arch.startswith("resnet"):
        kwargs.update(zero_init_residual=args.zero_init_residual)
    return torchvision.models.get_model(arch, **kwargs)


def statistics(tensor):
    """Two passes in double precision, chunk by chunk."""
    flat = tensor.detach().reshape(-1)
    n = flat.numel()
    mean = sum(chunk.double().sum().item() for chunk in flat.split(CHUNK)) / n
    squares = sum((chunk.double() - mean).square().sum().item() for chunk in flat.split(CHUNK))
    return {
        "numel": n,
        "mean": mean,
        "std": math.sqrt(squares / n),
        "min": flat.min().double().item(),
        "max": flat.max().double().item(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--classes", type=int, default=1000)
    parser.add_argument("--in-channels", type=int, default=3)
    parser.add_argument("--zero-init-residual", action="store_true")
    parser.add_argument("archs", nargs="+")
    args = parser.parse_args()

    result = {}
    for arch in args.archs:
        torch.manual_seed(args.seed)
        with torch.no_grad():
            model = build(arch, args)
            result[arch] = [dict(name=name, **statistics(t)) for name, t in model.state_dict().items()]
        del model  # VGG holds over 100M parameters: one model at a time
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
