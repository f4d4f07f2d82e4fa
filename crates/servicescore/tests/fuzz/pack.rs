//! Target: the rule-pack loader, and everything the core runs on a pack it accepts.

use super::*;

/// Every built-in pack as JSON, each with the pointer of every node in it.
pub(crate) fn pack_nodes() -> &'static [(Value, Vec<String>)] {
    static NODES: OnceLock<Vec<(Value, Vec<String>)>> = OnceLock::new();
    NODES.get_or_init(|| {
        fn walk(v: &Value, at: String, out: &mut Vec<String>) {
            match v {
                Value::Array(a) => {
                    for (i, x) in a.iter().enumerate() {
                        walk(x, format!("{at}/{i}"), out);
                    }
                }
                Value::Object(o) => {
                    for (k, x) in o {
                        let k = k.replace('~', "~0").replace('/', "~1");
                        walk(x, format!("{at}/{k}"), out);
                    }
                }
                _ => {}
            }
            out.push(at);
        }
        RulePack::builtin_ids()
            .iter()
            .map(|id| {
                let json = servicescore::rulepack::builtin::json(id).expect("a built-in pack");
                let v: Value = serde_json::from_str(json).expect("a built-in pack is JSON");
                let mut out = Vec::new();
                walk(&v, String::new(), &mut out);
                (v, out)
            })
            .collect()
    })
}

/// Raw JSON that no `Value` holds: put in place of a placeholder string after writing.
pub(crate) const RAW_JSON: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "-1e999",
    "-0",
    "0x10",
    "+5",
    ".5",
    "1.",
    "01",
    "18446744073709551616",
    "-9223372036854775809",
    "1e-400",
    "\"\\ud800\"",
    "\"a\\u0000b\"",
    "DEEP",
];

/// Strings a mutation may put anywhere.
pub(crate) const ODD_STRINGS: &[&str] = &[
    "",
    " ",
    "a\nb",
    "23:59:60",
    "24:00:00",
    "00:00:00",
    "23:59:59",
    "09:00",
    "published",
    "assumed",
    "estimated",
    "higher",
    "lower",
    "gate",
    "risk",
    "ge",
    "lt",
    "score",
    "every_dimension",
    "general",
    "apparel",
    "reply_3min_pct",
    "paid_orders",
    "x",
    "0",
    "NaN",
];

/// One change to a JSON document, at node `node % nodes`.
#[derive(Debug, Clone)]
pub(crate) struct Mutation {
    pub(crate) node: Index,
    pub(crate) kind: u8,
    pub(crate) arg: Index,
}

pub(crate) fn placeholder(k: usize) -> String {
    format!("\u{1}RAW{k}\u{1}")
}

