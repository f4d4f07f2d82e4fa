#!/usr/bin/env python3
"""Independent oracle for the golden plans (SPEC §5): the exact least effort on the slider grid.

It shares no code with the Rust core and uses another method: every grid value of every
allowed metric is enumerated, the options of a dimension's metrics are combined exhaustively
with Pareto pruning (drop an option when another costs no more and gives the dimension no
less), then the dimensions likewise into the overall score. Pruning is exact because scores
are sums of per-metric contributions and every bound a target sets is monotone, so the
cheapest plan meeting the target is on the final frontier: no tolerance, the grid optimum.
The Rust planner must match it within one grid step per moved metric (its stated bound).

It reads both built-in packs from crates/servicescore/rules/ (xhs-qianfan-2026: three
dimensions, one with four metrics, one display decimal). Regenerate with:

    python3 scripts/plan_oracle.py
"""
import json
import math
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from golden_oracle import interp, rnd  # noqa: E402  (SPEC §2's interpolation and rounding)

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT = json.loads((ROOT / "crates/servicescore/rules/xhs-2022-08.json").read_text())
GOLDEN = ROOT / "crates/servicescore/tests/golden"


QIANFAN = json.loads((ROOT / "crates/servicescore/rules/xhs-qianfan-2026.json").read_text())
PACKS = {"xhs-2022-08": DEFAULT, "xhs-qianfan-2026": QIANFAN}


def decimals_of(x):
    for d in range(7):
        if abs(x * 10**d - round(x * 10**d)) < 1e-9:
            return d
    return 6


class Model:
    def __init__(self, pack, industry):
        self.pack = pack
        self.industry = industry
        d = pack["score"]["decimals"]
        self.dec = d["value"] if isinstance(d, dict) else d

    def points(self, m, v):
        knots = self.pack["benchmarks"][self.industry][m["id"]]["value"]
        ps = self.pack["percentiles"]["value"]
        curve = self.pack["points_curve"]["value"]
        p = interp(-v, [-k for k in knots], ps) if m["better"] == "lower" else interp(v, knots, ps)
        return interp(p, [c[0] for c in curve], [c[1] for c in curve])

    def scores(self, values):
        """(overall, {dimension: score}) from {metric: value}."""
        sums = {}
        for m in self.pack["metrics"]:
            v = values.get(m["id"])
            if v is None:
                continue
            s = sums.setdefault(m["dimension"], [0.0, 0.0])
            s[0] += m["weight"]["value"] * self.points(m, v)
            s[1] += m["weight"]["value"]
        dims = {d: s / w for d, (s, w) in sums.items()}
        den = sum(d["weight"]["value"] for d in self.pack["dimensions"] if d["id"] in dims)
        if den == 0:
            return None, dims
        num = sum(d["weight"]["value"] * dims[d["id"]] for d in self.pack["dimensions"] if d["id"] in dims)
        lo, hi = self.pack["score"]["min"]["value"], self.pack["score"]["max"]["value"]
        return min(hi, max(lo, num / den)), dims

    def shown(self, x):
        return rnd(x, self.dec)

    def stars(self, overall):
        if overall is None:
            return None
        s = self.shown(overall)
        return next((b["stars"] for b in self.pack["stars"]["bands"]["value"] if s >= b["min_score"]),
                    self.pack["stars"]["floor"]["value"])


OPS = {">=": lambda a, b: a >= b, ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b}


def reached(model, target, overall, dims):
    """The target judged on displayed values, as SPEC §2 steps 5–6 say."""
    if overall is None:
        return False
    kind, _, arg = target.partition(":")
    if kind == "score":
        return model.shown(overall) >= float(arg)
    if kind == "stars":
        return model.stars(overall) >= float(arg)
    t = next(t for t in model.pack["thresholds"] if t["id"] == arg)
    met = True
    for c in t["conditions"]:
        vals = [overall] if c["subject"] == "score" else list(dims.values())
        met = met and all(OPS[c["op"]](model.shown(v), c["value"]) for v in vals)
    return met if t["kind"] == "gate" else not met


def grid(m):
    s = m["slider"]
    dec = max(decimals_of(s["step"]), decimals_of(s["min"]))
    last = math.floor((s["max"] - s["min"]) / s["step"] + 1e-9)
    return [round(s["min"] + k * s["step"], dec) for k in range(last + 1)]


def span(model, m):
    k = model.pack["benchmarks"][model.industry][m["id"]]["value"]
    return abs(k[-1] - k[0])


