//! Reads articles for isnad.
//!
//! This crate owns everything between the outside world and a document's text: paths,
//! directories and standard input ([`read`]), JSON Lines corpora (plain or gzipped),
//! HTML pages ([`html`]: main text, boilerplate dropped, embedded posts kept), and the
//! decoding of bytes with encoding detection ([`decode`]: UTF-8, UTF-16, Windows-1256,
//! ISO-8859-6, ...). Bad input becomes an [`Item::Failed`] naming the input; the stream
//! goes on.
//!
//! It must not analyse text (that is `isnad-text` and `isnad-extract`) or print anything.
#![deny(missing_docs)]

pub mod decode;
pub mod html;
pub mod source;

pub use decode::{decode, DecodeError, Decoded};
pub use source::{read, Article, Failure, InputError, Item, ReadOptions, Reader};
