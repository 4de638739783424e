//! Function words: the closed-class words of Arabic (prepositions, conjunctions,
//! particles, pronouns, demonstratives, relatives, a few quantifiers and auxiliaries)
//! that are never a name on their own, whatever a gazetteer or a tagger says.
//!
//! They matter because names collide with them after normalization and clitic
//! stripping: the island state "بالاو" (Palau) is cut as ب + ال + "او" ("or"), the
//! Latvian town "بالفي" as ب + ال + "في" ("in"), and GeoNames lists a town "من" ("from")
//! in Iowa. The list is written for this project from the grammar of the language; words
//! are in the normalized form of `isnad_text::normalize` (ى → ي, ة → ه, hamza seats → ا).
//!
//! "علي" is deliberately absent: it is the preposition على *and* the given name Ali, and
//! the two are spelled alike in most news text; so is "بان" (بأن, and Ban Ki-moon).

/// Normalized function words.
const FUNCTION_WORDS: &[&str] = &[
    "اذ",
    "اذا",
    "اذن",
    "الا",
    "التي",
    "الذي",
    "الذين",
    "اللاتي",
    "اللتان",
    "اللتين",
    "اللذان",
    "اللذين",
    "اللواتي",
    "الي",
    "اما",
    "امام",
    "ان",
    "انا",
    "انت",
    "انتم",
    "انه",
    "انها",
    "انهم",
    "او",
    "اولئك",
    "اي",
    "ايضا",
    "اين",
    "بانه",
    "بل",
    "بعد",
    "بعض",
    "بين",
    "بينما",
    "تحت",
    "تلك",
    "ثم",
    "جميع",
    "حتي",
    "حول",
    "حيث",
    "خلال",
    "دون",
    "ذلك",
    "ذات",
    "ضد",
    "عبر",
    "عدم",
    "عن",
    "عند",
    "غير",
    "فان",
    "فقط",
    "فوق",
    "في",
    "فيه",
    "فيها",
    "فيما",
    "قبل",
    "قد",
    "كان",
    "كانت",
    "كل",
    "كما",
    "كي",
    "كيف",
    "لا",
    "لان",
    "لدي",
    "لقد",
    "لكن",
    "لم",
    "لما",
    "لن",
    "له",
    "لها",
    "لهم",
    "لو",
    "لولا",
    "ليس",
    "ليست",
    "ما",
    "متي",
    "مثل",
    "مع",
    "من",
    "منذ",
    "منه",
    "منها",
    "نحن",
    "نحو",
    "هذا",
    "هذه",
    "هكذا",
    "هم",
    "هما",
    "هنا",
    "هناك",
    "هو",
    "هؤلاء",
    "هي",
    "وان",
    "وراء",
    "وهو",
    "وهي",
    "يكون",
    "تكون",
];

/// True when `norm` (a normalized word, clitics included) is a function word.
pub fn is_function_word(norm: &str) -> bool {
    FUNCTION_WORDS.contains(&norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_normalized_forms() {
        for w in FUNCTION_WORDS {
            assert_eq!(
                isnad_text::normalize(w),
                *w,
                "{w} is not in normalized form"
            );
        }
        assert!(is_function_word("في"));
        assert!(is_function_word(&isnad_text::normalize("فى")));
        assert!(is_function_word(&isnad_text::normalize("أو")));
        assert!(!is_function_word("علي"));
        assert!(!is_function_word("ليبيا"));
    }
}
