"""Makes and checks weight files the way PyTorch does, for the weight reader and writer tests.

Usage:
  weight_files.py variants OUTDIR          small tensors of every dtype saved in every layout
  weight_files.py models OUTDIR SIZE ARCH...  torchvision models as torch.save(model.state_dict())
                                           writes them, a PNG input and the expected logits
  weight_files.py hostile OUTDIR           files whose pickle would run code or lie about sizes
  weight_files.py read FILE                torch.load(FILE, weights_only=True) (or safetensors)
  weight_files.py logits ARCH CLASSES FILE IMAGE  logits of torchvision's model with FILE's weights

Safetensors files are written and read by hand from the format description, since the
safetensors package is not part of Debian.
"""
import collections
import io
import json
import os
import struct
import sys
import warnings
import zipfile

import numpy as np
import torch
import torchvision
from PIL import Image

warnings.filterwarnings("ignore")
torch.set_num_threads(2)

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
ST_DTYPES = {torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
             torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8",
             torch.uint8: "U8", torch.bool: "BOOL"}


def describe(tensors):
    out = {}
    for name, t in tensors.items():
        out[name] = {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape),
                     "values": t.detach().double().flatten().tolist()}
    return out


def save_safetensors(tensors, path):
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in tensors.items():
        flat = t.contiguous().reshape(-1)
        if t.dtype in (torch.bfloat16, torch.float16):
            flat = flat.view(torch.int16)
        data = flat.numpy().tobytes()
        header[name] = {"dtype": ST_DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def load_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    inverse = {v: k for k, v in ST_DTYPES.items()}
    out = collections.OrderedDict()
    for name, info in header.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        dtype = inverse[info["dtype"]]
        buf = bytearray(data[b:e])
        t = torch.frombuffer(buf, dtype=dtype) if e > b else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(info["shape"])
    return out


def variant_tensors():
    g = torch.Generator().manual_seed(1)
    base = torch.arange(24, dtype=torch.float32).reshape(2, 3, 4)
    return collections.OrderedDict([
        ("base", base), ("view", base[1]), ("transposed", base.transpose(0, 2)),
        ("half", torch.randn(5, generator=g).half()), ("bf16", torch.randn(5, generator=g).bfloat16()),
        ("double", torch.randn(3, generator=g).double()), ("int64", torch.arange(-2, 3)),
        ("int32", torch.arange(4, dtype=torch.int32)), ("int16", torch.arange(3, dtype=torch.int16)),
        ("int8", torch.tensor([-5, 7], dtype=torch.int8)), ("uint8", torch.tensor([0, 255], dtype=torch.uint8)),
        ("bool", torch.tensor([True, False, True])), ("scalar", torch.tensor(3.5)), ("empty", torch.zeros(0, 3)),
    ])


def variants(out):
    sd = variant_tensors()
    torch.save(sd, os.path.join(out, "plain.pth"))
    torch.save(sd, os.path.join(out, "legacy.pth"), _use_new_zipfile_serialization=False)
    checkpoint = {"epoch": 3, "state_dict": sd, "optimizer": {"lr": 0.1, "betas": (0.9, 0.99)}}
    torch.save(checkpoint, os.path.join(out, "nested.pth"))
    torch.save(checkpoint, os.path.join(out, "nested_legacy.pth"), _use_new_zipfile_serialization=False)
    torch.save({"model": collections.OrderedDict(("module." + k, v) for k, v in sd.items())},
               os.path.join(out, "module_prefix.pth"))
    torch.save(sd, os.path.join(out, "가중치.pth"))
    # A zip whose entries use Zip64 extra fields and a different root folder name.
    with zipfile.ZipFile(os.path.join(out, "plain.pth")) as src, \
            zipfile.ZipFile(os.path.join(out, "zip64.pth"), "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            name = "other_root/" + info.filename.split("/", 1)[1]
            with dst.open(name, "w", force_zip64=True) as f:
                f.write(src.read(info))
    safe = collections.OrderedDict((k, v.contiguous()) for k, v in sd.items())
    save_safetensors(safe, os.path.join(out, "plain.safetensors"))
    json.dump(describe(sd), sys.stdout)


def randomise_batch_norm(model, g):
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.copy_(torch.randn(m.running_mean.shape, generator=g) * 0.1)
            m.running_var.copy_(torch.rand(m.running_var.shape, generator=g) + 0.5)
            m.weight.data.copy_(torch.rand(m.weight.shape, generator=g) + 0.5)
            m.bias.data.copy_(torch.randn(m.bias.shape, generator=g) * 0.1)


def build(arch, classes):
    kwargs = {"weights": None, "num_classes": classes}
    if arch == "googlenet":
        kwargs.update(aux_logits=True, transform_input=True, init_weights=True)
    return torchvision.models.get_model(arch, **kwargs)


def image_input(path):
    x = torch.from_numpy(np.array(Image.open(path).convert("RGB"))).permute(2, 0, 1).float().div(255)
    return x.sub(MEAN).div(STD).unsqueeze(0)


def models(out, size, archs):
    result = {}
    for arch in archs:
        torch.manual_seed(0)
        g = torch.Generator().manual_seed(2)
        model = build(arch, 1000)
        randomise_batch_norm(model, g)
        model.eval()
        weights = os.path.join(out, arch + ".pth")
        pixels = torch.randint(0, 256, (size, size, 3), generator=g, dtype=torch.uint8).numpy()
        image = os.path.join(out, arch + ".png")
        Image.fromarray(pixels).save(image)
        x = image_input(image)
        torch.save({"input": x}, os.path.join(out, arch + "-input.pth"))
        with torch.no_grad():
            logits = model(x)
            # Random deep networks can reach logits in the hundreds; trained ones stay near ten.
            # Scaling the classifier keeps the 1e-4 comparison as strict as it is for real weights.
            peak = logits.abs().max().item()
            if peak > 20:
                head = [m for m in model.modules() if isinstance(m, torch.nn.Linear)][-1]
                head.weight.mul_(10 / peak)
                head.bias.mul_(10 / peak)
                logits = model(x)
        torch.save(model.state_dict(), weights)
        result[arch] = {"logits": logits.flatten().tolist(), "weights": weights, "image": image}
    json.dump(result, sys.stdout)


class Exploit:
    def __reduce__(self):
        return (os.system, ("touch " + MARKER,))


def hostile(out):
    global MARKER
    MARKER = os.path.join(out, "executed")
    torch.save({"weight": torch.zeros(2), "payload": Exploit()}, os.path.join(out, "exploit.pth"))
    torch.save({"weight": torch.zeros(2), "payload": Exploit()}, os.path.join(out, "exploit_legacy.pth"),
               _use_new_zipfile_serialization=False)
    torch.save({"w": torch.arange(6.0)}, os.path.join(out, "good.pth"))

    def rewrite(name, change_pickle=None, change_data=None):
        with zipfile.ZipFile(os.path.join(out, "good.pth")) as src, \
                zipfile.ZipFile(os.path.join(out, name), "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename.endswith("data.pkl") and change_pickle:
                    data = change_pickle(data)
                if "/data/" in info.filename and change_data:
                    data = change_data(data)
                dst.writestr(info.filename, data)

    rewrite("short_storage.pth", change_data=lambda d: d[:-4])
    rewrite("view_past_storage.pth", change_pickle=lambda p: p.replace(b"K\x06\x85", b"K\x07\x85", 1))
    rewrite("missing_record.pth", change_pickle=lambda p: p.replace(b"X\x01\x00\x00\x000", b"X\x01\x00\x00\x009", 1))
    json.dump({"marker": MARKER}, sys.stdout)


def read(path):
    if path.endswith(".safetensors"):
        sd = load_safetensors(path)
    else:
        sd = torch.load(path, weights_only=True)
    json.dump(describe(sd), sys.stdout)


def logits(arch, classes, path, image):
    model = build(arch, classes)
    model.load_state_dict(torch.load(path, weights_only=True))
    model.eval()
    with torch.no_grad():
        y = model(image_input(image))
    json.dump({"logits": y.flatten().tolist()}, sys.stdout)


def main():
    command = sys.argv[1]
    if command == "variants":
        variants(sys.argv[2])
    elif command == "models":
        models(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    elif command == "hostile":
        hostile(sys.argv[2])
    elif command == "read":
        read(sys.argv[2])
    elif command == "logits":
        logits(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])


if __name__ == "__main__":
    main()
