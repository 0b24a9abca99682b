"""The PyTorch way of loading the benchmark folder: ImageFolder + DataLoader with
RandomResizedCrop(112), RandomHorizontalFlip, ToTensor, Normalize; batch 32. Prints JSON with
images per second for each num_workers tried."""
import json
import sys
import time

import torch
import torchvision.transforms as T
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder


def measure(root, workers, epochs):
    transform = T.Compose([T.RandomResizedCrop(112), T.RandomHorizontalFlip(), T.ToTensor(),
                           T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    dataset = ImageFolder(root, transform=transform)
    loader = DataLoader(dataset, batch_size=32, shuffle=True, num_workers=workers,
                        persistent_workers=workers > 0)
    for _ in loader:  # warm-up epoch: workers start, files enter the page cache
        pass
    start = time.perf_counter()
    images = 0
    for _ in range(epochs):
        for x, _ in loader:
            images += x.shape[0]
    return images / (time.perf_counter() - start)


def main():
    root = sys.argv[1]
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    results = {str(w): measure(root, w, epochs) for w in [0, 1, 2, 3]}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