/// Applies `m` to `v` (nodes of the original document that no longer exist are skipped).
pub(crate) fn mutate(v: &mut Value, pointers: &[String], m: &Mutation) {
    let ptr = &pointers[m.node.index(pointers.len())];
    // Ids of the document, so that a string can become a duplicate of another.
    let ids = [
        "general",
        "product",
        "reply_3min_pct",
        "traffic_boost",
        "impatient_tone",
    ];
    let Some(node) = v.pointer_mut(ptr) else {
        return;
    };
    let pick = |pool: &[&str]| pool[m.arg.index(pool.len())].to_string();
    let new = match (&*node, m.kind % 16) {
        (_, 15) => Value::String(placeholder(m.arg.index(RAW_JSON.len()))),
        (Value::Number(n), k) => {
            let x = n.as_f64().unwrap_or(0.0);
            let factors = [0.5, 0.9, 0.99, 1.01, 1.1, 2.0, 10.0];
            match k {
                0..=3 => serde_json::json!(x * factors[m.arg.index(factors.len())]),
                4 => serde_json::json!(-x),
                5 => serde_json::json!(0),
                6 => serde_json::json!(1e308),
                7 => serde_json::json!(-1e308),
                8 => serde_json::json!(5e-324),
                9 => serde_json::json!(4_294_967_296u64),
                10 => serde_json::json!(x + 0.5),
                11 => Value::String(x.to_string()),
                12 => Value::Null,
                13 => Value::Bool(true),
                _ => serde_json::json!(x + 1.0),
            }
        }
        (Value::String(s), k) => match k {
            0..=5 => Value::String(pick(ODD_STRINGS)),
            6 | 7 => Value::String(pick(&ids)),
            8 => Value::String(format!("{s}x")),
            9 => Value::String(s.to_uppercase()),
            10 => serde_json::json!(1),
            11 => Value::Null,
            12 => Value::String("x".repeat(300)),
            _ => Value::String(s.chars().rev().collect()),
        },
        (Value::Array(a), k) => {
            let mut a = a.clone();
            let n = a.len();
            match k {
                0 | 1 => a.clear(),
                2 | 3 => a.reverse(),
                4 => {
                    a.pop();
                }
                5 if n > 0 => {
                    a.remove(m.arg.index(n));
                }
                6 if n > 0 => a.push(a[m.arg.index(n)].clone()),
                7 if n > 1 => a.swap(m.arg.index(n), 0),
                8 => a.truncate(1),
                9 => a.push(serde_json::json!(0.5)),
                _ => return,
            }
            Value::Array(a)
        }
        (Value::Object(o), k) => {
            let mut o = o.clone();
            let keys: Vec<String> = o.keys().cloned().collect();
            let key = (!keys.is_empty()).then(|| keys[m.arg.index(keys.len())].clone());
            match (k, key) {
                (0..=3, Some(key)) => {
                    o.remove(&key);
                }
                (4 | 5, Some(key)) => {
                    if let Some(x) = o.remove(&key) {
                        let renamed = if k == 4 {
                            format!("{key}_x")
                        } else {
                            key.to_uppercase()
                        };
                        o.insert(renamed, x);
                    }
                }
                (6, _) => {
                    o.insert("extra".to_string(), serde_json::json!(1));
                }
                (7, _) => {
                    // A published constant without its source.
                    o.insert("provenance".to_string(), serde_json::json!("published"));
                    o.remove("source");
                }
                (8, _) => {
                    *node = Value::Array(Vec::new());
                    return;
                }
                (9, _) => {
                    *node = Value::Null;
                    return;
                }
                (10, Some(key)) => {
                    // A map key that is another id (benchmarks, metrics by industry...).
                    if let Some(x) = o.remove(&key) {
                        o.insert(pick(&ids), x);
                    }
                }
                _ => return,
            }
            Value::Object(o)
        }
        (Value::Bool(b), _) => Value::Bool(!b),
        (Value::Null, k) => match k {
            0..=7 => Value::String(pick(ODD_STRINGS)),
            _ => serde_json::json!(1),
        },
    };
    *node = new;
}

/// Writes `v` (pretty or compact) and puts the raw JSON in place of the placeholders.
pub(crate) fn write_json(v: &Value, pretty: bool, deep: usize) -> String {
    let mut text = if pretty {
        serde_json::to_string_pretty(v)
    } else {
        serde_json::to_string(v)
    }
    .unwrap_or_default();
    if text.contains("\\u0001RAW") {
        for (k, raw) in RAW_JSON.iter().enumerate() {
            let ph = serde_json::to_string(&placeholder(k)).unwrap_or_default();
            if text.contains(&ph) {
                let raw = if *raw == "DEEP" {
                    format!("{}1{}", "[".repeat(deep), "]".repeat(deep))
                } else {
                    (*raw).to_string()
                };
                text = text.replace(&ph, &raw);
            }
        }
    }
    text
}

/// Nesting depths for `DEEP`: around serde_json's recursion limit (128), and far beyond.
pub(crate) fn depth() -> impl Strategy<Value = usize> {
    prop_oneof![
        Just(1usize),
        Just(127),
        Just(128),
        Just(129),
        Just(1000),
        Just(100_000)
    ]
}

pub(crate) fn pack_text() -> impl Strategy<Value = String> {
    let mutated =
        (
            vec(
                (any::<Index>(), any::<u8>(), any::<Index>())
                    .prop_map(|(node, kind, arg)| Mutation { node, kind, arg }),
                0..5,
            ),
            (any::<bool>(), any::<Index>()),
            depth(),
            edits(),
            prop_oneof![9 => Just(false), 1 => Just(true)],
        )
            .prop_map(|(muts, (pretty, which), deep, e, bom)| {
                let (base, pointers) = which.get(pack_nodes());
                let mut v = base.clone();
                for m in &muts {
                    mutate(&mut v, pointers, m);
                }
                let mut text = write_json(&v, pretty, deep);
                // Text damage would mostly hit the 35 KB of prose: damage a small share.
                if e.len() < 2 {
                    apply_edits(&mut text, &e);
                }
                if bom {
                    text.insert(0, '\u{feff}');
                }
                text
            });
    prop_oneof![
        1 => any_text(),
        1 => soup(vec!["{", "}", "[", "]", ",", ":", "\"schema\"", "1", "\"id\"", "\"x\"",
                       "null", "true", "1e999", "-0", "\"metrics\"", " "]),
        18 => mutated,
    ]
}

