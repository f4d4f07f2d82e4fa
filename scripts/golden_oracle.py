#!/usr/bin/env python3
"""Independent oracle for the golden scenarios: SPEC.md §2 (and §7 for the second built-in
pack) transcribed in plain Python.

It shares no code with the Rust core (it reads only the rule packs' numbers), so the golden
file's expected values are not the Rust implementation checking itself. Each case names its
pack (`pack`, default `xhs-2022-08`). Regenerate with:

    python3 scripts/golden_oracle.py > crates/servicescore/tests/golden/scenarios.json
"""
import json
import math
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT = "xhs-2022-08"
PACKS = {pid: json.loads((ROOT / f"crates/servicescore/rules/{pid}.json").read_text())
         for pid in (DEFAULT, "xhs-qianfan-2026")}


def decimals(pack):
    d = pack["score"]["decimals"]
    return d["value"] if isinstance(d, dict) else d


def rnd(x, d):
    # Half away from zero, snapping float noise within 1e-9 of a half.
    s = round(x * 10**d * 1e9) / 1e9
    return math.floor(abs(s) + 0.5) * (1 if s >= 0 else -1) / 10**d


def interp(x, xs, ys):
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    for i in range(len(xs) - 1):
        if xs[i] <= x <= xs[i + 1]:
            return ys[i] + (x - xs[i]) / (xs[i + 1] - xs[i]) * (ys[i + 1] - ys[i])
    raise AssertionError


def evaluate(scenario, pack_id=DEFAULT):
    PACK = PACKS[pack_id]
    dec = decimals(PACK)
    ind_id = scenario.get("industry", "general")
    ind = next(i for i in PACK["industries"] if i["id"] == ind_id)
    out = {"applicable": ind["applicable"]["value"]}
    if not out["applicable"]:
        out.update(score=None, display_score=None, stars=None, dimensions={},
                   thresholds={t["id"]: False for t in PACK["thresholds"]})
        return out
    ps = PACK["percentiles"]["value"]
    curve = PACK["points_curve"]["value"]
    dims = {}
    for m in PACK["metrics"]:
        v = scenario.get("metrics", {}).get(m["id"])
        if v is None:
            continue
        knots = PACK["benchmarks"][ind_id][m["id"]]["value"]
        if m["better"] == "lower":
            p = interp(-v, [-k for k in knots], ps)
        else:
            p = interp(v, knots, ps)
        pts = interp(p, [c[0] for c in curve], [c[1] for c in curve])
        w = m["weight"]["value"]
        d = dims.setdefault(m["dimension"], [0.0, 0.0])
        d[0] += w * pts
        d[1] += w
    dscores = {k: s / w for k, (s, w) in dims.items()}
    num = sum(d["weight"]["value"] * dscores[d["id"]] for d in PACK["dimensions"] if d["id"] in dscores)
    den = sum(d["weight"]["value"] for d in PACK["dimensions"] if d["id"] in dscores)
    score = None if den == 0 else min(5.0, max(3.0, num / den))
    out["score"] = score
    out["display_score"] = None if score is None else "%.*f" % (dec, rnd(score, dec))
    if score is None:
        out["stars"] = None
    else:
        shown = rnd(score, dec)
        out["stars"] = next((b["stars"] for b in PACK["stars"]["bands"]["value"] if shown >= b["min_score"]),
                            PACK["stars"]["floor"]["value"])
    out["dimensions"] = {k: "%.*f" % (dec, rnd(v, dec)) for k, v in dscores.items()}
    th = {}
    for t in PACK["thresholds"]:
        ok = score is not None
        for c in t["conditions"] if ok else []:
            vals = [rnd(score, dec)] if c["subject"] == "score" else [rnd(v, dec) for v in dscores.values()]
            for x in vals:
                ok = ok and {">=": x >= c["value"], ">": x > c["value"], "<=": x <= c["value"], "<": x < c["value"]}[c["op"]]
        th[t["id"]] = ok
    out["thresholds"] = th
    return out


MEDIANS = {"review_score": 4.7, "quality_refund_pct": 0.8, "pay_to_sign_hours": 84, "ship_on_time_pct": 97,
           "refund_only_hours": 18, "return_refund_hours": 108, "reply_3min_pct": 85, "dispute_pct": 0.1}
