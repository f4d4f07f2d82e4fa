//! The getting-started view's words in Chinese, English and Spanish (its own table, next to
//! its components). Placeholders are `{name}`, filled by [`crate::i18n::fill`].

crate::i18n::texts! {
    StartText;
    Title => ["开店准备", "Getting started", "Primeros pasos"],
    Intro => [
        "开店前后要做的事，逐项勾选；勾选只保存在本浏览器中。每一项都注明出处文章。",
        "What to do before and after opening a shop, item by item; your ticks are kept in this browser only. Every item names the article it comes from.",
        "Lo que hay que hacer antes y después de abrir una tienda, punto por punto; las marcas se guardan solo en este navegador. Cada punto indica el artículo del que procede.",
    ],
    Progress => ["已完成 {done} / {total} 项", "{done} of {total} done", "{done} de {total} hechos"],
    Print => ["打印清单", "Print the checklist", "Imprimir la lista"],
    Clear => ["清除全部勾选", "Clear all ticks", "Quitar todas las marcas"],
    Corrupt => [
        "本浏览器保存的清单无法读取（{reason}），已另存为备份；清单从未勾选开始。",
        "The checklist stored in this browser could not be read ({reason}); it was kept as a backup and the list starts unticked.",
        "No se pudo leer la lista guardada en este navegador ({reason}); se conservó como copia y la lista empieza sin marcas.",
    ],
    NoStorage => [
        "本浏览器不能保存数据：勾选在关闭页面后不会保留。",
        "This browser cannot store data: ticks will not survive closing the page.",
        "Este navegador no puede guardar datos: las marcas no se conservarán al cerrar la página.",
    ],
    Source => ["出处：{title}", "Source: {title}", "Fuente: {title}"],
    ItemLink => ["本项链接", "Link to this item", "Enlace a este punto"],
    BusinessHeading => ["你的经营类型", "Your kind of business", "Tu tipo de negocio"],
    BusinessLabel => ["经营类型", "Kind of business", "Tipo de negocio"],
    BusinessGoods => ["实物商品（服装、美妆、食品等）", "Goods (apparel, beauty, food, …)", "Productos (ropa, belleza, alimentación, …)"],
    BusinessLocalLife => ["线下生活服务（餐饮、住宿、美容美发、健身等）", "Offline life services (restaurants, lodging, hair and beauty, fitness, …)", "Servicios locales presenciales (restauración, alojamiento, peluquería y estética, gimnasios, …)"],
    BusinessOutdoor => ["户外服务", "Outdoor services", "Servicios al aire libre"],
    ScopeExcluded => [
        "{rules}适用于除户外服务、线下生活服务行业以外的所有商家：服务分、体验星级及其门槛都不适用于你的店铺，本工具的评分视图对你没有意义。",
        "{rules} apply to every merchant except the outdoor-service and offline life-service industries: the service score, its experience stars and its thresholds do not cover your shop, so this tool's score view does not apply to you.",
        "{rules} se aplican a todos los comercios salvo los de servicios al aire libre y servicios locales presenciales: la puntuación de servicio, sus estrellas y sus umbrales no cubren tu tienda, así que la vista de puntuación de esta herramienta no te corresponde.",
    ],
    ScopeExcludedApplies => [
        "仍然适用于你的：下面的入驻步骤（企业资质、资料、审核、保证金、店铺设置），以及你选择的客服模式——选择商家自主客服时，每天的客服考核和违规积分照常适用。",
        "What does apply to you: the joining steps below (entity, documents, review, deposit, shop set-up) and the customer-service mode you choose; with merchant-run service, the daily assessment and the violation points apply as usual.",
        "Lo que sí te corresponde: los pasos de alta de abajo (entidad, documentos, revisión, depósito, configuración de la tienda) y el modo de atención al cliente que elijas; con atención propia, la evaluación diaria y los puntos por infracciones se aplican igual.",
    ],
    ScopeGoods => [
        "{rules}适用于你的店铺：服务分（5 分制，最低 3 分）按近 180 天的数据计算，影响流量、活动报名和合作。选择你的行业，在评分视图中模拟。",
        "{rules} cover your shop: the service score (5-point scale, minimum 3) is computed from the last 180 days and affects traffic, activity sign-up and the cooperation itself. Choose your industry and simulate it in the score view.",
        "{rules} cubren tu tienda: la puntuación de servicio (escala de 5, mínimo 3) se calcula con los últimos 180 días y afecta al tráfico, a la inscripción en actividades y a la propia colaboración. Elige tu sector y simúlala en la vista de puntuación.",
    ],
    IndustryLabel => ["行业", "Industry", "Sector"],
    ToScore => ["用这个行业打开评分视图", "Open the score view for this industry", "Abrir la vista de puntuación con este sector"],
    CsHeading => ["客服模式", "Customer-service mode", "Modo de atención al cliente"],
    CsPlatform => ["小红书客服代运营", "Platform-run (Xiaohongshu's service team)", "Gestionada por la plataforma (equipo de Xiaohongshu)"],
    CsMerchant => ["商家自主客服", "Merchant-run (your own team)", "Gestionada por el comercio (tu propio equipo)"],
    CsPlatformText => [
        "由小红书官方客服团队为你接待买家，平台按《小红书客服代运营服务标准》收费；店铺的客服不参与每日考核。",
        "Xiaohongshu's own service team answers your buyers and the platform charges by its standard for this service (《小红书客服代运营服务标准》); your shop's customer service is not assessed.",
        "El equipo de atención de Xiaohongshu atiende a tus compradores y la plataforma cobra según su norma para este servicio (《小红书客服代运营服务标准》); la atención de tu tienda no se evalúa.",
    ],
    CsMerchantText => [
        "需先通过基础考试，通过后立即生效。之后每天考核：{from}–{to} 发起的会话计入（节假日照常），{secs} 秒内首次回复算及时，第 T 天看 T-{window} 至 T-1 的 3 分钟回复率，须 ≥ {target}%；不满意率按自然月统计。不达标：强制学习课程并考试，{exam} 天内未通过（包括未考）则所有公域流量至少限制 {limit} 天；多个自然月多次不达标可能限流或清退。",
        "You must pass the basic exam first; it takes effect as soon as you pass. Then you are assessed every day: sessions started {from}–{to} count (holidays too), a first reply within {secs} s is in time, day T looks at the 3-minute reply rate of T-{window}..T-1, which must be ≥ {target}%; the dissatisfaction rate is counted per calendar month. A fail brings a forced course and exam; not passed within {exam} days (not taking it counts) limits all public traffic for at least {limit} days; fails in several calendar months can bring a traffic limit or the shop cleared.",
        "Primero hay que aprobar el examen básico; se activa en cuanto se aprueba. Después se evalúa cada día: cuentan las sesiones iniciadas entre {from} y {to} (también festivos), una primera respuesta en {secs} s llega a tiempo, el día T mira la tasa de respuesta en 3 minutos de T-{window} a T-1, que debe ser ≥ {target}%; la tasa de insatisfacción se cuenta por mes natural. Un suspenso trae un curso y examen obligatorios; sin aprobar en {exam} días (no presentarse cuenta) se limita todo el tráfico público al menos {limit} días; suspender en varios meses naturales puede traer limitación de tráfico o el cierre de la tienda.",
    ],
    CsSwitch => [
        "入驻时选择客服模式；之后要切换，用主账号登录“ARK第三方商家管理平台”：菜单栏 > 客服服务 > 团队工具 > 顶部蓝条。",
        "The mode is chosen when joining; to switch later, log in with the main account to the ARK merchant back office (“ARK第三方商家管理平台”): menu bar > 客服服务 (customer service) > 团队工具 (team tools) > the blue bar at the top.",
        "El modo se elige al darse de alta; para cambiarlo después, entra con la cuenta principal en el panel de comercios ARK (“ARK第三方商家管理平台”): barra de menú > 客服服务 (atención al cliente) > 团队工具 (herramientas del equipo) > la barra azul superior.",
    ],
    ToCs => ["打开客服考核视图", "Open the customer-service view", "Abrir la vista de atención al cliente"],
    ChecklistHeading => ["清单", "Checklist", "Lista"],
    EntityTitle => ["主体类型与经营范围", "Entity type and business scope", "Tipo de entidad y ámbito de actividad"],
    EntityText => [
        "须为合法注册的主体：个体工商户、有限责任公司、股份有限公司等；本地生活服务商的经营范围须与平台定位相符，如餐饮、旅游、住宿、美容美发、健身。",
        "A lawfully registered entity: individual business (个体工商户), limited liability company (有限责任公司), joint-stock company (股份有限公司) and so on; a local-life provider's business scope must fit the platform, such as restaurants, travel, lodging, hair and beauty, fitness.",
        "Una entidad registrada legalmente: empresa individual (个体工商户), sociedad de responsabilidad limitada (有限责任公司), sociedad anónima (股份有限公司), etc.; el ámbito de un proveedor de servicios locales debe encajar con la plataforma: restauración, viajes, alojamiento, peluquería y estética, gimnasios.",
    ],
    DocsTitle => ["资质文件", "The documents", "Los documentos"],
    DocsText => [
        "营业执照、组织机构代码证、税务登记证等企业资质证明文件。",
        "Proof of the entity: business licence (营业执照), organisation code certificate (组织机构代码证), tax registration certificate (税务登记证) and the like.",
        "Prueba de la entidad: licencia comercial (营业执照), certificado de código de organización (组织机构代码证), certificado de registro fiscal (税务登记证) y similares.",
    ],
    BrandTitle => ["品牌与店铺资料", "Brand and shop materials", "Materiales de marca y tienda"],
    BrandText => [
        "品牌资料：品牌 logo、品牌介绍、品牌故事；店铺资料：店铺名称、店铺地址、联系方式。",
        "Brand: logo, introduction, story. Shop: name, address, contact details.",
        "Marca: logotipo, presentación, historia. Tienda: nombre, dirección, datos de contacto.",
    ],
    ReviewTitle => ["审核", "Review", "Revisión"],
    ReviewText => [
        "提交资料后平台审核，审核通过后会收到通知。",
        "Once the materials are in, the platform reviews them; you are notified when the review is passed.",
        "Tras enviar los materiales, la plataforma los revisa; recibes un aviso cuando se aprueba la revisión.",
    ],
    DepositTitle => ["缴纳保证金", "Deposit", "Depósito"],
    DepositText => [
        "按平台要求缴纳保证金，然后开通店铺。",
        "Pay the deposit the platform requires, then the shop is opened.",
        "Paga el depósito que exige la plataforma; después se abre la tienda.",
    ],
    SetupTitle => ["设置店铺", "Shop set-up", "Configurar la tienda"],
    SetupText => [
        "设置店铺名称、店铺简介、店铺图片等店铺信息。",
        "Set the shop's name, description, pictures and other details.",
        "Define el nombre, la descripción, las imágenes y demás datos de la tienda.",
    ],
    ProductsTitle => ["发布商品", "Publishing products", "Publicar productos"],
    ProductsText => [
        "发布商品信息：名称、价格、图片、描述；商品会展示在个人主页，笔记和直播间需手动添加。",
        "Publish each product with its name, price, pictures and description; products show on your profile page, while notes and live rooms need them added by hand.",
        "Publica cada producto con nombre, precio, imágenes y descripción; aparecen en tu página de perfil, y en notas y directos hay que añadirlos a mano.",
    ],
    IdentityTitle => ["专业号身份标签", "The professional-account identity tag", "La etiqueta de identidad de la cuenta profesional"],
    IdentityText => [
        "开店先升级专业号，身份标签分三类：企业（大中型商家、品牌、个体店铺等）；兴趣（时尚、探店、美妆、摄影博主等）——无需材料、免费；专业（医生、律师等）——与企业类一样需资质证明和审核费，费用按类目不同，例如 3C 家电企业 600 元。",
        "A shop starts with an upgrade to a professional account, whose identity tag is one of three: enterprise (large and medium merchants, brands, individual shops); interest (fashion, shop-visit, beauty, photography bloggers) — free, no documents; professional (doctors, lawyers) — like enterprise, documents and a review fee that varies by category, e.g. ¥600 for a 3C appliance company.",
        "Una tienda empieza con el paso a cuenta profesional, cuya etiqueta de identidad es una de tres: empresa (comercios grandes y medianos, marcas, tiendas individuales); interés (blogueros de moda, visitas a tiendas, belleza, fotografía) — gratis, sin documentos; profesional (médicos, abogados) — como empresa, documentos y una tarifa de revisión según la categoría, p. ej. 600 ¥ para una empresa de electrodomésticos 3C.",
    ],
    FollowersTitle => ["0 粉丝即可开店", "0 followers is enough", "Basta con 0 seguidores"],
    FollowersText => [
        "原来 1000 粉丝的门槛已取消，个人和企业升级专业号后，0 粉丝也可以直接申请开店。",
        "The old 1,000-follower threshold is gone: once on a professional account, people and companies can apply to open a shop with 0 followers.",
        "El antiguo mínimo de 1.000 seguidores ya no existe: con la cuenta profesional, particulares y empresas pueden solicitar la tienda con 0 seguidores.",
    ],
    EmailTitle => ["登录邮箱验证", "Login e-mail verification", "Verificación del correo de acceso"],
    EmailText => [
        "最后一步填写登录邮箱并完成验证；验证通过后可用该邮箱直接登录管理后台。",
        "The last step is the login e-mail address, which must be verified; once verified, it logs you straight into the management back office.",
        "El último paso es el correo de acceso, que hay que verificar; una vez verificado, permite entrar directamente en el panel de gestión.",
    ],
    CsModeTitle => ["选择客服模式", "Choose the customer-service mode", "Elegir el modo de atención al cliente"],
    CsModeText => [
        "入驻时选择：小红书客服代运营，或商家自主客服（需通过基础考试，之后每天考核回复速度和满意度）。见上方“客服模式”。",
        "Chosen when joining: platform-run, or merchant-run (needs the basic exam, then reply speed and satisfaction are assessed every day). See “Customer-service mode” above.",
        "Se elige al darse de alta: gestionada por la plataforma o por el comercio (requiere el examen básico y después se evalúan a diario la rapidez de respuesta y la satisfacción). Ver «Modo de atención al cliente» arriba.",
    ],
    ArticleJoin => [
        "《小红书本地生活服务商如何入驻?小红书商家怎么入驻》",
        "How do local-life service providers join Xiaohongshu? How merchants join (《小红书本地生活服务商如何入驻?小红书商家怎么入驻》)",
        "Cómo se incorporan a Xiaohongshu los proveedores de servicios locales y los comercios (《小红书本地生活服务商如何入驻?小红书商家怎么入驻》)",
    ],
    ArticleFees => [
        "《小红书商家入驻费用是多少？》（西班牙文文章）",
        "What are the fees for Xiaohongshu merchants? (an article in Spanish)",
        "¿Cuáles son las tarifas de liquidación para los comerciantes de Xiaohongshu?",
    ],
}

#[cfg(test)]
mod tests {
    use super::StartText;
    use crate::i18n::Lang;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut out: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn placeholders_match_and_nothing_is_empty() {
        for key in [
            StartText::Corrupt,
            StartText::Progress,
            StartText::Source,
            StartText::ScopeExcluded,
            StartText::ScopeGoods,
            StartText::CsMerchantText,
        ] {
            let zh = placeholders(key.get(Lang::Zh));
            for lang in [Lang::En, Lang::Es] {
                assert_eq!(placeholders(key.get(lang)), zh, "{key:?} in {lang:?}");
            }
        }
    }
}
