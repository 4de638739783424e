//! Where a quotation's words begin and end, on short articles through the whole pipeline.

use isnad_doc::DocMeta;

fn quote_texts(text: &str) -> Vec<String> {
    let pipeline = isnad_extract::default_pipeline();
    let d = isnad_extract::analyze(&pipeline, DocMeta::default(), text.to_owned(), Vec::new())
        .expect("the text is valid");
    d.quotes
        .iter()
        .map(|q| d.slice(q.span).to_owned())
        .collect()
}

#[test]
fn a_negated_reporting_verb_after_a_comma_ends_the_content() {
    let got = quote_texts(
        "وقالت اللجنة الدولية للصليب الأحمر إنه تم البدء في عمليات إجلاء طبي من الغوطة \
         الشرقية، ولم تذكر اللجنة أي تفاصيل.",
    );
    assert_eq!(got, vec!["تم البدء في عمليات إجلاء طبي من الغوطة الشرقية"]);
}

#[test]
fn a_reporting_verb_after_a_comma_ends_the_content() {
    let got = quote_texts(
        "وفيما أشار مسؤول في الإسعاف إلى أن ثمانية أشخاص أصيبوا في الهجوم، أعلنت الحركة \
         أنها نفذت الهجوم.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], "ثمانية أشخاص أصيبوا في الهجوم");
}

#[test]
fn a_connective_before_a_reporting_verb_after_a_comma_ends_the_content() {
    let got = quote_texts(
        "أعلن رئيس الاتحاد طلال الفهد عن تأجيل البطولة لمدة عام واحد، إذ أكد الفهد أنهم \
         سيكونون جاهزين لاستضافتها.",
    );
    assert_eq!(
        got,
        vec!["تأجيل البطولة لمدة عام واحد", "سيكونون جاهزين لاستضافتها"]
    );
}

#[test]
fn a_preposition_in_the_subject_is_no_content_before_a_complementizer() {
    let got = quote_texts(
        "وأفادت مصادر مختصة بالاقتصاد في اليونان بأن الضرائب سترتفع.\n\
         وأفادت وكالة الأنباء بارتفاع حصيلة القتلى.\n\
         وحذر الخبير من زيادة التدخل العسكري في المنطقة.",
    );
    assert_eq!(
        got,
        vec![
            "الضرائب سترتفع",
            "بارتفاع حصيلة القتلى",
            "زيادة التدخل العسكري في المنطقة"
        ]
    );
}

#[test]
fn a_verbal_noun_object_after_a_title_its_organisation_and_the_person() {
    let got = quote_texts(
        "أكد وزير الشؤون البلدية رئيس اللجنة العامة للانتخابات البلدية المهندس عبداللطيف آل \
         الشيخ ضرورة الالتزام بشروط اللائحة.",
    );
    assert_eq!(got, vec!["ضرورة الالتزام بشروط اللائحة"]);
}

#[test]
fn an_ellipsis_ends_a_teaser_whose_quotation_never_closes() {
    let got = quote_texts(
        "وقال المتحدث باسم الأمين العام ستيفان دوجاريك: \"ندعو حكومة . . . إذاعة الأمم \
         المتحدة 21 أبريل 2017 قال يان إيغلاند مستشار الشؤون الإنسانية إن المساعدات تراجعت.",
    );
    assert_eq!(got, vec!["ندعو حكومة", "المساعدات تراجعت"]);
}

#[test]
fn a_comma_between_the_preposition_and_the_complementizer_is_skipped() {
    let got = quote_texts("وأشار إلى، أنه تم تطوير الضوابط المنظمة للمعارض.");
    assert_eq!(got, vec!["تم تطوير الضوابط المنظمة للمعارض"]);
}

#[test]
fn a_contrast_with_its_own_reporting_verb_ends_the_content() {
    let got = quote_texts(
        "وأكد رئيس البلدية أن الطرق مغلقة لكنه شدد على أن العمل بدأ.\n\
         ويؤكد الوزير أنه لا يريد التصعيد، بينما تؤكد النقابة أن الإضراب مستمر.\n\
         وقال الحارس إن الباب مفتوح، في حين أشار الجيران إلى أن المنزل فارغ.",
    );
    assert_eq!(
        got,
        vec![
            "الطرق مغلقة",
            "العمل بدأ",
            "لا يريد التصعيد",
            "الإضراب مستمر",
            "الباب مفتوح",
            "المنزل فارغ"
        ]
    );
}

#[test]
fn a_participle_of_thanks_after_a_comma_ends_the_content() {
    let got = quote_texts(
        "وأوضح السفير أن الزيارة تهدف للاطمئنان على صحة الطفلة، معبرا عن شكره لكافة الجهات.",
    );
    assert_eq!(got, vec!["الزيارة تهدف للاطمئنان على صحة الطفلة"]);
}

#[test]
fn straight_quotes_around_names_inside_a_quotation_nest() {
    let got = quote_texts(
        "وقال ولي العهد : \" حرب اليمن ستستمر لمنع تحول الحوثيين \" أنصار الله \" إلى \" حزب الله \" آخر على حدودنا \" .",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("حرب اليمن"), "{got:?}");
    assert!(got[0].ends_with("آخر على حدودنا"), "{got:?}");
}

#[test]
fn a_lead_in_before_a_colon_is_no_part_of_the_post_nor_the_post_of_the_quote() {
    let text = "وكتب هيمن هورامي , المستشار في رئاسة الإقليم , في تغريدة على حسابه في تويتر أن \
                الاجتماع انتهى بالتأكيد على رفض الحل العسكري : The Meeting in Dukan ended .\n\
                - Hemin Hawrami ( @ heminhawrami ) وأوضحت الوكالة أن الاجتماع حضره الرئيس .";
    let pipeline = isnad_extract::default_pipeline();
    let d = isnad_extract::analyze(&pipeline, DocMeta::default(), text.to_owned(), Vec::new())
        .expect("the text is valid");
    assert_eq!(d.posts.len(), 1, "{:?}", d.posts);
    assert_eq!(d.slice(d.posts[0].text), "The Meeting in Dukan ended .");
    let quotes: Vec<&str> = d.quotes.iter().map(|q| d.slice(q.span)).collect();
    assert_eq!(
        quotes[0], "الاجتماع انتهى بالتأكيد على رفض الحل العسكري",
        "{quotes:?}"
    );
}

#[test]
fn a_quoted_name_of_a_body_leaves_the_content_indirect() {
    let d = {
        let pipeline = isnad_extract::default_pipeline();
        isnad_extract::analyze(
            &pipeline,
            DocMeta::default(),
            "قال المبعوث إن الأطراف اتفقت على تشكيل \"مجموعة عمل\" لإطلاق سراح محتجزين.\n\
             وأضاف الوزير أن \"المؤتمر يأتي نتيجة للحوار بين الأطراف كلها\"."
                .to_owned(),
            Vec::new(),
        )
        .expect("the text is valid")
    };
    let got: Vec<(isnad_doc::QuoteKind, &str)> =
        d.quotes.iter().map(|q| (q.kind, d.slice(q.span))).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, isnad_doc::QuoteKind::Indirect, "{got:?}");
    assert!(got[0].1.starts_with("الأطراف اتفقت"), "{got:?}");
    // A whole statement that opens with such a noun is still quoted words.
    assert_eq!(got[1].0, isnad_doc::QuoteKind::Direct, "{got:?}");
}

