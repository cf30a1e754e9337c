#!/usr/bin/env python3
"""The PyTorch peer of WorkloadStepBenchmark.step for ctr_dlrm (workloads/.../dlrm/DlrmWorkload.STANDARD,
DlrmArchitecture, DlrmNetwork, layers/Embedding, layers/DotInteraction).

Mirrors, at the default batch of 256 examples of 13 dense and 8 categorical features, a DLRM (Naumov et al. 2019):
    bottom MLP 13 -> 64 -> 16, ReLU after every layer (the last too)
    8 embedding tables of dim 16 with 1,000, 1,500, 2,000, 3,000, 4,000, 5,000, 7,000 and 10,000 rows
    dot interaction of the F = 9 vectors [bottom, table_0[row_0], ..., table_7[row_7]]: the 36 products
        <z_i, z_j>, i < j, in row-major upper-triangle order, after the bottom output: 16 + 36 = 52 features
    top MLP 52 -> 64 -> 32 -> 1, ReLU between layers, mean sigmoid cross-entropy against the click;
    torch.optim.AdamW over all parameters (dense table gradients, as optbench's: nn.Embedding(sparse=False)).
No difference in the model remains. optbench's table gradients are dense storage in which only the batch's rows are
nonzero (it zeroes just those before the scatter-add), while PyTorch's zero_grad clears the whole tables; AdamW then
runs over every table row on both sides. Inputs: dense features |N(0,1)|, table rows skewed towards low ids
(row = floor(u^3 rows), u uniform; optbench's are Zipf), clicks Bernoulli(0.2), prepared before timing and copied
into the batch buffers each step.
"""
import torch

import peer

DENSE = 13
ROWS = [1000, 1500, 2000, 3000, 4000, 5000, 7000, 10000]
DIM = 16


def mlp(widths, activate_last):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if activate_last or i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


class Dlrm(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tables = torch.nn.ModuleList([torch.nn.Embedding(r, DIM) for r in ROWS])
        self.bottom = mlp([DENSE, 64, DIM], True)
        f = len(ROWS) + 1
        self.top = mlp([DIM + f * (f - 1) // 2, 64, 32, 1], False)
        i, j = torch.triu_indices(f, f, offset=1)
        self.register_buffer("pair_i", i)
        self.register_buffer("pair_j", j)

    def forward(self, dense, categorical):
        z0 = self.bottom(dense)
        z = torch.stack([z0] + [t(categorical[:, k]) for k, t in enumerate(self.tables)], dim=1)
        products = torch.bmm(z, z.transpose(1, 2))[:, self.pair_i, self.pair_j]
        return self.top(torch.cat([z0, products], dim=1))


def main():
    args = peer.arguments()
    batch = 256
    model = Dlrm()
    optimizer = peer.adamw(model.parameters())
    loss_fn = torch.nn.BCEWithLogitsLoss()
    n = 20000
    dense_all = torch.randn(n, DENSE).abs()
    rows_all = torch.stack([(torch.rand(n) ** 3 * r).long() for r in ROWS], dim=1)
    clicks_all = (torch.rand(n, 1) < 0.2).float()
    dense = torch.empty(batch, DENSE)
    categorical = torch.empty(batch, len(ROWS), dtype=torch.long)
    clicks = torch.empty(batch, 1)

    def step(i):
        index = (i * batch) % (n - batch)
        dense.copy_(dense_all[index:index + batch])
        categorical.copy_(rows_all[index:index + batch])
        clicks.copy_(clicks_all[index:index + batch])
        optimizer.zero_grad(set_to_none=False)
        loss_fn(model(dense, categorical), clicks).backward()
        optimizer.step()

    peer.run("ctr_dlrm", args, step)


if __name__ == "__main__":
    main()
