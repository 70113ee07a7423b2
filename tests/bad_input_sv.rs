//! The bad-input fixtures in Swedish: each `tests/fixtures/bad/CASE.md` gives exactly the
//! diagnostics of `CASE.expected.sv` when the interface is Swedish — the same places and the same
//! number of problems as in English, in the user's words. `TRYCKSAK_BLESS=1` rewrites them.

mod common;

#[path = "common/bad_fixtures.rs"]
mod bad_fixtures;

#[test]
fn every_fixture_gives_its_expected_diagnostics_in_swedish() {
    trycksak::messages::set_lang(trycksak::messages::Lang::Sv);
    assert_eq!(trycksak::messages::lang(), trycksak::messages::Lang::Sv);
    bad_fixtures::check_all("expected.sv");
}

/// The Swedish expectations lie beside the English ones, one for one, and say the same number of
/// things at the same places.
#[test]
fn every_swedish_expectation_has_the_english_places() {
    let dir = common::repo().join("tests/fixtures/bad");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let english = std::fs::read_to_string(path.with_extension("expected")).unwrap();
            let swedish = std::fs::read_to_string(path.with_extension("expected.sv"))
                .unwrap_or_else(|_| panic!("no Swedish expectation for {}", path.display()));
            let places = |text: &str| -> Vec<String> {
                text.lines()
                    .map(|line| line.split(": ").take(2).collect::<Vec<_>>().join(": "))
                    .collect()
            };
            assert_eq!(places(&english), places(&swedish), "{}", path.display());
        }
    }
}
