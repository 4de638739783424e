//! The dev/test splits of the evaluation data sets, fixed before any tuning and kept in
//! the repository as lists of file names (`eval/timeml-ar/split.tsv`; the data itself has
//! no licence for redistribution and is never copied).

/// A part of a data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Split {
    /// For development and tuning.
    Dev,
    /// Held out: figures are reported once.
    Test,
}

impl Split {
    /// Parses `dev` or `test`.
    pub fn parse(s: &str) -> Option<Split> {
        match s {
            "dev" => Some(Split::Dev),
            "test" => Some(Split::Test),
            _ => None,
        }
    }
}

static TIMEML_AR: &str = include_str!("../../../eval/timeml-ar/split.tsv");

/// The split of a `timeml-ar` file (`doc12.tml`), or `None` for a file not in the list.
pub fn timeml_ar(file_name: &str) -> Option<Split> {
    TIMEML_AR
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(f, _)| *f == file_name)
        .and_then(|(_, s)| Split::parse(s.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_fixed() {
        assert_eq!(timeml_ar("doc1.tml"), Some(Split::Test));
        assert_eq!(timeml_ar("doc2.tml"), Some(Split::Dev));
        assert_eq!(timeml_ar("doc49.tml"), Some(Split::Test));
        assert_eq!(timeml_ar("nope.tml"), None);
        let n = (1..=50)
            .filter(|n| timeml_ar(&format!("doc{n}.tml")) == Some(Split::Test))
            .count();
        assert_eq!(n, 13);
    }
}