def options(model, m, current, weight, allowed):
    """(effort, value) of every grid value strictly better than `current`, and staying."""
    out = [(0.0, current)]
    if not allowed:
        return out
    sign = 1 if m["better"] == "higher" else -1
    tol = 1e-9 * m["slider"]["step"]
    for g in grid(m):
        if sign * (g - current) > tol:
            out.append((weight * abs(g - current) / span(model, m), g))
    return out


def prune(items):
    """Pareto frontier of (effort, gain, choice): cheapest first, gain strictly rising."""
    items.sort(key=lambda t: (t[0], -t[1]))
    out = []
    for it in items:
        if not out or it[1] > out[-1][1] + 1e-13:
            out.append(it)
    return out


def merge(a, b):
    return prune([(ea + eb, ga + gb, ca + cb) for ea, ga, ca in a for eb, gb, cb in b])


def plan(pack_id, scenario, target, metrics=None, costs=None):
    pack = PACKS[pack_id]
    model = Model(pack, scenario.get("industry", "general"))
    values = {k: v for k, v in scenario["metrics"].items() if v is not None}
    costs = costs or {}
    allowed = set(metrics) if metrics is not None else set(values)
    overall0, dims0 = model.scores(values)

    def result(vals):
        o, d = model.scores(vals)
        return {"display_score": None if o is None else "%.*f" % (model.dec, model.shown(o)),
                "stars": model.stars(o)}

    if reached(model, target, overall0, dims0):
        return dict(reachable=True, effort=0.0, changes=[], **result(values))
    best = dict(values)
    for m in pack["metrics"]:
        if m["id"] in values and m["id"] in allowed:
            opts = options(model, m, values[m["id"]], 1.0, True)
            best[m["id"]] = opts[-1][1] if m["better"] == "higher" else min(o[1] for o in opts)
    ob, db = model.scores(best)
    if not reached(model, target, ob, db):
        return dict(reachable=False, effort=0.0, changes=[], best=result(best), **result(values))
    # Per dimension: frontier of (effort, weighted points, choices) over its metrics' options.
    frontiers = {}
    for d in pack["dimensions"]:
        ms = [m for m in pack["metrics"] if m["dimension"] == d["id"] and m["id"] in values]
        if not ms:
            continue
        wsum = sum(m["weight"]["value"] for m in ms)
        f = [(0.0, 0.0, ())]
        for m in ms:
            w = m["weight"]["value"] / wsum
            opts = options(model, m, values[m["id"]], costs.get(m["id"], 1.0), m["id"] in allowed)
            f = merge(f, [(e, w * model.points(m, v), ((m["id"], v),) if e > 0 else ()) for e, v in opts])
        frontiers[d["id"]] = f
    present = sum(d["weight"]["value"] for d in pack["dimensions"] if d["id"] in frontiers)
    # A threshold's every-dimension bounds filter each dimension's frontier; escaping a risk
    # or a star/score target leaves them whole. Then the dimensions combine.
    total = [(0.0, 0.0, ())]
    for d in pack["dimensions"]:
        if d["id"] not in frontiers:
            continue
        f = frontiers[d["id"]]
        kind, _, arg = target.partition(":")
        if kind == "threshold":
            t = next(t for t in pack["thresholds"] if t["id"] == arg)
            for c in t["conditions"]:
                if c["subject"] == "every_dimension" and t["kind"] == "gate":
                    f = [x for x in f if OPS[c["op"]](model.shown(x[1]), c["value"])]
        wd = d["weight"]["value"] / present
        total = merge(total, [(e, wd * g, ch) for e, g, ch in f])
    for e, g, ch in total:
        vals = dict(values)
        vals.update(dict(ch))
        o, dd = model.scores(vals)
        if reached(model, target, o, dd):
            order = [m["id"] for m in pack["metrics"]]
            changes = sorted(({"metric": k, "from": values[k], "to": v} for k, v in ch),
                             key=lambda c: order.index(c["metric"]))
            return dict(reachable=True, effort=round(e, 12), changes=changes, **result(vals))
    raise AssertionError("the best values reach the target but no frontier plan does")


WEAK = {"review_score": 4.6, "quality_refund_pct": 1.2, "pay_to_sign_hours": 90, "ship_on_time_pct": 95,
        "refund_only_hours": 24, "return_refund_hours": 120, "reply_3min_pct": 70, "dispute_pct": 0.2}
EX2 = {"review_score": 4.85, "quality_refund_pct": 0.3, "pay_to_sign_hours": 60, "ship_on_time_pct": 99.5,
       "refund_only_hours": 30, "return_refund_hours": 150, "reply_3min_pct": 62}
MEDIANS = {"review_score": 4.7, "quality_refund_pct": 0.8, "pay_to_sign_hours": 84, "ship_on_time_pct": 97,
           "refund_only_hours": 18, "return_refund_hours": 108, "reply_3min_pct": 85, "dispute_pct": 0.1}

