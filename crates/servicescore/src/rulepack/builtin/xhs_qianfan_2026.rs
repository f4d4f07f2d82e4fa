//! The built-in rule pack `xhs-qianfan-2026` as Rust, generated from `rules/xhs-qianfan-2026.json` by
//! `rulepack::tests::builtin_pack_sources_are_current` (databake). Do not edit: change
//! the JSON, then run `UPDATE_BUILTIN_PACKS=1 cargo test -p servicescore builtin_pack_sources`.

extern crate alloc;
/// The pack (validated by the tests that generate this file).
pub(super) fn build() -> crate::rulepack::RulePack {
    crate::rulepack::RulePack {
        schema: 2u32,
        id: "xhs-qianfan-2026".to_owned(),
        title: crate::rulepack::Names {
            zh: "小红书千帆店铺分（2026，据商家所见）参考模型"
                .to_owned(),
            en: "Xiaohongshu Qianfan shop score (2026, as merchants see it), reference model"
                .to_owned(),
            es: "Puntuación de tienda de Xiaohongshu Qianfan (2026, según la ven los comercios), modelo de referencia"
                .to_owned(),
        },
        sources: alloc::vec::Vec::from([
            crate::rulepack::SourceDoc {
                id: "qianfan-2026".to_owned(),
                title: crate::rulepack::Names {
                    zh: "商家反馈的千帆后台“店铺分”页面（2026）：品质 50%、物流 20%、服务 30%，显示一位小数（并非公开规则）"
                        .to_owned(),
                    en: "Merchants' reports of the Qianfan back office's shop-score (店铺分) page, 2026: quality 50 %, logistics 20 %, service 30 %, shown with one decimal (not a published rule)"
                        .to_owned(),
                    es: "Lo que los comercios ven en la página de puntuación de tienda (店铺分) del panel Qianfan, 2026: calidad 50 %, logística 20 %, servicio 30 %, con un decimal (no es una regla publicada)"
                        .to_owned(),
                },
            },
            crate::rulepack::SourceDoc {
                id: "rule-2022".to_owned(),
                title: crate::rulepack::Names {
                    zh: "《小红书商家服务分规则》（2022-07-25 发布，2022-08-01 生效）"
                        .to_owned(),
                    en: "Xiaohongshu merchant service score rules (《小红书商家服务分规则》), published 2022-07-25, effective 2022-08-01"
                        .to_owned(),
                    es: "Reglas de puntuación de servicio de comercios de Xiaohongshu (《小红书商家服务分规则》), publicadas el 2022-07-25, vigentes desde el 2022-08-01"
                        .to_owned(),
                },
            },
            crate::rulepack::SourceDoc {
                id: "cs-rules".to_owned(),
                title: crate::rulepack::Names {
                    zh: "《小红书商家客服服务管理规则》".to_owned(),
                    en: "Xiaohongshu merchant customer-service management rules (《小红书商家客服服务管理规则》)"
                        .to_owned(),
                    es: "Reglas de gestión de la atención al cliente de comercios de Xiaohongshu (《小红书商家客服服务管理规则》)"
                        .to_owned(),
                },
            },
            crate::rulepack::SourceDoc {
                id: "help-centre".to_owned(),
                title: crate::rulepack::Names {
                    zh: "小红书旧版店铺分规则（公开帮助中心资料）"
                        .to_owned(),
                    en: "Xiaohongshu's older shop-score rule (public help-centre material)"
                        .to_owned(),
                    es: "Regla anterior de puntuación de tienda de Xiaohongshu (material público del centro de ayuda)"
                        .to_owned(),
                },
            },
            crate::rulepack::SourceDoc {
                id: "douyin-stars".to_owned(),
                title: crate::rulepack::Names {
                    zh: "抖音公布的 5 分制分数与星级对应关系（类比）"
                        .to_owned(),
                    en: "Douyin's published score-to-star bands for its 5-point display (an analogy)"
                        .to_owned(),
                    es: "Tramos de estrellas publicados por Douyin para su escala de 5 puntos (una analogía)"
                        .to_owned(),
                },
            },
        ]),
        score: crate::rulepack::ScoreScale {
            min: crate::rulepack::Sourced {
                value: 3f64,
                provenance: crate::rulepack::Provenance::Published,
                source: Some("rule-2022: 5分制，最低为3分".to_owned()),
            },
            max: crate::rulepack::Sourced {
                value: 5f64,
                provenance: crate::rulepack::Provenance::Published,
                source: Some("rule-2022: 5分制".to_owned()),
            },
            decimals: crate::rulepack::Sourced {
                value: 1u32,
                provenance: crate::rulepack::Provenance::Observed,
                source: Some("qianfan-2026: 分数显示一位小数".to_owned()),
            },
        },
        dimensions: alloc::vec::Vec::from([
            crate::rulepack::DimensionDef {
                id: "quality".to_owned(),
                names: crate::rulepack::Names {
                    zh: "品质".to_owned(),
                    en: "Quality".to_owned(),
                    es: "Calidad".to_owned(),
                },
                weight: crate::rulepack::Sourced {
                    value: 0.5f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some("qianfan-2026: 品质 50%".to_owned()),
                },
            },
            crate::rulepack::DimensionDef {
                id: "logistics".to_owned(),
                names: crate::rulepack::Names {
                    zh: "物流".to_owned(),
                    en: "Logistics".to_owned(),
                    es: "Logística".to_owned(),
                },
                weight: crate::rulepack::Sourced {
                    value: 0.2f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some("qianfan-2026: 物流 20%".to_owned()),
                },
            },
            crate::rulepack::DimensionDef {
                id: "service".to_owned(),
                names: crate::rulepack::Names {
                    zh: "服务".to_owned(),
                    en: "Service".to_owned(),
                    es: "Servicio".to_owned(),
                },
                weight: crate::rulepack::Sourced {
                    value: 0.3f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some("qianfan-2026: 服务 30%".to_owned()),
                },
            },
        ]),
        metrics: alloc::vec::Vec::from([
            crate::rulepack::MetricDef {
                id: "review_score".to_owned(),
                dimension: "quality".to_owned(),
                unit: crate::rulepack::Unit::Points,
                better: crate::rulepack::Better::Higher,
                names: crate::rulepack::Names {
                    zh: "商品评价分".to_owned(),
                    en: "Product review score".to_owned(),
                    es: "Puntuación de reseñas".to_owned(),
                },
                range: [1f64, 5f64],
                slider: crate::rulepack::Slider {
                    min: 1f64,
                    max: 5f64,
                    step: 0.01f64,
                },
                sensitivity_step: 0.1f64,
                weight: crate::rulepack::Sourced {
                    value: 0.5f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "review_sum".to_owned(),
                    denominator: "review_count".to_owned(),
                    scale: 1f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "quality_refund_pct".to_owned(),
                dimension: "quality".to_owned(),
                unit: crate::rulepack::Unit::Percent,
                better: crate::rulepack::Better::Lower,
                names: crate::rulepack::Names {
                    zh: "因品质问题导致的退款率".to_owned(),
                    en: "Quality-caused refund rate".to_owned(),
                    es: "Tasa de reembolso por calidad".to_owned(),
                },
                range: [0f64, 100f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 15f64,
                    step: 0.01f64,
                },
                sensitivity_step: 0.1f64,
                weight: crate::rulepack::Sourced {
                    value: 0.5f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "quality_refunds".to_owned(),
                    denominator: "paid_orders".to_owned(),
                    scale: 100f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "pay_to_sign_hours".to_owned(),
                dimension: "logistics".to_owned(),
                unit: crate::rulepack::Unit::Hours,
                better: crate::rulepack::Better::Lower,
                names: crate::rulepack::Names {
                    zh: "平均支签时长".to_owned(),
                    en: "Average pay-to-sign time".to_owned(),
                    es: "Tiempo medio de pago a firma".to_owned(),
                },
                range: [0f64, 720f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 300f64,
                    step: 1f64,
                },
                sensitivity_step: 6f64,
                weight: crate::rulepack::Sourced {
                    value: 0.5f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "sign_hours_sum".to_owned(),
                    denominator: "signed_orders".to_owned(),
                    scale: 1f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "ship_on_time_pct".to_owned(),
                dimension: "logistics".to_owned(),
                unit: crate::rulepack::Unit::Percent,
                better: crate::rulepack::Better::Higher,
                names: crate::rulepack::Names {
                    zh: "发货及时率".to_owned(),
                    en: "Ship-on-time rate".to_owned(),
                    es: "Tasa de envío a tiempo".to_owned(),
                },
                range: [0f64, 100f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 100f64,
                    step: 0.1f64,
                },
                sensitivity_step: 1f64,
                weight: crate::rulepack::Sourced {
                    value: 0.5f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "shipped_on_time".to_owned(),
                    denominator: "ship_due".to_owned(),
                    scale: 100f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "refund_only_hours".to_owned(),
                dimension: "service".to_owned(),
                unit: crate::rulepack::Unit::Hours,
                better: crate::rulepack::Better::Lower,
                names: crate::rulepack::Names {
                    zh: "仅退款完结时长".to_owned(),
                    en: "Refund-only completion time".to_owned(),
                    es: "Tiempo de cierre de solo reembolso".to_owned(),
                },
                range: [0f64, 720f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 200f64,
                    step: 1f64,
                },
                sensitivity_step: 6f64,
                weight: crate::rulepack::Sourced {
                    value: 0.25f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "refund_only_hours_sum".to_owned(),
                    denominator: "refund_only_count".to_owned(),
                    scale: 1f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "return_refund_hours".to_owned(),
                dimension: "service".to_owned(),
                unit: crate::rulepack::Unit::Hours,
                better: crate::rulepack::Better::Lower,
                names: crate::rulepack::Names {
                    zh: "退货退款完结时长".to_owned(),
                    en: "Return-and-refund completion time".to_owned(),
                    es: "Tiempo de cierre de devolución y reembolso".to_owned(),
                },
                range: [0f64, 720f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 400f64,
                    step: 1f64,
                },
                sensitivity_step: 12f64,
                weight: crate::rulepack::Sourced {
                    value: 0.25f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "return_refund_hours_sum".to_owned(),
                    denominator: "return_refund_count".to_owned(),
                    scale: 1f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "reply_3min_pct".to_owned(),
                dimension: "service".to_owned(),
                unit: crate::rulepack::Unit::Percent,
                better: crate::rulepack::Better::Higher,
                names: crate::rulepack::Names {
                    zh: "3分钟回复率".to_owned(),
                    en: "3-minute reply rate".to_owned(),
                    es: "Tasa de respuesta en 3 minutos".to_owned(),
                },
                range: [0f64, 100f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 100f64,
                    step: 0.1f64,
                },
                sensitivity_step: 1f64,
                weight: crate::rulepack::Sourced {
                    value: 0.25f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "replied_3min".to_owned(),
                    denominator: "consultations".to_owned(),
                    scale: 100f64,
                },
            },
            crate::rulepack::MetricDef {
                id: "dispute_pct".to_owned(),
                dimension: "service".to_owned(),
                unit: crate::rulepack::Unit::Percent,
                better: crate::rulepack::Better::Lower,
                names: crate::rulepack::Names {
                    zh: "纠纷发起率".to_owned(),
                    en: "Dispute initiation rate".to_owned(),
                    es: "Tasa de disputas iniciadas".to_owned(),
                },
                range: [0f64, 100f64],
                slider: crate::rulepack::Slider {
                    min: 0f64,
                    max: 3f64,
                    step: 0.01f64,
                },
                sensitivity_step: 0.01f64,
                weight: crate::rulepack::Sourced {
                    value: 0.25f64,
                    provenance: crate::rulepack::Provenance::Observed,
                    source: Some(
                        "qianfan-2026: 同一维度内各指标权重相同".to_owned(),
                    ),
                },
                daily: crate::rulepack::DailyAggregate {
                    numerator: "disputes".to_owned(),
                    denominator: "paid_orders".to_owned(),
                    scale: 100f64,
                },
            },
        ]),
        percentiles: crate::rulepack::Sourced {
            value: alloc::vec::Vec::from([
                0f64,
                0.1f64,
                0.25f64,
                0.5f64,
                0.75f64,
                0.9f64,
                1f64,
            ]),
            provenance: crate::rulepack::Provenance::Assumed,
            source: Some(
                "The rule says only 'combined with the merchant's ranking within its industry'; the knot percentiles are ours"
                    .to_owned(),
            ),
        },
        points_curve: crate::rulepack::Sourced {
            value: alloc::vec::Vec::from([
                [0f64, 3f64],
                [0.25f64, 3.8f64],
                [0.5f64, 4.4f64],
                [0.75f64, 4.8f64],
                [0.9f64, 5f64],
                [1f64, 5f64],
            ]),
            provenance: crate::rulepack::Provenance::Assumed,
            source: Some("Not published: how industry rank maps to points".to_owned()),
        },
        industries: alloc::vec::Vec::from([
            crate::rulepack::IndustryDef {
                id: "general".to_owned(),
                names: crate::rulepack::Names {
                    zh: "通用".to_owned(),
                    en: "General".to_owned(),
                    es: "General".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "apparel".to_owned(),
                names: crate::rulepack::Names {
                    zh: "服饰".to_owned(),
                    en: "Apparel".to_owned(),
                    es: "Ropa".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "beauty".to_owned(),
                names: crate::rulepack::Names {
                    zh: "美妆".to_owned(),
                    en: "Beauty".to_owned(),
                    es: "Belleza".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "food".to_owned(),
                names: crate::rulepack::Names {
                    zh: "食品".to_owned(),
                    en: "Food".to_owned(),
                    es: "Alimentación".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "home".to_owned(),
                names: crate::rulepack::Names {
                    zh: "家居".to_owned(),
                    en: "Home".to_owned(),
                    es: "Hogar".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "electronics".to_owned(),
                names: crate::rulepack::Names {
                    zh: "3C数码".to_owned(),
                    en: "Electronics".to_owned(),
                    es: "Electrónica".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "maternal_baby".to_owned(),
                names: crate::rulepack::Names {
                    zh: "母婴".to_owned(),
                    en: "Maternal & baby".to_owned(),
                    es: "Maternidad y bebé".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: true,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: None,
            },
            crate::rulepack::IndustryDef {
                id: "outdoor_service".to_owned(),
                names: crate::rulepack::Names {
                    zh: "户外服务".to_owned(),
                    en: "Outdoor services".to_owned(),
                    es: "Servicios al aire libre".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: false,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: Some(crate::rulepack::Names {
                    zh: "《小红书商家服务分规则》第一条：本规则不适用于户外服务行业商家，因此没有服务分。"
                        .to_owned(),
                    en: "Article 1 of the service score rules excludes outdoor-service merchants, so they have no service score."
                        .to_owned(),
                    es: "El artículo 1 de las reglas excluye a los comercios de servicios al aire libre: no tienen puntuación de servicio."
                        .to_owned(),
                }),
            },
            crate::rulepack::IndustryDef {
                id: "local_life_service".to_owned(),
                names: crate::rulepack::Names {
                    zh: "线下生活服务".to_owned(),
                    en: "Offline local-life services".to_owned(),
                    es: "Servicios locales presenciales".to_owned(),
                },
                applicable: crate::rulepack::Sourced {
                    value: false,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("rule-2022: 第一条（适用范围）".to_owned()),
                },
                not_applicable_reason: Some(crate::rulepack::Names {
                    zh: "《小红书商家服务分规则》第一条：本规则不适用于线下生活服务行业商家，因此没有服务分。"
                        .to_owned(),
                    en: "Article 1 of the service score rules excludes offline local-life-service merchants, so they have no service score."
                        .to_owned(),
                    es: "El artículo 1 de las reglas excluye a los comercios de servicios locales presenciales: no tienen puntuación de servicio."
                        .to_owned(),
                }),
            },
        ]),
        benchmarks: alloc::collections::BTreeMap::from([
            (
                "apparel".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                2.5f64,
                                0.6f64,
                                0.3f64,
                                0.12f64,
                                0.06f64,
                                0.025f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                240f64, 150f64, 114f64, 90f64, 72f64, 58f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                12f64,
                                4f64,
                                2f64,
                                1f64,
                                0.5f64,
                                0.2f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                168f64, 80f64, 40f64, 20f64, 9f64, 4f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64, 45f64, 65f64, 82f64, 91f64, 96f64, 100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                360f64, 216f64, 168f64, 120f64, 96f64, 72f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.1f64,
                                4.4f64,
                                4.6f64,
                                4.75f64,
                                4.85f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                82f64,
                                91f64,
                                96f64,
                                98.5f64,
                                99.5f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
            (
                "beauty".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                1.8f64,
                                0.45f64,
                                0.22f64,
                                0.09f64,
                                0.045f64,
                                0.018f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                240f64, 136f64, 102f64, 80f64, 62f64, 50f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                8f64,
                                2.5f64,
                                1.2f64,
                                0.6f64,
                                0.3f64,
                                0.1f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                168f64, 64f64, 32f64, 16f64, 7f64, 3f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64,
                                55f64,
                                74f64,
                                87f64,
                                94f64,
                                97.5f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                336f64, 180f64, 136f64, 100f64, 80f64, 56f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.3f64,
                                4.55f64,
                                4.72f64,
                                4.82f64,
                                4.9f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                87f64,
                                94f64,
                                97.5f64,
                                99.2f64,
                                99.8f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
            (
                "electronics".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                2.5f64,
                                0.6f64,
                                0.3f64,
                                0.12f64,
                                0.06f64,
                                0.025f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                240f64, 132f64, 100f64, 78f64, 62f64, 50f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                8f64,
                                2.5f64,
                                1.2f64,
                                0.6f64,
                                0.3f64,
                                0.12f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                168f64, 72f64, 36f64, 18f64, 8f64, 3f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64,
                                55f64,
                                75f64,
                                88f64,
                                94f64,
                                97.5f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                360f64, 200f64, 150f64, 110f64, 86f64, 62f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.25f64,
                                4.52f64,
                                4.7f64,
                                4.82f64,
                                4.9f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                86f64,
                                94f64,
                                97.5f64,
                                99.2f64,
                                99.8f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
            (
                "food".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                2f64,
                                0.5f64,
                                0.25f64,
                                0.1f64,
                                0.05f64,
                                0.02f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                200f64, 120f64, 90f64, 72f64, 56f64, 46f64, 20f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                10f64,
                                3.5f64,
                                1.8f64,
                                1f64,
                                0.5f64,
                                0.2f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                120f64, 48f64, 24f64, 12f64, 6f64, 2f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64, 52f64, 72f64, 86f64, 93f64, 97f64, 100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                300f64, 168f64, 120f64, 96f64, 72f64, 52f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.2f64,
                                4.5f64,
                                4.68f64,
                                4.8f64,
                                4.9f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                88f64,
                                95f64,
                                98f64,
                                99.3f64,
                                99.8f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
            (
                "general".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                2f64,
                                0.5f64,
                                0.25f64,
                                0.1f64,
                                0.05f64,
                                0.02f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                240f64, 144f64, 108f64, 84f64, 66f64, 54f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                10f64,
                                3f64,
                                1.5f64,
                                0.8f64,
                                0.4f64,
                                0.15f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                168f64, 72f64, 36f64, 18f64, 8f64, 3f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64, 50f64, 70f64, 85f64, 93f64, 97f64, 100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                336f64, 192f64, 144f64, 108f64, 84f64, 60f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.2f64,
                                4.5f64,
                                4.7f64,
                                4.8f64,
                                4.9f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                85f64,
                                93f64,
                                97f64,
                                99f64,
                                99.7f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: industry benchmark values are our assumption"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
            (
                "home".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                2.5f64,
                                0.6f64,
                                0.3f64,
                                0.12f64,
                                0.06f64,
                                0.025f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                336f64, 192f64, 144f64, 108f64, 84f64, 66f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                10f64,
                                3.5f64,
                                1.8f64,
                                0.9f64,
                                0.45f64,
                                0.18f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                168f64, 84f64, 42f64, 20f64, 9f64, 4f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64,
                                48f64,
                                68f64,
                                84f64,
                                92f64,
                                96.5f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                480f64, 264f64, 192f64, 144f64, 108f64, 80f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.2f64,
                                4.5f64,
                                4.7f64,
                                4.8f64,
                                4.9f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                80f64,
                                90f64,
                                95f64,
                                98f64,
                                99.3f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
            (
                "maternal_baby".to_owned(),
                alloc::collections::BTreeMap::from([
                    (
                        "dispute_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                1.8f64,
                                0.45f64,
                                0.22f64,
                                0.09f64,
                                0.045f64,
                                0.018f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "pay_to_sign_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                240f64, 140f64, 104f64, 82f64, 64f64, 52f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "quality_refund_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                8f64,
                                2.5f64,
                                1.2f64,
                                0.6f64,
                                0.3f64,
                                0.1f64,
                                0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "refund_only_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                168f64, 66f64, 33f64, 16f64, 7f64, 3f64, 0f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "reply_3min_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                0f64,
                                55f64,
                                74f64,
                                87f64,
                                94f64,
                                97.5f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "return_refund_hours".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                336f64, 186f64, 140f64, 104f64, 82f64, 58f64, 24f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "review_score".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                3f64,
                                4.3f64,
                                4.55f64,
                                4.75f64,
                                4.85f64,
                                4.92f64,
                                5f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                    (
                        "ship_on_time_pct".to_owned(),
                        crate::rulepack::Sourced {
                            value: alloc::vec::Vec::from([
                                50f64,
                                86f64,
                                93f64,
                                97f64,
                                99f64,
                                99.7f64,
                                100f64,
                            ]),
                            provenance: crate::rulepack::Provenance::Assumed,
                            source: Some(
                                "Not published: further assumed table for this industry"
                                    .to_owned(),
                            ),
                        },
                    ),
                ]),
            ),
        ]),
        stars: crate::rulepack::StarRules {
            bands: crate::rulepack::Sourced {
                value: alloc::vec::Vec::from([
                    crate::rulepack::StarBand {
                        min_score: 4.8f64,
                        stars: 5f64,
                    },
                    crate::rulepack::StarBand {
                        min_score: 4.5f64,
                        stars: 4.5f64,
                    },
                    crate::rulepack::StarBand {
                        min_score: 4f64,
                        stars: 4f64,
                    },
                    crate::rulepack::StarBand {
                        min_score: 3.5f64,
                        stars: 3.5f64,
                    },
                ]),
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "Xiaohongshu publishes only 'higher score, more stars'; bands as Douyin publishes for its 5-point display"
                        .to_owned(),
                ),
            },
            floor: crate::rulepack::Sourced {
                value: 3f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some("lowest star level below every band".to_owned()),
            },
        },
        thresholds: alloc::vec::Vec::from([
            crate::rulepack::ThresholdDef {
                id: "activity_signup".to_owned(),
                kind: crate::rulepack::ThresholdKind::Gate,
                names: crate::rulepack::Names {
                    zh: "可报名营销活动".to_owned(),
                    en: "Eligible for platform campaigns".to_owned(),
                    es: "Apto para campañas de la plataforma".to_owned(),
                },
                conditions: alloc::vec::Vec::from([
                    crate::rulepack::Condition {
                        subject: crate::rulepack::Subject::Score,
                        op: crate::rulepack::Op::Ge,
                        value: 4.5f64,
                        provenance: crate::rulepack::Provenance::Assumed,
                        source: Some(
                            "The rule says 'a threshold to sign up for marketing activities' without the number"
                                .to_owned(),
                        ),
                    },
                    crate::rulepack::Condition {
                        subject: crate::rulepack::Subject::EveryDimension,
                        op: crate::rulepack::Op::Ge,
                        value: 4f64,
                        provenance: crate::rulepack::Provenance::Assumed,
                        source: Some(
                            "Our assumption: campaigns also look at each dimension"
                                .to_owned(),
                        ),
                    },
                ]),
            },
            crate::rulepack::ThresholdDef {
                id: "traffic_boost".to_owned(),
                kind: crate::rulepack::ThresholdKind::Gate,
                names: crate::rulepack::Names {
                    zh: "流量加权".to_owned(),
                    en: "Traffic boost".to_owned(),
                    es: "Impulso de tráfico".to_owned(),
                },
                conditions: alloc::vec::Vec::from([
                    crate::rulepack::Condition {
                        subject: crate::rulepack::Subject::Score,
                        op: crate::rulepack::Op::Ge,
                        value: 4.8f64,
                        provenance: crate::rulepack::Provenance::Assumed,
                        source: Some(
                            "The rule says 'higher score, more traffic weight' without a number"
                                .to_owned(),
                        ),
                    },
                ]),
            },
            crate::rulepack::ThresholdDef {
                id: "termination_risk".to_owned(),
                kind: crate::rulepack::ThresholdKind::Risk,
                names: crate::rulepack::Names {
                    zh: "终止合作风险".to_owned(),
                    en: "Termination risk".to_owned(),
                    es: "Riesgo de terminación".to_owned(),
                },
                conditions: alloc::vec::Vec::from([
                    crate::rulepack::Condition {
                        subject: crate::rulepack::Subject::Score,
                        op: crate::rulepack::Op::Lt,
                        value: 3.5f64,
                        provenance: crate::rulepack::Provenance::Assumed,
                        source: Some(
                            "The rule says 'below some level the platform may end the cooperation' without the level"
                                .to_owned(),
                        ),
                    },
                ]),
            },
        ]),
        decay: crate::rulepack::Decay {
            window_days: crate::rulepack::Sourced {
                value: 180u32,
                provenance: crate::rulepack::Provenance::Published,
                source: Some("rule-2022: 近180天".to_owned()),
            },
            half_life_days: crate::rulepack::Sourced {
                value: 60f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "The rule says only 'more recent days weigh more'".to_owned(),
                ),
            },
        },
        customer_service: crate::rulepack::CsRules {
            assessed_from: crate::rulepack::Sourced {
                value: "09:00:00".to_owned(),
                provenance: crate::rulepack::Provenance::Published,
                source: Some(
                    "cs-rules: 第九条：每日09:00:00-23:00:00（以用户发起会话时间计算）"
                        .to_owned(),
                ),
            },
            assessed_to: crate::rulepack::Sourced {
                value: "23:00:00".to_owned(),
                provenance: crate::rulepack::Provenance::Published,
                source: Some("cs-rules".to_owned()),
            },
            reply_within_seconds: crate::rulepack::Sourced {
                value: 180u32,
                provenance: crate::rulepack::Provenance::Published,
                source: Some("cs-rules: 第十一条：3分钟回复率".to_owned()),
            },
            reply_window_days: crate::rulepack::Sourced {
                value: 7u32,
                provenance: crate::rulepack::Provenance::Published,
                source: Some(
                    "cs-rules: 第十条：近7天（T-7至T-1），每日更新"
                        .to_owned(),
                ),
            },
            reply_target_pct: crate::rulepack::Sourced {
                value: 80f64,
                provenance: crate::rulepack::Provenance::Published,
                source: Some("help-centre: 周回复率目标 ≥80%".to_owned()),
            },
            dissatisfaction_target_pct: crate::rulepack::Sourced {
                value: 10f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some("The dissatisfaction target is not published".to_owned()),
            },
            dissatisfied_max_rating: crate::rulepack::Sourced {
                value: 2u32,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "A rating of 1 or 2 out of 5 counts as dissatisfied".to_owned(),
                ),
            },
            penalty_days: crate::rulepack::Sourced {
                value: 3u32,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "Length of the penalty during which nothing is assessed is not published"
                        .to_owned(),
                ),
            },
            exam_deadline_days: crate::rulepack::Sourced {
                value: 3u32,
                provenance: crate::rulepack::Provenance::Published,
                source: Some(
                    "cs-rules: 第十一条注2：强制学习推送课程并考试，3天内未通过则限流"
                        .to_owned(),
                ),
            },
            traffic_limit_min_days: crate::rulepack::Sourced {
                value: 3u32,
                provenance: crate::rulepack::Provenance::Published,
                source: Some(
                    "cs-rules: 第十一条注2：限制店铺所有公域流量至少3天"
                        .to_owned(),
                ),
            },
        },
        violations: crate::rulepack::ViolationRules {
            items: alloc::vec::Vec::from([
                crate::rulepack::ViolationDef {
                    id: "unhandled_problem".to_owned(),
                    number: 1u32,
                    severity: Some(crate::rulepack::Severity::General),
                    names: crate::rulepack::Names {
                        zh: "未处理用户提出的问题、关闭会话或引导用户找官方客服"
                            .to_owned(),
                        en: "Not handling a stated problem, closing the chat or pushing the buyer to official service"
                            .to_owned(),
                        es: "No atender un problema planteado, cerrar el chat o derivar al comprador al servicio oficial"
                            .to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(2u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第1项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "internal_screenshot".to_owned(),
                    number: 2u32,
                    severity: Some(crate::rulepack::Severity::General),
                    names: crate::rulepack::Names {
                        zh: "向用户展示内部系统截图".to_owned(),
                        en: "Showing internal system screenshots".to_owned(),
                        es: "Mostrar capturas de sistemas internos".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(5u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第2项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "impatient_tone".to_owned(),
                    number: 3u32,
                    severity: Some(crate::rulepack::Severity::General),
                    names: crate::rulepack::Names {
                        zh: "打断、催促用户，语气冷漠或不耐烦"
                            .to_owned(),
                        en: "Interrupting, hurrying, cold or impatient tone".to_owned(),
                        es: "Interrumpir, apresurar, tono frío o impaciente".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(10u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第3项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "shifting_blame".to_owned(),
                    number: 4u32,
                    severity: Some(crate::rulepack::Severity::General),
                    names: crate::rulepack::Names {
                        zh: "推卸责任或抹黑平台、第三方".to_owned(),
                        en: "Shifting blame to or smearing the platform or third parties"
                            .to_owned(),
                        es: "Culpar o desprestigiar a la plataforma o a terceros"
                            .to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(25u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第4项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "blacklist_abuse".to_owned(),
                    number: 5u32,
                    severity: Some(crate::rulepack::Severity::General),
                    names: crate::rulepack::Names {
                        zh: "拉黑用户导致3次及以上有效投诉".to_owned(),
                        en: "Blacklisting buyers that led to 3 or more upheld complaints"
                            .to_owned(),
                        es: "Bloquear compradores con 3 o más quejas confirmadas"
                            .to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: None,
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第5项".to_owned()),
                    },
                    consequence: Some(crate::rulepack::Names {
                        zh: "暂停黑名单功能（不扣分）".to_owned(),
                        en: "Blacklist function suspended (no points)".to_owned(),
                        es: "Función de lista negra suspendida (sin puntos)".to_owned(),
                    }),
                    consequence_from: Some(crate::rulepack::Sourced {
                        value: 3u32,
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some(
                            "cs-rules: 第十三条第5项（3 次及以上因拉黑引发投诉）"
                                .to_owned(),
                        ),
                    }),
                },
                crate::rulepack::ViolationDef {
                    id: "abuse_harassment".to_owned(),
                    number: 6u32,
                    severity: Some(crate::rulepack::Severity::Serious),
                    names: crate::rulepack::Names {
                        zh: "辱骂、侮辱、骚扰用户".to_owned(),
                        en: "Abuse, insults or harassment".to_owned(),
                        es: "Insultos, ofensas o acoso".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(25u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第6项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "information_leak".to_owned(),
                    number: 7u32,
                    severity: Some(crate::rulepack::Severity::Serious),
                    names: crate::rulepack::Names {
                        zh: "泄露用户或内部信息".to_owned(),
                        en: "Leaking user or internal information".to_owned(),
                        es: "Filtrar información de usuarios o interna".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(25u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第7项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "asking_private_data".to_owned(),
                    number: 8u32,
                    severity: Some(crate::rulepack::Severity::Serious),
                    names: crate::rulepack::Names {
                        zh: "索要密码或无关隐私信息".to_owned(),
                        en: "Asking for passwords or unrelated private data".to_owned(),
                        es: "Pedir contraseñas o datos privados no relacionados"
                            .to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(25u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第8项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "faking_data".to_owned(),
                    number: 9u32,
                    severity: Some(crate::rulepack::Severity::Serious),
                    names: crate::rulepack::Names {
                        zh: "数据造假、不正当竞争".to_owned(),
                        en: "Faking data, unfair competition".to_owned(),
                        es: "Falsificar datos, competencia desleal".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(25u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第9项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "mass_complaints".to_owned(),
                    number: 10u32,
                    severity: Some(crate::rulepack::Severity::Serious),
                    names: crate::rulepack::Names {
                        zh: "因商家服务引发群体投诉或重大负面舆情"
                            .to_owned(),
                        en: "Mass complaints or major negative publicity caused by the merchant's service"
                            .to_owned(),
                        es: "Quejas masivas o publicidad negativa grave causadas por el servicio"
                            .to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: Some(25u32),
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第10项".to_owned()),
                    },
                    consequence: None,
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "community_rules".to_owned(),
                    number: 11u32,
                    severity: None,
                    names: crate::rulepack::Names {
                        zh: "违反社区规则".to_owned(),
                        en: "Community-rule breaches".to_owned(),
                        es: "Infracciones de las normas de la comunidad".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: None,
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第11项".to_owned()),
                    },
                    consequence: Some(crate::rulepack::Names {
                        zh: "按社区规则处理".to_owned(),
                        en: "Handled under the community rules".to_owned(),
                        es: "Según las normas de la comunidad".to_owned(),
                    }),
                    consequence_from: None,
                },
                crate::rulepack::ViolationDef {
                    id: "other".to_owned(),
                    number: 12u32,
                    severity: None,
                    names: crate::rulepack::Names {
                        zh: "其他违规".to_owned(),
                        en: "Other violations".to_owned(),
                        es: "Otras infracciones".to_owned(),
                    },
                    points: crate::rulepack::Sourced {
                        value: None,
                        provenance: crate::rulepack::Provenance::Published,
                        source: Some("cs-rules: 第十三条第12项".to_owned()),
                    },
                    consequence: Some(crate::rulepack::Names {
                        zh: "平台视情况处理".to_owned(),
                        en: "At the platform's discretion".to_owned(),
                        es: "A discreción de la plataforma".to_owned(),
                    }),
                    consequence_from: None,
                },
            ]),
            serious_limit: crate::rulepack::SeriousLimit {
                points: crate::rulepack::Sourced {
                    value: 100u32,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("help-centre: 严重违规积分 100 分".to_owned()),
                },
                fine_cny: crate::rulepack::Sourced {
                    value: 20000u32,
                    provenance: crate::rulepack::Provenance::Published,
                    source: Some("help-centre: 违约金 2 万元".to_owned()),
                },
                consequence: crate::rulepack::Names {
                    zh: "严重违规累计100分：处以2万元违约金并清退"
                        .to_owned(),
                    en: "100 serious-violation points: a ¥20,000 penalty and removal from the platform"
                        .to_owned(),
                    es: "100 puntos graves: multa de 20 000 ¥ y expulsión de la plataforma"
                        .to_owned(),
                },
            },
        },
        uncertainty: Some(crate::rulepack::Uncertainty {
            benchmarks: crate::rulepack::Sourced {
                value: 0.4f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "How far our benchmark tables may be off is not published either. Each knot is our guess at an industry quantile; it may lie up to 40 % of the way to each neighbouring knot (the end knots as far outward, within the metric's range): a wide margin for a guessed table, and below 50 % so that two knots never cross. The hidden-truth test (tests/calibrate.rs) draws true packs from these bounds."
                        .to_owned(),
                ),
            },
            points_curve: crate::rulepack::Sourced {
                value: 0.25f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "How industry rank maps to points is not published: each point of the curve may be 0.25 points off (half a star band of 0.5), kept non-decreasing and on the 3–5 scale."
                        .to_owned(),
                ),
            },
            weights: crate::rulepack::Sourced {
                value: 1.5f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "Weights that are not published may be up to 1.5 times or 1/1.5 of their value (50/50 may really be up to about 70/30); published and observed weights do not vary."
                        .to_owned(),
                ),
            },
            change_factor: crate::rulepack::Sourced {
                value: 2f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "After calibration, the points a what-if gains or loses away from the dashboard are known up to a factor 2: with knots up to 40 % of a gap off on either side, a local slope of the value-to-percentile map can be off by about that much."
                        .to_owned(),
                ),
            },
            change_slack: crate::rulepack::Sourced {
                value: 1f64,
                provenance: crate::rulepack::Provenance::Assumed,
                source: Some(
                    "Plus up to 1 point per unit of industry percentile moved, for stretches where the fitted curve is flat (the top of the points curve) but the truth need not be; the hidden-truth test checks how often the ranges hold the truth."
                        .to_owned(),
                ),
            },
        }),
        calibration: None,
    }
}
