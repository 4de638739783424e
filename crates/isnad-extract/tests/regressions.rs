//! Inputs that once crashed the pipeline, minimized from real corpus records.

use isnad_doc::DocMeta;

fn analyze(text: &str) -> isnad_doc::Doc {
    let pipeline = isnad_extract::default_pipeline();
    isnad_extract::analyze(&pipeline, DocMeta::default(), text.to_owned(), Vec::new())
        .expect("the text is valid")
}

#[test]
fn a_headline_ending_on_a_clitic_preposition() {
    // SaudiNewsNet snn-2015-08-07-1154: the speaker zone of «...» تؤكد ran to the last
    // token, a bare "بال", and the clitic-preposition branch read past the tokens.
    let d = analyze("«السعودية للكهرباء» تؤكد سعيها لتوطين الصناعات الكهربائية بال");
    assert!(d.quotes.len() <= 1);
    let d = analyze("قال بال");
    assert!(d.quotes.is_empty());
}

#[test]
fn a_reporting_verb_with_no_subject_opening_the_text() {
    // A dropped subject is looked for before the verb; at the very first token there is
    // nothing before it (found by `isnad bench` on SaudiNewsNet).
    let d = analyze("قال إن الأمير محمد بن سلمان وصل إلى الرياض.");
    assert_eq!(d.quotes.len(), 1);
    let d = analyze("وأضاف: «الوضع مستقر». قال إن الاجتماع انتهى.");
    assert_eq!(d.quotes.len(), 2);
}

#[test]
fn a_statement_verb_and_time_words_ending_the_text() {
    // The load test's short texts: after "أكد" and its time words the text ended, and the
    // verbal-noun object was looked for past the last token.
    for text in ["وأكد أمس", "أعلن", "نفى اليوم الأحد", "ونفت الحكومة"]
    {
        let d = analyze(text);
        assert!(d.quotes.is_empty(), "{text}");
    }
}
