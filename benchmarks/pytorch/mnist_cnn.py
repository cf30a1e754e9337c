#!/usr/bin/env python3
"""The PyTorch peer of WorkloadStepBenchmark.step for mnist_cnn (workloads/.../cnn/MnistCnn.BASE, CnnNetwork).

Mirrors, at the default batch of 64 images of 28 x 28, one channel:
    5x5 "valid" conv 1->16 (stride 1, bias) - ReLU - 2x2 max pool (stride 2)     28 -> 24 -> 12
    5x5 "valid" conv 16->32 (bias)         - ReLU - 2x2 max pool                 12 -> 8 -> 4
    flatten (4*4*32 = 512) - dense 512->128 - ReLU - dense 128->10
    mean softmax cross-entropy over the batch; torch.optim.AdamW over all 80,202 parameters.
Differences that remain: PyTorch's layout is NCHW and optbench's NHWC (its convolution is im2col + one GEMM), so
the flattened features come in another order; that changes no cost. Inputs are uniform random images and labels,
prepared before timing and copied into the batch buffer each step, as optbench's stream copies a prepared batch.
"""
import torch

import peer


def main():
    args = peer.arguments()
    batch = 64
    model = torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 5), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(),
        torch.nn.Linear(512, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10))
    assert sum(p.numel() for p in model.parameters()) == 80_202
    optimizer = peer.adamw(model.parameters())
    loss_fn = torch.nn.CrossEntropyLoss()
    n = 8000
    images = torch.rand(n, 1, 28, 28)
    labels = torch.randint(0, 10, (n,))
    x = torch.empty(batch, 1, 28, 28)
    y = torch.empty(batch, dtype=torch.long)

    def step(i):
        index = (i * batch) % (n - batch)
        x.copy_(images[index:index + batch])
        y.copy_(labels[index:index + batch])
        optimizer.zero_grad(set_to_none=False)
        loss_fn(model(x), y).backward()
        optimizer.step()

    peer.run("mnist_cnn", args, step)


if __name__ == "__main__":
    main()