#[test]
fn a_new_topic_after_a_comma_ends_the_content() {
    let got = quote_texts(
        "وأوضح المدير أن المعسكر خلق الانسجام بين جميع اللاعبين، وفيما يخص اللاعبين الذين لم \
         ينضموا للمعسكر فقد تأخروا لظروف مختلفة.",
    );
    assert_eq!(got, vec!["المعسكر خلق الانسجام بين جميع اللاعبين"]);
}

#[test]
fn marks_around_a_figure_leave_the_content_indirect() {
    let got = quote_texts(
        "وأوضح المتحدث باسم الأمانة أن المشروع يمتد بطول «10.5» كلم ويغطي «85%» من المساحة \
         بكلفة «4 مليارات دولار».",
    );
    assert_eq!(
        got,
        vec!["المشروع يمتد بطول «10.5» كلم ويغطي «85%» من المساحة بكلفة «4 مليارات دولار»"]
    );
}

#[test]
fn a_clause_before_its_attribution_keeps_a_word_that_only_starts_with_waw() {
    let got =
        quote_texts("وزارة الداخلية أغلقت المعبر أمس أمام المسافرين، بحسب ما أفادت مصادر أمنية.");
    assert_eq!(got, vec!["وزارة الداخلية أغلقت المعبر أمس أمام المسافرين"]);
}

