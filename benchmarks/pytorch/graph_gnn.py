#!/usr/bin/env python3
"""The PyTorch peer of WorkloadStepBenchmark.step for graph_gnn (workloads/.../gnn/GnnWorkload.STANDARD,
GnnArchitecture, GnnNetwork, layers/EdgeAggregation, layers/GraphPooling).

Mirrors, at the default batch of 64 molecule-like graphs (10 to 30 atoms with 5 atom types, a random spanning tree
plus 0 to 3 ring closures, 3 bond types; each bond is two directed edges), a GINE-style network:
    h_0 = relu(x W_enc + b_enc)                                 node encoder 5 -> 32
    3 rounds r:  e_r = f W_r + b_r                              edge encoder 3 -> 32, linear
                 a_r[v] = sum over edges u -> v of relu(h_r[u] + e_r[uv])     (index_add_)
                 h_{r+1} = relu(relu((h_r + a_r) W1 + b1) W2 + b2)           update MLP 32 -> 32 -> 32
    g = mean of h_3 over each graph's nodes; logits = relu(g Wh1 + bh1) Wh2 + bh2    head 32 -> 32 -> 10
    mean sigmoid cross-entropy over the 64 x 10 motif labels; torch.optim.AdamW over all parameters.
The one difference that remains is the batch layout: optbench runs every layer on buffers sized for the largest
graphs (64 x 30 = 1,920 node rows and 2 x 64 x 32 = 4,096 edge rows, the padding skipped only in the gather and
scatter), while this script, like PyTorch Geometric, runs on the batch's real nodes and edges (about 1,280 and
2,600). `--padded` makes every graph 30 atoms and 32 bonds, which is optbench's buffer size, to show the cost of
the padding. Graphs, features (one-hot plus N(0, 0.1) noise on atoms, one-hot bonds) and labels are random, drawn
as 32 batches before timing; each step copies the next batch's arrays into fresh batch tensors.
"""
import random

import torch

import peer

ATOM_TYPES = 5
BOND_TYPES = 3
HIDDEN = 32
ROUNDS = 3
LABELS = 10
GRAPHS = 64


def draw_batch(rng, padded):
    """One disjoint union of GRAPHS random graphs: node features, edge features, senders, receivers, graph index."""
    x, f, src, dst, graph = [], [], [], [], []
    base = 0
    for g in range(GRAPHS):
        n = 30 if padded else rng.randint(10, 30)
        bonds = [(i, rng.randrange(i)) for i in range(1, n)]
        for _ in range(3 if padded else rng.randint(0, 3)):
            a, b = rng.sample(range(n), 2)
            bonds.append((a, b))
        for v in range(n):
            x.append(rng.randrange(ATOM_TYPES))
            graph.append(g)
        for a, b in bonds:
            t = rng.choices(range(BOND_TYPES), weights=[0.7, 0.2, 0.1])[0]
            src += [base + a, base + b]
            dst += [base + b, base + a]
            f += [t, t]
        base += n
    nodes = torch.nn.functional.one_hot(torch.tensor(x), ATOM_TYPES).float()
    nodes += 0.1 * torch.randn_like(nodes)
    edges = torch.nn.functional.one_hot(torch.tensor(f), BOND_TYPES).float()
    targets = (torch.rand(GRAPHS, LABELS) < 0.3).float()
    return nodes, edges, torch.tensor(src), torch.tensor(dst), torch.tensor(graph), targets


class Gine(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = torch.nn.Linear(ATOM_TYPES, HIDDEN)
        self.edges = torch.nn.ModuleList([torch.nn.Linear(BOND_TYPES, HIDDEN) for _ in range(ROUNDS)])
        self.updates = torch.nn.ModuleList([torch.nn.Sequential(
            torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU())
            for _ in range(ROUNDS)])
        self.head = torch.nn.Sequential(torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(),
                                        torch.nn.Linear(HIDDEN, LABELS))

    def forward(self, nodes, edges, src, dst, graph):
        h = torch.relu(self.encoder(nodes))
        for r in range(ROUNDS):
            messages = torch.relu(h[src] + self.edges[r](edges))
            aggregate = torch.zeros_like(h).index_add_(0, dst, messages)
            h = self.updates[r](h + aggregate)
        pooled = torch.zeros(GRAPHS, HIDDEN).index_add_(0, graph, h)
        counts = torch.zeros(GRAPHS).index_add_(0, graph, torch.ones(graph.shape[0]))
        return self.head(pooled / counts.unsqueeze(1))


def main():
    import sys
    padded = "--padded" in sys.argv
    if padded:
        sys.argv.remove("--padded")
    args = peer.arguments()
    rng = random.Random(0)
    batches = [draw_batch(rng, padded) for _ in range(32)]
    model = Gine()
    optimizer = peer.adamw(model.parameters())
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def step(i):
        prepared = batches[i % len(batches)]
        nodes, edges, src, dst, graph, targets = (t.clone() for t in prepared)
        optimizer.zero_grad(set_to_none=False)
        loss_fn(model(nodes, edges, src, dst, graph), targets).backward()
        optimizer.step()

    peer.run("graph_gnn" + (" (padded)" if padded else ""), args, step)


if __name__ == "__main__":
    main()
