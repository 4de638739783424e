//! The NER commands: `isnad train clusters`, `isnad train ner`, `isnad tag --conll` and
//! `isnad eval ner --conll`. They read files and print; the work is done by `isnad-ner`
//! with the resources of `isnad-resources`.

use anyhow::{bail, Context, Result};
use isnad_ner::{
    ClusterBuilder, ClusterParams, Conll, LabelledSentence, ProfileBuilder, TrainOptions, Word,
};
use isnad_text::TokenKind;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

fn read_conll(path: &Path) -> Result<Vec<LabelledSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let conll = Conll::parse(&text);
    if conll.sentences.is_empty() {
        bail!(
            "{}: no sentence (expected `token TAG` lines)",
            path.display()
        );
    }
    if conll.unknown_tags > 0 {
        eprintln!(
            "isnad: {}: {} tags outside PER/ORG/LOC/MISC read as O",
            path.display(),
            conll.unknown_tags
        );
    }
    Ok(isnad_ner::read_conll(
        &conll,
        isnad_resources::word_counts(),
    ))
}

fn write_gz(out: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?;
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(file, flate2::Compression::best());
    gz.write_all(bytes)?;
    gz.finish()?;
    Ok(())
}

/// A model and clusters read from files, kept alive for the tagger that borrows them.
struct Loaded {
    model: isnad_ner::Model,
    clusters: Option<isnad_ner::Clusters>,
    profiles: Option<isnad_ner::Profiles>,
}

fn read_gz(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out)
        .with_context(|| format!("{}: not gzipped", path.display()))?;
    Ok(out)
}

fn read_clusters(path: &Path) -> Result<isnad_ner::Clusters> {
    let text = String::from_utf8(read_gz(path)?)
        .with_context(|| format!("{}: not UTF-8", path.display()))?;
    isnad_ner::Clusters::parse(&text).with_context(|| path.display().to_string())
}

fn read_profiles(path: &Path) -> Result<isnad_ner::Profiles> {
    let text = String::from_utf8(read_gz(path)?)
        .with_context(|| format!("{}: not UTF-8", path.display()))?;
    isnad_ner::Profiles::parse(&text).with_context(|| path.display().to_string())
}

fn load(
    model: Option<&Path>,
    clusters: Option<&Path>,
    profiles: Option<&Path>,
) -> Result<Option<Loaded>> {
    let Some(model) = model else {
        return Ok(None);
    };
    let m = isnad_ner::Model::from_bytes(&read_gz(model)?)
        .with_context(|| model.display().to_string())?;
    let clusters = clusters.map(read_clusters).transpose()?;
    let profiles = profiles.map(read_profiles).transpose()?;
    Ok(Some(Loaded {
        model: m,
        clusters,
        profiles,
    }))
}

fn tagger(loaded: &Option<Loaded>) -> Result<isnad_ner::Tagger<'_>> {
    let Some(l) = loaded else {
        return match isnad_resources::ner_tagger() {
            None => bail!("this build has no NER model; train one with `isnad train ner`"),
            Some(Err(e)) => bail!("the built-in NER model cannot be used: {e}"),
            Some(Ok(t)) => Ok(t),
        };
    };
    let mut res = isnad_resources::ner_resources();
    if let Some(c) = &l.clusters {
        res.clusters = c;
    }
    if let Some(p) = &l.profiles {
        res.profiles = p;
    }
    Ok(isnad_ner::Tagger::new(&l.model, res)?)
}

/// `isnad train clusters`: word clusters and trigger-context profiles from the corpora.
pub fn train_clusters(
    corpora: &[PathBuf],
    params: &ClusterParams,
    out: &Path,
    profiles_out: &Path,
) -> Result<()> {
    let counts = isnad_resources::word_counts();
    let gazetteer = isnad_resources::ner_gazetteer();
    let mut builder = ClusterBuilder::new();
    let mut profiles = ProfileBuilder::new();
    let mut articles = 0usize;
    let mut symbols: Vec<(String, bool)> = Vec::new();
    for a in crate::readable_articles(corpora) {
        articles += 1;
        let layers = isnad_text::analyze(&a.text, counts);
        for s in &layers.sentences {
            symbols.clear();
            for t in &layers.tokens[s.first_token as usize..s.end_token as usize] {
                symbols.push(match t.kind {
                    TokenKind::Arabic | TokenKind::Foreign => {
                        (layers.stem_text(t).to_string(), true)
                    }
                    TokenKind::Number => ("<num>".to_string(), false),
                    TokenKind::Punct => (layers.norm_text(t).to_string(), false),
                    _ => ("<other>".to_string(), false),
                });
            }
            builder.add_sentence(symbols.iter().map(|(s, c)| (s.as_str(), *c)));
            let words: Vec<Word> = layers.tokens[s.first_token as usize..s.end_token as usize]
                .iter()
                .map(|t| Word::from_token(&layers, t))
                .collect();
            profiles.add_sentence(&words, gazetteer);
        }
    }
    crate::articles_read(articles, corpora)?;
    eprintln!("isnad: {articles} articles read");
    let (clusters, order) = builder.build(params, &mut |line| eprintln!("isnad: {line}"));
    let comment = format!(
        "min_count={} contexts={} window={} dims={} seed={} articles={articles}; built by `isnad train clusters`",
        params.min_count, params.context_words, params.window, params.dims, params.seed
    );
    write_gz(out, clusters.to_tsv(order, &comment).as_bytes())?;
    eprintln!(
        "isnad: {} words in {} clusters written to {}",
        clusters.len(),
        (params.branching as usize).pow(params.depth),
        out.display()
    );
    let (p, order) = profiles.build(params.min_count as u32);
    let comment = format!(
        "min_count={} articles={articles}; built by `isnad train clusters`",
        params.min_count
    );
    write_gz(profiles_out, p.to_tsv(order, &comment).as_bytes())?;
    eprintln!(
        "isnad: {} word profiles written to {}",
        p.len(),
        profiles_out.display()
    );
    Ok(())
}

