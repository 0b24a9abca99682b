"""Loads a model exported by `transferlab export` into torchvision's model, as a user would, and
prints its logits for one image prepared as the run's validation prepares it when no resize is
needed (centre crop, scaling to [0, 1], ImageNet normalisation). Prints JSON.

usage: exported_model.py ARCH CLASSES WEIGHTS(.pth|.safetensors) IMAGE CROP"""
import json
import struct
import sys

import torch
import torchvision
import torchvision.transforms as T
from PIL import Image

SAFETENSORS_DTYPES = {"F32": torch.float32, "F64": torch.float64, "F16": torch.float16, "BF16": torch.bfloat16,
                      "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8}


def read_safetensors(path):
    # The format is small enough to read by its specification; Debian has no safetensors package.
    with open(path, "rb") as f:
        data = f.read()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    body = data[8 + size:]
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        t = torch.frombuffer(bytearray(body[begin:end]), dtype=SAFETENSORS_DTYPES[entry["dtype"]])
        out[name] = t.reshape(entry["shape"]).clone()
    return out


def main():
    arch, classes, weights, image, crop = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
    model = getattr(torchvision.models, arch)(num_classes=classes)
    if weights.endswith(".safetensors"):
        state = read_safetensors(weights)
    else:
        state = torch.load(weights, weights_only=True)
    model.load_state_dict(state, strict=True)
    model.eval()
    prepare = T.Compose([T.CenterCrop(crop), T.ToTensor(),
                         T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    x = prepare(Image.open(image).convert("RGB")).unsqueeze(0)
    with torch.no_grad():
        logits = model(x)
    print(json.dumps({"logits": logits.flatten().tolist(), "keys": len(state)}))


main()
