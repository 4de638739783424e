//! The entity behind an embedded post's account.

use isnad_doc::DocMeta;

fn analyze(text: &str) -> isnad_doc::Doc {
    let pipeline = isnad_extract::default_pipeline();
    isnad_extract::analyze(&pipeline, DocMeta::default(), text.to_owned(), Vec::new())
        .expect("the text is valid")
}

#[test]
fn a_longer_form_of_a_persons_name_signs_the_post() {
    let d = analyze(
        "قال وزير الخارجية عادل الجبير إن المملكة ستواصل دعم الحكومة الشرعية في اليمن.\n\
         المملكة ستواصل دعم الحكومة الشرعية في اليمن — عادل بن أحمد الجبير (@AdelAljubeir) August 3, 2015\n\
         وأضاف الجبير أن الحل سياسي.",
    );
    assert_eq!(d.posts.len(), 1, "one embedded post");
    let e = d.posts[0]
        .author_entity
        .expect("the post's author is linked");
    let name = d.slice(d.entities[e as usize].name);
    assert!(name.contains("الجبير"), "linked to {name}");
    let handles: Vec<&str> = d.entities[e as usize]
        .handles
        .iter()
        .map(|h| d.slice(*h))
        .collect();
    assert!(
        handles.iter().any(|h| h.contains("AdelAljubeir")),
        "{handles:?}"
    );
}
