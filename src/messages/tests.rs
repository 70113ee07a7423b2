//! The catalogues hold together: each parses, both have the same messages with the same values
//! to put in, and every message the code asks for is in them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

/// Each message's id (and `id.attribute`) with the `$variables` its text uses.
fn messages(catalogue: &str) -> BTreeMap<String, BTreeSet<String>> {
    let variable = regex::Regex::new(r"\$([A-Za-z][A-Za-z0-9_-]*)").unwrap();
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = String::new();
    for line in catalogue.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if let (true, Some((id, _))) = (starts_entry, line.split_once('=')) {
            current = id.trim().to_string();
        } else if let Some(rest) = line.trim_start().strip_prefix('.')
            && let Some((attribute, _)) = rest.split_once('=')
        {
            let message = current.split('.').next().unwrap_or_default().to_string();
            current = format!("{message}.{}", attribute.trim());
        }
        let entry = found.entry(current.clone()).or_default();
        for capture in variable.captures_iter(line) {
            entry.insert(capture[1].to_string());
        }
    }
    found
}

#[test]
fn every_catalogue_parses() {
    for (lang, text) in CATALOGUES {
        if let Err((_, errors)) = fluent_syntax::parser::parse(text) {
            panic!("{}.ftl does not parse: {errors:?}", lang.tag());
        }
    }
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_values() {
    let english = messages(CATALOGUES[0].1);
    let swedish = messages(CATALOGUES[1].1);
    let only_english: Vec<_> = english
        .keys()
        .filter(|k| !swedish.contains_key(*k))
        .collect();
    let only_swedish: Vec<_> = swedish
        .keys()
        .filter(|k| !english.contains_key(*k))
        .collect();
    assert!(
        only_english.is_empty(),
        "missing from sv.ftl: {only_english:?}"
    );
    assert!(
        only_swedish.is_empty(),
        "missing from en.ftl: {only_swedish:?}"
    );
    for (id, variables) in &english {
        assert_eq!(
            variables, &swedish[id],
            "`{id}` puts in other values in en.ftl and sv.ftl"
        );
    }
}

/// What `xgettext` does for gettext: every id the code names is looked for in the catalogue.
#[test]
fn every_message_the_code_names_is_in_the_catalogues() {
    let english = messages(CATALOGUES[0].1);
    let named = regex::Regex::new(r#"\bt!\(\s*"([^"]+)""#).unwrap();
    let mut missing = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                for capture in named.captures_iter(&code) {
                    if !english.contains_key(&capture[1]) {
                        missing.push(format!("{}: {}", path.display(), &capture[1]));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "not in the catalogues: {missing:#?}");
}

#[test]
fn a_message_is_in_the_language_asked_for_with_its_plural() {
    let mut args = FluentArgs::new();
    args.set("count", 1);
    assert_eq!(text_in(Lang::Sv, "test-plural", Some(&args)), "1 mening");
    args.set("count", 3);
    assert_eq!(text_in(Lang::Sv, "test-plural", Some(&args)), "3 meningar");
    assert_eq!(text_in(Lang::En, "test-plural", Some(&args)), "3 sentences");
    args.set("count", 2.5);
    assert_eq!(
        text_in(Lang::Sv, "test-plural", Some(&args)),
        "2,5 meningar"
    );
    assert_eq!(
        text_in(Lang::En, "test-plural", Some(&args)),
        "2.5 sentences"
    );
}

#[test]
fn a_message_reference_sees_the_values_of_the_message_that_refers_to_it() {
    let mut args = FluentArgs::new();
    args.set("key", "title");
    args.set("kind", "list");
    assert_eq!(
        text_in(Lang::Sv, "value-not-text", Some(&args)),
        "`title` måste vara text, inte en lista"
    );
}

#[test]
fn the_locale_chooses_swedish_only_for_swedish() {
    assert_eq!(Lang::of_locale("sv_SE.UTF-8"), Lang::Sv);
    assert_eq!(Lang::of_locale("sv"), Lang::Sv);
    assert_eq!(Lang::of_locale("en_US.UTF-8"), Lang::En);
    assert_eq!(Lang::of_locale("C"), Lang::En);
    assert_eq!(Lang::of_locale("s"), Lang::En);
}
