#!/usr/bin/env python3
"""The PyTorch peer of WorkloadStepBenchmark.step for sotu_lm (workloads/.../lm/SotuLm.TRANSFORMER, TransformerLm,
TransformerNetwork, layers/CausalSelfAttention).

Mirrors, at the default batch of 16 windows of 64 characters (1,024 token rows), a GPT-2 style decoder:
    x = token embedding [53, 64][ids] + learned position embedding [64, 64][t]
    2 pre-LN blocks: x = x + attn(LN(x)) W_o + b_o;  x = x + gelu_tanh(LN(x) W_1 + b_1) W_2 + b_2
        attention: one fused qkv projection 64 -> 192 (queries, keys, values, each 2 heads of 32), scores scaled by
        1/sqrt(32), causal mask (j <= t), softmax, P V, heads concatenated, output projection 64 -> 64
        MLP 64 -> 256 -> 64, GELU in its tanh form; LayerNorm eps 1e-5 with scale and shift
    final LayerNorm, untied dense head 64 -> 53, mean softmax cross-entropy over all 1,024 next-character
    predictions; torch.optim.AdamW over all 111,029 parameters. No dropout on either side.
No difference in the model remains. The attention is written out (PyTorch 1.13 has no fused
scaled_dot_product_attention), as nanoGPT's non-flash path. Inputs are random ids in [0, 53) with targets the ids
shifted by one, prepared before timing and copied into the batch buffers each step.
"""
import math

import torch
import torch.nn.functional as F

import peer

VOCABULARY = 53
CONTEXT = 64
WIDTH = 64
HEADS = 2
LAYERS = 2
HIDDEN = 256


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1 = torch.nn.LayerNorm(WIDTH)
        self.qkv = torch.nn.Linear(WIDTH, 3 * WIDTH)
        self.out = torch.nn.Linear(WIDTH, WIDTH)
        self.ln_2 = torch.nn.LayerNorm(WIDTH)
        self.dense_0 = torch.nn.Linear(WIDTH, HIDDEN)
        self.dense_1 = torch.nn.Linear(HIDDEN, WIDTH)
        self.register_buffer("mask", torch.tril(torch.ones(CONTEXT, CONTEXT, dtype=torch.bool)))

    def attention(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=2)
        q = q.view(b, t, HEADS, d // HEADS).transpose(1, 2)
        k = k.view(b, t, HEADS, d // HEADS).transpose(1, 2)
        v = v.view(b, t, HEADS, d // HEADS).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(d // HEADS))
        scores = scores.masked_fill(~self.mask[:t, :t], float("-inf"))
        context = F.softmax(scores, dim=-1) @ v
        return self.out(context.transpose(1, 2).contiguous().view(b, t, d))

    def forward(self, x):
        x = x + self.attention(self.ln_1(x))
        return x + self.dense_1(F.gelu(self.dense_0(self.ln_2(x)), approximate="tanh"))


class TransformerLm(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tokens = torch.nn.Embedding(VOCABULARY, WIDTH)
        self.positions = torch.nn.Embedding(CONTEXT, WIDTH)
        self.blocks = torch.nn.ModuleList([Block() for _ in range(LAYERS)])
        self.ln_f = torch.nn.LayerNorm(WIDTH)
        self.head = torch.nn.Linear(WIDTH, VOCABULARY)
        self.register_buffer("steps", torch.arange(CONTEXT))

    def forward(self, ids):
        x = self.tokens(ids) + self.positions(self.steps[:ids.shape[1]])
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))


def main():
    args = peer.arguments()
    batch = 16
    model = TransformerLm()
    assert sum(p.numel() for p in model.parameters()) == 111_029
    optimizer = peer.adamw(model.parameters())
    n = 2000
    text = torch.randint(0, VOCABULARY, (n, CONTEXT + 1))
    ids = torch.empty(batch, CONTEXT, dtype=torch.long)
    targets = torch.empty(batch, CONTEXT, dtype=torch.long)

    def step(i):
        index = (i * batch) % (n - batch)
        ids.copy_(text[index:index + batch, :-1])
        targets.copy_(text[index:index + batch, 1:])
        optimizer.zero_grad(set_to_none=False)
        logits = model(ids)
        F.cross_entropy(logits.view(-1, VOCABULARY), targets.view(-1)).backward()
        optimizer.step()

    peer.run("sotu_lm", args, step)


if __name__ == "__main__":
    main()
