"""Grad-CAM of torchvision's resnet18 as the paper defines it (Selvaraju et al. 2017), for a
seeded model and input: the feature maps of layer4 weighted by the spatial mean of the top class
logit's gradient, ReLU, bilinear upsampling to the input size, scaled to [0, 1]. Writes the
model's state_dict to WEIGHTS and prints the input, the class and the map as JSON.

usage: grad_cam.py WEIGHTS SIZE CLASSES"""
import json
import sys

import torch
import torch.nn.functional as F
import torchvision


def main():
    weights, size, classes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.manual_seed(11)
    model = torchvision.models.resnet18(num_classes=classes)
    # Non-trivial BatchNorm statistics, so evaluation mode matters.
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
    model.eval()
    torch.save(model.state_dict(), weights)
    x = torch.randn(1, 3, size, size)

    kept = {}
    hook = model.layer4.register_forward_hook(lambda m, i, o: kept.update(features=o))
    logits = model(x)
    hook.remove()
    top = int(logits.argmax(1))
    grad = torch.autograd.grad(logits[0, top], kept["features"])[0]
    cam = F.relu((grad.mean(dim=(2, 3), keepdim=True) * kept["features"]).sum(1, keepdim=True))
    cam = F.interpolate(cam, size=(size, size), mode="bilinear", align_corners=False)
    cam = (cam - cam.min()) / (cam.max() - cam.min())
    json.dump({"class": top, "input": x.flatten().tolist(), "cam": cam.flatten().detach().tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
