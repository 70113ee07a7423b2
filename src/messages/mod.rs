//! The words of the interface — every error, warning, help text, progress line and page the user
//! of the command line reads — from one Project Fluent catalogue per language (`en.ftl`,
//! `sv.ftl` beside this file), as uutils' coreutils keep theirs. Code names a message by its id
//! and passes its values by name; a catalogue decides the words, their order and their plurals.
//!
//! The interface language is the user's, not the programme's: chosen once per process from
//! `--lang` or the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `sv…` is Swedish, anything else
//! English). The outputs' own words follow the programme's language ([`crate::i18n`]).

use std::sync::{LazyLock, OnceLock};

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    En,
    Sv,
}

impl Lang {
    /// Every interface language, in the order of [`CATALOGUES`].
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// The language a locale value names (`sv_SE.UTF-8`, `sv`, `en_US`, `C`): Swedish for
    /// `sv…`, English for anything else.
    pub fn of_locale(value: &str) -> Lang {
        if value
            .get(..2)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("sv"))
        {
            Lang::Sv
        } else {
            Lang::En
        }
    }

    /// The language of the environment's locale, as POSIX orders it: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; the first that is set and not empty decides.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| Lang::of_locale(&value))
    }
}

/// The catalogues, as files in the source tree and built into the binary.
pub const CATALOGUES: [(Lang, &str); 2] = [
    (Lang::En, include_str!("en.ftl")),
    (Lang::Sv, include_str!("sv.ftl")),
];

static CHOSEN: OnceLock<Lang> = OnceLock::new();

/// Sets the interface language for the rest of the process (the first call decides; later
/// ones are ignored, so that every message of one run is in one language).
pub fn set_lang(lang: Lang) {
    let _ = CHOSEN.set(lang);
}

/// The interface language: the one set, or English (the library's tests, and any caller that
/// did not choose).
pub fn lang() -> Lang {
    CHOSEN.get().copied().unwrap_or(Lang::En)
}

static BUNDLES: LazyLock<Vec<(Lang, FluentBundle<FluentResource>)>> = LazyLock::new(|| {
    CATALOGUES
        .iter()
        .map(|&(lang, text)| {
            // A catalogue that does not parse is caught by the catalogue tests; what parses of
            // it is still used.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let id = lang.tag().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around values: terminals and logs show them as noise.
            bundle.set_use_isolating(false);
            if lang == Lang::Sv {
                bundle.set_formatter(Some(decimal_comma));
            }
            let _ = bundle.add_resource(resource);
            (lang, bundle)
        })
        .collect()
});

/// The message `id` in the interface language, with `args` put in; an id one catalogue lacks
/// falls back to English, and one no catalogue has shows as itself (the completeness test
/// keeps both from happening).
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    text_in(lang(), id, args)
}

/// The message `id` in `lang` (for pages whose language is not the interface's).
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let (id, attribute) = id.split_once('.').map_or((id, None), |(m, a)| (m, Some(a)));
    for wanted in [lang, Lang::En] {
        let Some((_, bundle)) = BUNDLES.iter().find(|(l, _)| *l == wanted) else {
            continue;
        };
        let Some(message) = bundle.get_message(id) else {
            continue;
        };
        let pattern = match attribute {
            Some(name) => message.get_attribute(name).map(|a| a.value()),
            None => message.value(),
        };
        if let Some(pattern) = pattern {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// Swedish writes decimals with a comma: "9,5 pt".
fn decimal_comma<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(number.as_string().replace('.', ",")),
        _ => None,
    }
}

/// A number with the interface language's decimal mark and `places` decimals: "3.5" / "3,5".
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match lang() {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The message `id` of the interface's catalogue, with named values:
/// `t!("unknown-key", key = name, place = where)`. Numbers are passed as numbers (plurals are
/// chosen by them), everything else as text.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::messages::text($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::messages::FluentArgs::new();
        $( args.set(stringify!($name), $crate::messages::FluentValue::from($value)); )+
        $crate::messages::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
