"""Few-shot transfer on handwritten digits, written the plain PyTorch way, as the peer of
TransferLab's pretrain-then-target experiments.

A tanh LeNet-5 with average pooling learns the source classes (digits 0-4), then three target
runs on a handful of images of digits 5-9: a linear probe and a full fine-tune, both from the
source model with a fresh output layer, and training from scratch. Each seed prints the final
validation top-1 of each target run; the JSON on standard output also holds their means.

Usage: fewshot_digits.py SOURCE TARGET_TRAIN TARGET_VAL [--source-epochs N] [--epochs N]
                         [--seeds 0,1,2] [--threads T] [--normalize none|imagenet]

Each folder holds one sub-folder per class with 32x32 grey PNGs, read as ImageFolder reads
them; nothing is resized.
"""
import argparse
import copy
import json
import sys
from collections import OrderedDict

import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

# Luminance statistics of ImageNet, for one-channel input ("normalize": "imagenet").
IMAGENET_GREY = ([0.449], [0.226])


def lenet5(num_classes):
    # LeCun et al. 1998 with full C3 connectivity; PyTorch's default initialisation of each layer.
    features = nn.Sequential(OrderedDict([
        ("c1", nn.Conv2d(1, 6, 5)), ("c1_act", nn.Tanh()), ("s2", nn.AvgPool2d(2, 2)),
        ("c3", nn.Conv2d(6, 16, 5)), ("c3_act", nn.Tanh()), ("s4", nn.AvgPool2d(2, 2)),
        ("c5", nn.Conv2d(16, 120, 5)), ("c5_act", nn.Tanh()),
    ]))
    classifier = nn.Sequential(OrderedDict([
        ("f6", nn.Linear(120, 84)), ("f6_act", nn.Tanh()), ("output", nn.Linear(84, num_classes)),
    ]))
    return nn.Sequential(OrderedDict([("features", features), ("flatten", nn.Flatten()),
                                      ("classifier", classifier)]))


def grey(path):
    with open(path, "rb") as f:
        return Image.open(f).convert("L")


def folder(path, normalize):
    steps = [transforms.ToTensor()]
    if normalize == "imagenet":
        steps.append(transforms.Normalize(*IMAGENET_GREY))
    return datasets.ImageFolder(path, transform=transforms.Compose(steps), loader=grey)


def train(model, data, epochs, seed, batch_size=32):
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=0.01, momentum=0.9, weight_decay=0.0)
    loader = DataLoader(data, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    loss_fn = nn.CrossEntropyLoss()
    accuracy = 0.0
    for _ in range(epochs):
        model.train()
        correct = 0
        for images, targets in loader:
            optimizer.zero_grad(set_to_none=True)
            logits = model(images)
            loss = loss_fn(logits, targets)
            loss.backward()
            optimizer.step()
            correct += (logits.argmax(1) == targets).sum().item()
        accuracy = correct / len(data)
    return accuracy


@torch.no_grad()
def top1(model, data):
    model.eval()
    correct = 0
    for images, targets in DataLoader(data, batch_size=32):
        correct += (model(images).argmax(1) == targets).sum().item()
    return correct / len(data)


def with_new_head(source, num_classes, probe):
    model = copy.deepcopy(source)
    model.classifier.output = nn.Linear(model.classifier.output.in_features, num_classes)
    if probe:
        for name, p in model.named_parameters():
            p.requires_grad = name.startswith("classifier.output.")
    return model


def one_seed(seed, source_data, target_train, target_val, source_epochs, epochs):
    torch.manual_seed(seed)
    source = lenet5(len(source_data.classes))
    source_accuracy = train(source, source_data, source_epochs, seed)
    classes = len(target_train.classes)
    result = {"source_train_accuracy": source_accuracy}
    for run, model in (("linear_probe", with_new_head(source, classes, probe=True)),
                       ("fine_tune", with_new_head(source, classes, probe=False)),
                       ("scratch", lenet5(classes))):
        train(model, target_train, epochs, seed)
        result[run] = top1(model, target_val)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("target_train")
    parser.add_argument("target_val")
    parser.add_argument("--source-epochs", type=int, default=30)
    parser.add_argument("--epochs", type=int, default=30, help="epochs of each target run")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--normalize", choices=["none", "imagenet"], default="none")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    seeds = [int(s) for s in args.seeds.split(",")]
    source = folder(args.source, args.normalize)
    target_train = folder(args.target_train, args.normalize)
    target_val = folder(args.target_val, args.normalize)
    per_seed = [one_seed(s, source, target_train, target_val, args.source_epochs, args.epochs) for s in seeds]
    runs = {}
    for run in ("linear_probe", "fine_tune", "scratch"):
        values = [r[run] for r in per_seed]
        runs[run] = {"final_val_top1": values, "mean": sum(values) / len(values)}
    source_values = [r["source_train_accuracy"] for r in per_seed]
    runs["source"] = {"final_train_accuracy": source_values, "mean": sum(source_values) / len(source_values)}
    json.dump({"source_epochs": args.source_epochs, "epochs": args.epochs, "seeds": seeds, "runs": runs}, sys.stdout)


if __name__ == "__main__":
    main()
