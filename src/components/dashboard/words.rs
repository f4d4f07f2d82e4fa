//! The dashboard form's words in the three languages, and a refused dashboard worded naming
//! the field (the core's [`DashboardError`] is typed; the page words it).

use servicescore::calibrate::{DashboardError, DashboardErrorKind};
use servicescore::RulePack;

use crate::format;
use crate::i18n::{fill, Lang};

crate::i18n::texts! {
    DashboardText;
    Title => ["我的后台数据", "My dashboard", "Mis datos del panel"],
    Help => ["输入某一天后台显示的数字，模拟器会校准假设的常数，使其与你的后台一致；输入几天的数据，则按最小二乘拟合并列出每天的差值。校准结果只保存在此浏览器中。", "Type what the back office shows on one day; the simulator fits its assumed constants to reproduce it. With several days it fits them by least squares and lists each day's residuals. The calibration is kept in this browser only.", "Escribe lo que muestra el panel un día concreto; el simulador ajusta sus constantes supuestas para reproducirlo. Con varios días las ajusta por mínimos cuadrados y muestra los residuos de cada día. La calibración solo se guarda en este navegador."],
    Day => ["第 {n} 天", "Day {n}", "Día {n}"],
    AddDay => ["再加一天", "Add a day", "Añadir un día"],
    RemoveDay => ["删除第 {n} 天", "Remove day {n}", "Quitar el día {n}"],
    Date => ["日期（年-月-日）", "Date (YYYY-MM-DD)", "Fecha (AAAA-MM-DD)"],
    DateHint => ["后台数据更新的日期，见千帆“店铺分”页面顶部。", "The day the figures are for: top of the 千帆 (Qianfan) shop score page.", "El día de las cifras: arriba en la página de puntuación de tienda de Qianfan (千帆)."],
    Score => ["服务分", "Overall score", "Puntuación general"],
    ScoreHint => ["千帆“店铺分”页面上的总分。", "The total on the 千帆 (Qianfan) shop score page.", "El total en la página de puntuación de tienda de Qianfan (千帆)."],
    DimHint => ["千帆“服务分”页面上“{name}”的分数。", "The “{name}” score on the 服务分 (service score) page.", "La puntuación «{name}» en la página 服务分 (puntuación de servicio)."],
    MetricHint => ["千帆“服务分”页面，展开“{dim}”查看“{name}”。", "The 服务分 (service score) page: open “{dim}” to see “{name}”.", "La página 服务分 (puntuación de servicio): abre «{dim}» para ver «{name}»."],
    Rank => ["排名：超过 …% 同行", "rank: better than …% of peers", "puesto: mejor que el …% del sector"],
    RankHint => ["后台在指标旁显示“超过 62% 同行”时，在排名框填 62；没有显示就留空。", "Where the back office shows “超过 62% 同行” (better than 62 % of peers) beside a metric, type 62 in its rank box; leave it empty otherwise.", "Donde el panel muestra «超过 62% 同行» (mejor que el 62 % del sector) junto a una métrica, escribe 62 en su casilla de puesto; si no, déjala vacía."],
    Calibrate => ["校准", "Calibrate", "Calibrar"],
    FromBase => ["校准会从“{base}”重新开始，替换当前按 {date} 的后台数据所做的校准。", "Calibrating starts again from “{base}”: it replaces the calibration to your dashboard of {date}.", "La calibración vuelve a empezar desde «{base}»: sustituye la calibración con tu panel del {date}."],
    FromBaseDone => ["已从“{base}”重新校准（替换了按 {date} 的校准）。", "Calibrated again from “{base}” (the calibration to {date} is replaced).", "Calibrado de nuevo desde «{base}» (se sustituye la calibración del {date})."],
    Result => ["校准结果（{date}）", "Calibration result ({date})", "Resultado de la calibración ({date})"],
    NoDate => ["未填日期", "no date", "sin fecha"],
    Shown => ["后台显示", "Shown", "Mostrado"],
    Fitted => ["校准后", "Fitted", "Ajustado"],
    Residual => ["差值", "Residual", "Residuo"],
    RankRow => ["{name} 排名", "{name} rank", "Puesto de {name}"],
    Exact => ["已精确还原你的后台数据，正在使用校准后的规则。", "Your dashboard is reproduced exactly; the calibrated rules are in use.", "Tu panel se reproduce exactamente; las reglas calibradas están en uso."],
    Approx => ["无法精确还原，最大差值 {r}；正在使用最接近的规则。", "Not reproduced exactly (largest residual {r}); the closest rules are in use.", "No se reproduce exactamente (residuo máximo {r}); se usan las reglas más cercanas."],
    DayExact => ["这一天已精确还原。", "This day is reproduced exactly.", "Este día se reproduce exactamente."],
    DayApprox => ["这一天的最大差值 {r}。", "This day's largest residual: {r}.", "Residuo máximo de este día: {r}."],
    Problem => ["{field}：{what}", "{field}: {what}", "{field}: {what}"],
    DayField => ["第 {n} 天 · {field}", "Day {n} · {field}", "Día {n} · {field}"],
    Dashboard => ["后台数据", "The dashboard", "El panel"],
    PackField => ["规则包", "The rule pack", "El paquete de reglas"],
    IndustryField => ["行业", "The industry", "El sector"],
    KJson => ["无法读取。", "could not be read.", "no se pudo leer."],
    KUnknownIndustry => ["规则包中没有这个行业。", "this industry is not in the rule pack.", "este sector no está en el paquete de reglas."],
    KNotApplicable => ["该行业不计服务分，无法校准。", "this industry has no service score, so there is nothing to calibrate.", "este sector no tiene puntuación de servicio: no hay nada que calibrar."],
    KAlreadyCalibrated => ["当前规则是校准过的，但找不到它所基于的内置规则“{base}”（或它在校准之外还被改过）；请先恢复默认规则再校准。", "the rules in use are calibrated, and the built-in rules they came from (“{base}”) cannot be recovered from them (or they were changed beyond the calibration): go back to the default rules first.", "las reglas en uso están calibradas y no se pueden recuperar de ellas las reglas integradas de las que vienen («{base}»), o se cambiaron más allá de la calibración: vuelve primero a las reglas por defecto."],
    KNoSnapshot => ["至少需要一天的数据。", "at least one day is needed.", "hace falta al menos un día."],
    KBadDate => ["“{text}”不是日期，请按 年-月-日 填写（如 2026-11-20）。", "“{text}” is not a date: write it as YYYY-MM-DD (e.g. 2026-11-20).", "«{text}» no es una fecha: escríbela como AAAA-MM-DD (p. ej. 2026-11-20)."],
    KUnknownMetric => ["规则包中没有这个指标。", "this metric is not in the rule pack.", "esta métrica no está en el paquete de reglas."],
    KUnknownDimension => ["规则包中没有这个维度。", "this dimension is not in the rule pack.", "esta dimensión no está en el paquete de reglas."],
    KNotANumber => ["不是数字。", "not a number.", "no es un número."],
    KOutOfRange => ["{value} 超出 {min}–{max}。", "{value} is outside {min}–{max}.", "{value} está fuera de {min}–{max}."],
    KRankOutOfRange => ["{value}% 超出 0–100%。", "{value} % is outside 0–100 %.", "{value} % está fuera de 0–100 %."],
    KTooPrecise => ["{value} 的小数位多于后台显示的 {n} 位。", "{value} has more decimals than the {n} the back office shows.", "{value} tiene más decimales que los {n} que muestra el panel."],
    KNoMetrics => ["请至少填写一个指标的数值。", "type at least one metric's value.", "escribe el valor de al menos una métrica."],
    KNothingShown => ["请填写服务分或至少一个维度的分数。", "type the overall score or at least one dimension's score.", "escribe la puntuación general o la de al menos una dimensión."],
    KDimensionWithoutMetrics => ["填写了这个维度的分数，但它的指标都没有数值。", "its score is given but none of its metrics has a value.", "tiene puntuación pero ninguna de sus métricas tiene valor."],
    KPercentileWithoutValue => ["填写了排名，但该指标没有数值。", "a rank is given for a metric without a value.", "hay un puesto para una métrica sin valor."],
    KNotWeightedMean => ["{score} 不可能是各维度分数的加权平均（应在 {lo}–{hi} 之间），可能是输入有误。", "{score} cannot be the weighted mean of the dimension scores (it must be within {lo}–{hi}): probably a typo.", "{score} no puede ser la media ponderada de las dimensiones (debe estar entre {lo} y {hi}): probablemente una errata."],
    Refused => ["输入的不是有效数值；仍使用 {kept}。", "What was typed is not a valid value; {kept} stays in use.", "Lo escrito no es un valor válido; se mantiene {kept}."],
}

