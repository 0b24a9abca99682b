"""Learning rates per step from PyTorch's schedulers, as JSON lists, for comparison.

Usage: lr_schedules.py BASE_LR TOTAL_STEPS
"""
import json
import sys

import torch


def one_cycle(base_lr, total):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=base_lr, total_steps=total, pct_start=0.3,
                                                div_factor=25.0, final_div_factor=1e4, anneal_strategy="cos",
                                                cycle_momentum=False)
    lrs = []
    for _ in range(total):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


def cosine(base_lr, total):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total, eta_min=0.0)
    lrs = []
    for _ in range(total):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return lrs


def main():
    base_lr, total = float(sys.argv[1]), int(sys.argv[2])
    json.dump({"one_cycle": one_cycle(base_lr, total), "cosine": cosine(base_lr, total)}, sys.stdout)


if __name__ == "__main__":
    main()