/// A small file of daily records, and a small session log, to run a pack on.
pub(crate) fn fixtures() -> &'static (DailyRecords, SessionLog) {
    static F: OnceLock<(DailyRecords, SessionLog)> = OnceLock::new();
    F.get_or_init(|| {
        let mut csv = records::header_line();
        csv.push('\n');
        for d in 1..=6 {
            csv.push_str(&format!(
                "2026-11-{d:02},100,20,90,1,50,2000,98,{},5,300,3,400,40,{},0,{}\n",
                90 + d,
                30 + d,
                u8::from(d == 3)
            ));
        }
        let mut log = String::from("session_id,started_at,first_reply_at,rating\n");
        for i in 0..24 {
            let day = 1 + i / 4;
            let h = 8 + i % 16;
            let delay = [30, 170, 181, 900][i % 4];
            log.push_str(&format!(
                "s{i},2024-05-{day:02} {h:02}:00:00,2024-05-{day:02} {h:02}:{:02}:{:02},{}\n",
                delay / 60,
                delay % 60,
                1 + i % 5
            ));
        }
        (
            DailyRecords::from_csv(&csv).expect("the fixture records are valid"),
            SessionLog::from_csv(&log).expect("the fixture log is valid"),
        )
    })
}

#[test]
pub(crate) fn fuzz_rule_pack() {
    fuzz("rule pack JSON", pack_text(), |text, stats| {
        let r = RulePack::from_json(&text);
        let pack = match r {
            Err(e) => {
                stats.bump("refused");
                return check_error(&e, u64::MAX);
            }
            Ok(p) => p,
        };
        stats.bump("accepted: evaluation, timeline, assessment, tally run");
        // What was accepted writes and reads back unchanged.
        let again = RulePack::from_json(&pack.to_json());
        prop_assert_eq!(again.as_ref(), Ok(&pack));
        downstream_of_pack(&pack)
    });
}

/// Everything a page or the CLI runs on a pack, on every industry (at most 4).
pub(crate) fn downstream_of_pack(pack: &RulePack) -> TestCaseResult {
    let (recs, log) = fixtures();
    for ind in pack.industries.iter().take(4) {
        for pick in [0.0, 0.5, 1.0] {
            let mut s = Scenario {
                industry: ind.id.clone(),
                ..Scenario::default()
            };
            for m in &pack.metrics {
                s.set(&m.id, Some(m.range[0] + pick * (m.range[1] - m.range[0])));
            }
            let r = evaluate(pack, &s);
            check(&r)?;
            if let Ok(r) = &r {
                check_score("evaluate", r.score, pack)?;
            }
            check(&sensitivity(pack, &s))?;
        }
        if ind.id == pack.industries[0].id {
            // Each metric alone at its worst, so that improving it can reach the targets and
            // the search runs over its slider grid.
            for m in &pack.metrics {
                let mut s = Scenario {
                    industry: ind.id.clone(),
                    ..Scenario::default()
                };
                s.set(&m.id, Some(m.worst_best().0));
                for t in goal_targets(pack) {
                    check(&goal_seek(pack, &s, &m.id, &t))?;
                }
            }
        }
        let first = recs.first_date().unwrap();
        let last = recs.last_date().unwrap();
        let days = timeline::timeline(pack, &ind.id, recs, first, last);
        check(&days)?;
        for d in days.iter().flatten() {
            check_score("timeline", d.score, pack)?;
        }
        if let Ok(model) = Model::new(pack, &ind.id) {
            let history = History::from_records(pack, recs);
            let start = last.tomorrow().unwrap();
            let s = Window::new(model.clone()).scenario_on(&history, start);
            check(&s)?;
            if let Ok(s) = s {
                let p = project(&model, &history, &Plan::hold(start, &s), start, 10);
                check(&p)?;
            }
        }
    }
    let rules = &pack.customer_service;
    let (first, last) = (log.first_day().unwrap(), log.last_day().unwrap());
    check(&cs::assess(rules, log, first, last))?;
    check(&cs::what_it_takes(rules, log, last.tomorrow().unwrap()))?;
    check(&cs::staffing(rules, log))?;
    let counts: BTreeMap<String, i64> = pack
        .violations
        .items
        .iter()
        .enumerate()
        .map(|(i, v)| (v.id.clone(), [0, 1, 3, i64::MAX][i % 4]))
        .collect();
    check(&tally(&pack.violations, &counts))?;
    Ok(())
}