/// The field a dashboard path names, in the page's words (`snapshots[1].score` → "Day 2 ·
/// Overall score" when the form has several days).
pub fn field_name(pack: &RulePack, path: &str, days: usize, lang: Lang) -> String {
    let Some((index, rest)) = path
        .strip_prefix("snapshots[")
        .and_then(|r| r.split_once("]."))
    else {
        return match path {
            "pack" => DashboardText::PackField.get(lang).into(),
            "industry" => DashboardText::IndustryField.get(lang).into(),
            _ => DashboardText::Dashboard.get(lang).into(),
        };
    };
    let field = match rest {
        "date" => DashboardText::Date.get(lang).into(),
        "score" => DashboardText::Score.get(lang).into(),
        "metrics" => DashboardText::Dashboard.get(lang).into(),
        r => r
            .strip_prefix("dimensions.")
            .and_then(|id| pack.dimensions.iter().find(|d| d.id == id))
            .map(|d| d.names.get(lang.code()).to_string())
            .or_else(|| {
                let id = r.strip_prefix("metrics.")?;
                Some(pack.metric(id)?.names.get(lang.code()).to_string())
            })
            .or_else(|| {
                let id = r.strip_prefix("percentiles.")?;
                let name = pack.metric(id)?.names.get(lang.code());
                Some(fill(DashboardText::RankRow.get(lang), &[("name", name)]))
            })
            .unwrap_or_else(|| r.to_string()),
    };
    match index.parse::<usize>() {
        Ok(i) if days > 1 => fill(
            DashboardText::DayField.get(lang),
            &[("n", &(i + 1).to_string()), ("field", &field)],
        ),
        _ => field,
    }
}

