#!/usr/bin/env python3
"""The PyTorch peer of WorkloadStepBenchmark.step for mnist_autoencoder (workloads/.../autoencoder/MnistAutoencoder
.BASE, AutoencoderNetwork).

Mirrors, at the default batch of 128 digits of 784 pixels:
    dense 784->512 - tanh - 512->256 - tanh - 256->64 (the code layer, linear) - 64->256 - tanh - 256->512 - tanh
    - 512->784 (logits)
    mean sigmoid cross-entropy of the logits against the input pixels (over all 128 x 784 entries);
    torch.optim.AdamW over all parameters.
No difference in the model remains. Inputs are uniform random pixels in [0, 1], prepared before timing and copied
into the batch buffer each step.
"""
import torch

import peer


def main():
    args = peer.arguments()
    batch = 128
    widths = [784, 512, 256, 64, 256, 512, 784]
    code = 2
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i != code and i != len(widths) - 2:
            layers.append(torch.nn.Tanh())
    model = torch.nn.Sequential(*layers)
    optimizer = peer.adamw(model.parameters())
    loss_fn = torch.nn.BCEWithLogitsLoss()
    n = 8000
    images = torch.rand(n, 784)
    x = torch.empty(batch, 784)

    def step(i):
        index = (i * batch) % (n - batch)
        x.copy_(images[index:index + batch])
        optimizer.zero_grad(set_to_none=False)
        loss_fn(model(x), x).backward()
        optimizer.step()

    peer.run("mnist_autoencoder", args, step)


if __name__ == "__main__":
    main()
