//! Who a quotation is given to, on short articles through the whole pipeline.

use isnad_doc::DocMeta;

fn analyze(text: &str) -> isnad_doc::Doc {
    let pipeline = isnad_extract::default_pipeline();
    isnad_extract::analyze(&pipeline, DocMeta::default(), text.to_owned(), Vec::new())
        .expect("the text is valid")
}

fn speakers(text: &str) -> Vec<Option<String>> {
    let d = analyze(text);
    d.quotes
        .iter()
        .map(|q| {
            q.speaker
                .map(|e| d.slice(d.entities[e as usize].name).to_owned())
        })
        .collect()
}

#[test]
fn a_participle_after_a_verb_that_is_no_cue_takes_that_verbs_subject() {
    let got = speakers(
        "وقال جو ستورك، نائب مدير المنظمة، إن السلطات حظرت الدخول إلى التقرير.\n\
         وانتقدت منظمة العفو الدولية القرار في بيان يوم الأربعاء قائلة إنه يشوه سمعة البلاد.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("جو ستورك"));
    assert_eq!(got[1].as_deref(), Some("منظمة العفو الدولية"));
}

#[test]
fn a_verb_joined_inside_a_relative_clause_takes_its_antecedent() {
    let got = speakers(
        "وقال الأمير إن المهرجان ناجح.\n\
         ومن بين الحرفيين يظهر الحرفي سالم الدوسري الذي تحدث عن هوايته ويقول إنه يعتمد على سعف النخيل.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("سالم الدوسري"), "{got:?}");
}

#[test]
fn the_topic_of_amma_is_the_subject_of_the_verb_after_fa() {
    let got = speakers(
        "وقال المغرد يوسف القاسم إن التصريح مسيء.\n\
         أما المحلل الاقتصادي خالد العلكمي فأشار إلى أن القناة فرحت بالتصريح.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("خالد العلكمي"), "{got:?}");
}

#[test]
fn an_adverbial_participle_is_no_speaker_description() {
    let d = analyze(
        "ألمح عضو الشورى الدكتور موافق الرويلي إلى أخطاء التصريح، وكتب مغرّداً “الإحصاء علم دقيق”.",
    );
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    for q in &d.quotes {
        assert!(q.speaker_description.is_none(), "{q:?}");
        let name = q.speaker.map(|e| d.slice(d.entities[e as usize].name));
        assert_eq!(name, Some("موافق الرويلي"));
    }
}

#[test]
fn a_newspaper_is_its_name_and_a_definite_head_noun_stands_for_it() {
    let got = speakers(
        "وكان الرئيس الأميركي باراك أوباما قال في تصريح صحفي إن المتمردين تراجعوا.\n\
         من ناحية ثانية، علقت صحيفة \"لوفيجارو\" الفرنسية على زيارة الرئيس الأميركي القارة \
         الأفريقية، مؤكدة أن الملفات حرمت الرئيس الأميركي من فرص كثيرة.\n\
         ولفتت الصحيفة إلى أن كثيرين انتظروا عودة قوية لأميركا في أفريقيا.",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("باراك أوباما"));
    assert_eq!(got[1].as_deref(), Some("لوفيجارو"));
    assert_eq!(got[2].as_deref(), Some("لوفيجارو"));
}

#[test]
fn a_title_with_its_complement_finds_the_holder_of_that_office() {
    let got = speakers(
        "وزار الرئيس المصابين برفقة وزير الصحة جواد عواد، ووزير العدل سليم السقا.\n\
         وأكد وزير الصحة أن حالة المصابين مستقرة.\n\
         ونبه وزير النقل الماليزي أن جميع المسافرين سيواجهون أخطارا.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("جواد عواد"), "{got:?}");
    // No minister of transport is named: an unnamed source, not another minister.
    assert_eq!(got[1], None, "{got:?}");
}

#[test]
fn an_interrogative_after_the_verb_is_no_speaker() {
    let got = speakers(
        "وأشار السفير فيتالي تشوركين إلى أن المحققين لم يصلوا إلى الموقع، وتساءل ما الذي \
         يؤكد «نزاهة التحقيق».",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("فيتالي تشوركين"), "{got:?}");
}

#[test]
fn a_dropped_subject_is_the_person_the_text_moved_to() {
    let got = speakers(
        "وقالت السفيرة الأميركية سامنتا باور إن الفيتو محزن.\n\
         ومن جهته، وعد رئيس الوزراء الأوكراني أرسيني ياتسينيوك بإحقاق العدالة لعائلات الضحايا. \
         وكتب أن النتائج تتحدث عن نفسها. وأضاف أن أوكرانيا لن تتوقف هنا.",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("سامنتا باور"));
    assert_eq!(got[1].as_deref(), Some("أرسيني ياتسينيوك"), "{got:?}");
    assert_eq!(got[2].as_deref(), Some("أرسيني ياتسينيوك"), "{got:?}");
}

#[test]
fn a_relayed_source_named_ali_is_no_preposition() {
    let d = analyze(
        "وقال سكان إن القتال عنيف.\nونقلت وكالة «رويترز» عن علي أحمدي المتحدث باسم قوات \
         المقاومة في عدن أن القتال مستمر بقاعدة العند.",
    );
    assert_eq!(d.quotes.len(), 2, "{:?}", d.quotes);
    let q = &d.quotes[1];
    let who = q
        .speaker
        .map(|e| d.slice(d.entities[e as usize].name))
        .or(q.speaker_description.map(|s| d.slice(s)))
        .unwrap_or_default();
    assert!(who.starts_with("علي أحمدي"), "{who}");
}

#[test]
fn another_countrys_minister_is_not_the_one_named_before() {
    let got = speakers(
        "وقال وزير الخارجية السعودي عادل الجبير للصحفيين في لندن إنه يتعين على إيران تغيير \
         سياساتها .\nوفي الشهر الماضي قال وزير الخارجية الإيراني , محمد جواد ظريف , إن \
         الجمهورية الإسلامية ستتبادل الزيارات .",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("محمد جواد ظريف"), "{got:?}");
}

#[test]
fn a_pronoun_after_li_is_no_speaker_description() {
    let d = analyze(
        "قال المطران بولس مطر إن المسيحيين أبناء هذا الشرق.\nيقولون لنا إن المسيحيين ليسوا \
         مختلفين عن غيرهم.\nوأضاف: «نحن نقر بأن المرجعيات تدعو إلى بقائنا».",
    );
    assert_eq!(d.quotes.len(), 3, "{:?}", d.quotes);
    for q in &d.quotes {
        let description = q.speaker_description.map(|s| d.slice(s));
        assert_ne!(description, Some("لنا"), "{q:?}");
    }
}

/// The speaker's name, or else its description, of each quote.
fn speakers_or_descriptions(text: &str) -> Vec<String> {
    let d = analyze(text);
    d.quotes
        .iter()
        .map(|q| match (q.speaker, q.speaker_description) {
            (Some(e), _) => d.slice(d.entities[e as usize].name).to_owned(),
            (None, Some(s)) => format!("desc:{}", d.slice(s)),
            (None, None) => "none".to_owned(),
        })
        .collect()
}

#[test]
fn a_preposition_with_a_pronoun_or_a_date_is_no_speaker() {
    let got = speakers_or_descriptions(
        "وتحدث ضابط كبير في الجيش خلال حفل حيث أكد فيها أن الحدود آمنة.\n\
         وكان الرئيس الفرنسي فرانسوا هولاند الذي قال أمس الأول إنه يتعين التوصل إلى اتفاق.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(!got[0].contains("فيها"), "{got:?}");
    assert_eq!(got[1], "فرانسوا هولاند", "{got:?}");
}

#[test]
fn a_subject_before_qad_or_after_a_contrast_word_is_read() {
    let got = speakers_or_descriptions(
        "وكانت تقارير إعلامية قد أشارت إلى أن الوزارة تفضل قرضا مؤقتا.\n\
         لكن متحدثة باسم الخارجية الأمريكية حذرت من أن التنظيم ما زال يشكل تهديدا.",
    );
    assert_eq!(
        got,
        vec!["desc:تقارير إعلامية", "desc:متحدثة باسم الخارجية الأمريكية"]
    );
}

#[test]
fn a_name_right_after_a_preposition_or_after_the_subject_is_not_the_speaker() {
    let got = speakers_or_descriptions(
        "وقال رئيس الوزراء حيدر العبادي إن القوات تقدمت.\n\
         وأكد مصدر مقرب من العبادي لوكالة الصحافة الفرنسية أن الشرط قائم.\n\
         وقالت روسيا الحليف الرئيسي لبشار الأسد اليوم إن المعركة انتهت.",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1], "desc:مصدر مقرب", "{got:?}");
    assert_eq!(got[2], "روسيا", "{got:?}");
}

#[test]
fn a_relative_clause_speaks_for_the_name_right_before_it() {
    let got = speakers_or_descriptions(
        "وقال المدرب جيراردو مارتينو إن الفريق جاهز.\n\
         كما تعرض اللاعب ليونيل ميسي لانتقادات من الأسطورة دييجو مارادونا الذي قال إن اللاعب بات مدللا.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], "دييجو مارادونا", "{got:?}");
}

#[test]
fn a_verb_of_continuing_with_another_title_goes_on_with_the_speaker() {
    let got = speakers_or_descriptions(
        "وقال جيراردو مارتينو مدرب الأرجنتين لشبكة فوكس \"لو كنت مكانه لارتحت قليلا\".\n\
         وتابع مدرب برشلونة السابق \"هذا الكلام لم يصدر عني\".",
    );
    assert_eq!(got, vec!["جيراردو مارتينو", "جيراردو مارتينو"]);
}

#[test]
fn any_verb_with_an_and_a_saying_noun_relays_the_source() {
    let got = speakers_or_descriptions(
        "فيما قالت وكالة تسنيم الإيرانية , عن مكتب الطب الشرعي في المدينة قوله إن عدد القتلى سيرتفع .",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("desc:مكتب الطب الشرعي"), "{got:?}");
}

#[test]
fn an_organisation_right_after_a_reporting_verb_is_the_next_dropped_subject() {
    let got = speakers_or_descriptions(
        "وقال مدير المرصد رامي عبد الرحمن إن الغارات استهدفت مستودعات .\n\
         وأكد التلفزيون الرسمي السوري الخبر , وقال إن إسرائيل أطلقت عدة صواريخ .\n\
         وقالت متحدثة باسم الجيش الإسرائيلي إنهم لا يعلقون على تقارير أجنبية .",
    );
    assert_eq!(
        got,
        vec![
            "رامي عبد الرحمن",
            "التلفزيون الرسمي السوري",
            "desc:متحدثة باسم الجيش الإسرائيلي"
        ]
    );
}

#[test]
fn an_organisation_head_with_its_adjectives_is_the_organisation_named_with_it() {
    let got = speakers(
        "وقال المرصد السوري لحقوق الإنسان إن القصف استمر.\n\
         وقال المرصد المعارض إن المعارك توقفت.\n\
         وقالت وزارة الخارجية الأمريكية إن الوضع خطير.\n\
         وقالت الوزارة الروسية إن الاتفاق صامد.",
    );
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("المرصد السوري لحقوق الإنسان"));
    assert_ne!(got[3].as_deref(), Some("وزارة الخارجية الأمريكية"));
}

#[test]
fn relays_with_naqlan_and_al_qawl_and_figures_that_speak_for_no_one() {
    let d = analyze(
        "وقال مجتبى نكردار مساعد محافظ منطقة كرمنشاه \" لدينا 30 قتيلا \" .\n\
         وذكرت وكالة الصحافة الفرنسية نقلا عن الإعلام الإيراني الرسمي أن الحصيلة ارتفعت.\n\
         ونقلت وسائل إعلام إيرانية عن مسؤولين القول إن السلطات قررت تعليق الدوام.\n\
         أما في العراق فقالت وزارة الداخلية إن الزلزال تسبب بمقتل سبعة.\n\
         وكانت حصيلة سابقة أشارت إلى مقتل ثلاثين شخصا.",
    );
    let got: Vec<(Option<&str>, Option<&str>)> = d
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.map(|e| d.slice(d.entities[e as usize].name)),
                q.speaker_description.map(|s| d.slice(s)),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("مجتبى نكردار"), None),
            (None, Some("الإعلام الإيراني الرسمي")),
            (None, Some("مسؤولين")),
            (Some("وزارة الداخلية"), None),
        ]
    );
}

#[test]
fn a_complementizer_after_a_participle_leaves_the_quotation_to_the_verb_before() {
    let got = speakers(
        "ورأى الخبير الروسي ازدار كورتوف ان الزيارة تدل على \" اهمية ابلاغ الكرملين \" . \
         واضاف \" من غير المرجح ان يكون ذلك تعبيرا عن الدعم \" , مشيرا الى ان \" مرحلة الحرب \
         ستنتهي قريبا \" .",
    );
    assert_eq!(got, vec![Some("ازدار كورتوف".to_owned()); 3]);
}

#[test]
fn a_complementizer_with_a_preposition_ends_no_name() {
    let got = speakers(
        "وفي ندوة صحفية لآلان بورت أمس تحدث المدرب.\n\
         وذكّر بورت بأن التحضيرات دارت على مرحلتين. وقد أكد بورت بأن كل هذه المنتخبات قادرة.",
    );
    assert_eq!(got, vec![Some("آلان بورت".to_owned()); 2]);
}

#[test]
fn a_daily_named_in_quotation_marks_is_no_quotation() {
    let got = speakers_or_descriptions(
        "وذكرت يومية \" الصباح \" في عددها اليوم الجمعة , نقلا عن مصادر قضائية , أن صكوك \
         الاتهام شملت عشرات المنتخبين .",
    );
    assert_eq!(got, vec!["desc:مصادر قضائية"]);
}

#[test]
fn an_attribution_after_the_clause_reports_it() {
    let d = analyze(
        "صنعاء - واشنطن - ارتفع عدد الحالات المشتبه بإصابتها بالكوليرا إلى مليون حالة، بحسب ما \
         أعلنت أمس الخميس اللجنة الدولية للصليب الأحمر.\n\
         وتراجع مؤشر دبي 1.3 في المائة، وفقا لما نقلته وكالة رويترز.\n\
         وشعر سكان بغداد بالزلزال لنحو عشرين ثانية، حسبما نقل مراسلو وكالة فرانس برس.",
    );
    let got: Vec<(&str, Option<&str>, Option<&str>)> = d
        .quotes
        .iter()
        .map(|q| {
            (
                d.slice(q.span),
                q.speaker.map(|e| d.slice(d.entities[e as usize].name)),
                q.speaker_description.map(|s| d.slice(s)),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "ارتفع عدد الحالات المشتبه بإصابتها بالكوليرا إلى مليون حالة",
                Some("اللجنة الدولية للصليب الأحمر"),
                None
            ),
            ("تراجع مؤشر دبي 1.3 في المائة", Some("وكالة رويترز"), None),
            // A correspondent speaks for himself, unnamed.
            (
                "شعر سكان بغداد بالزلزال لنحو عشرين ثانية",
                None,
                Some("مراسلو وكالة فرانس برس")
            ),
        ]
    );
}

#[test]
fn a_headline_speaker_before_a_colon_says_the_title() {
    let d = analyze(
        "البيت الأبيض : قرار ترامب حول القدس لا يعني الانسحاب من عملية السلام | المصري اليوم\n\
         قال المتحدث إن الإدارة ما زالت ملتزمة بالسلام.",
    );
    let headline = d
        .quotes
        .iter()
        .find(|q| q.verb.is_none())
        .expect("the headline is a quote");
    assert_eq!(
        d.slice(headline.span),
        "قرار ترامب حول القدس لا يعني الانسحاب من عملية السلام"
    );
    let speaker = headline.speaker.expect("a named speaker");
    assert_eq!(d.slice(d.entities[speaker as usize].name), "البيت الأبيض");
    // A place before a colon that a sentence follows is a dateline.
    let d = analyze("ستوكهولم : أدانت منظمة العفو الدولية قرار المحكمة بسجن الناشط .");
    assert!(d.quotes.iter().all(|q| q.verb.is_some()), "{:?}", d.quotes);
}

#[test]
fn a_document_speaks_for_the_body_that_issued_it() {
    let got = speakers(
        "وذكر بيان صادر عن وزارة الخارجية الأمريكية أن العقوبات تشمل خمسة أشخاص.\n\
         وأضاف البيان أن الخطوة تمت بالتنسيق مع الحلفاء.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0].as_deref(),
        Some("وزارة الخارجية الأمريكية"),
        "{got:?}"
    );
    assert_eq!(
        got[1].as_deref(),
        Some("وزارة الخارجية الأمريكية"),
        "{got:?}"
    );
}

#[test]
fn a_report_speaks_for_the_body_that_published_it_or_is_named_in_its_genitive() {
    let got = speakers(
        "من جهة أخرى، كشف تقرير أصدرته رابطة طاقة الرياح الأوروبية أن ألمانيا تخطت بريطانيا.\n\
         وذكر تقرير الرابطة أنه تم تركيب 584 توربينا في النصف الأول من العام.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0].as_deref(),
        Some("رابطة طاقة الرياح الأوروبية"),
        "{got:?}"
    );
    assert_eq!(
        got[1].as_deref(),
        Some("رابطة طاقة الرياح الأوروبية"),
        "{got:?}"
    );
}

#[test]
fn a_head_noun_goes_on_with_the_body_already_speaking() {
    let got = speakers(
        "أعلنت الهيئة السعودية للمواصفات والمقاييس والجودة عن إلزامها المصنعين بمتطلبات السلامة.\n\
         وتعمل الدول الأعضاء في هيئة التقييس الخليجية على التوافق معها. وبيّنت الهيئة أن \
         الاختلافات قليلة.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[1].as_deref(),
        Some("الهيئة السعودية للمواصفات والمقاييس والجودة"),
        "{got:?}"
    );
}

#[test]
fn a_verbal_noun_object_after_a_head_noun_subject_and_an_adverb() {
    let d = analyze(
        "أعلنت الهيئة السعودية للمواصفات والمقاييس والجودة عن إلزام المصنعين بمتطلبات السلامة.\n\
         وأكدت الهيئة مجدداً منحها قطاع السيارات عناية كبيرة.",
    );
    let texts: Vec<&str> = d.quotes.iter().map(|q| d.slice(q.span)).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts[1].starts_with("منحها قطاع السيارات"), "{texts:?}");
}