/// What `isnad train ner` reads.
pub struct TrainInput<'a> {
    /// The training file.
    pub train: &'a Path,
    /// A development file, if any.
    pub dev: Option<&'a Path>,
    /// Share of the training file held out when there is no development file.
    pub holdout: f64,
    /// Word clusters to use instead of the shipped ones.
    pub clusters: Option<&'a Path>,
    /// Profiles to use instead of the shipped ones.
    pub profiles: Option<&'a Path>,
    /// Cross-validate over this many folds instead of training one model.
    pub cv: Option<usize>,
    /// More training data, never scored.
    pub extra: &'a [PathBuf],
}

/// `isnad train ner`: trains the tagger; scores the held-out part, if any.
pub fn train_ner(input: &TrainInput<'_>, opts: &TrainOptions, out: &Path) -> Result<()> {
    let TrainInput {
        train,
        dev,
        holdout,
        clusters,
        profiles,
        cv,
        extra,
    } = *input;
    let mut data = read_conll(train)?;
    let mut extra_data = Vec::new();
    for path in extra {
        extra_data.extend(read_conll(path)?);
    }
    let dev_data = match dev {
        Some(d) => read_conll(d)?,
        None => {
            // The held-out part is the end of the file: whole articles, unseen in training.
            let keep = ((1.0 - holdout.clamp(0.0, 0.9)) * data.len() as f64).round() as usize;
            data.split_off(keep)
        }
    };
    let mut res = isnad_resources::ner_resources();
    let own_clusters;
    if let Some(path) = clusters {
        own_clusters = read_clusters(path)?;
        res.clusters = &own_clusters;
    }
    let own_profiles;
    if let Some(path) = profiles {
        own_profiles = read_profiles(path)?;
        res.profiles = &own_profiles;
    }
    eprintln!(
        "isnad: training on {} sentences, {} held out; {} gazetteer keys, {} clustered words",
        data.len(),
        dev_data.len(),
        res.gazetteer.len(),
        res.clusters.len()
    );
    let start = std::time::Instant::now();
    if let Some(folds) = cv {
        data.extend(dev_data);
        let (scores, per_fold) =
            isnad_ner::train::cross_validate(&data, &extra_data, &res, opts, folds, &mut |l| {
                eprintln!("isnad: {l}")
            });
        let mean = per_fold.iter().sum::<f64>() / per_fold.len() as f64;
        let sd = (per_fold.iter().map(|f| (f - mean).powi(2)).sum::<f64>()
            / (per_fold.len() as f64 - 1.0).max(1.0))
        .sqrt();
        println!(
            "{folds}-fold cross-validation on {} ({:.1} s): fold F1 mean {mean:.4} sd {sd:.4}\n{scores}",
            train.display(),
            start.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    data.extend(extra_data);
    let model = isnad_ner::train::train(&data, &dev_data, &res, opts, &mut |l| {
        eprintln!("isnad: {l}")
    });
    eprintln!("isnad: trained in {:.1} s", start.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    write_gz(out, &bytes)?;
    let size = std::fs::metadata(out)?.len();
    eprintln!(
        "isnad: model written to {} ({} + {} features, {:.2} MB gzipped)",
        out.display(),
        model.first.len(),
        model.second.as_ref().map_or(0, |s| s.len()),
        size as f64 / 1e6
    );
    if !dev_data.is_empty() {
        let tagger = isnad_ner::Tagger::new(&model, res)?;
        let (_, scores) = isnad_ner::evaluate(&tagger, &dev_data);
        println!("held-out scores of the written model:\n{scores}");
    }
    Ok(())
}

/// `isnad tag --conll FILE`: `token gold predicted` per line.
pub fn tag_conll(file: &Path, args: &crate::ModelArgs) -> Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let conll = Conll::parse(&text);
    let data = isnad_ner::read_conll(&conll, isnad_resources::word_counts());
    let loaded = load(
        args.model.as_deref(),
        args.clusters.as_deref(),
        args.profiles.as_deref(),
    )?;
    let tagger = tagger(&loaded)?;
    let (predicted, _) = isnad_ner::evaluate(&tagger, &data);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for (s, p) in conll.sentences.iter().zip(&predicted) {
        for ((token, gold), pred) in s.tokens.iter().zip(&s.labels).zip(p) {
            writeln!(out, "{token} {} {}", gold.as_str(), pred.as_str())?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// `isnad eval ner --conll FILE`: per-type and micro precision, recall and F1.
pub fn eval_ner(file: &Path, args: &crate::ModelArgs) -> Result<()> {
    let data = read_conll(file)?;
    let loaded = load(
        args.model.as_deref(),
        args.clusters.as_deref(),
        args.profiles.as_deref(),
    )?;
    let tagger = tagger(&loaded)?;
    let start = std::time::Instant::now();
    let (_, scores) = isnad_ner::evaluate(&tagger, &data);
    let tokens: usize = data.iter().map(|s| s.words.len()).sum();
    println!(
        "{}: {} sentences, {tokens} tokens (exact spans, CoNLL style)\n{scores}",
        file.display(),
        data.len()
    );
    eprintln!(
        "isnad: tagged in {:.2} s (features and decoding only)",
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
