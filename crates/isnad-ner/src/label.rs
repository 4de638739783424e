//! BIO labels over the four ANERcorp entity types, and the chunks (entity spans) they
//! encode.

use isnad_doc::EntityType;

/// The entity types in label order.
pub const TYPES: [EntityType; 4] = [
    EntityType::Per,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Misc,
];

/// Number of labels: `O` and `B-`/`I-` of each type.
pub const N_LABELS: usize = 1 + 2 * TYPES.len();

/// One BIO label, packed: 0 = `O`, `1 + 2k` = `B-` of type `k`, `2 + 2k` = `I-` of type `k`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

impl Label {
    /// Outside any entity.
    pub const O: Label = Label(0);

    /// The first token of an entity of type `t`.
    pub fn begin(t: EntityType) -> Label {
        Label(1 + 2 * type_index(t) as u8)
    }

    /// A token inside an entity of type `t`, after its first.
    pub fn inside(t: EntityType) -> Label {
        Label(2 + 2 * type_index(t) as u8)
    }

    /// The label with index `i` (`i < N_LABELS`).
    pub fn from_index(i: usize) -> Label {
        debug_assert!(i < N_LABELS);
        Label(i as u8)
    }

    /// Its index in `0..N_LABELS`.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The entity type, or `None` for `O`.
    pub fn entity_type(self) -> Option<EntityType> {
        (self.0 > 0).then(|| TYPES[(self.0 as usize - 1) / 2])
    }

    /// True for `B-` labels.
    pub fn is_begin(self) -> bool {
        !self.0.is_multiple_of(2)
    }

    /// True for `I-` labels.
    pub fn is_inside(self) -> bool {
        self.0 > 0 && self.0.is_multiple_of(2)
    }

    /// Whether `next` may follow `self` in a well-formed BIO sequence: an `I-X` only
    /// continues a `B-X` or `I-X`.
    pub fn may_precede(self, next: Label) -> bool {
        !next.is_inside() || self.entity_type() == next.entity_type()
    }

    /// Parses `O`, `B-PER`, `I-PERS`, `B-MIS`, ... Other types (such as Wojood's `OCC`)
    /// and malformed tags give `None`.
    pub fn parse(tag: &str) -> Option<Label> {
        if tag == "O" {
            return Some(Label::O);
        }
        let (bio, ty) = tag.split_once('-')?;
        let t = EntityType::parse(ty)?;
        match bio {
            "B" => Some(Label::begin(t)),
            "I" => Some(Label::inside(t)),
            _ => None,
        }
    }

    /// The tag as written in CoNLL files (`O`, `B-PER`, `I-LOC`, ...).
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; N_LABELS] = [
            "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
        ];
        NAMES[self.index()]
    }
}

/// Index of a type in [`TYPES`].
pub fn type_index(t: EntityType) -> usize {
    match t {
        EntityType::Per => 0,
        EntityType::Org => 1,
        EntityType::Loc => 2,
        EntityType::Misc => 3,
    }
}

/// One entity span over tokens: `start..end` and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type.
    pub kind: EntityType,
}

/// The chunks a label sequence encodes, read as the CoNLL scorer (`conlleval`) reads
/// them: a chunk starts at `B-X`, or at an `I-X` that does not continue an `X` chunk,
/// and runs over the `I-X` labels that follow.
pub fn chunks(labels: &[Label]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = l.entity_type();
        let continues = l.is_inside() && open.is_some_and(|(_, ot)| Some(ot) == t);
        if continues {
            continue;
        }
        if let Some((s, ot)) = open.take() {
            out.push(Chunk {
                start: s,
                end: i,
                kind: ot,
            });
        }
        if let Some(t) = t {
            open = Some((i, t));
        }
    }
    if let Some((s, ot)) = open {
        out.push(Chunk {
            start: s,
            end: labels.len(),
            kind: ot,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(tags: &str) -> Vec<Label> {
        tags.split_whitespace()
            .map(|t| Label::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn parses_corpus_tag_sets() {
        assert_eq!(Label::parse("B-PERS"), Some(Label::begin(EntityType::Per)));
        assert_eq!(Label::parse("I-MIS"), Some(Label::inside(EntityType::Misc)));
        assert_eq!(Label::parse("B-OCC"), None);
        assert_eq!(Label::parse("Oالإصابة"), None);
        for i in 0..N_LABELS {
            let l = Label::from_index(i);
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
    }

    #[test]
    fn chunks_follow_conlleval() {
        let c = chunks(&labels("B-PER I-PER O I-LOC I-LOC B-LOC B-ORG I-PER"));
        let got: Vec<(usize, usize, &str)> = c
            .iter()
            .map(|c| (c.start, c.end, c.kind.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 2, "PER"),
                (3, 5, "LOC"),
                (5, 6, "LOC"),
                (6, 7, "ORG"),
                (7, 8, "PER")
            ]
        );
    }

    #[test]
    fn transitions() {
        let b_per = Label::begin(EntityType::Per);
        let i_per = Label::inside(EntityType::Per);
        let i_loc = Label::inside(EntityType::Loc);
        assert!(b_per.may_precede(i_per) && i_per.may_precede(i_per));
        assert!(!Label::O.may_precede(i_per) && !b_per.may_precede(i_loc));
        assert!(i_loc.may_precede(Label::O) && Label::O.may_precede(b_per));
    }
}
