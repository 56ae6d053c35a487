#!/usr/bin/env python3
"""PyTorch's side of the training benchmark: the same 784-256-128-10 ReLU MLP, Adam
(lr 1e-3), batch 128, shuffled, one epoch over the 60,000 Fashion-MNIST training
images, timed like lina's example (the training loop only). Prints one JSON record.

usage: train_peer.py THREADS [EPOCHS]"""
import gzip
import json
import sys
import time

import numpy as np
import torch

threads = int(sys.argv[1])
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
torch.set_num_threads(threads)  # PyTorch defaults to 1 thread on these machines
torch.manual_seed(0)
d = "/usr/share/datasets/fashion-mnist"


def idx(path):
    raw = gzip.open(path).read()
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(shape)


x = torch.tensor(idx(f"{d}/train-images-idx3-ubyte.gz").reshape(60000, 784).astype(np.float32) / 255)
y = torch.tensor(idx(f"{d}/train-labels-idx1-ubyte.gz").astype(np.int64))
net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                          torch.nn.Linear(128, 10))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()
seconds = []
for _ in range(epochs):
    t0 = time.perf_counter()
    order = torch.randperm(60000)
    for start in range(0, 60000, 128):
        rows = order[start:start + 128]
        loss = loss_fn(net(x[rows]), y[rows])
        opt.zero_grad()
        loss.backward()
        opt.step()
    seconds.append(time.perf_counter() - t0)
best = min(seconds)
print(json.dumps({"group": "training", "workload": "fashion-mnist MLP 784-256-128-10, batch 128, Adam: one epoch",
                  "library": f"pytorch {torch.__version__}", "threads": threads, "seconds": best,
                  "value": 60000 / best, "unit": "images/s"}))
