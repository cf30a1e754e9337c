"""What the PyTorch peers of WorkloadStepBenchmark share: the command line, the timing loop and the report line.

A peer builds its model, loss and torch.optim.AdamW (betas (0.9, 0.999), eps 1e-8, weight decay 0.01, as the
adamw submission's default point; the learning rate does not change the cost) and a step function that copies the
next prepared batch into the batch buffers, runs forward, loss, backward and AdamW.step(). `run` times that step:
median wall time over --steps steps after --warmup steps, float32, --threads native threads (default one), and
prints the process's peak RSS, in the format of step.py:

    pytorch 1.13.0a0 <workload> step: median 12.345 ms over 200 steps, peak RSS 300 MB
"""
import argparse
import resource
import statistics
import time

import torch


def arguments(steps=200, warmup=50):
    """Parses --steps, --warmup, --threads; sets the thread count, float32 default and seed 0."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=steps)
    parser.add_argument("--warmup", type=int, default=warmup)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_default_dtype(torch.float32)
    torch.manual_seed(0)
    return args


def adamw(parameters):
    """torch.optim.AdamW at the adamw submission's default point (its warm-up/cosine schedule costs nothing)."""
    return torch.optim.AdamW(parameters, lr=3e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)


def run(name, args, step):
    """Calls step(i) warmup + steps times; prints the median of the timed ones and the peak RSS."""
    times = []
    for i in range(args.warmup + args.steps):
        start = time.perf_counter()
        step(i)
        if i >= args.warmup:
            times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pytorch {torch.__version__} {name} step: median {statistics.median(times) * 1e3:.3f} ms "
          f"over {len(times)} steps, peak RSS {peak_mb:.0f} MB", flush=True)
