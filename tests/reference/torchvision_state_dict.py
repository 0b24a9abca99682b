"""Prints the state_dict layout (names and shapes, in order) of torchvision models as JSON.

Usage: torchvision_state_dict.py NUM_CLASSES ARCH [ARCH ...]
"""
import json
import sys
import warnings

import torch
import torchvision

warnings.filterwarnings("ignore")
torch.set_num_threads(2)


def layout(arch, num_classes):
    kwargs = {"weights": None, "num_classes": num_classes}
    if arch == "googlenet":
        kwargs.update(aux_logits=True, init_weights=False)
    # Meta tensors would be cheaper, but torchvision 0.14's initialisers reject them.
    model = torchvision.models.get_model(arch, **kwargs)
    params = {name for name, _ in model.named_parameters()}
    entries = []
    for name, tensor in model.state_dict().items():
        entries.append({"name": name, "shape": list(tensor.shape), "parameter": name in params})
    return entries


def main():
    num_classes = int(sys.argv[1])
    result = {arch: layout(arch, num_classes) for arch in sys.argv[2:]}
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