#[test]
fn a_verbal_noun_object_is_the_content_of_an_announcement_or_denial() {
    let got = quote_texts(
        "وأعلنت إيران الثلاثاء انتهاء عمليات الإنقاذ في المنطقة المتضررة بالزلزال، كما \
         أسفر عن إصابة الآلاف.",
    );
    assert_eq!(
        got,
        vec!["انتهاء عمليات الإنقاذ في المنطقة المتضررة بالزلزال، كما أسفر عن إصابة الآلاف"]
    );
    // A less common verbal noun is one too ("خلو", "نبأ").
    assert_eq!(
        quote_texts("أعلن التحالف الدولي خلو الرقة من تنظيم داعش."),
        vec!["خلو الرقة من تنظيم داعش"]
    );
    // A definite object names a report, not its content; a clause still follows its
    // complementizer.
    assert!(quote_texts("ونفت الحكومة الأنباء عن استقالة الوزير.").is_empty());
    assert_eq!(
        quote_texts("وأكد الوزير محمد علي أن الطرق مغلقة."),
        vec!["الطرق مغلقة"]
    );
}

#[test]
fn the_main_clause_after_a_concessive_one_ends_the_content() {
    let got = quote_texts(
        "ورغم أن الشركة قالت إن الجهاز يعمل بشكل طبيعي، إلا أن اختبارات المجلة أظهرت العكس.",
    );
    assert_eq!(got, vec!["الجهاز يعمل بشكل طبيعي"]);
    // Without the concessive clause, "إلا أن" goes on with the speaker's words.
    let got = quote_texts("وقال الوزير إن الأسعار ارتفعت بشكل ملحوظ، إلا أن الطلب ما زال قويا.");
    assert_eq!(
        got,
        vec!["الأسعار ارتفعت بشكل ملحوظ، إلا أن الطلب ما زال قويا"]
    );
}

