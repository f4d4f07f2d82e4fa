//! The rule-pack tools' words (their own table).

crate::i18n::texts! {
    PackText;
    Title => ["规则包：导入、导出、编辑行业基准", "Rule pack: import, export, edit the industry benchmarks", "Paquete de reglas: importar, exportar y editar las referencias del sector"],
    InUse => ["正在使用：{title}", "In use: {title}", "En uso: {title}"],
    Import => ["导入规则包文件（.json）", "Import a rule pack file (.json)", "Importar un archivo de reglas (.json)"],
    ImportHelp => ["文件会像命令行的 --pack 一样被检查；无效的规则包不会替换当前规则。", "The file is checked exactly as the command line's --pack checks it; an invalid pack never replaces the rules in use.", "El archivo se comprueba igual que con --pack en la línea de órdenes; un paquete no válido nunca sustituye a las reglas en uso."],
    Export => ["导出当前规则包", "Export the rule pack in use", "Exportar el paquete de reglas en uso"],
    BackToDefault => ["恢复默认规则", "Back to the default rules", "Volver a las reglas por defecto"],
    FileTooLarge => ["文件 {name} 太大（超过 {mb} MB），不像规则包。", "The file {name} is too large (over {mb} MB) to be a rule pack.", "El archivo {name} es demasiado grande (más de {mb} MB) para ser un paquete de reglas."],
    FileUnreadable => ["无法读取文件 {name}。", "The file {name} could not be read.", "No se pudo leer el archivo {name}."],
    EditTitle => ["编辑“{industry}”的行业基准", "Edit the benchmarks of “{industry}”", "Editar las referencias de «{industry}»"],
    EditHelp => ["每一行从最差（P0）到最好（P100）。编辑后的基准标为“用户”，只保存在此浏览器中。", "Each row runs from the worst (P0) to the best (P100). Edited benchmarks are marked “user” and kept in this browser only.", "Cada fila va de la peor (P0) a la mejor (P100). Las referencias editadas se marcan como «usuario» y solo se guardan en este navegador."],
    Metric => ["指标", "Metric", "Métrica"],
    KnotLabel => ["{metric}，P{p}", "{metric}, P{p}", "{metric}, P{p}"],
    MustRise => ["“{metric}”的基准须从左到右严格增大，且在 {min}–{max} 之内。", "The benchmarks of “{metric}” must strictly increase from left to right, within {min}–{max}.", "Las referencias de «{metric}» deben crecer estrictamente de izquierda a derecha, entre {min} y {max}."],
    MustFall => ["“{metric}”的基准须从左到右严格减小（越小越好），且在 {min}–{max} 之内。", "The benchmarks of “{metric}” must strictly decrease from left to right (lower is better), within {min}–{max}.", "Las referencias de «{metric}» deben decrecer estrictamente de izquierda a derecha (menos es mejor), entre {min} y {max}."],
    Invalid => ["编辑后的规则包在 {place} 处无效。", "The edited rule pack is not valid at {place}.", "El paquete editado no es válido en {place}."],
    NotANumber => ["输入的不是数字；仍使用 {kept}。", "What was typed is not a number; {kept} stays in use.", "Lo escrito no es un número; se mantiene {kept}."],
    OutOfRange => ["超出 {min}–{max}；仍使用 {kept}。", "Outside {min}–{max}; {kept} stays in use.", "Fuera de {min}–{max}; se mantiene {kept}."],
    Apply => ["使用编辑后的基准", "Use the edited benchmarks", "Usar las referencias editadas"],
    Discard => ["放弃修改", "Discard the changes", "Descartar los cambios"],
    NoTable => ["此行业不计服务分，没有基准表。", "This industry has no service score, so it has no benchmark table.", "Este sector no tiene puntuación de servicio, así que no tiene tabla de referencias."],
    EditedSuffix => ["（已编辑）", " (edited)", " (editado)"],
}
