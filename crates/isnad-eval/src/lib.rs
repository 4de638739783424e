//! Scoring isnad against gold data.
//!
//! This crate owns the readers of gold formats that are not the engine's own ([`timeml`]:
//! TimeML files with `TIMEX3` annotations), the scores ([`score`]: TempEval-style
//! precision and recall of temporal expressions), and the fixed dev/test splits of those
//! data sets ([`split`]).
//!
//! It must not analyse text (the CLI runs the pipeline and hands the predictions over)
//! nor do IO (the CLI reads the files); it knows nothing of the output contract.
#![deny(missing_docs)]

pub mod score;
pub mod split;
pub mod timeml;

pub use score::{Expr, TimexScore};
