//! The `isnad` command line. Parses arguments, wires the library crates together and
//! prints; it holds no analysis logic of its own.

mod analyze;
mod batch;
mod bench;
mod bench_corpus;
mod build;
mod corpus;
mod eval;
mod export;
mod ingest;
mod ner;
mod serve;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// isnad — reads Arabic news and turns it into structured, verifiable facts.
#[derive(Parser)]
#[command(name = "isnad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print the isnad.analysis/1 contract (JSON) or a report.
    Analyze {
        /// Publication date (YYYY-MM-DD) for articles whose input gives none; relative
        /// dates ("الثلاثاء", "أمس") resolve against it.
        #[arg(long, value_parser = parse_date)]
        published: Option<chrono::NaiveDate>,
        /// Output format: json (default for one article), jsonl (default for several),
        /// text (a readable report).
        #[arg(long, value_enum)]
        format: Option<analyze::Format>,
        /// Do not show a progress bar.
        #[arg(long)]
        no_progress: bool,
        /// Files (.txt, .html, .jsonl, .jsonl.gz), directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Measure throughput on one core (MB/s, articles/s, tokens/s); `bench search` and
    /// `bench serve` measure a store's search latency and an HTTP server's throughput.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Bench {
        #[command(subcommand)]
        what: Option<bench_corpus::BenchCommand>,
        /// Only the first N articles.
        #[arg(long)]
        limit: Option<usize>,
        /// What to time.
        #[arg(long, value_enum, default_value = "all")]
        stage: bench::Stage,
        /// Corpus files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Analyse articles and store them, with every annotation layer, in a searchable store.
    /// Idempotent and resumable: rerun it after a crash or on a grown corpus.
    Ingest {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Publication date for articles whose input gives none.
        #[arg(long, value_parser = parse_date)]
        published: Option<chrono::NaiveDate>,
        /// Analyse and rewrite every article, even those stored unchanged.
        #[arg(long)]
        force: bool,
        /// Do not show a progress bar.
        #[arg(long)]
        no_progress: bool,
        /// Read only the first N articles of the input (for a small store to try).
        #[arg(long)]
        limit: Option<usize>,
        /// Articles per transaction.
        #[arg(long, default_value_t = batch::CHUNK_ITEMS, hide = true)]
        chunk: usize,
        /// Files (.txt, .html, .jsonl, .jsonl.gz), directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Counts of a store.
    Stats {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: corpus::Format,
    },
    /// Full-text search: words, "quoted phrases", and filters.
    Search {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: corpus::Format,
        /// Only articles naming this actor (name, @handle or actor id).
        #[arg(long)]
        entity: Option<String>,
        /// Only articles quoting this speaker.
        #[arg(long)]
        speaker: Option<String>,
        /// Only this outlet.
        #[arg(long)]
        source: Option<String>,
        /// Only articles with an event of this PLOVER type (CONSULT, ASSAULT, ...).
        #[arg(long = "event")]
        event_type: Option<String>,
        /// Dated on or after (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Dated on or before (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<chrono::NaiveDate>,
        /// Results per page.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Results to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// The query (may be empty when filters are given).
        #[arg(default_value = "")]
        query: String,
    },
    /// One actor across the corpus: names, roles over time, quotes, events, articles.
    Actor {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: corpus::Format,
        /// Quotes, articles and events to list, at most.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// A name, @handle or actor id.
        name: String,
    },
    /// Quotations, by speaker and dates.
    Quotes {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: corpus::Format,
        /// The speaker (name, @handle or actor id).
        #[arg(long)]
        speaker: Option<String>,
        /// On or after (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Option<chrono::NaiveDate>,
        /// On or before (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        to: Option<chrono::NaiveDate>,
        /// Quotes per page.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Quotes to skip.
        #[arg(long, default_value_t = 0)]
        offset: usize,
    },
    /// Serve the web app and the store's JSON API over HTTP (127.0.0.1 by default).
    Serve {
        /// The store directory.
        #[arg(long, default_value = isnad_store::DEFAULT_DIR)]
        store: PathBuf,
        /// The port (0 picks a free one).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The address to bind.
        #[arg(long, default_value = "127.0.0.1")]
        host: std::net::IpAddr,
    },
    /// Score the pipeline against gold annotation files (precision, recall, F1 per layer),
    /// or, with `timex`, temporal expressions against TimeML files, or, with `ner`, the
    /// NER tagger against a CoNLL file.
    #[command(args_conflicts_with_subcommands = true)]
    Eval {
        #[command(subcommand)]
        what: Option<EvalCommand>,
        /// Gold files or folders (default: ../shared/gold and eval/gold/*/dev).
        #[arg(long)]
        gold: Vec<PathBuf>,
        /// The shared folder the gold files' article paths are relative to.
        #[arg(long)]
        shared: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: eval::Format,
        /// List what was missed or wrong in each file.
        #[arg(long)]
        details: bool,
        /// Diagnostic: score events found with the gold files' entities and dates in place
        /// of the entity and timex layers (argument assignment apart from recognition).
        #[arg(long)]
        oracle_entities: bool,
    },
    /// Export what the analysis found, one row per fact (ACLED/POLECAT-style events).
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Build the data the engine ships from corpora (see DATA.md).
    Build {
        #[command(subcommand)]
        what: BuildCommand,
    },
    /// Train the models the engine ships (see DATA.md).
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Tag a CoNLL file (`token TAG` lines) and print `token gold predicted` lines.
    Tag {
        /// The CoNLL file.
        #[arg(long)]
        conll: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Word clusters of the news corpora, for the NER features.
    Clusters {
        /// Words seen fewer times get no cluster.
        #[arg(long, default_value_t = 10)]
        min_count: u64,
        /// Number of most frequent words used as contexts.
        #[arg(long, default_value_t = 10_000)]
        contexts: usize,
        /// Dimensions of the word vectors that are clustered.
        #[arg(long, default_value_t = 100)]
        dims: usize,
        /// Children of each node of the cluster tree.
        #[arg(long, default_value_t = 8)]
        branching: u32,
        /// Levels of the cluster tree.
        #[arg(long, default_value_t = 4)]
        depth: u32,
        /// Output file.
        #[arg(long, default_value = "data/ner/clusters.tsv.gz")]
        out: PathBuf,
        /// Output file of the trigger-context profiles.
        #[arg(long, default_value = "data/ner/profiles.tsv.gz")]
        profiles_out: PathBuf,
        /// Corpus files or directories.
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
    },
    /// The named-entity tagger, from CoNLL training data.
    Ner {
        /// Training data (CoNLL).
        #[arg(long)]
        train: PathBuf,
        /// Development data to report scores on; without it, `--holdout` of the training
        /// file (its end) is held out.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Share of the training sentences held out when no `--dev` is given (0 trains on
        /// everything).
        #[arg(long, default_value_t = 0.0)]
        holdout: f64,
        /// Epochs of the first pass.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Epochs of the second (document) pass.
        #[arg(long, default_value_t = 12)]
        second_epochs: usize,
        /// Train the first pass only.
        #[arg(long)]
        one_pass: bool,
        /// Sentences on each side that form a word's document context.
        #[arg(long, default_value_t = 20)]
        window: usize,
        /// Drop features whose weights all stay below this.
        #[arg(long, default_value_t = 0.0)]
        prune: f32,
        /// Word clusters to train with instead of the shipped ones (for experiments: the
        /// model then only tags with these clusters).
        #[arg(long)]
        clusters: Option<PathBuf>,
        /// Penalty on the O label when decoding (trades precision for recall).
        #[arg(long, default_value_t = 0.0)]
        o_penalty: f32,
        /// Trigger-context profiles to train with instead of the shipped ones.
        #[arg(long)]
        profiles: Option<PathBuf>,
        /// Train a CRF (SGD, this L2 constant) instead of the averaged perceptron.
        #[arg(long)]
        crf_l2: Option<f64>,
        /// Perceptrons per pass, trained on different sentence orders, whose weights
        /// are averaged (3 measured +0.005 micro F1 in 5-fold CV over four seeds, not
        /// shipped: such models lose names that quotation tests rely on).
        #[arg(long, default_value_t = 1)]
        ensemble: usize,
        /// Instead of training one model, cross-validate over this many blocks of the
        /// training data and print the scores (for choosing features and settings).
        #[arg(long)]
        cv: Option<usize>,
        /// More training data (CoNLL), added to every training set but never scored in
        /// cross-validation. (Wojood's sample flattened by `scripts/wojood_to_conll.py`
        /// measured -0.009 micro F1 in 5-fold CV on ANERcorp's training split: not used.)
        #[arg(long)]
        extra: Vec<PathBuf>,
        /// Seed of the sentence shuffling.
        #[arg(long, default_value_t = 4)]
        seed: u64,
        /// Output file.
        #[arg(long, default_value = "data/ner/model.bin.gz")]
        out: PathBuf,
    },
}

/// Which NER model to use (default: the one built into the binary).
#[derive(clap::Args)]
pub(crate) struct ModelArgs {
    /// A model file written by `isnad train ner` instead of the built-in model.
    #[arg(long)]
    pub(crate) model: Option<PathBuf>,
    /// The word clusters that model was trained with, if not the built-in ones.
    #[arg(long, requires = "model")]
    pub(crate) clusters: Option<PathBuf>,
    /// The trigger-context profiles that model was trained with, if not the built-in ones.
    #[arg(long, requires = "model")]
    pub(crate) profiles: Option<PathBuf>,
}

#[derive(Subcommand)]
enum ExportCommand {
    /// One row per event: date, type, mode, status, actors with country and sector, place
    /// with coordinates, article, trigger and sentence.
    Events {
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: export::Format,
        /// Publication date (YYYY-MM-DD) for articles whose input gives none.
        #[arg(long, value_parser = parse_date)]
        published: Option<chrono::NaiveDate>,
        /// Do not show a progress bar.
        #[arg(long)]
        no_progress: bool,
        /// Files (.txt, .html, .jsonl, .jsonl.gz), directories, or - for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Temporal expressions against TimeML files (TIMEX3 spans, types and values):
    /// precision and recall of values and spans, by type.
    Timex {
        /// Directory of TimeML files (default: ../shared/data/timeml-ar).
        #[arg(long)]
        timeml: Option<PathBuf>,
        /// Which part of timeml-ar to score (the split is fixed in eval/timeml-ar/split.tsv).
        #[arg(long, value_enum, default_value = "dev")]
        split: eval::SplitArg,
        /// Anchor date for files without a creation time. timeml-ar files have none; every
        /// deictic expression of the set ("اليوم") is annotated with 2015-12-24.
        #[arg(long, value_parser = parse_date, default_value = "2015-12-24")]
        dct: chrono::NaiveDate,
        /// Also print every missed, wrong and spurious expression.
        #[arg(long)]
        errors: bool,
    },
    /// Named-entity recognition on a CoNLL file: per-type and micro P/R/F1, exact spans.
    Ner {
        /// The CoNLL file.
        #[arg(long)]
        conll: PathBuf,
        #[command(flatten)]
        model: ModelArgs,
    },
}

#[derive(Subcommand)]
enum BuildCommand {
    /// Candidate reporting verbs mined from the corpora (clause-initial words followed by
    /// إن/أن or a colon), with their counts.
    ReportingVerbs {
        /// Tokens between the word and the complementizer, at most.
        #[arg(long, default_value_t = 8)]
        window: usize,
        /// Keep forms that introduce reported speech at least this many times.
        #[arg(long, default_value_t = 20)]
        min_count: u32,
        /// Output file.
        #[arg(long, default_value = "/tmp/reporting-verb-candidates.tsv")]
        out: PathBuf,
        /// Corpus files or directories.
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
    },
    /// Organisation names that follow a movement's head noun in the news corpora.
    OrgNames {
        /// Output file.
        #[arg(long, default_value = "data/gazetteer/organisations.tsv")]
        out: PathBuf,
        /// Corpus files or directories.
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
    },
    /// Word counts of the news corpora, for clitic segmentation and features.
    Lexicon {
        /// Keep words seen at least this many times.
        #[arg(long, default_value_t = 3)]
        min_count: u32,
        /// Output file.
        #[arg(long, default_value = "data/lexicon/wordcounts.tsv.gz")]
        out: PathBuf,
        /// Corpus files or directories.
        #[arg(required = true)]
        corpora: Vec<PathBuf>,
    },
}

/// The articles of the corpora, for the commands that read a corpus as a whole (bench,
/// build, train). An input that cannot be read is reported on stderr, naming it, and
/// skipped; `articles_read` then fails when nothing at all could be read, so that a wrong
/// path is never mistaken for an empty corpus.
fn readable_articles(corpora: &[PathBuf]) -> impl Iterator<Item = isnad_input::Article> + '_ {
    isnad_input::read(corpora, isnad_input::ReadOptions::default()).filter_map(|item| match item {
        isnad_input::Item::Article(a) => Some(*a),
        isnad_input::Item::Failed(f) => {
            eprintln!("isnad: {}: {} (skipped)", f.origin, f.error);
            None
        }
    })
}

/// Fails when `articles` is zero: none of `corpora` held a readable article.
fn articles_read(articles: usize, corpora: &[PathBuf]) -> Result<usize> {
    if articles == 0 {
        let names: Vec<String> = corpora.iter().map(|p| p.display().to_string()).collect();
        anyhow::bail!("no article could be read from {}", names.join(", "));
    }
    Ok(articles)
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?}: {e} (expected YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A report piped into `head` ends when the reader leaves, quietly, as other Unix
    // tools do; the server keeps the default (a client hanging up must not end it).
    #[cfg(unix)]
    if !matches!(cli.command, Command::Serve { .. }) {
        // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
        unsafe {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        }
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`isnad analyze ... | head`) is not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("isnad: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            published,
            format,
            no_progress,
            paths,
        } => {
            let failed = analyze::run(paths, published, format, !no_progress)?;
            Ok(if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Bench {
            what: Some(what), ..
        } => bench_corpus::run(what),
        Command::Bench {
            what: None,
            limit,
            stage,
            paths,
        } => {
            bench::run(paths, limit, stage)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ingest {
            store,
            published,
            force,
            no_progress,
            limit,
            chunk,
            paths,
        } => {
            let s = ingest::run(&store, paths, published, force, !no_progress, limit, chunk)?;
            Ok(if s.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Stats { store, format } => {
            corpus::stats(&store, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            store,
            format,
            entity,
            speaker,
            source,
            event_type,
            from,
            to,
            limit,
            offset,
            query,
        } => {
            let request = isnad_store::SearchRequest {
                query,
                entity,
                speaker,
                source,
                event_type,
                from,
                to,
                limit,
                offset,
            };
            corpus::search(&store, format, request)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Actor {
            store,
            format,
            limit,
            name,
        } => Ok(if corpus::actor(&store, format, &name, limit)? {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }),
        Command::Quotes {
            store,
            format,
            speaker,
            from,
            to,
            limit,
            offset,
        } => {
            corpus::quotes(&store, format, speaker.as_deref(), from, to, limit, offset)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { store, port, host } => {
            serve::run(&store, std::net::SocketAddr::new(host, port))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            what,
            gold,
            shared,
            format,
            details,
            oracle_entities,
        } => {
            match what {
                Some(EvalCommand::Timex {
                    timeml,
                    split,
                    dct,
                    errors,
                }) => eval::timex(timeml, split, dct, errors)?,
                Some(EvalCommand::Ner { conll, model }) => ner::eval_ner(&conll, &model)?,
                None => eval::run(gold, shared, format, details, oracle_entities)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { what } => match what {
            ExportCommand::Events {
                format,
                published,
                no_progress,
                paths,
            } => {
                let failed = export::events(paths, published, format, !no_progress)?;
                Ok(if failed > 0 {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                })
            }
        },
        Command::Build { what } => match what {
            BuildCommand::ReportingVerbs {
                window,
                min_count,
                out,
                corpora,
            } => {
                build::reporting_verbs(&corpora, window, min_count, &out)?;
                Ok(ExitCode::SUCCESS)
            }
            BuildCommand::OrgNames { out, corpora } => {
                build::org_names(&corpora, &out)?;
                Ok(ExitCode::SUCCESS)
            }
            BuildCommand::Lexicon {
                min_count,
                out,
                corpora,
            } => {
                build::lexicon(&corpora, min_count, &out)?;
                Ok(ExitCode::SUCCESS)
            }
        },
        Command::Train { what } => {
            match what {
                TrainCommand::Clusters {
                    min_count,
                    contexts,
                    dims,
                    branching,
                    depth,
                    out,
                    profiles_out,
                    corpora,
                } => {
                    let params = isnad_ner::ClusterParams {
                        min_count,
                        context_words: contexts,
                        dims,
                        branching,
                        depth,
                        ..Default::default()
                    };
                    ner::train_clusters(&corpora, &params, &out, &profiles_out)?;
                }
                TrainCommand::Ner {
                    train,
                    dev,
                    holdout,
                    epochs,
                    second_epochs,
                    one_pass,
                    window,
                    prune,
                    clusters,
                    profiles,
                    crf_l2,
                    o_penalty,
                    ensemble,
                    cv,
                    extra,
                    seed,
                    out,
                } => {
                    let opts = isnad_ner::TrainOptions {
                        epochs,
                        second_epochs,
                        two_pass: !one_pass,
                        window,
                        prune,
                        crf_l2,
                        o_penalty,
                        ensemble: ensemble.max(1),
                        seed,
                        ..Default::default()
                    };
                    let input = ner::TrainInput {
                        extra: &extra,
                        train: &train,
                        dev: dev.as_deref(),
                        holdout,
                        clusters: clusters.as_deref(),
                        profiles: profiles.as_deref(),
                        cv,
                    };
                    ner::train_ner(&input, &opts, &out)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Tag { conll, model } => {
            ner::tag_conll(&conll, &model)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
