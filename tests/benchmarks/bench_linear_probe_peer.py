"""The PyTorch way of a linear probe on the benchmark folder: ImageFolder (Resize 112, ToTensor,
Normalize) + DataLoader (batch 32, shuffled) + torchvision resnet18 with requires_grad off except
the new fc, the frozen backbone's BatchNorm in eval mode, SGD on fc, cross-entropy. Prints JSON
with the wall time in seconds of the whole job for each num_workers tried."""
import json
import sys
import time

import torch
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder


def probe(root, workers, epochs):
    start = time.perf_counter()
    transform = T.Compose([T.Resize(112), T.CenterCrop(112), T.ToTensor(),
                           T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    dataset = ImageFolder(root, transform=transform)
    loader = DataLoader(dataset, batch_size=32, shuffle=True, num_workers=workers,
                        persistent_workers=workers > 0)
    model = torchvision.models.resnet18(weights=None)
    for p in model.parameters():
        p.requires_grad = False
    model.fc = torch.nn.Linear(model.fc.in_features, len(dataset.classes))
    optimizer = torch.optim.SGD(model.fc.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        model.eval()  # frozen BatchNorm keeps its statistics
        model.fc.train()
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
    return time.perf_counter() - start


def main():
    root = sys.argv[1]
    epochs = int(sys.argv[2])
    threads = int(sys.argv[3])
    workers = [int(w) for w in sys.argv[4].split(",")]
    torch.set_num_threads(threads)
    print(json.dumps({str(w): probe(root, w, epochs) for w in workers}))


if __name__ == "__main__":
    main()
