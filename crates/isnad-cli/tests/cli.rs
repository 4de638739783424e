//! The `isnad` binary end to end: formats, exit codes, bad input in a batch, stdin.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

fn tmpdir(name: &str) -> tempfile::TempDir {
    common::scratch_dir(&format!("cli-{name}"))
}

#[test]
fn one_article_prints_pretty_json() {
    let path = common::repo().join("examples/articles/tunis-libya-talks.txt");
    let out = isnad().arg("analyze").arg(&path).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "isnad.analysis/1");
    assert_eq!(v["id"], "tunis-libya-talks");
    assert!(v["paragraphs"].as_array().unwrap().len() > 5);
}

#[test]
fn bad_files_fail_alone_and_the_batch_goes_on() {
    let tmp = tmpdir("batch");
    let d = tmp.path();
    std::fs::write(d.join("1-good.txt"), "قال الوزير إن المحادثات كانت مثمرة.").unwrap();
    std::fs::write(d.join("2-empty.txt"), "").unwrap();
    std::fs::write(
        d.join("3-binary.txt"),
        b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    let mut trunc = "وأضاف أن الجولة المقبلة".as_bytes().to_vec();
    trunc.pop();
    std::fs::write(d.join("4-truncated.txt"), trunc).unwrap();
    std::fs::write(d.join("5-good.txt"), "وتابع أن الحل سياسي.").unwrap();
    let out = isnad()
        .args(["analyze", "--no-progress"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some articles failed → exit 1");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["1-good", "2-empty", "3-binary", "4-truncated", "5-good"]
    );
    let errors: Vec<bool> = lines.iter().map(|v| v["error"].is_string()).collect();
    assert_eq!(errors, [false, true, true, true, false]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().count(),
        3,
        "one line per failed input: {stderr}"
    );
    assert!(stderr.contains("2-empty.txt: empty input"));
    assert!(stderr.contains("3-binary.txt: binary data"));
    assert!(stderr.contains("4-truncated.txt: truncated UTF-8"));
}

#[test]
fn stdin_and_text_report() {
    let mut child = isnad()
        .args(["analyze", "--format", "text", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "قال الوزير إن الحل سياسي.\nنص التغريدة هنا\n— الوزير (@minister) June 23, 2020"
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("═══ stdin ═══"));
    assert!(report.contains("@minister"));
    assert!(report.contains("2020-06-23"));
}

#[test]
fn usage_errors_exit_2() {
    let out = isnad()
        .args(["analyze", "--published", "yesterday", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = isnad().arg("analyze").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_events_as_csv_and_jsonl() {
    let path = common::repo().join("examples/articles/tunis-libya-talks.txt");
    let out = isnad()
        .args(["export", "events", "--no-progress"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("event_id,event_date,date_source,event_type,mode,status,actor1,"));
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty(), "the article has events");
    for r in &rows {
        assert!(r.starts_with("tunis-libya-talks:v"), "{r}");
    }
    let out = isnad()
        .args(["export", "events", "--no-progress", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let objs: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objs.len(), rows.len(), "one JSON object per CSV row");
    let text = std::fs::read_to_string(&path).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for o in &objs {
        // The trigger's offsets point at its text in the article.
        let (s, e) = (
            o["trigger_start"].as_u64().unwrap() as usize,
            o["trigger_end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[s..e].iter().collect();
        assert_eq!(slice, o["trigger"].as_str().unwrap());
        assert_eq!(o["article_id"], "tunis-libya-talks");
    }
}

#[test]
fn export_of_a_failed_article_reports_it_and_exits_1() {
    let tmp = tmpdir("export");
    let d = tmp.path();
    std::fs::write(d.join("1-good.txt"), "وقصفت الطائرات مواقع المسلحين أمس.").unwrap();
    std::fs::write(d.join("2-empty.txt"), "").unwrap();
    let out = isnad()
        .args(["export", "events", "--no-progress"])
        .arg(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 2, "header and the one event: {csv}");
    assert!(String::from_utf8(out.stderr).unwrap().contains("2-empty"));
}

#[test]
fn eval_timex_scores_timeml_files() {
    let tmp = tmpdir("timeml");
    let d = tmp.path();
    // doc1.tml is in the test split, doc2.tml in the dev split (eval/timeml-ar/split.tsv).
    std::fs::write(
        d.join("doc2.tml"),
        "<?xml version=\"1.0\"?>\n<TimeML>\nقال الوزير <TIMEX3 tid=\"t1\" type=\"DATE\" \
         value=\"2015-12-23\">أمس</TIMEX3> إن الاتفاق وقع <TIMEX3 tid=\"t2\" type=\"DATE\" \
         value=\"2003\">عام 2003</TIMEX3> بعد <TIMEX3 tid=\"t3\" type=\"DURATION\" \
         value=\"P3Y\">ثلاث سنوات</TIMEX3> من المفاوضات.\n</TimeML>",
    )
    .unwrap();
    std::fs::write(
        d.join("doc1.tml"),
        "<TimeML>وصل <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999\">اليوم</TIMEX3>.</TimeML>",
    )
    .unwrap();
    let out = isnad()
        .args(["eval", "timex", "--timeml"])
        .arg(d)
        .args(["--dct", "2015-12-24", "--errors"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("1 documents, 3 gold expressions"),
        "{stdout}"
    );
    let value_line = stdout.lines().find(|l| l.starts_with("value ")).unwrap();
    let figures: Vec<&str> = value_line.split_whitespace().collect();
    assert_eq!(figures[1], "1.000", "{stdout}");
    assert_eq!(figures[2], "1.000", "{stdout}");
    // The test split holds the other file, whose value is wrong.
    let out = isnad()
        .args(["eval", "timex", "--split", "test", "--timeml"])
        .arg(d)
        .arg("--errors")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("doc1.tml\twrong"), "{stdout}");
}

#[test]
fn corpus_commands_name_an_unreadable_input_and_fail_when_nothing_was_read() {
    let tmp = tmpdir("unreadable-corpus");
    let missing = tmp.path().join("no-such-corpus.jsonl");
    let binary = tmp.path().join("binary.txt");
    std::fs::write(&binary, b"\x7FELF\x02\x01\x01\0\0\0").unwrap();
    for args in [
        vec!["bench", "--stage", "text"],
        vec!["build", "lexicon", "--out"],
    ] {
        let mut cmd = isnad();
        cmd.args(&args);
        if args[0] == "build" {
            cmd.arg(tmp.path().join("lexicon.tsv"));
        }
        let out = cmd.arg(&missing).arg(&binary).output().unwrap();
        assert!(
            !out.status.success(),
            "{args:?} succeeded on no readable input"
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no-such-corpus.jsonl"), "{args:?}: {err}");
        assert!(err.contains("binary.txt"), "{args:?}: {err}");
        assert!(err.contains("no article could be read"), "{args:?}: {err}");
    }
    // One readable article is enough: the unreadable input is reported and skipped.
    let good = tmp.path().join("good.txt");
    std::fs::write(&good, "قال الوزير إن المحادثات كانت مثمرة.").unwrap();
    let out = isnad()
        .args(["bench", "--stage", "text"])
        .arg(&missing)
        .arg(&good)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-corpus.jsonl"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("corpus: 1 articles"));
}