/// A refused dashboard in the page's language, naming the field. Ranks are typed as
/// percentages, so a rank out of range is worded as one.
pub fn problem_text(pack: &RulePack, e: &DashboardError, days: usize, lang: Lang) -> String {
    use DashboardErrorKind as K;
    let n = |v: f64| format::number(v, lang);
    let rank = e.path.contains("].percentiles.");
    let what = match &e.kind {
        K::Json { .. } => DashboardText::KJson.get(lang).into(),
        K::UnknownIndustry { .. } => DashboardText::KUnknownIndustry.get(lang).into(),
        K::NotApplicable { .. } => DashboardText::KNotApplicable.get(lang).into(),
        K::AlreadyCalibrated { base } => fill(
            DashboardText::KAlreadyCalibrated.get(lang),
            &[("base", base)],
        ),
        K::NoSnapshot => DashboardText::KNoSnapshot.get(lang).into(),
        K::BadDate { text } => fill(DashboardText::KBadDate.get(lang), &[("text", text)]),
        K::UnknownMetric { .. } => DashboardText::KUnknownMetric.get(lang).into(),
        K::UnknownDimension { .. } => DashboardText::KUnknownDimension.get(lang).into(),
        K::NotANumber => DashboardText::KNotANumber.get(lang).into(),
        K::OutOfRange { value, .. } if rank => fill(
            DashboardText::KRankOutOfRange.get(lang),
            &[("value", &n(value * 100.0))],
        ),
        K::OutOfRange { value, min, max } => fill(
            DashboardText::KOutOfRange.get(lang),
            &[("value", &n(*value)), ("min", &n(*min)), ("max", &n(*max))],
        ),
        K::TooPrecise { value, decimals } => fill(
            DashboardText::KTooPrecise.get(lang),
            &[("value", &n(*value)), ("n", &decimals.to_string())],
        ),
        K::NoMetrics => DashboardText::KNoMetrics.get(lang).into(),
        K::NothingShown => DashboardText::KNothingShown.get(lang).into(),
        K::DimensionWithoutMetrics { .. } => {
            DashboardText::KDimensionWithoutMetrics.get(lang).into()
        }
        K::PercentileWithoutValue => DashboardText::KPercentileWithoutValue.get(lang).into(),
        K::NotWeightedMean { score, lo, hi, .. } => fill(
            DashboardText::KNotWeightedMean.get(lang),
            &[("score", &n(*score)), ("lo", &n(*lo)), ("hi", &n(*hi))],
        ),
    };
    fill(
        DashboardText::Problem.get(lang),
        &[
            ("field", &field_name(pack, &e.path, days, lang)),
            ("what", &what),
        ],
    )
}
