"""The PyTorch way of a full fine-tune on the benchmark folder: ImageFolder (RandomResizedCrop 112,
horizontal flip, ToTensor, Normalize) + DataLoader (batch 32, shuffled) + torchvision resnet18,
every layer training, SGD with momentum, cross-entropy. Prints JSON with the training images per
second of the epochs after the first (warm-up) for each num_workers tried."""
import json
import sys
import time

import torch
import torchvision
import torchvision.transforms as T
from torch.utils.data import DataLoader
from torchvision.datasets import ImageFolder


def fine_tune(root, workers, epochs):
    transform = T.Compose([T.RandomResizedCrop(112), T.RandomHorizontalFlip(), T.ToTensor(),
                           T.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    dataset = ImageFolder(root, transform=transform)
    loader = DataLoader(dataset, batch_size=32, shuffle=True, num_workers=workers,
                        persistent_workers=workers > 0, drop_last=True)
    model = torchvision.models.resnet18(weights=None, num_classes=len(dataset.classes))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    images, seconds = 0, 0.0
    for epoch in range(epochs):
        start = time.perf_counter()
        seen = 0
        for x, y in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
            seen += x.shape[0]
        if epoch > 0:
            images += seen
            seconds += time.perf_counter() - start
    return images / seconds


def main():
    root = sys.argv[1]
    epochs = int(sys.argv[2])
    threads = int(sys.argv[3])
    workers = [int(w) for w in sys.argv[4].split(",")]
    torch.set_num_threads(threads)
    print(json.dumps({str(w): fine_tune(root, w, epochs) for w in workers}))


if __name__ == "__main__":
    main()
