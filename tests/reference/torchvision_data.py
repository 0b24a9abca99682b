"""torchvision's answers for the data tests: ImageFolder's class order and samples, and the
transforms whose definitions allow an exact comparison. Prints JSON."""
import json
import math
import sys

import torch
import torchvision.transforms as T
import torchvision.transforms.functional as F
from torchvision.datasets import ImageFolder


def folder(root):
    ds = ImageFolder(root, loader=lambda p: p)
    return {"classes": ds.classes, "samples": [[p, i] for p, i in ds.samples]}


def coordinate_image(h, w):
    # Pixel (y, x) holds y * 1000 + x, so a crop's first value gives its offset exactly.
    return (torch.arange(h).view(h, 1) * 1000 + torch.arange(w).view(1, w)).view(1, h, w).float()


def pattern(h, w):
    # The same formula as the C++ test: channel c of (y, x) is ((y * 7 + x * 3 + c * 50) % 256) / 255.
    y = torch.arange(h).view(1, h, 1)
    x = torch.arange(w).view(1, 1, w)
    c = torch.arange(3).view(3, 1, 1)
    return ((y * 7 + x * 3 + c * 50) % 256).float() / 255.0


def transforms():
    out = {}
    sizes = [[300, 400], [400, 300], [224, 224], [225, 333], [17, 1000], [31, 30]]
    out["resize"] = [[h, w, s, list(T.Resize(s)(torch.zeros(1, h, w)).shape[1:])] for h, w in sizes for s in [32, 224]]
    crops = []
    for h, w in [[10, 10], [11, 10], [13, 17], [6, 5], [4, 9]]:
        for ch, cw in [[5, 5], [4, 6], [8, 8], [3, 11]]:
            crop = T.CenterCrop((ch, cw))(coordinate_image(h, w) + 1)  # +1: padding shows as 0
            crops.append([h, w, ch, cw, crop.flatten().tolist()])
    out["center_crop"] = crops
    torch.manual_seed(0)
    rrc = T.RandomResizedCrop(32)
    areas, ratios = [], []
    for _ in range(20000):
        i, j, h, w = rrc.get_params(torch.zeros(1, 100, 150), rrc.scale, rrc.ratio)
        areas.append(h * w / 15000.0)
        ratios.append(math.log(w / h))
    out["rrc"] = {"mean_area": sum(areas) / len(areas), "mean_log_ratio": sum(ratios) / len(ratios),
                  "min_area": min(areas), "max_area": max(areas)}
    # Scale above 1 forces the central fallback, which is deterministic.
    fallback = T.RandomResizedCrop(8, scale=(2.0, 3.0))
    out["rrc_fallback"] = [[h, w, list(fallback.get_params(torch.zeros(1, h, w), fallback.scale, fallback.ratio))]
                           for h, w in [[100, 400], [400, 100], [120, 100]]]
    img = pattern(9, 9)
    out["rotate90"] = (F.rotate(img, 90.0, interpolation=T.InterpolationMode.NEAREST) * 255).round().flatten().tolist()
    img = pattern(6, 8)
    out["brightness"] = F.adjust_brightness(img, 1.3).flatten().tolist()
    out["contrast"] = F.adjust_contrast(img, 0.6).flatten().tolist()
    out["saturation"] = F.adjust_saturation(img, 1.7).flatten().tolist()
    out["hue"] = F.adjust_hue(img, 0.2).flatten().tolist()
    out["normalize"] = F.normalize(img, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]).flatten().tolist()
    return out


if __name__ == "__main__":
    print(json.dumps(folder(sys.argv[2]) if sys.argv[1] == "folder" else transforms()))
