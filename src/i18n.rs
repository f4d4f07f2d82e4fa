//! The page's words in Chinese (default), English and Spanish.
//!
//! Metric, dimension, industry and threshold names come from the rule pack (`Names`); every
//! other visible word is a [`Text`] key here. Placeholders are `{name}`, filled by [`fill`].

use serde::{Deserialize, Serialize};

/// A page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (default: the rules and most users are Chinese).
    #[default]
    Zh,
    /// English.
    En,
    /// Español.
    Es,
}

impl Lang {
    /// All languages, in the switch's order.
    pub const ALL: [Lang; 3] = [Lang::Zh, Lang::En, Lang::Es];

    /// The code used in URLs and the rule pack (`zh`, `en`, `es`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Parses a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language's own name.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The `lang` attribute of the document.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

/// Replaces each `{name}` in `template` by its value, and each plural choice
/// `{name:one|other}` by `one` when the value of `name` is exactly `1`, else by `other`.
///
/// The choice is English's and Spanish's rule for counts (CLDR's `one` category is the
/// integer 1 in both); Chinese has no plural forms and its texts use no choice. A value is
/// put in as it is (never scanned for placeholders); an unknown name is left as written.
///
/// # Examples
///
/// ```
/// use servicescore_web::i18n::fill;
/// assert_eq!(fill("{a} → {b}", &[("a", "1"), ("b", "2")]), "1 → 2");
/// assert_eq!(fill("{n} {n:error|errors}", &[("n", "1")]), "1 error");
/// assert_eq!(fill("{n} {n:error|errors}", &[("n", "12")]), "12 errors");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let value = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let put = match inner.split_once(':') {
            Some((name, forms)) => value(name).map(|v| {
                let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
                if v.trim() == "1" {
                    one
                } else {
                    other
                }
            }),
            None => value(inner),
        };
        match put {
            Some(text) => out.push_str(text),
            None => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Why a same-origin file (an example, a pack path) could not be fetched, in `lang`.
pub fn fetch_error_text(e: crate::browser::FetchError, lang: Lang) -> String {
    use crate::browser::FetchError;
    match e {
        FetchError::Unreachable => Text::FetchUnreachable.get(lang).to_string(),
        FetchError::Status(s) => fill(Text::FetchMissing.get(lang), &[("status", &s.to_string())]),
        FetchError::Unreadable => Text::FetchUnreadable.get(lang).to_string(),
    }
}

/// The placeholder names of a template, sorted, each once (a plural choice `{n:a|b}` counts
/// as `n`): every translation of a text must use the same ones.
pub fn placeholder_names(template: &str) -> Vec<&str> {
    let mut v: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|p| {
            p.split_once('}')
                .map(|(n, _)| n.split(':').next().unwrap_or(n))
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Defines a text table: `texts! { Name; Key => [zh, en, es], ... }` makes an enum `Name`
/// with `Name::Key.get(lang)`. Each view may keep its own table next to its components.
macro_rules! texts {
    ($name:ident; $($key:ident => [$zh:expr, $en:expr, $es:expr $(,)?],)*) => {
        /// A text key.
        #[allow(missing_docs)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            /// Every key of the table (for the placeholder check).
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The text in `lang`.
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match self {
                    $($name::$key => match lang {
                        $crate::i18n::Lang::Zh => $zh,
                        $crate::i18n::Lang::En => $en,
                        $crate::i18n::Lang::Es => $es,
                    }),*
                }
            }
        }

        /// Every key of this table has the same placeholders in every language (a placeholder
        /// missing from one translation would silently drop a number) and no empty text.
        #[cfg(test)]
        #[test]
        fn text_table_placeholders_match() {
            for &key in $name::ALL {
                let zh = $crate::i18n::placeholder_names(key.get($crate::i18n::Lang::Zh));
                for lang in $crate::i18n::Lang::ALL {
                    let text = key.get(lang);
                    assert!(!text.is_empty(), "{key:?} is empty in {lang:?}");
                    assert_eq!($crate::i18n::placeholder_names(text), zh, "{key:?} in {lang:?}");
                }
            }
        }
    };
}
// Used by the views that keep their own text tables.
#[allow(unused_imports)]
pub(crate) use texts;

texts! {
    Text;
    AppTitle => ["服务分模拟器", "Service Score Simulator", "Simulador de puntuación de servicio"],
    AppSubtitle => [
        "小红书商家服务分：拖动指标，立即看到五个维度、服务分、体验星级和门槛的变化。",
        "Xiaohongshu merchant service score: drag a metric and instantly see the five dimensions, the score, the experience stars and the thresholds.",
        "Puntuación de servicio de comercios de Xiaohongshu: mueve una métrica y ve al instante las cinco dimensiones, la puntuación, las estrellas y los umbrales.",
    ],
    Language => ["语言", "Language", "Idioma"],
    Source => ["来源", "Source", "Fuente"],
    SummaryLabel => ["按当前指标", "At these values", "Con estos valores"],
    SummaryLabelTitle => [
        "假如这些指标保持 180 天的服务分（稳态）；某一天实际公布的分数见“180天走势”",
        "The score if these values held for the whole 180 days (steady state); the score published on a given day is in the 180-day outlook",
        "La puntuación si estos valores se mantuvieran los 180 días (estable); la publicada cada día está en la evolución de 180 días",
    ],
    RiskClear => ["无{name}", "No {name}", "Sin {name}"],
    CalibratedTo => ["已按你 {date} 的后台数据校准", "calibrated to your dashboard of {date}", "calibrado con tu panel del {date}"],
    CalibratedToUndated => ["已按你的后台数据校准", "calibrated to your dashboard", "calibrado con tu panel"],
    OutOfScale => ["满分 {max} 分，最低 {min} 分", "out of {max}, minimum {min}", "sobre {max}, mínimo {min}"],
    RulesInUse => ["规则：{title}", "Rules: {title}", "Reglas: {title}"],
    ShownWithOneDecimal => ["（显示 1 位小数）", "(shown with one decimal)", "(con un decimal)"],
    ShownWithDecimals => ["（显示 {n} 位小数）", "(shown with {n} decimals)", "(con {n} decimales)"],
    PackSources => ["这些规则的来源", "Where these rules come from", "De dónde vienen estas reglas"],
    NoSlidersNotApplicable => [
        "该行业不计算服务分，所以这里没有可调整的指标。客服考核规则仍然适用，见“客服考核”。",
        "This industry has no service score, so there are no metrics to adjust here. The customer-service rules still apply: see Customer service.",
        "Este sector no tiene puntuación de servicio, así que aquí no hay métricas que ajustar. Las reglas de atención al cliente siguen vigentes: ver Atención al cliente.",
    ],
    Loading => ["正在加载…", "Loading…", "Cargando…"],
    LoadFailed => ["这部分未能加载，请检查网络后重新加载页面。", "This part could not be loaded: check the connection and reload the page.", "Esta parte no se pudo cargar: revisa la conexión y recarga la página."],
    SkipToMetrics => ["跳到指标", "Skip to the metrics", "Ir a las métricas"],
    TabStart => ["开店准备", "Getting started", "Primeros pasos"],
    RulePack => ["规则版本", "Rule pack", "Reglas"],
    Views => ["视图", "Views", "Vistas"],
    ReasonView => ["未知视图（可用 score、projection、cs、start）", "unknown view (use score, projection, cs or start)", "vista desconocida (usa score, projection, cs o start)"],
    ReasonPack => ["不是内置规则包，也不是本站的 .json 文件路径", "neither a built-in rule pack nor a path to a .json file on this site", "no es un paquete de reglas incluido ni la ruta de un archivo .json de este sitio"],
    UnreadableNotJson => ["数据不是 JSON 格式", "the data is not JSON", "los datos no son JSON"],
    UnreadableNewer => ["数据由更新版本的页面保存（版本 {found}，本页面可读到版本 {reads}）", "it was saved by a newer version of this page (version {found}; this page reads up to {reads})", "lo guardó una versión más reciente de esta página (versión {found}; esta lee hasta la {reads})"],
    UnreadableShape => ["{place} 的格式不对", "{place} has an unexpected form", "{place} tiene una forma inesperada"],
    UnreadableIndustry => ["{place}：未知行业“{id}”", "{place}: unknown industry “{id}”", "{place}: sector desconocido «{id}»"],
    UnreadableMetric => ["{place}：未知指标", "{place}: unknown metric", "{place}: métrica desconocida"],
    UnreadableRange => ["{place}：{value} 超出范围", "{place}: {value} is out of range", "{place}: {value} está fuera de rango"],
    UnreadablePack => ["保存的规则包在 {place} 处无效", "the stored rule pack is not valid at {place}", "el paquete de reglas guardado no es válido en {place}"],
    StorageFull => ["浏览器存储已满：最近的更改未能保存在本机。", "This browser's storage is full: the latest changes could not be kept on this device.", "El almacenamiento del navegador está lleno: los últimos cambios no se pudieron guardar en este dispositivo."],
    ResetToMediansDone => ["所有指标已恢复为行业中位数。", "Every metric was reset to the industry median.", "Todas las métricas volvieron a la mediana del sector."],
    Undo => ["撤销", "Undo", "Deshacer"],
    PresetOpened => ["你打开的是一个预设方案；你自己保存的方案不会被覆盖。", "You opened a preset scenario; your own saved scenario is kept as it was.", "Abriste un escenario predefinido; tu propio escenario guardado se conserva."],
    KeepPreset => ["设为我的方案", "Keep this as my scenario", "Quedarme con este escenario"],
    PresetKept => ["此方案已设为你的方案，今后保存在本机。", "This is now your scenario, kept on this device.", "Ahora es tu escenario, guardado en este dispositivo."],
    PackUnreachable => ["无法读取规则包 {path}，仍使用当前规则。", "The rule pack {path} could not be loaded; the current rules stay in use.", "No se pudo cargar el paquete de reglas {path}; se mantienen las reglas actuales."],
    PackRefused => ["规则包 {source} 在 {place} 处无效，未被使用。", "The rule pack {source} is not valid at {place}; it was not used.", "El paquete de reglas {source} no es válido en {place}; no se usó."],
    PackInUse => ["正在使用规则包 {id}。", "Now using the rule pack {id}.", "Ahora se usa el paquete de reglas {id}."],
    Industry => ["行业", "Industry", "Sector"],
    TabScore => ["服务分", "Service score", "Puntuación"],
    TabCs => ["客服考核", "Customer service", "Atención al cliente"],
    TabProjection => ["180天走势", "180-day outlook", "Evolución 180 días"],
    ScoreHeading => ["服务分", "Service score", "Puntuación de servicio"],
    OutOfFive => ["满分 5 分，最低 3 分", "out of 5, minimum 3", "sobre 5, mínimo 3"],
    NoScore => ["暂无服务分", "No score yet", "Aún sin puntuación"],
    NoScoreHint => [
        "所有指标都是“暂无数据”：打开至少一个指标即可计算。",
        "Every metric is set to “no data”: switch at least one on to get a score.",
        "Todas las métricas están en “sin datos”: activa al menos una para calcular.",
    ],
    Stars => ["体验星级", "Experience stars", "Estrellas de experiencia"],
    StarsValue => ["{n} 星", "{n} stars", "{n} estrellas"],
    NoStars => ["暂无星级", "No stars", "Sin estrellas"],
    Dimensions => ["维度得分", "Dimension scores", "Puntuación por dimensión"],
    DimensionNoData => ["暂无数据（不计入）", "no data (left out)", "sin datos (excluida)"],
    EffectiveWeight => ["实际权重 {w}", "weight {w}", "peso {w}"],
    Thresholds => ["门槛", "Thresholds", "Umbrales"],
    Met => ["已达到", "met", "alcanzado"],
    NotMetBy => ["差 {x}", "{x} below", "faltan {x}"],
    MetBy => ["已达到，高出 {x}", "met, {x} above", "alcanzado, {x} por encima"],
    AtRisk => ["有风险：低于 {x}", "at risk: {x} below the line", "en riesgo: {x} por debajo"],
    SafeBy => ["安全，高出 {x}", "safe, {x} above the line", "a salvo, {x} por encima"],
    NoScoreThreshold => ["暂无服务分，无法判断", "no score to judge", "sin puntuación que evaluar"],
    EveryDimensionAtLeast => ["且每个维度 ≥ {x}", "and every dimension ≥ {x}", "y cada dimensión ≥ {x}"],
    NoData => ["暂无数据", "No data", "Sin datos"],
    HasData => ["有数据", "Has data", "Con datos"],
    DimensionHasData => ["本维度有数据", "This dimension has data", "Esta dimensión tiene datos"],
    HigherBetter => ["越高越好", "higher is better", "cuanto más alto, mejor"],
    LowerBetter => ["越低越好", "lower is better", "cuanto más bajo, mejor"],
    UnitPercent => ["%", "%", "%"],
    UnitHours => ["小时", "h", "h"],
    UnitPoints => ["分", "pts", "pts"],
    Beats => ["超过行业 {x} 的商家", "better than {x} of the industry", "mejor que el {x} del sector"],
    PointsValue => ["{x} 分", "{x} pts", "{x} pts"],
    Assumed => ["假设", "assumed", "supuesto"],
    Published => ["已公布", "published", "publicado"],
    UserValue => ["用户", "user", "usuario"],
    UserTitle => ["你输入或按你的后台数据校准的数值", "Entered by you or calibrated to your dashboard", "Introducido por ti o calibrado con tu panel"],
    PublishedTitle => ["平台已公布", "Published by the platform", "Publicado por la plataforma"],
    Observed => ["后台所见", "observed", "observado"],
    ObservedTitle => [
        "平台未公布此数值，取自商家在平台后台所见",
        "Not published by the platform: seen in its back office, as merchants report it",
        "No publicado por la plataforma: visto en su panel, según los comercios",
    ],
    AssumedTitle => [
        "平台未公布此数值，这是本模型的假设",
        "Not published by the platform: an assumption of this model",
        "No publicado por la plataforma: una suposición de este modelo",
    ],
    InvalidNumber => ["请输入数字", "Enter a number", "Introduce un número"],
    OutOfRange => ["请输入 {min}–{max} 之间的数值", "Enter a value from {min} to {max}", "Introduce un valor entre {min} y {max}"],
    KeptLast => ["仍使用上一个有效值 {v}", "still using the last valid value {v}", "se mantiene el último valor válido {v}"],
    HelpsTitle => ["哪项改进最有效", "What helps most", "Qué ayuda más"],
    HelpsStep => ["{metric}：{from} → {to}", "{metric}: {from} → {to}", "{metric}: {from} → {to}"],
    HelpsGain => ["服务分 +{x}", "score +{x}", "puntuación +{x}"],
    HelpsNone => ["没有可改进的指标（已到最佳值或暂无数据）。", "Nothing left to improve (best values or no data).", "Nada que mejorar (valores óptimos o sin datos)."],
    HelpsEffort => ["（工作量 {e}）", " (effort {e})", " (esfuerzo {e})"],
    HelpsNote => [
        "按相同工作量比较：每项指标各投入同样的工作量（其行业基准范围的 5%，再乘以你设定的难度权重），其他指标不变，按每单位工作量提高的服务分排序。",
        "Compared at equal effort: each metric gets the same effort (5% of its industry benchmark range, times your difficulty weight), the others held; ranked by score gained per unit of effort.",
        "Comparadas con el mismo esfuerzo: cada métrica recibe el mismo esfuerzo (5 % de su rango de referencia del sector, por tu peso de dificultad), las demás fijas; ordenadas por puntuación ganada por unidad de esfuerzo.",
    ],
    GoalTitle => ["下一个目标", "Next goal", "Próximo objetivo"],
    GoalRaise => ["将{metric}从 {from} 提高到 {to}，即可达到{target}。", "Raise {metric} from {from} to {to} to reach {target}.", "Sube {metric} de {from} a {to} para alcanzar {target}."],
    GoalLower => ["将{metric}从 {from} 降低到 {to}，即可达到{target}。", "Lower {metric} from {from} to {to} to reach {target}.", "Baja {metric} de {from} a {to} para alcanzar {target}."],
    GoalAdd => ["为{metric}补充数据（{to}）即可达到{target}。", "Add data for {metric} ({to}) to reach {target}.", "Añade datos de {metric} ({to}) para alcanzar {target}."],
    GoalNone => ["单独改进任何一项指标都无法达到{target}。", "No single metric can reach {target} on its own.", "Ninguna métrica sola puede alcanzar {target}."],
    GoalAllMet => ["已达到最高星级和所有门槛。", "Top stars and every threshold reached.", "Máximas estrellas y todos los umbrales alcanzados."],
    GoalApply => ["应用", "Apply", "Aplicar"],
    GoalAlternatives => ["其他做法", "Other ways", "Otras opciones"],
    PlanTo => ["达到{target}的最省力方案（工作量 {effort}）：", "Least effort to reach {target} (effort {effort}):", "Lo mínimo para alcanzar {target} (esfuerzo {effort}):"],
    PlanChange => ["{metric}：{from} → {to}", "{metric}: {from} → {to}", "{metric}: {from} → {to}"],
    PlanResult => ["应用后：{score} 分，{stars} 星", "Then: score {score}, {stars} stars", "Después: puntuación {score}, {stars} estrellas"],
    PlanApplyAll => ["全部应用", "Apply all", "Aplicar todo"],
    PlanSingle => ["或只改一项（工作量 {effort}）：{metric} {from} → {to}", "Or change just one (effort {effort}): {metric} {from} → {to}", "O cambia solo una (esfuerzo {effort}): {metric} {from} → {to}"],
    PlanUnreachable => [
        "即使所有指标都达到最佳值，也无法达到{target}：最多 {score} 分，{stars} 星。",
        "{target} is out of reach even with every metric at its best: at most score {score}, {stars} stars.",
        "{target} no se alcanza ni con todas las métricas en su mejor valor: como mucho puntuación {score}, {stars} estrellas.",
    ],
    PlanUnreachableNoScore => [
        "即使所有指标都达到最佳值，也无法达到{target}。",
        "{target} is out of reach even with every metric at its best.",
        "{target} no se alcanza ni con todas las métricas en su mejor valor.",
    ],
    WeightsTitle => ["这项对我来说很难：工作量权重", "This is hard for me: effort weights", "Esto me cuesta: pesos de esfuerzo"],
    WeightsNote => [
        "权重越大，方案越少动用这项指标（1 为默认，0.5 表示容易，2 表示困难；范围 0.1–10）。只保存在本浏览器中。",
        "A higher weight makes plans lean less on that metric (1 is the default, 0.5 easy, 2 hard; 0.1–10). Kept in this browser only.",
        "Un peso mayor hace que los planes usen menos esa métrica (1 por defecto, 0,5 fácil, 2 difícil; 0,1–10). Se guarda solo en este navegador.",
    ],
    WeightRange => ["请输入 0.1–10 之间的权重", "Enter a weight from 0.1 to 10", "Introduce un peso entre 0,1 y 10"],
    TargetStars => ["{x} 星", "{x} stars", "{x} estrellas"],
    // "…to reach {target}": a score that has left the risk. en/es get the name in lower case.
    TargetEscape => ["摆脱{name}", "a score clear of {name}", "una puntuación fuera del {name}"],
    Baseline => ["基准", "Baseline", "Referencia"],
    PinBaseline => ["固定为基准", "Pin as baseline", "Fijar como referencia"],
    ClearBaseline => ["取消基准", "Clear baseline", "Quitar referencia"],
    VsBaseline => ["较基准 {x}", "{x} vs baseline", "{x} frente a la referencia"],
    BaselineHint => ["基准：{score}，{stars}", "Baseline: {score}, {stars}", "Referencia: {score}, {stars}"],
    SaveMine => ["保存为我的方案", "Save as my scenario", "Guardar como mi escenario"],
    RestoreMine => ["恢复我的方案", "Reset to my saved scenario", "Volver a mi escenario guardado"],
    ResetMedians => ["恢复行业中位数", "Reset to industry medians", "Volver a las medianas del sector"],
    Saved => ["已保存我的方案。", "Saved as my scenario.", "Guardado como mi escenario."],
    Restored => ["已恢复我的方案。", "Restored my saved scenario.", "Escenario guardado restaurado."],
    ShareLink => ["分享链接", "Share link", "Enlace para compartir"],
    BadParam => ["已忽略网址参数 {name}={value}：{reason}", "Ignored URL parameter {name}={value}: {reason}", "Parámetro de URL ignorado {name}={value}: {reason}"],
    ReasonNotNumber => ["不是数字", "not a number", "no es un número"],
    ReasonRange => ["超出范围 {min}–{max}", "out of range {min}–{max}", "fuera de rango {min}–{max}"],
    ReasonIndustry => ["未知行业", "unknown industry", "sector desconocido"],
    ReasonLang => ["未知语言（可用 zh、en、es）", "unknown language (use zh, en or es)", "idioma desconocido (usa zh, en o es)"],
    ReasonParam => ["未知参数", "unknown parameter", "parámetro desconocido"],
    EmbedMore => ["图表、计算过程与提分方案", "Charts, the working and plans to a goal", "Gráficos, el cálculo y planes para una meta"],
    ReasonEmbed => ["应为 0 或 1", "expected 0 or 1", "se esperaba 0 o 1"],
    ReasonDuplicate => ["重复参数，使用了第一个值", "repeated; the first value was used", "repetido; se usó el primer valor"],
    StorageDropped => [
        "无法读取上次保存的方案（{reason}），已从默认值开始。原数据已备份，未被删除。",
        "Your last scenario could not be read ({reason}); the page started from defaults. The unreadable data was kept as a backup.",
        "No se pudo leer tu último escenario ({reason}); la página empezó con valores por defecto. Los datos ilegibles se guardaron como copia.",
    ],
    PackDropped => [
        "无法读取保存的规则包（你的校准或导入的规则包：{reason}），现使用默认规则；你的方案和其他设置都保留了。原数据已备份，未被删除。",
        "Your stored rule pack (your calibration or an imported pack) could not be read ({reason}); the default rules are in use. Your scenario and everything else are kept; the unreadable pack was kept as a backup.",
        "No se pudo leer tu paquete de reglas guardado (tu calibración o un paquete importado: {reason}); se usan las reglas por defecto. Tu escenario y todo lo demás se conservan; el paquete ilegible se guardó como copia.",
    ],
    StorageUnavailable => ["浏览器禁止本地存储：方案不会被保存。", "This browser blocks local storage: scenarios will not be kept.", "El navegador bloquea el almacenamiento local: no se guardarán escenarios."],
    Dismiss => ["关闭", "Dismiss", "Cerrar"],
    NotApplicableTitle => ["该行业不适用服务分", "The service score does not apply to this industry", "La puntuación de servicio no se aplica a este sector"],
    AboutTitle => ["关于此模型", "About this model", "Sobre este modelo"],
    AboutRule => [
        "依据《小红书商家服务分规则》（2022-07-25 发布，2022-08-01 生效）：服务分为 5 分制，最低 3 分，基于近 180 天的商品体验、物流体验、售后体验、咨询体验和投诉纠纷五个维度，并结合商家在行业内的排名计算，日期越近影响越大；每天中午 12 点前更新。",
        "Based on the Xiaohongshu merchant service score rules (published 2022-07-25, effective 2022-08-01): a 5-point score, minimum 3, computed from the last 180 days in five dimensions — product, logistics, after-sales, consultation, disputes — combined with the merchant's ranking in its industry, recent days weighing more; updated daily before noon.",
        "Según las reglas de puntuación de servicio de Xiaohongshu (publicadas el 2022-07-25, vigentes desde el 2022-08-01): puntuación sobre 5, mínimo 3, calculada con los últimos 180 días en cinco dimensiones — producto, logística, posventa, consulta, disputas — y la posición del comercio en su sector; los días recientes pesan más; se actualiza cada día antes del mediodía.",
    ],
    AboutFormula => [
        "服务分 = 20%×商品体验 + 20%×物流体验 + 20%×售后体验 + 20%×咨询体验 + 20%×投诉纠纷；缺少某维度时，其余维度按权重重新归一（已公布）。",
        "Score = 20% product + 20% logistics + 20% after-sales + 20% consultation + 20% disputes; a dimension without data is left out and the others renormalised (published).",
        "Puntuación = 20% producto + 20% logística + 20% posventa + 20% consulta + 20% disputas; una dimensión sin datos se excluye y las demás se renormalizan (publicado).",
    ],
    AboutAssumed => [
        "平台没有公布各指标的评分表、行业排名如何换算成分数、时间衰减权重、分数与星级的对应关系以及活动和清退门槛。本模型对这些数值做了明确的假设（标记为“假设”），仅供模拟，不代表平台的实际算法。",
        "The platform does not publish per-metric scoring tables, how industry rank maps to points, the decay weights, the score-to-stars table, or the activity and termination thresholds. This model makes explicit assumptions for them (tagged “assumed”): a simulation, not the platform's actual algorithm.",
        "La plataforma no publica las tablas por métrica, cómo la posición en el sector se convierte en puntos, los pesos de decaimiento, la tabla de estrellas ni los umbrales. Este modelo hace suposiciones explícitas (marcadas como “supuesto”): es una simulación, no el algoritmo real.",
    ],
    AboutConstants => ["模型常数及来源", "Model constants and their sources", "Constantes del modelo y sus fuentes"],
    AboutBenchmarks => ["行业基准（{industry}）", "Industry benchmarks ({industry})", "Referencias del sector ({industry})"],
    AboutPointsCurve => ["百分位 → 分数曲线", "Percentile → points curve", "Curva percentil → puntos"],
    AboutStarBands => ["分数 → 星级", "Score → stars", "Puntuación → estrellas"],
    AboutDecay => ["时间衰减：半衰期 {h} 天，窗口 {w} 天", "Decay: half-life {h} days, window {w} days", "Decaimiento: vida media {h} días, ventana {w} días"],
    AboutWeights => ["维度内指标权重", "Metric weights inside a dimension", "Pesos de métricas en cada dimensión"],
    AboutDisclaimer => [
        "本工具为独立模拟器，与小红书官方无关；结果以平台后台为准。不会发送任何数据。",
        "An independent simulator, not affiliated with Xiaohongshu; the platform's back office is authoritative. Nothing you enter is sent anywhere.",
        "Un simulador independiente, sin relación con Xiaohongshu; manda el panel de la plataforma. Nada de lo que introduces se envía.",
    ],
    Percentile => ["百分位", "Percentile", "Percentil"],
    Value => ["数值", "Value", "Valor"],
    Points => ["分数", "Points", "Puntos"],
    ExplainTitle => ["计算过程", "How it is computed", "Cómo se calcula"],
    ExplainBracket => [
        "{v} 位于行业第 {plo} 百分位（{lo}）与第 {phi} 百分位（{hi}）之间 → 百分位 {p} → {pts} 分",
        "{v} lies between the industry's {plo}th percentile ({lo}) and {phi}th ({hi}) → percentile {p} → {pts} pts",
        "{v} está entre el percentil {plo} ({lo}) y el {phi} ({hi}) del sector → percentil {p} → {pts} pts",
    ],
    ExplainWorst => ["{v} 不优于行业最差基准 {k} → 百分位 0 → {pts} 分", "{v} is no better than the worst benchmark {k} → percentile 0 → {pts} pts", "{v} no mejora la peor referencia {k} → percentil 0 → {pts} pts"],
    ExplainBest => ["{v} 达到行业最佳基准 {k} → 百分位 1 → {pts} 分", "{v} reaches the best benchmark {k} → percentile 1 → {pts} pts", "{v} alcanza la mejor referencia {k} → percentil 1 → {pts} pts"],
    ExplainDimension => ["{name} = {terms} = {score}", "{name} = {terms} = {score}", "{name} = {terms} = {score}"],
    ExplainOverall => ["服务分 = ({terms}) ÷ {den} = {score} → 显示 {shown}", "Score = ({terms}) ÷ {den} = {score} → shown {shown}", "Puntuación = ({terms}) ÷ {den} = {score} → se muestra {shown}"],
    ExplainStars => ["显示分 {shown} → {stars}（星级分档为假设）", "Shown score {shown} → {stars} (star bands assumed)", "Puntuación {shown} → {stars} (tramos supuestos)"],
    OpenFull => ["打开完整模拟器", "Open the full simulator", "Abrir el simulador completo"],
    ChangeLanguage => ["切换语言", "Change language", "Cambiar idioma"],
    Metrics => ["指标", "Metrics", "Métricas"],
    Results => ["结果", "Results", "Resultados"],
    StepUp => ["{metric} {step}", "{metric} {step}", "{metric} {step}"],
    ImportDrop => ["选择或拖入 CSV 文件", "Choose or drop a CSV file", "Elige o arrastra un archivo CSV"],
    ImportExample => ["载入示例", "Load the example", "Cargar el ejemplo"],
    ImportTemplate => ["下载模板", "Download the template", "Descargar la plantilla"],
    ImportReading => ["正在读取 {name}…", "Reading {name}…", "Leyendo {name}…"],
    ImportDone => ["已导入 {name}：{n} 行", "Imported {name}: {n} {n:row|rows}", "Importado {name}: {n} {n:fila|filas}"],
    FetchUnreachable => ["无法取得该文件（离线或被阻止）", "the file could not be fetched (offline or blocked)", "no se pudo obtener el archivo (sin conexión o bloqueado)"],
    FetchMissing => ["该文件不存在（HTTP {status}）", "the file is not there (HTTP {status})", "el archivo no está (HTTP {status})"],
    FetchUnreadable => ["该文件无法读取为文本", "the file cannot be read as text", "el archivo no se puede leer como texto"],
    FileReadFailed => ["浏览器无法读取该文件", "the browser could not read the file", "el navegador no pudo leer el archivo"],
    FileTooLarge => ["文件超过 {mb} MB", "The file is larger than {mb} MB", "El archivo supera {mb} MB"],
    ErrorReload => ["重新加载", "Reload", "Recargar"],
    ErrorReset => ["清除已保存的方案并重新开始", "Clear the stored scenario and start again", "Borrar el escenario guardado y empezar de nuevo"],
    ResetDone => ["已按要求重新开始；原来保存的方案已备份。", "Started afresh as asked; the previously stored scenario was kept as a backup.", "Se empezó de nuevo; el escenario guardado se conservó como copia."],
    ErrorPanelTitle => ["页面出错了", "Something went wrong", "Algo salió mal"],
    ErrorPanelText => [
        "模拟器遇到意外错误。你的方案保存在本机，可以重新加载页面；如问题重复出现，可清除已保存的方案后重试。",
        "The simulator hit an unexpected error. Your scenario is stored on this device: reload the page, or clear the stored scenario if it happens again.",
        "El simulador encontró un error inesperado. Tu escenario está guardado en este dispositivo: recarga la página o borra el escenario guardado si se repite.",
    ],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn fill_puts_values_and_plural_choices() {
        assert_eq!(
            fill(Text::NotMetBy.get(Lang::En), &[("x", "0.12")]),
            "0.12 below"
        );
        assert_eq!(fill("{n} {n:row|rows}", &[("n", "1")]), "1 row");
        assert_eq!(fill("{n} {n:row|rows}", &[("n", "0")]), "0 rows");
        // A value is never scanned for placeholders; an unknown name stays as written.
        assert_eq!(fill("{a} {b}", &[("a", "{b}")]), "{b} {b}");
        assert_eq!(fill("{a", &[("a", "x")]), "{a");
        assert_eq!(placeholder_names("{n} {n:a|b} {name}"), vec!["n", "name"]);
    }
}
