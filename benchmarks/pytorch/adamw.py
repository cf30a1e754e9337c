#!/usr/bin/env python3
"""The PyTorch peer of OptimizerStepBenchmark: torch.optim.AdamW.step() alone on the mnist_mlp parameter set
(269,322 floats) or a 1024x1024 matrix with a fixed gradient, one thread. Prints the median in ms."""
import argparse
import statistics
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["mnist_mlp", "matrix1024"], default="mnist_mlp")
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    shapes = [(784, 256), (256,), (256, 256), (256,), (256, 10), (10,)] if args.set == "mnist_mlp" else [(1024, 1024)]
    params = [torch.nn.Parameter(torch.randn(*s) * 0.05) for s in shapes]
    for p in params:
        p.grad = torch.randn_like(p) * 1e-3
    optimizer = torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)
    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        optimizer.step()
        if step >= args.warmup:
            times.append(time.perf_counter() - start)
    print(f"pytorch {torch.__version__} adamw step on {args.set}: median {statistics.median(times) * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