#[test]
fn a_servant_of_name_in_one_word_after_a_role_is_a_person() {
    let got = speakers("وقال مدير إدارة الرقابة الشاملة عبدالعلي المكرمي إنه تم إغلاق مطعم.");
    assert_eq!(got, vec![Some("عبدالعلي المكرمي".to_owned())]);
}

#[test]
fn a_title_in_apposition_before_a_name_stands_for_that_person_later() {
    let got = speakers(
        "وقرر الأمين العام للأمم المتحدة، أنطونيو غوتيريش، إضافة التحالف إلى اللائحة.\n\
         وأشار الأمين العام للأمم المتحدة في تقريره إلى أن الهجمات غير مقبولة.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("أنطونيو غوتيريش"), "{got:?}");
}

#[test]
fn a_contrast_after_a_comma_opens_no_content_of_the_cue_before() {
    let d = analyze(
        "ولم تذكر شركة سامسونج الأجهزة التي يشملها البرنامج، إلا أنها قالت في مدونتها إن \
         البرنامج يتم بالتعاون مع الشركاء.",
    );
    assert_eq!(d.quotes.len(), 1, "{:?}", d.quotes);
    assert!(
        d.slice(d.quotes[0].span).starts_with("البرنامج يتم"),
        "{:?}",
        d.quotes
    );
}

#[test]
fn a_bare_noun_after_a_definite_organisation_head_is_the_object() {
    let got = speakers(
        "أودعت محكمة جنايات القاهرة حيثيات حكمها في القضية.\n\
         ووصفت المحكمة تحريات مباحث أمن الدولة بأنها مبتورة لم يعضدها دليل.",
    );
    assert_eq!(
        got.last().cloned().flatten().as_deref(),
        Some("محكمة جنايات القاهرة"),
        "{got:?}"
    );
}

#[test]
fn a_bi_phrase_inside_the_subject_is_not_the_content_of_wasafa() {
    let got = speakers(
        "ووصف الأمين العام المساعد بالجامعة العربية السفير محمد صبيح في تصريحات للصحفيين \
         الهجوم على المسجد بالأمر الخطير.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("محمد صبيح"), "{got:?}");
}

#[test]
fn a_news_site_ending_in_net_is_no_subject() {
    let got = speakers(
        "وقال عضو المجلس دارشين خليل إن المواد رفضت.\n\
         وقال للجزيرة نت إن الطلبة لن يساقوا إلى الخدمة.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("دارشين خليل"), "{got:?}");
}

#[test]
fn the_first_name_of_the_subject_speaks_not_the_object_after_it() {
    let got = speakers(
        "حذرت الولايات المتحدة الأمريكية المجموعة الاقتصادية لدول غرب إفريقيا من أن \
         العملية العسكرية قد تكون مغامرة.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].as_deref(),
        Some("الولايات المتحدة الأمريكية"),
        "{got:?}"
    );
}

#[test]
fn an_imperfect_shaddada_at_a_clause_start_reports() {
    let got = speakers("وتشدد الحكومة الجزائرية على دعمها للسلطات المالية في أزمتها.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("الحكومة الجزائرية"), "{got:?}");
    // "تشدد" is also extremism: no cue inside a clause.
    let d = analyze("ويخشى السكان من تشدد على الحدود يضر بهم.");
    assert!(
        d.quotes
            .iter()
            .all(|q| q.verb.is_none_or(|v| d.slice(v) != "تشدد")),
        "{:?}",
        d.quotes
    );
}

#[test]
fn a_study_speaks_for_the_company_that_published_it_also_when_named_again() {
    let got = speakers(
        "كشفت دراسة نشرتها شركة Incapsula أن نصف زوار المواقع برامج آلية.\n\
         وقال المتحدث باسم الشركة إن العدد يرتفع.\n\
         وقالت الدراسة إن النسبة تتجاوز النصف في المواقع الصغيرة.",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("شركة Incapsula"));
    assert_eq!(got[2].as_deref(), Some("شركة Incapsula"));
}

#[test]
fn a_statement_speaks_for_whoever_issued_it_earlier() {
    let got = speakers(
        "أصدرت جبهة \" فتح الشام \" مساء اليوم الأربعاء , بيانا تعقيبا على فتوى المجلس الإسلامي السوري .\n\
         وأشار البيان أن \" الفتوى جاءت دون تعقيب \" .",
    );
    assert_eq!(got, vec![Some("فتح الشام".to_owned())]);
}

#[test]
fn the_addressee_after_a_clitic_split_off_by_a_dash_is_no_speaker() {
    let got = speakers(
        "وقال رئيس الوزراء حيدر العبادي إن القوات تتقدم .\n\
         وقال ل - \" رويترز \" \" المعركة ستنتهي قريبا \" .",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("حيدر العبادي"), "{got:?}");
}

#[test]
fn an_envoy_named_after_the_place_of_his_mission_speaks() {
    let got = speakers(
        "وقال موفد الأمم المتحدة إلى سوريا ستافان دي ميستورا إن المحادثات ستستأنف الأسبوع المقبل.",
    );
    assert_eq!(got, vec![Some("ستافان دي ميستورا".to_owned())]);
}

#[test]
fn a_fronted_phrase_is_no_subject() {
    let got = speakers(
        "وقال الشاعر تركي المشيقح إنه خارج المنافسة مع الشعراء، وعن فيصل اليامي قال: إنه شريك نجاح.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("تركي المشيقح"), "{got:?}");
}

#[test]
fn a_place_after_a_noun_of_unnamed_sources_is_their_origin() {
    let got = speakers(
        "أفادت وسائل إعلام محلية سورية بسقوط طائرة قرب مدينة دير الزور.\n\
         وقالت مصادر عراقية إن الطريق مغلق.",
    );
    assert_eq!(got, vec![None, None]);
}

#[test]
fn a_pronoun_subject_after_a_contrast_is_the_person_the_sentence_names() {
    let got = speakers(
        "وقال الوزير أحمد سالم إن الخطة جاهزة.\n\
         ولم يفصح خالد الفهيد عما إذا كانت الوزارة قد منحت الأراضي، لكنه أكد أن الإجراء تم.",
    );
    assert_eq!(
        got,
        vec![Some("أحمد سالم".to_owned()), Some("خالد الفهيد".to_owned())]
    );
}

#[test]
fn the_adjectives_of_a_prepositions_object_are_no_subject() {
    let got = speakers(
        "وقال الوزير عبداللطيف آل الشيخ إن اللائحة واضحة.\n\
         وأشار في تعميم للجان المحلية للانتخابات إلى ضرورة الالتزام بما ورد في اللائحة.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1], got[0], "{got:?}");
}

#[test]
fn a_place_after_a_masculine_verb_is_its_object() {
    // Places are feminine: "ودعا ألمانيا" has Germany for object, and the subject is
    // the one who spoke before; a masculine country (العراق) may still speak.
    let got = speakers(
        "وشدد برزاني على أن إقليم كردستان ملتزم بالعمل مع بغداد، ودعا ألمانيا إلى لعب دور \
         أكبر.\nوأعلن العراق أن الحرب على التنظيم انتهت.",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("برزاني"));
    assert_eq!(got[2].as_deref(), Some("العراق"));
}

#[test]
fn a_person_after_a_quoted_name_in_the_title_is_the_speaker() {
    let got = speakers(
        "وقال مدير إدارة الطوارئ الصحية بـ\"صحة الطائف\" سعيد الزهراني: إنه تم البدء بالفعل \
         في التجهيز المبكر.",
    );
    assert_eq!(got, vec![Some("سعيد الزهراني".to_string())]);
}

#[test]
fn a_person_in_a_fronted_topic_is_not_the_subject() {
    let got = speakers(
        "وقال الفنان محمد عبده إن الساحة الفنية تتغير. وعن راشد الماجد قال إن له أسلوبا خاصا.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("محمد عبده"), "{got:?}");
}

#[test]
fn an_initial_in_the_title_ends_no_reporting_clause() {
    // "د." abbreviates دكتور: its period ends no sentence, and no speaker zone either.
    let got = speakers(
        "وأوضح عميد شؤون الطلاب المكلف د. أحمد بن عبدالله الغامدي أن العمادة تنظم \
         البرنامج الصيفي سنوياً.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("أحمد بن عبدالله الغامدي"));
}

#[test]
fn a_title_finds_the_counterpart_of_one_who_holds_it() {
    // "نظيره الروسي" is Putin's role; "الرئيس الروسي" is that office, held by the one
    // whose counterpart he is.
    let got = speakers(
        "التقى الرئيس التركي رجب طيب أردوغان نظيره الروسي فلاديمير بوتين في سوتشي. \
         ومن جهته، قال الرئيس الروسي إن اللقاء كان مثمرا.",
    );
    assert_eq!(got, [Some("فلاديمير بوتين".to_owned())]);
}

#[test]
fn a_title_named_in_the_next_sentence_is_that_person() {
    // A verb that goes on with the speaker names him.
    let got = speakers(
        "وقال متحدث باسم وزارة الزراعة إن المحصول سيرتفع هذا العام.\n\
         وأضاف المتحدث خالد الرميحي أن الأمطار كانت وفيرة.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("خالد الرميحي"), "{got:?}");
    assert_eq!(got[1].as_deref(), Some("خالد الرميحي"), "{got:?}");
    // "وقال" with a new full name may be anyone: the title stays unnamed.
    let got = speakers(
        "وقال متحدث باسم وزارة الزراعة إن المحصول سيرتفع هذا العام.\n\
         وقال وزير المالية سامي العتيبي إن الميزانية تكفي.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], None, "{got:?}");
    // Unnamed sources stay unnamed.
    let got = speakers(
        "وقال مصدر مطلع إن المحادثات تعثرت.\n\
         وأضاف فهد الشمري أن الوفد غادر.",
    );
    assert_eq!(got[0], None, "{got:?}");
}

#[test]
fn a_numbered_report_speaks_for_its_issuer() {
    let got = speakers(
        "وأوضح التقرير الـ 12 لوزارة العمل السعودية أن البطالة تراجعت.\n\
         وأشار التقرير إلى أن الأجور ارتفعت.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].as_deref(), Some("وزارة العمل السعودية"), "{got:?}");
    assert_eq!(got[1].as_deref(), Some("وزارة العمل السعودية"), "{got:?}");
}

#[test]
fn a_subject_before_qad_is_the_verbs_and_the_noun_after_it_its_object() {
    let got = speakers("وكانت الأمم المتحدة قد دعت الحكومة السورية إلى السماح بإجلاء نحو 500 مريض.");
    assert_eq!(got, vec![Some("الأمم المتحدة".to_owned())]);
}

#[test]
fn a_feminine_body_after_a_masculine_verb_is_its_object() {
    // دعا, not دعت: the authorities are called on; the president goes on speaking.
    let got = speakers(
        "وقال الرئيس العراقي فؤاد معصوم إن الهجوم جريمة نكراء.\n\
         ودعا السلطات الأمنية المعنية إلى مضاعفة يقظتها.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].as_deref(), Some("فؤاد معصوم"), "{got:?}");
    // A plural of people on the pattern فعلة takes a verb of the masculine.
    let d = analyze("وأعلن القادة الثلاثة أن المؤتمر سيعقد في سوتشي.");
    let described: Vec<&str> = d
        .quotes
        .iter()
        .filter_map(|q| q.speaker_description.map(|s| d.slice(s)))
        .collect();
    assert_eq!(described, vec!["القادة الثلاثة"]);
}

#[test]
fn a_spokesman_speaks_for_his_principal_but_is_not_him() {
    // "باسم" after a spokesman's noun is "on behalf of", not the given name Basim; the
    // unnamed spokesman is described, and the principal keeps no spokesman's title.
    let d = analyze("واعترف الناطق باسم بوتين أن موسكو هي الدولة الوحيدة التي تفاوض.");
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.quotes[0].speaker, None);
    let described = d.quotes[0].speaker_description.map(|s| d.slice(s));
    assert_eq!(described, Some("الناطق باسم بوتين"));
    let putin = d
        .entities
        .iter()
        .find(|e| d.slice(e.name) == "بوتين")
        .expect("Putin is named");
    assert!(putin.roles.is_empty(), "{:?}", putin.roles);
    // A spokesman named after the body he speaks for is the speaker, however long the
    // body's name, and also in quotation marks.
    let got = speakers(
        "وقال المتحدث باسم وزارة الخارجية المصرية أحمد أبو زيد إن التقرير مسيس.\n\
         وقال المتحدث باسم البنتاجون \" إريك باهون \" إن الالتزام قائم.",
    );
    assert_eq!(
        got,
        vec![
            Some("أحمد أبو زيد".to_owned()),
            Some("إريك باهون".to_owned())
        ]
    );
    // The spokesman of a minister named with his title is neither.
    let got =
        speakers("وقال متحدث باسم وزير الخارجية الإيطالي باولو جنتيلوني إن روحاني قبل الدعوة.");
    assert_eq!(got, vec![None]);
}

#[test]
fn the_pronoun_on_lakin_is_the_subject_and_the_words_after_the_verb_its_object() {
    let got = speakers(
        "وقال ستافان دي ميستورا إن الوقت حان لإحراز تقدم.\n\
         لكنه حذر الطرفين من أن الوقت ينفد.\n\
         وأضاف أن كل شيء في أوانه.",
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got.iter()
            .all(|s| s.as_deref() == Some("ستافان دي ميستورا")),
        "{got:?}"
    );
}

#[test]
fn a_topic_keeps_the_quotation_marks_around_its_name() {
    let got = speakers(
        "وقال أردوغان إن العملية مستمرة. أما رئيس الوزراء التركي \" بن علي يلدرم \" فشدد على \
         أن الهدف الرئيسي هو حماية المدنيين.",
    );
    assert_eq!(
        got,
        vec![Some("أردوغان".to_owned()), Some("بن علي يلدرم".to_owned())]
    );
}
