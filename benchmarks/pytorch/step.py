#!/usr/bin/env python3
"""The PyTorch peer of WorkloadStepBenchmark.step on mnist_mlp: one training step of the 784-256-256-10 ReLU MLP at batch 128
(next batch, forward, softmax cross-entropy, backward, torch.optim.AdamW), float32, one thread.

Prints the median step time in ms over --steps steps after --warmup steps, and the process's peak RSS in MB.
Data are random digits-shaped tensors prepared before timing (optbench's stream copies a prepared batch too).
"""
import argparse
import resource
import statistics
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 10))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = 8000
    images = torch.rand(n, 784)
    labels = torch.randint(0, 10, (n,))
    x = torch.empty(args.batch, 784)
    y = torch.empty(args.batch, dtype=torch.long)

    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        index = (step * args.batch) % (n - args.batch)
        x.copy_(images[index:index + args.batch])
        y.copy_(labels[index:index + args.batch])
        optimizer.zero_grad(set_to_none=False)
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pytorch {torch.__version__} mnist_mlp step: median {statistics.median(times) * 1e3:.3f} ms "
          f"over {len(times)} steps, peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
