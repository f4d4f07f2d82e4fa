#!/usr/bin/env python3
"""Writes www/examples/daily-example.csv and daily-template.csv (deterministic: fixed seed).

Run from the repository root: python3 scripts/gen-daily-example.py

A mid-size shop, 200 days ending 2026-11-20: 80-150 paid orders a day with a weekly rhythm,
a courier strike 2026-08-24..08-30 (ship-on-time 35-50 %, slow delivery, a flood of questions
answered late), a typhoon day 2026-09-15 and an appealed day of malicious complaints
2026-10-08 (both `excluded`), and one force-majeure day 2026-07-03.
"""
import datetime as dt
import math
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "www/examples"
COLS = ["date", "paid_orders", "review_count", "review_sum", "quality_refunds", "signed_orders",
        "sign_hours_sum", "ship_due", "shipped_on_time", "refund_only_count",
        "refund_only_hours_sum", "return_refund_count", "return_refund_hours_sum",
        "consultations", "replied_3min", "disputes", "excluded"]
END = dt.date(2026, 11, 20)
DAYS = 200
STRIKE = (dt.date(2026, 8, 24), dt.date(2026, 8, 30))
EXCLUDED = {dt.date(2026, 7, 3), dt.date(2026, 9, 15), dt.date(2026, 10, 8)}

# Only random() (and gauss/uniform, built on it) is used: its sequence is stable across Python
# versions, unlike choice/randint.
rng = random.Random(20261120)
LOWER = [4, 4, 4, 3, 2, 1]  # stars of a review that is not 5


def poisson(lam):
    # Knuth: fine for the small rates used here.
    l, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= l:
            return k
        k += 1


def binom(n, p):
    return sum(1 for _ in range(n) if rng.random() < p)


rows = []
for i in range(DAYS):
    day = END - dt.timedelta(days=DAYS - 1 - i)
    strike = STRIKE[0] <= day <= STRIKE[1]
    after = STRIKE[1] < day <= STRIKE[1] + dt.timedelta(days=4)
    weekday = day.weekday()
    base = 112 + 18 * math.sin(2 * math.pi * (weekday + 1) / 7) + 6 * math.sin(i / 23)
    orders = max(80, min(150, round(base + rng.gauss(0, 9))))
    ship_due = max(1, round(orders * rng.uniform(0.93, 1.05)))
    on_time_p = rng.uniform(0.35, 0.5) if strike else 0.985
    shipped = binom(ship_due, on_time_p)
    signed = max(1, round(orders * rng.uniform(0.9, 1.05)))
    hours = rng.gauss(150, 10) if (strike or after) else rng.gauss(74, 4)
    sign_hours = round(signed * hours, 1)
    reviews = binom(orders, 0.24)
    review_sum = sum(5 if rng.random() < 0.86 else LOWER[int(rng.random() * len(LOWER))]
                     for _ in range(reviews))
    quality = binom(orders, 0.005)
    ro = binom(orders, 0.03)
    ro_hours = round(sum(max(0.5, rng.gauss(11, 6)) for _ in range(ro)), 1)
    rr = binom(orders, 0.02)
    rr_hours = round(sum(max(24, rng.gauss(104, 25)) for _ in range(rr)), 1)
    cons = binom(orders, 0.35) * (2 if strike else 1)
    replied = binom(cons, 0.62 if strike else 0.74)
    disputes = poisson(orders * (0.003 if strike else 0.0009))
    excluded = 0
    if day in EXCLUDED:
        excluded = 1
        if day == dt.date(2026, 9, 15):  # typhoon: almost nothing shipped in time
            shipped = binom(ship_due, 0.2)
        if day == dt.date(2026, 10, 8):  # malicious complaints, appealed successfully
            disputes = 4
    rows.append([day.isoformat(), orders, reviews, review_sum, quality, signed, sign_hours,
                 ship_due, shipped, ro, ro_hours, rr, rr_hours, cons, replied, disputes,
                 excluded])


def fmt(v):
    if isinstance(v, float):
        return f"{v:.1f}".rstrip("0").rstrip(".")
    return str(v)


with open(f"{OUT}/daily-example.csv", "w", newline="") as f:
    f.write(",".join(COLS) + "\n")
    for r in rows:
        f.write(",".join(fmt(v) for v in r) + "\n")
with open(f"{OUT}/daily-template.csv", "w", newline="") as f:
    f.write(",".join(COLS) + "\n")
    f.write("2026-11-20,120,28,134,1,115,8510.5,118,116,4,46,2,210,42,34,0,0\n")