EX2 = {"review_score": 4.85, "quality_refund_pct": 0.3, "pay_to_sign_hours": 60, "ship_on_time_pct": 99.5,
       "refund_only_hours": 30, "return_refund_hours": 150, "reply_3min_pct": 62}
CASES = [
    ("example_1_medians", "SPEC §4 example 1: every metric at its industry median", {"metrics": MEDIANS}),
    ("example_2_no_disputes", "SPEC §4 example 2: strong shipping, slow replies, no dispute data", {"metrics": EX2}),
    ("example_3_reply_only", "SPEC §4 example 3: only the 3-minute reply rate, 60%", {"metrics": {"reply_3min_pct": 60}}),
    ("all_best", "every metric at its best value: 5.00, all gates", {"metrics": {"review_score": 5, "quality_refund_pct": 0, "pay_to_sign_hours": 24,
        "ship_on_time_pct": 100, "refund_only_hours": 0, "return_refund_hours": 24, "reply_3min_pct": 100, "dispute_pct": 0}}),
    ("all_worst", "every metric beyond its worst knot: 3.00, termination risk", {"metrics": {"review_score": 2.5, "quality_refund_pct": 12, "pay_to_sign_hours": 300,
        "ship_on_time_pct": 40, "refund_only_hours": 200, "return_refund_hours": 400, "reply_3min_pct": 0, "dispute_pct": 3}}),
    ("activity_gate_met", "score ≥ 4.5 with every dimension ≥ 4.0", {"metrics": {"review_score": 4.8, "quality_refund_pct": 0.4, "pay_to_sign_hours": 66,
        "ship_on_time_pct": 99, "refund_only_hours": 12, "return_refund_hours": 96, "reply_3min_pct": 90, "dispute_pct": 0.05}}),
    ("activity_gate_blocked_by_dimension", "score ≥ 4.5 but consultation below 4.0 blocks the campaign gate", {"metrics": {"review_score": 4.95, "quality_refund_pct": 0.05,
        "pay_to_sign_hours": 40, "ship_on_time_pct": 100, "refund_only_hours": 1, "return_refund_hours": 40, "reply_3min_pct": 60, "dispute_pct": 0.01}}),
    ("rounds_up_to_five_stars", "reply 92.9% gives 4.795 points, displayed 4.80: five stars and traffic boost", {"metrics": {"reply_3min_pct": 92.9}}),
    ("rounds_down_below_five_stars", "reply 92.8% gives 4.79: four and a half stars", {"metrics": {"reply_3min_pct": 92.8}}),
    ("just_out_of_risk", "reply 57.3% displays 3.50: no termination risk", {"metrics": {"reply_3min_pct": 57.3}}),
    ("in_risk", "reply 57.2% displays 3.49: termination risk", {"metrics": {"reply_3min_pct": 57.2}}),
    ("logistics_only", "only logistics data", {"metrics": {"pay_to_sign_hours": 100, "ship_on_time_pct": 95, "reply_3min_pct": None}}),
    ("apparel_mixed", "apparel benchmarks (assumed)", {"industry": "apparel", "metrics": {"review_score": 4.6, "quality_refund_pct": 1.2,
        "pay_to_sign_hours": 96, "ship_on_time_pct": 97.5, "refund_only_hours": 24, "return_refund_hours": 130, "reply_3min_pct": 88, "dispute_pct": 0.08}}),
    ("beauty_mixed", "beauty benchmarks (assumed)", {"industry": "beauty", "metrics": {"review_score": 4.9, "quality_refund_pct": 0.2,
        "ship_on_time_pct": 99.5, "reply_3min_pct": 96, "dispute_pct": 0.03}}),
    ("home_slow_logistics", "home industry tolerates slower delivery", {"industry": "home", "metrics": {"pay_to_sign_hours": 120, "ship_on_time_pct": 96,
        "return_refund_hours": 200}}),
    ("no_data", "no metric has data: no score (暂无服务分)", {"metrics": {}}),
    ("outdoor_service_excluded", "outdoor services are outside the rules", {"industry": "outdoor_service", "metrics": {"reply_3min_pct": 90}}),
    ("local_life_excluded", "offline local-life services are outside the rules", {"industry": "local_life_service", "metrics": {"ship_on_time_pct": 99}}),
]

