#!/usr/bin/env python3
"""The peers of OptimizerStepBenchmark: one optimizer step alone, on the mnist_mlp parameter set (269,322 floats) or
one 1024x1024 matrix, with a fixed gradient, float32, one thread, at the hyperparameters of optbench's default points
with a constant learning rate (a schedule is one scalar per step on either side).

  optax: optax.adamw, optax.nadamw, optax.sgd(nesterov=True) after add_decayed_weights (PyTorch's coupled L2 decay,
         as optbench's sgd_nesterov), optax.contrib.schedule_free_adamw; the update and apply_updates in one jit with
         the parameters and state donated, so that XLA may update them in place as optbench does.
  torch: torch.optim.AdamW (foreach, and fused where this build has it), NAdam with decoupled weight decay, SGD with
         Nesterov momentum (foreach).

Prints one line per optimizer: "peer LIBRARY OPTIMIZER SET median MS mean MS". Usage:
  optimizer_step.py --library optax|torch [--set mnist_mlp|matrix1024] [--optimizers a,b] [--steps N]
"""
import argparse
import os
import statistics
import time

SHAPES = {
    "mnist_mlp": [(784, 256), (256,), (256, 256), (256,), (256, 10), (10,)],
    "matrix1024": [(1024, 1024)],
}
# optbench's default points (`./optbench submissions`), learning rates held constant.
ADAM = dict(lr=3e-3, b1=0.9, b2=0.999, eps=1e-8, wd=0.01)
SGD = dict(lr=0.1, momentum=0.9, wd=5e-4)
SCHEDULE_FREE = dict(lr=2.5e-3, b1=0.9, b2=0.9955159689799007, eps=1e-8, wd=0.08121616522670176)


def measure(step, steps, warmup, sync=lambda: None):
    times = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        step()
        sync()
        if i >= warmup:
            times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, statistics.fmean(times) * 1e3


def run_optax(names, shapes, steps, warmup):
    import jax
    import jax.numpy as jnp
    import optax

    def make(name):
        if name == "adamw":
            return optax.adamw(ADAM["lr"], ADAM["b1"], ADAM["b2"], ADAM["eps"], weight_decay=ADAM["wd"])
        if name == "nadamw":
            return optax.nadamw(ADAM["lr"], ADAM["b1"], ADAM["b2"], ADAM["eps"], weight_decay=ADAM["wd"])
        if name == "sgd_nesterov":
            return optax.chain(optax.add_decayed_weights(SGD["wd"]),
                               optax.sgd(SGD["lr"], momentum=SGD["momentum"], nesterov=True))
        if name == "schedule_free_adamw":
            return optax.contrib.schedule_free_adamw(SCHEDULE_FREE["lr"], warmup_steps=0, b1=SCHEDULE_FREE["b1"],
                                                     b2=SCHEDULE_FREE["b2"], eps=SCHEDULE_FREE["eps"],
                                                     weight_decay=SCHEDULE_FREE["wd"])
        raise SystemExit(f"no optax peer for {name}")

    key = jax.random.PRNGKey(0)
    results = []
    for name in names:
        keys = jax.random.split(key, 2 * len(shapes))
        params = [jax.random.normal(keys[i], s, jnp.float32) * 0.05 for i, s in enumerate(shapes)]
        grads = [jax.random.normal(keys[len(shapes) + i], s, jnp.float32) * 1e-3 for i, s in enumerate(shapes)]
        tx = make(name)
        state = tx.init(params)

        def update(params, state, grads):
            updates, state = tx.update(grads, state, params)
            return optax.apply_updates(params, updates), state

        jitted = jax.jit(update, donate_argnums=(0, 1))
        box = [params, state]

        def step():
            box[0], box[1] = jitted(box[0], box[1], grads)

        median, mean = measure(step, steps, warmup, lambda: jax.block_until_ready(box[0]))
        results.append((f"optax-{optax.__version__}", name, median, mean))
    return results


def run_torch(names, shapes, steps, warmup):
    import torch
    torch.set_num_threads(1)
    torch.manual_seed(0)
    variants = []
    for name in names:
        if name == "adamw":
            variants.append(("adamw-foreach", lambda p: torch.optim.AdamW(
                p, lr=ADAM["lr"], betas=(ADAM["b1"], ADAM["b2"]), eps=ADAM["eps"], weight_decay=ADAM["wd"],
                foreach=True)))
            variants.append(("adamw-fused", lambda p: torch.optim.AdamW(
                p, lr=ADAM["lr"], betas=(ADAM["b1"], ADAM["b2"]), eps=ADAM["eps"], weight_decay=ADAM["wd"],
                fused=True)))
        elif name == "nadamw":
            variants.append(("nadamw-foreach", lambda p: torch.optim.NAdam(
                p, lr=ADAM["lr"], betas=(ADAM["b1"], ADAM["b2"]), eps=ADAM["eps"], weight_decay=ADAM["wd"],
                decoupled_weight_decay=True, foreach=True)))
        elif name == "sgd_nesterov":
            variants.append(("sgd_nesterov-foreach", lambda p: torch.optim.SGD(
                p, lr=SGD["lr"], momentum=SGD["momentum"], nesterov=True, weight_decay=SGD["wd"], foreach=True)))
        # torch.optim has no Schedule-Free AdamW
    results = []
    for label, build in variants:
        params = [torch.nn.Parameter(torch.randn(*s) * 0.05) for s in shapes]
        for p in params:
            p.grad = torch.randn_like(p) * 1e-3
        try:
            optimizer = build(params)
            optimizer.step()
        except (RuntimeError, TypeError, ValueError) as e:
            print(f"# torch {label}: not available in this build ({str(e).splitlines()[0]})")
            continue
        median, mean = measure(optimizer.step, steps, warmup)
        results.append((f"torch-{torch.__version__}", label, median, mean))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", choices=["optax", "torch"], required=True)
    parser.add_argument("--set", choices=sorted(SHAPES), default="mnist_mlp")
    parser.add_argument("--optimizers", default="adamw,nadamw,sgd_nesterov,schedule_free_adamw")
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args()
    if os.environ.get("OMP_NUM_THREADS") != "1":
        raise SystemExit("set OMP_NUM_THREADS=1 (and pin to one core): optbench's side runs one thread")
    names = args.optimizers.split(",")
    run = run_optax if args.library == "optax" else run_torch
    for library, name, median, mean in run(names, SHAPES[args.set], args.steps, args.warmup):
        print(f"peer {library} {name} {args.set} median {median:.4f} mean {mean:.4f}")


if __name__ == "__main__":
    main()
