//! The projection view's words (its own table; shared words stay in [`crate::i18n::T`]).

crate::i18n::texts! {
    PT;
    Heading => ["180 天走势预测", "180-day outlook", "Previsión a 180 días"],
    DeadlineHeading => ["在某个日期前达到目标", "Reach a target by a date", "Alcanzar un objetivo antes de una fecha"],
    DeadlineTarget => ["目标", "Target", "Objetivo"],
    DeadlineBy => ["日期", "By", "Fecha"],
    DeadlineReached => [
        "最省力的方案（工作量 {effort}）：从今天起这样做，{date} 起达到{target}。",
        "Least effort (effort {effort}): do this from today and {target} is reached on {date}.",
        "Lo mínimo (esfuerzo {effort}): hazlo desde hoy y alcanzas {target} el {date}.",
    ],
    DeadlineAlready => ["不需要改变：{date} 起即可达到{target}。", "No change needed: {target} is reached on {date}.", "No hace falta cambiar nada: alcanzas {target} el {date}."],
    DeadlineTooSoon => [
        "{by} 之前无法达到{target}：即使所有指标都达到最佳值，最早也要到 {date}。",
        "{target} cannot be reached by {by}: even with every metric at its best, the earliest is {date}.",
        "{target} no se alcanza antes del {by}: ni con todas las métricas en su mejor valor; lo antes posible es el {date}.",
    ],
    DeadlineNever => ["即使所有指标都达到最佳值，也无法达到{target}。", "{target} cannot be reached even with every metric at its best.", "{target} no se alcanza ni con todas las métricas en su mejor valor."],
    DeadlineApply => ["应用方案", "Apply the plan", "Aplicar el plan"],
    DeadlineBeforeStart => [
        "{by} 早于方案的第一天 {start}：请选 {start} 或之后的日期。",
        "{by} is before the plan's first day, {start}: choose {start} or later.",
        "{by} es anterior al primer día del plan, {start}: elige {start} o una fecha posterior.",
    ],
    DeadlineNotAfterHistory => [
        "{by} 不晚于记录的最后一天 {last}：方案从其后一天开始。",
        "{by} is not after the records' last day, {last}: the plan starts the day after.",
        "{by} no es posterior al último día de los registros, {last}: el plan empieza el día siguiente.",
    ],
    DeadlineNoRecords => [
        "没有每日记录：无法按日期计算方案。",
        "No daily records: a plan by a date needs them.",
        "No hay registros diarios: un plan con fecha los necesita.",
    ],
    DeadlineBeyondCalendar => [
        "日期超出 9999-12-31，无法计算。",
        "The plan would run beyond 9999-12-31.",
        "El plan llegaría más allá del 9999-12-31.",
    ],
    DeadlineCannot => ["无法计算方案：{e}", "Cannot plan: {e}", "No se puede planificar: {e}"],
    Intro => [
        "从今天起，指标按滑块上的数值；今天之前，按下面选择的过去数据。每天公布的服务分取前 180 天的数据，日期越近权重越大（半衰期为假设）。",
        "From today, the metrics are what the sliders say; before today, they are the past data chosen below. Each day's published score uses the 180 days before it, recent days weighing more (the half-life is assumed).",
        "Desde hoy, las métricas son las de los controles; antes de hoy, los datos pasados elegidos abajo. La puntuación de cada día usa los 180 días anteriores; los recientes pesan más (la vida media es supuesta).",
    ],
    PastData => ["今天之前的数据", "Data before today", "Datos antes de hoy"],
    SourceBaseline => ["保持一个方案 180 天", "A scenario held for 180 days", "Un escenario durante 180 días"],
    SourceImported => ["导入的每日数据（CSV）", "Imported daily data (CSV)", "Datos diarios importados (CSV)"],
    SourceImportedNone => ["（尚未导入）", "(nothing imported yet)", "(aún no hay importación)"],
    Horizon => ["预测天数", "Horizon", "Horizonte"],
    HorizonDays => ["{n} 天", "{n} days", "{n} días"],
    PastPinned => [
        "今天之前：固定的基准（{score}），保持 180 天。",
        "Before today: the pinned baseline ({score}), held for 180 days.",
        "Antes de hoy: la referencia fijada ({score}), durante 180 días.",
    ],
    PastSaved => [
        "今天之前：我保存的方案（{score}），保持 180 天。",
        "Before today: my saved scenario ({score}), held for 180 days.",
        "Antes de hoy: mi escenario guardado ({score}), durante 180 días.",
    ],
    PastCurrent => [
        "今天之前：当前滑块的数值（没有固定基准或保存的方案），所以走势是平的。固定一个基准后再改变滑块，可以看到变化如何逐日生效。",
        "Before today: the current sliders (no baseline pinned, no scenario saved), so the outlook is flat. Pin a baseline, then move the sliders to see a change take effect day by day.",
        "Antes de hoy: los controles actuales (sin referencia fijada ni escenario guardado), así que la previsión es plana. Fija una referencia y mueve los controles para ver cómo el cambio surte efecto día a día.",
    ],
    PastImported => [
        "今天之前：{name}，{first} 至 {last}，{rows} 行，其中 {excluded} 天已排除（不可抗力或申诉成功，图中为空缺）{dates}。",
        "Before today: {name}, {first} to {last}, {rows} rows, {excluded} days excluded (force majeure or appealed; gaps in the chart){dates}.",
        "Antes de hoy: {name}, del {first} al {last}, {rows} filas, {excluded} días excluidos (fuerza mayor o apelación; huecos en el gráfico){dates}.",
    ],
    TodayLocal => ["今天：{date}（本机日期）", "Today: {date} (this device's date)", "Hoy: {date} (fecha de este dispositivo)"],
    TodayImported => ["今天：{date}（导入数据最后一天的次日）", "Today: {date} (the day after the last imported day)", "Hoy: {date} (el día siguiente al último importado)"],
    ScoreRun => ["今天 {a} → {date} {b}", "Today {a} → {date} {b}", "Hoy {a} → {date} {b}"],
    ReachHeading => ["首次达到", "First reached", "Primera vez alcanzado"],
    ReachToday => ["今天已达到", "already today", "ya hoy"],
    ReachDay => ["第 {n} 天", "day {n}", "día {n}"],
    ReachNot => ["{n} 天内达不到", "not within {n} days", "no en {n} días"],
    ReachLost => ["之后又会失去", "lost again later", "se pierde después"],
    LeavingHeading => ["移出窗口的差日子", "Bad days leaving the window", "Días malos que salen de la ventana"],
    LeavingNote => [
        "单日分比窗口中位数（{median}）低 {margin} 以上的日子；每一天在 {days} 天后移出窗口。",
        "Days whose own score is at least {margin} below the window's median ({median}); each leaves the window {days} days later.",
        "Días cuya puntuación propia está al menos {margin} por debajo de la mediana ({median}); cada uno sale de la ventana {days} días después.",
    ],
    LeavingNoteShort => [
        "单日分比窗口中位数低 {margin} 以上的日子；每一天在 {days} 天后移出窗口。",
        "Days whose own score is at least {margin} below the window's median; each leaves the window {days} days later.",
        "Días cuya puntuación propia está al menos {margin} por debajo de la mediana; cada uno sale de la ventana {days} días después.",
    ],
    LeavingRow => [
        "{date}（单日 {score}）于 {leaves} 移出窗口",
        "{date} (own score {score}) leaves on {leaves}",
        "{date} (puntuación propia {score}) sale el {leaves}",
    ],
    LeavingEffect => ["单独影响 {x}", "on its own {x}", "por sí solo {x}"],
    LeavingBeyond => ["超出预测范围", "beyond the horizon", "fuera del horizonte"],
    LeavingNone => ["窗口里没有明显偏低的日子。", "No day in the window stands out as bad.", "Ningún día de la ventana destaca como malo."],
    ImportHeading => ["导入每日数据", "Import daily data", "Importar datos diarios"],
    ImportHint => [
        "CSV 每天一行：date（YYYY-MM-DD）和各项计数，列名见模板；excluded 为 1 的日子（不可抗力、申诉成功）不计入。文件只在本机读取，不会上传。",
        "One CSV line per day: date (YYYY-MM-DD) and the counts, named as in the template; days with excluded = 1 (force majeure, successful appeal) are dropped. The file is read on this device only, never uploaded.",
        "Una línea CSV por día: date (AAAA-MM-DD) y los recuentos, con los nombres de la plantilla; los días con excluded = 1 (fuerza mayor, apelación) no cuentan. El archivo se lee solo en este dispositivo.",
    ],
    UseWindow => ["用导入窗口的数值设置滑块", "Use the imported window as my sliders", "Usar la ventana importada en los controles"],
    UseWindowHint => [
        "把今天（{date}）的服务分所依据的各项指标填入滑块，再调整要改进的指标。",
        "Puts the metric values today's ({date}) score is computed from into the sliders; then change what you plan to improve.",
        "Pone en los controles los valores con que se calcula la puntuación de hoy ({date}); luego cambia lo que piensas mejorar.",
    ],
    ErrorPlace => ["第 {line} 行，{column} 列：", "line {line}, column {column}: ", "línea {line}, columna {column}: "],
    ErrorField => ["{place}：", "{place}: ", "{place}: "],
    EmptyFile => ["{name} 没有数据行，未导入任何数据。", "{name} has no data rows; nothing was imported.", "{name} no tiene filas de datos; no se importó nada."],
    KeptPrevious => ["之前导入的 {name} 仍在使用。", "The file imported before, {name}, is still in use.", "Se sigue usando el archivo importado antes, {name}."],
    CannotProject => ["无法计算走势：{e}", "The outlook cannot be computed: {e}", "No se puede calcular la previsión: {e}"],
}

#[cfg(test)]
mod tests {
    use super::PT;
    use crate::i18n::Lang;

    fn names(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        for key in [
            PT::HorizonDays,
            PT::PastPinned,
            PT::PastImported,
            PT::TodayLocal,
            PT::TodayImported,
            PT::ScoreRun,
            PT::ReachDay,
            PT::ReachNot,
            PT::LeavingNote,
            PT::LeavingNoteShort,
            PT::LeavingRow,
            PT::LeavingEffect,
            PT::UseWindowHint,
            PT::ErrorPlace,
            PT::ErrorField,
            PT::EmptyFile,
            PT::KeptPrevious,
            PT::CannotProject,
        ] {
            let zh = names(key.get(Lang::Zh));
            assert_eq!(zh, names(key.get(Lang::En)), "{key:?}");
            assert_eq!(zh, names(key.get(Lang::Es)), "{key:?}");
        }
    }
}