CASES = [
    ("weak_shop_to_4_5_stars", "issue 13's typical weak shop (4.05): no single metric reaches 4.5 stars, a plan does",
     "xhs-2022-08", {"metrics": WEAK}, "stars:4.5", None, None),
    ("weak_shop_to_5_stars", "the weak shop to five stars (display 4.80)", "xhs-2022-08", {"metrics": WEAK}, "stars:5", None, None),
    ("weak_shop_activity_signup", "campaign sign-up: score 4.5 and every dimension 4.0", "xhs-2022-08",
     {"metrics": WEAK}, "threshold:activity_signup", None, None),
    ("weak_shop_traffic_boost", "traffic boost: score 4.8", "xhs-2022-08", {"metrics": WEAK}, "threshold:traffic_boost", None, None),
    ("weak_shop_score_4_2", "a small step: displayed 4.20", "xhs-2022-08", {"metrics": WEAK}, "score:4.2", None, None),
    ("weak_shop_replies_are_hard", "the reply rate weighs 3 (hard), quality refunds 0.5 (easy)", "xhs-2022-08",
     {"metrics": WEAK}, "stars:4.5", None, {"reply_3min_pct": 3, "quality_refund_pct": 0.5}),
    ("weak_shop_two_metrics", "only shipping and replies may move", "xhs-2022-08", {"metrics": WEAK}, "stars:4.5",
     ["ship_on_time_pct", "reply_3min_pct"], None),
    ("weak_shop_review_only_unreachable", "the review score alone cannot reach five stars: the best it gives",
     "xhs-2022-08", {"metrics": WEAK}, "stars:5", ["review_score"], None),
    ("example_2_activity_signup", "SPEC §4 example 2: consultation (3.61) blocks the campaign gate", "xhs-2022-08",
     {"metrics": EX2}, "threshold:activity_signup", None, None),
    ("example_3_four_stars", "SPEC §4 example 3: the single-metric goal seek's 74.9 %", "xhs-2022-08",
     {"metrics": {"reply_3min_pct": 60}}, "stars:4", None, None),
    ("escape_termination_risk", "reply 20 % (3.24): escaping the termination risk needs 3.50", "xhs-2022-08",
     {"metrics": {"reply_3min_pct": 20, "ship_on_time_pct": 60}}, "threshold:termination_risk", None, None),
    ("medians_already_four_stars", "already met: no changes", "xhs-2022-08", {"metrics": MEDIANS}, "stars:4", None, None),
    ("off_grid_and_beyond_the_slider", "reply 62.55 % is off the 0.1 grid; quality refunds 20 % lie beyond the "
     "0–15 slider and pay the whole way back", "xhs-2022-08",
     {"metrics": {"reply_3min_pct": 62.55, "quality_refund_pct": 20, "review_score": 4.7}}, "stars:4.5", None, None),
    ("apparel_weak_shop", "apparel benchmarks", "xhs-2022-08", {"industry": "apparel", "metrics": WEAK}, "stars:4.5", None, None),
    ("qianfan_weak_shop", "the built-in xhs-qianfan-2026: four metrics in one dimension, one decimal",
     "xhs-qianfan-2026", {"metrics": WEAK}, "stars:4.5", None, None),
    ("qianfan_activity_signup", "the same pack: every dimension at least 4.0 on a one-decimal display",
     "xhs-qianfan-2026", {"metrics": WEAK}, "threshold:activity_signup", None, None),
    ("qianfan_service_only", "the same pack: only the four service metrics move", "xhs-qianfan-2026",
     {"metrics": WEAK}, "score:4.3", ["refund_only_hours", "return_refund_hours", "reply_3min_pct", "dispute_pct"], None),
]


def main():
    cases = []
    for name, desc, pack, scenario, target, metrics, costs in CASES:
        exp = plan(pack, scenario, target, metrics, costs)
        case = {"name": name, "description": desc, "pack": pack, "scenario": scenario, "target": target}
        if metrics is not None:
            case["metrics"] = metrics
        if costs:
            case["costs"] = costs
        case["expected"] = exp
        cases.append(case)
        print(name, json.dumps(exp), file=sys.stderr)
    doc = {
        "about": "Golden plans (SPEC §5) for crates/servicescore/tests/plans/. Expected values come from "
                 "scripts/plan_oracle.py: an exhaustive search of the slider grid with Pareto pruning, exact on "
                 "the grid. `effort` is the grid optimum; the Rust planner must reach the target with an "
                 "effort within one grid step per metric it moves of it. `changes` is one optimal plan (another "
                 "of equal effort may exist).",
        "cases": cases,
    }
    (GOLDEN / "plans.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
