//! The import status's words (its own table): the words both imports share, and, where the
//! daily CSV and the session log always said a thing differently, each one's own sentence.
//! The words of a view's own summary stay in the view's table.

crate::i18n::texts! {
    ImportText;
    ParsingDaily => ["{name}: 正在解析…", "{name}: Parsing…", "{name}: Analizando…"],
    ParsingSessions => ["正在解析 {name}…", "Parsing {name}…", "Analizando {name}…"],
    Errors => ["{name} 有 {n} 处错误，未导入任何数据：", "{name} has {n} {n:error|errors}; nothing was imported:", "{name} tiene {n} {n:error|errores}; no se importó nada:"],
    ErrorPlace => ["第 {line} 行，{column} 列：", "line {line}, column {column}: ", "línea {line}, columna {column}: "],
    ErrorField => ["{place}：", "{place}: ", "{place}: "],
    More => ["……还有更多错误未列出", "…and more errors not listed", "…y más errores no listados"],
    EmptyDaily => ["{name} 没有数据行，未导入任何数据。", "{name} has no data rows; nothing was imported.", "{name} no tiene filas de datos; no se importó nada."],
    EmptySessions => ["{name} 没有任何会话（只有表头），未导入。", "{name} has no sessions (only a header); nothing was imported.", "{name} no tiene sesiones (solo la cabecera); no se importó nada."],
    KeptPreviousDaily => ["之前导入的 {name} 仍在使用。", "The file imported before, {name}, is still in use.", "Se sigue usando el archivo importado antes, {name}."],
    KeptPreviousSessions => ["仍显示之前导入的 {name}。", "Still showing the previously imported {name}.", "Se sigue mostrando {name}, importado antes."],
    IgnoredColumns => ["已忽略未识别的列：{cols}", "Columns not recognised and ignored: {cols}", "Columnas no reconocidas e ignoradas: {cols}"],
    Gbk => ["文件不是 UTF-8 编码，已按 GB18030（GBK）读取。", "The file is not UTF-8; it was read as GB18030 (GBK).", "El archivo no es UTF-8; se leyó como GB18030 (GBK)."],
    FieldRefused => ["该值不被接受", "not accepted", "no se acepta"],
    Remove => ["移除此文件", "Remove this file", "Quitar este archivo"],
}
