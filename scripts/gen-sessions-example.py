#!/usr/bin/env python3
"""Writes www/examples/sessions-example.csv: a deterministic, realistic merchant session log.

Six weeks (2025-05-05 .. 2025-06-15), ~80 sessions a day with an evening peak, some at
night (outside the assessed 09:00:00-23:00:00), a few never answered, ~30 % rated. A staff
shortage from 2025-05-19 to 2025-05-27 drops the 3-minute reply rate so that the rolling
rate falls below 80 % and a penalty starts. Only random.Random(seed).random() is used: its
sequence is stable across Python versions (randint/choice are not).

Usage: python3 scripts/gen-sessions-example.py > www/examples/sessions-example.csv
"""
import datetime as dt
import random
import sys

rng = random.Random(20250505)
r = rng.random

START = dt.date(2025, 5, 5)
DAYS = 42
SHORTAGE = (dt.date(2025, 5, 19), dt.date(2025, 5, 27))
# Relative weight of each hour of the day (buyers write most in the evening).
HOURS = [1.0, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.0, 3.5, 5.0, 5.5,
         4.5, 4.5, 5.0, 5.0, 4.5, 4.0, 4.0, 5.0, 6.5, 7.0, 6.0, 3.0]


def pick(weights):
    x = r() * sum(weights)
    for i, w in enumerate(weights):
        x -= w
        if x < 0:
            return i
    return len(weights) - 1


def between(lo, hi):
    return lo + int(r() * (hi - lo + 1))


def reply_delay(day, second_of_day):
    """Seconds to the first reply, or None when never answered."""
    staffed = 9 * 3600 <= second_of_day < 23 * 3600
    if not staffed:
        # Nobody on duty: answered when the shift starts (or not at all).
        if r() < 0.15:
            return None
        if second_of_day >= 23 * 3600:
            return (24 * 3600 - second_of_day) + between(60, 9 * 3600 + 1800)
        return (9 * 3600 - second_of_day) + between(0, 1800)
    short = SHORTAGE[0] <= day <= SHORTAGE[1]
    p_in_time, p_never = (0.56, 0.10) if short else (0.91, 0.02)
    x = r()
    if x < p_in_time:
        return between(3, 180)
    if x < 1 - p_never:
        return between(181, 2400)
    return None


def rating(delay):
    if r() >= 0.30:
        return ""
    late = delay is None or delay > 180
    # Weights of ratings 1..5; slow answers make unhappy buyers.
    weights = [0.12, 0.14, 0.14, 0.25, 0.35] if late else [0.02, 0.03, 0.07, 0.25, 0.63]
    return str(pick(weights) + 1)


def fmt(t):
    return t.strftime("%Y-%m-%d %H:%M:%S")


rows = []
for k in range(DAYS):
    day = START + dt.timedelta(days=k)
    weekend = day.weekday() >= 5
    n = between(85, 105) if weekend else between(65, 85)
    seconds = []
    for _ in range(n):
        h = pick(HOURS)
        seconds.append(h * 3600 + between(0, 3599))
    # Boundary cases a real export contains now and then.
    if k % 7 == 2:
        seconds += [9 * 3600, 23 * 3600]
    if k % 7 == 4:
        seconds.append(23 * 3600 + 1)
    seconds.sort()
    for i, s in enumerate(seconds):
        start = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=s)
        delay = reply_delay(day, s)
        reply = "" if delay is None else fmt(start + dt.timedelta(seconds=delay))
        rows.append((f"XHS{day:%Y%m%d}{i + 1:04d}", fmt(start), reply, rating(delay)))

out = sys.stdout
out.write("session_id,started_at,first_reply_at,rating\n")
for row in rows:
    out.write(",".join(row) + "\n")