QIANFAN = "xhs-qianfan-2026"
# SPEC §7: the 千帆 店铺分 (品质 50 %, 物流 20 %, 服务 30 %, one decimal), the rest as the default.
QIANFAN_CASES = [
    ("qianfan_medians", "every metric at its industry median: every dimension 4.4, score 4.4, 4 stars", {"metrics": MEDIANS}),
    ("qianfan_example_2_no_disputes", "SPEC §4 example 2's inputs: 0.5·4.89 + 0.2·4.921429 + 0.3·3.782667 = 4.564086, shown 4.6; service 3.8 blocks sign-up", {"metrics": EX2}),
    ("qianfan_reply_only", "only the reply rate (60%): the service dimension alone, 3.56 shown as 3.6", {"metrics": {"reply_3min_pct": 60}}),
    ("qianfan_one_decimal_reaches_4_5", "review 4.75 with the other medians: 4.45 shown as 4.5, 4.5 stars and campaign sign-up (4.42 under the 2022 pack)",
        {"metrics": dict(MEDIANS, review_score=4.75)}),
    ("qianfan_one_decimal_stays_below", "review 4.74 with the other medians: 4.44, shown as 4.4, 4 stars", {"metrics": dict(MEDIANS, review_score=4.74)}),
    ("qianfan_one_decimal_escapes_risk", "reply 57.2% only: 3.4928 shown as 3.5, no termination risk (3.49, at risk, under the 2022 pack)",
        {"metrics": {"reply_3min_pct": 57.2}}),
    ("qianfan_in_risk", "reply 55.4% only: 3.444 shown as 3.4: termination risk", {"metrics": {"reply_3min_pct": 55.4}}),
    ("qianfan_quality_weighs_half", "strong quality, weak service: quality's 50 % carries the score", {"metrics": {"review_score": 5, "quality_refund_pct": 0,
        "pay_to_sign_hours": 84, "ship_on_time_pct": 97, "refund_only_hours": 72, "return_refund_hours": 192, "reply_3min_pct": 50, "dispute_pct": 0.5}}),
    ("qianfan_all_best", "every metric at its best value: 5.0, all gates", {"metrics": {"review_score": 5, "quality_refund_pct": 0, "pay_to_sign_hours": 24,
        "ship_on_time_pct": 100, "refund_only_hours": 0, "return_refund_hours": 24, "reply_3min_pct": 100, "dispute_pct": 0}}),
    ("qianfan_all_worst", "every metric beyond its worst knot: 3.0, termination risk", {"metrics": {"review_score": 2.5, "quality_refund_pct": 12, "pay_to_sign_hours": 300,
        "ship_on_time_pct": 40, "refund_only_hours": 200, "return_refund_hours": 400, "reply_3min_pct": 0, "dispute_pct": 3}}),
    ("qianfan_apparel_mixed", "apparel benchmarks (assumed) under the three-dimension pack", {"industry": "apparel", "metrics": {"review_score": 4.6, "quality_refund_pct": 1.2,
        "pay_to_sign_hours": 96, "ship_on_time_pct": 97.5, "refund_only_hours": 24, "return_refund_hours": 130, "reply_3min_pct": 88, "dispute_pct": 0.08}}),
    ("qianfan_no_data", "no metric has data: no score", {"metrics": {}}),
    ("qianfan_outdoor_service_excluded", "outdoor services are outside the rules", {"industry": "outdoor_service", "metrics": {"reply_3min_pct": 90}}),
]


def main():
    cases = []
    for pack_id, group in ((DEFAULT, CASES), (QIANFAN, QIANFAN_CASES)):
        for name, desc, inp in group:
            exp = evaluate(inp, pack_id)
            if exp["score"] is not None:
                exp["score"] = round(exp["score"], 9)
            cases.append({"name": name, "description": desc, "pack": pack_id, "input": inp, "expected": exp})
    doc = {
        "about": "Golden scenarios shared by the core tests (crates/servicescore/tests/golden.rs) and the browser "
                 "tests. Each case names its rule pack (`pack`; `rule_pack` is the default for a case without one). "
                 "Expected values come from scripts/golden_oracle.py, an independent transcription of SPEC.md §2 "
                 "and §7; examples 1–3 also match SPEC §4 by hand, qianfan_medians SPEC §7 by hand (every "
                 "dimension 4.4, score 4.4, 4 stars). `score` is rounded to 9 decimals.",
        "rule_pack": DEFAULT,
        "cases": cases,
    }
    print(json.dumps(doc, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