#[test]
fn a_quoted_name_with_one_word_more_than_the_entity_found_is_a_label() {
    let got = quote_texts(
        "وأكد الرئيس التركي أنه حتى الآن لم يدخل \"الجيش السوري الحر\" إلى إدلب وأن تركيا تدير العملية.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("حتى الآن لم يدخل"), "{got:?}");
}

#[test]
fn the_content_ends_where_the_reporter_turns_to_another_speaker_or_topic() {
    let got = quote_texts(
        "ولفت المواطن سعد الحربي إلى أن وجودها في المنزل مطلب ضروري للجميع، أما المواطن \
         مصطفى الحمدان فقال إن الأسعار مرتفعة.\n\
         وأكد التاجر محمد الحيز أن الطلب ازداد بشكل كبير، من جانب آخر تشهد المحلات إقبالا.",
    );
    assert_eq!(
        got,
        vec![
            "وجودها في المنزل مطلب ضروري للجميع",
            "الأسعار مرتفعة",
            "الطلب ازداد بشكل كبير"
        ]
    );
}

#[test]
fn an_amma_clause_that_no_cue_answers_goes_on() {
    let got = quote_texts(
        "وقال مختصون إن الحرارة تنتقل صيفا إلى داخل المبنى، أما كمية الحرارة فتعتمد على \
         عوامل عدة أهمها الفرق بين درجات الحرارة.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].ends_with("الفرق بين درجات الحرارة"), "{got:?}");
}

#[test]
fn a_fronted_phrase_opens_the_next_clause() {
    let got = quote_texts(
        "وقال التاجر أحمد سالم إن الأسعار ارتفعت كثيرا وعن الاسعار قال التاجر مزمل ان \
         الجلوس الفاخر يتراوح سعره بين ثلاثة آلاف جنيه.",
    );
    assert_eq!(
        got,
        vec![
            "الأسعار ارتفعت كثيرا",
            "الجلوس الفاخر يتراوح سعره بين ثلاثة آلاف جنيه"
        ]
    );
}

#[test]
fn quoted_words_that_end_an_organisations_name_are_a_term() {
    let got = quote_texts(
        "كشفت دراسة أجراها المركز الوطني للطب البديل والتكميلي بالرياض، عن أن الكليات \
         الصحية لا يوجد فيها أي مسار متخصص في \"الطب البديل والتكميلي\"، باستثناء بعض المقررات.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].starts_with("الكليات الصحية"), "{got:?}");
}

#[test]
fn a_short_title_after_a_label_noun_behind_a_preposition_is_no_quotation() {
    // "بمسرحية «...»" names the play; the words quoted after "فقال" are speech.
    let got = quote_texts(
        "واختتم المهرجان فعالياته بمسرحية \"همس الكراسي\"، وقدم القراءة النقدية للعمل حسن \
         رشيد فقال: \"ختامها مسك هذا عرض جميل\".",
    );
    assert_eq!(got, vec!["ختامها مسك هذا عرض جميل"]);
    // A long quotation is words even after such a noun (the page lost the site's name).
    let got = quote_texts(
        "وكتب المدون سير الدين يوسف على صفحته الشخصية بموقع \" من يسمع بقانونهم سيقول في \
         قرارة نفسه إن طوابير الشباب يتسابقون أملا بالعودة \" .",
    );
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn an_apposition_after_the_speaker_is_no_verbal_noun_object() {
    // "أحد المواطنين" says who the speaker is; the content follows the colon and أن.
    let got = quote_texts(
        "وأكد حمود الشمري أحد المواطنين لـ \"سبق\": أن أهالي المركز يعانون من التعطل المستمر.",
    );
    assert_eq!(got, vec!["أهالي المركز يعانون من التعطل المستمر"]);
}

#[test]
fn a_verbal_noun_object_after_a_common_definite_subject() {
    // The subject is a common noun with its adjective; the object's genitive a figure.
    let got = quote_texts(
        "فقد أعلنت السلطات المحلية الاثنين مقتل 328 شخصا على الأقل. ونفى المصدر نفسه قصف \
         أحياء في حمص.",
    );
    assert_eq!(got, vec!["مقتل 328 شخصا على الأقل", "قصف أحياء في حمص"]);
    // A definite object names a topic, not its content.
    assert!(quote_texts("ونفت الوزارة الأنباء التي تحدثت عن استقالته.").is_empty());
}

#[test]
fn unmarked_words_after_a_participle_of_saying_are_the_speech() {
    let got = quote_texts("وعلق الوزير على القرار قائلاً ايقاف الاستيراد الحق بنا خسائر كبيرة.");
    assert_eq!(got, vec!["ايقاف الاستيراد الحق بنا خسائر كبيرة"]);
    // The topic of a question is no speech; a colon ahead opens the content as usual.
    assert!(quote_texts("وكتب متسائلا عن سبب كل هذا الكم من الصور.").is_empty());
    let got = quote_texts("وعلق قائلا في بيان: الوضع صعب.");
    assert_eq!(got, vec!["الوضع صعب"]);
}

#[test]
fn a_few_quoted_words_that_open_with_a_names_head_are_a_name() {
    // «منطقة خفض التوتر» names a zone: the content is the clause around it.
    let got = quote_texts("وقال الجيش إن قواته ستنتشر في \"منطقة خفض التوتر\" خلال الأيام المقبلة.");
    assert_eq!(
        got,
        vec!["قواته ستنتشر في \"منطقة خفض التوتر\" خلال الأيام المقبلة"]
    );
}

#[test]
fn a_quoted_name_after_the_verb_is_not_its_content() {
    // «واي كومبيناتور» names a company in the speaker's apposition: the verb reports
    // nothing in this sentence.
    let got = quote_texts(
        "وقال سام ألتمان، رئيس «واي كومبيناتور»، التي تعمل في مجال تحفيز الشركات الناشئة.",
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_few_quoted_words_that_a_relative_clause_describes_are_a_name() {
    let got = quote_texts(
        "وأكد المدير أن رعاية الافطار تأتي استكمالا لنهج \" عام الخير \" الذي أعلنه رئيس الدولة.",
    );
    assert_eq!(
        got,
        vec!["رعاية الافطار تأتي استكمالا لنهج \" عام الخير \" الذي أعلنه رئيس الدولة"]
    );
}

#[test]
fn the_reporters_aside_after_a_comma_or_a_dash_ends_the_content() {
    let got = quote_texts(
        "وقال المتحدث إن الحصار منع إدخال الغذاء إلى الغوطة، وهو ما أثر في حياة السكان.",
    );
    assert_eq!(got, vec!["الحصار منع إدخال الغذاء إلى الغوطة"]);
    let got = quote_texts("وأكد الوزير أن المفاوضات ستستأنف قريبا، يذكر أن الجولة الأولى فشلت.");
    assert_eq!(got, vec!["المفاوضات ستستأنف قريبا"]);
    let got = quote_texts("وقال الرئيس إن البرلمان سيجتمع - وهو ما حدث أمس - رغم الحكم.");
    assert_eq!(got, vec!["البرلمان سيجتمع"]);
    // "يشار إليها بـ" names a thing: the speaker goes on.
    let got = quote_texts("وقال الطبيب إن النوبات تتكرر، يشار إليها بالهجمات.");
    assert_eq!(got, vec!["النوبات تتكرر، يشار إليها بالهجمات"]);
}

#[test]
fn the_reporters_remark_on_what_was_left_unsaid_ends_the_content() {
    let got =
        quote_texts("وقال المتحدث إن المهلة انقضت دون أن يعطي أي مؤشرات بشأن خطوتهم المقبلة.");
    assert_eq!(got, vec!["المهلة انقضت"]);
    let got =
        quote_texts("وأضافت الوكالة أن المعارك أسفرت عن مقتل العشرات، دون تحديد حصيلة كل جانب.");
    assert_eq!(got, vec!["المعارك أسفرت عن مقتل العشرات"]);
    let got = quote_texts("وأكد الوزير أن بلاده ماضية في قرارها، على حد تعبيره.");
    assert_eq!(got, vec!["بلاده ماضية في قرارها"]);
    let got = quote_texts("وأشار التقرير إلى أن الأسعار ارتفعت، وذلك بحسب ما ورد في دراسة حديثة.");
    assert_eq!(got, vec!["الأسعار ارتفعت"]);
    // "وفق" after "وذلك" is rather "in accordance with".
    let got =
        quote_texts("وأكد الوزير أن المصنعين ملزمون بمتطلبات السلامة، وذلك وفق آخر تحديث للائحة.");
    assert_eq!(
        got,
        vec!["المصنعين ملزمون بمتطلبات السلامة، وذلك وفق آخر تحديث للائحة"]
    );
    let got = quote_texts("وقال المتحدث إن الوزارة تلقت عروضا عدة، دون الإفصاح عن أسماء الشركات.");
    assert_eq!(got, vec!["الوزارة تلقت عروضا عدة"]);
    // Without a comma, what the content's subject left out is the speaker's words.
    let got = quote_texts("وقالت المواقع إن السلطة فرضت الحظر دون توضيح السبب.");
    assert_eq!(got, vec!["السلطة فرضت الحظر دون توضيح السبب"]);
    // دون with anything but a word of telling is the speaker's own.
    let got = quote_texts("وقال الوزير إن الحوار سيبدأ دون شروط مسبقة.");
    assert_eq!(got, vec!["الحوار سيبدأ دون شروط مسبقة"]);
}

#[test]
fn a_named_subject_and_its_own_reporting_verb_after_a_comma_end_the_content() {
    let got = quote_texts(
        "وأعرب كارسون عن تأييده لمشروع المجموعة الإفريقية، لكن كارسون اعتبر أن على القوة \
         أن ترسي الاستقرار.",
    );
    assert_eq!(
        got,
        vec![
            "تأييده لمشروع المجموعة الإفريقية",
            "على القوة أن ترسي الاستقرار"
        ]
    );
    // A noun phrase with no name before a verb is the content's own subject.
    let got = quote_texts("وقال الوزير إن المفاوضات مستمرة، والطرفان يؤكدان أن الحل قريب.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn the_words_after_a_bare_wa_adafa_go_on_with_the_last_quotation() {
    let got = quote_texts(
        "وقال مدير المشروع خالد السلامة إن الأفران وصلت إلى المخيمات. وأضاف بلغت تكلفة \
         تصنيع هذه الأفران 350 ألف دولار.",
    );
    assert_eq!(
        got,
        vec![
            "الأفران وصلت إلى المخيمات",
            "بلغت تكلفة تصنيع هذه الأفران 350 ألف دولار"
        ]
    );
    // A subject, or the present, is the verb's other sense: to add something.
    let got = quote_texts(
        "وقال المدرب إن الفريق جاهز. وأضاف الدولي الغاني الهدف الثاني. والتطبيق يضيف لمسات \
         شخصية إلى الصور.",
    );
    assert_eq!(got, vec!["الفريق جاهز"]);
}

#[test]
fn ban_written_without_hamza_in_a_persons_name_is_no_complementizer() {
    let got = quote_texts(
        "وقال الأمين العام للأمم المتحدة بان كي مون إن الوضع خطير. وقالت الوزارة بأن \
         المفاوضات مستمرة.",
    );
    assert_eq!(got, vec!["الوضع خطير", "المفاوضات مستمرة"]);
    // Every test for a complementizer asks the same question: after a colon too, the
    // name is the first word of the content.
    let got = quote_texts("وقال الوزير: بان كي مون رجل سلام.");
    assert_eq!(got, vec!["بان كي مون رجل سلام"]);
}

#[test]
fn came_in_a_document_reports_its_issuers_words() {
    let got = quote_texts("وجاء في بيان لوزارة الخارجية أن الوزير سيزور القاهرة.");
    assert_eq!(got, vec!["الوزير سيزور القاهرة"]);
    // Elsewhere "جاء" and "ورد" are "came" and "arrived": no cue.
    assert!(quote_texts("وجاء اللاعب إلى النادي بعد أن رحل المدرب.").is_empty());
    assert!(quote_texts("وورد الخبر إلى الوزارة أن القافلة وصلت.").is_empty());
}

#[test]
fn a_headline_ends_where_the_page_prints_its_date_or_the_title_again() {
    let got = quote_texts(
        "رجب طيب أردوغان : سنبحث مع روسيا مسألة إجلاء المدنيين من الغوطة الأحد 21 / كانون \
         الثاني / 2018 - 10 : 30\n\
         قال الرئيس التركي رجب طيب أردوغان إنه سيناقش المسألة مع نظيره الروسي.",
    );
    assert!(
        got.iter()
            .any(|q| q == "سنبحث مع روسيا مسألة إجلاء المدنيين من الغوطة"),
        "{got:?}"
    );
    let got = quote_texts(
        "رجب طيب أردوغان : الدفاعات تصدت لطائرة مسيرة فوق الحدود رجب طيب أردوغان : الدفاعات \
         تصدت لطائرة مسيرة فوق الحدود .\n\
         وقال الرئيس التركي رجب طيب أردوغان في كلمة إن الطائرة سقطت.",
    );
    assert!(
        got.iter()
            .any(|q| q == "الدفاعات تصدت لطائرة مسيرة فوق الحدود"),
        "{got:?}"
    );
}

#[test]
fn findings_requests_and_accusations_introduce_reported_content() {
    // Cues of the lexicon's second pass: a study's finding, a request, an accusation with
    // an أن clause, and a present-tense form of a lemma the first pass had in the past.
    let got = quote_texts(
        "وأظهرت دراسة أجرتها الجامعة على 1400 شركة أن ديون الشركات تضاعفت خلال خمس سنوات.\n\n\
         وطلبت الوزارة من المواطنين أن يلتزموا بالتعليمات.\n\n\
         واتهمت المعارضة الحكومة بأنها زورت الانتخابات.\n\n\
         ويؤكدون أن المشروع سيكتمل قريبا.",
    );
    assert_eq!(
        got,
        vec![
            "ديون الشركات تضاعفت خلال خمس سنوات",
            "يلتزموا بالتعليمات",
            "زورت الانتخابات",
            "المشروع سيكتمل قريبا",
        ]
    );
}

#[test]
fn a_model_name_in_marks_after_tiraz_is_no_quoted_part() {
    // "من طراز «...»" names a model, as "باسم «...»" names a thing: the report is
    // indirect, its content the whole clause.
    let got = quote_texts(
        "وأفاد المتحدث باسم الفصيل مصطفى الحسين أن الطائرة من طراز \"إل 39\" وتم إسقاطها.",
    );
    assert_eq!(got, vec!["الطائرة من طراز \"إل 39\" وتم إسقاطها"]);
}

#[test]
fn a_relative_clause_that_describes_its_antecedent_is_a_report_of_its_own() {
    // "الذي وصفه بأنه": وصفه begins with و, which the segmenter reads as the conjunction
    // on "صفه"; the cue is the whole word, its subject the sentence's speaker.
    let got = quote_texts(
        "وقال المواطن عبد المنعم العبد، إن الحرارة تدفع الناس لشراء الحبحب الذي وصفه بأنه \
         فاكهة صيفية معروفة.",
    );
    assert_eq!(
        got,
        vec!["الحرارة تدفع الناس لشراء الحبحب", "فاكهة صيفية معروفة"]
    );
}

#[test]
fn a_first_person_view_is_no_report_but_a_misspelt_perfect_with_a_subject_is() {
    // "أعتقد أن": the speaker's own view, written with the hamza that the perfect اعتقد
    // lacks.
    let got = quote_texts("نحن في مرحلة حوار، وأعتقد أن من الحكمة المحافظة على الاستقرار.");
    assert!(got.is_empty(), "{got:?}");
    // "وأشترط المعهد أن": the hamza misspells the perfect; the subject after it says so.
    let got = quote_texts("وأشترط المعهد أن يكون المتقدم سعودي الجنسية.");
    assert_eq!(got, vec!["يكون المتقدم سعودي الجنسية"]);
    let got = quote_texts("وقال الوزير إن الحوار مستمر، واعتقد أن الاتفاق قريب.");
    assert_eq!(got.len(), 2, "{got:?}");
}
