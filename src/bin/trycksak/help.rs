//! The command line in the interface language: every command's and option's help text, the
//! help page's headings, the examples, and clap's usage errors, from the catalogues
//! (`help-<command>-<option>` messages). clap has no localisation of its own; its builder lets
//! every text be set, which is what this does before parsing.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use trycksak::messages::Lang;

/// `--lang` as written on the command line before the command, read before clap parses it: the
/// help clap prints while parsing must already be in that language.
pub fn language_asked_for() -> Option<Lang> {
    // Up to the command (the first word that is no option or an option's value).
    let mut args: Vec<String> = Vec::new();
    let mut all = std::env::args().skip(1);
    while let Some(arg) = all.next() {
        if !arg.starts_with('-') {
            break;
        }
        let takes_value = matches!(
            arg.as_str(),
            "--lang" | "-C" | "--project" | "--diagnostic-format" | "--color"
        );
        args.push(arg);
        if takes_value && let Some(value) = all.next() {
            args.push(value);
        }
    }
    let value = args.iter().enumerate().find_map(|(i, arg)| {
        arg.strip_prefix("--lang=").map(str::to_string).or_else(|| {
            (arg == "--lang")
                .then(|| args.get(i + 1).cloned())
                .flatten()
        })
    })?;
    match value.as_str() {
        "sv" => Some(Lang::Sv),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The message id of the help of `arg` (or of the command itself, for `None`) of the command
/// at `path` (`["trycksak", "new", "region"]`).
pub fn help_id(path: &[&str], arg: Option<&str>) -> String {
    let mut id = String::from("help");
    for part in path.iter().skip(1) {
        id.push('-');
        id.push_str(part);
    }
    id.push('-');
    id.push_str(&arg.unwrap_or("about").replace('_', "-"));
    id
}

/// The help text of `arg` of the command at `path`: its own message, else the one shared by
/// the commands that take the same option (`help-any-out` for `build`, `watch`, `serve`).
pub fn help_text(path: &[&str], arg: &str) -> Option<String> {
    [
        help_id(path, Some(arg)),
        help_id(&["trycksak", "any"], Some(arg)),
    ]
    .into_iter()
    .map(|id| (trycksak::messages::text(&id, None), id))
    .find(|(text, id)| text != id)
    .map(|(text, _)| text)
}

/// Options a campaign worker rarely needs: listed under their own heading, after the others.
const ADVANCED: &[&str] = &[
    "shard",
    "timings",
    "jobs",
    "timeout",
    "diagnostic_format",
    "poll",
    "json",
];

/// `command` with its texts from the catalogue, recursively.
pub fn localise(command: Command) -> Command {
    localise_at(command, &mut vec!["trycksak".to_string()])
}

fn localise_at(mut command: Command, path: &mut Vec<String>) -> Command {
    let parts: Vec<&str> = path.iter().map(String::as_str).collect();
    let about = trycksak::messages::text(&help_id(&parts, None), None);
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let help = help_text(&parts, &id).unwrap_or_default();
        // `--help` lists `--format`'s values; `-h` keeps to a line an option.
        let long_help = (id == "format").then(|| format!("{help}{}", kinds_listed()));
        let heading = if ADVANCED.contains(&id.as_str()) {
            t!("help-heading-advanced")
        } else {
            t!("help-heading-options")
        };
        command = command.mut_arg(id.as_str(), |arg| {
            let heading = if arg.is_positional() {
                t!("help-heading-arguments")
            } else {
                heading
            };
            // The values are explained in the help text itself (clap's own lists are English).
            let arg = arg
                .help(help)
                .help_heading(heading)
                .hide_possible_values(id == "diagnostic_format" || id == "format");
            match long_help {
                Some(long) => arg.long_help(long),
                None => arg,
            }
        });
    }
    let is_root = path.len() == 1;
    command = command
        .about(about)
        .subcommand_help_heading(t!("help-heading-commands"))
        .subcommand_value_name(t!("help-value-command"))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t!("help-heading-usage")
        ))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("help-flag"))
                .help_heading(t!("help-heading-options")),
        );
    if is_root {
        command = command
            .after_help(t!("help-examples"))
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help(t!("help-version"))
                    .help_heading(t!("help-heading-options")),
            );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        path.push(name.clone());
        let sub = command
            .find_subcommand(&name)
            .cloned()
            .expect("a subcommand listed is found");
        let sub = localise_at(sub, path);
        command = command.mut_subcommand(&name, |_| sub);
        path.pop();
    }
    command
}

/// `--format`'s values, each with what it is, in the interface language: clap's own list of
/// them has an English heading.
fn kinds_listed() -> String {
    let mut listed = format!("\n\n{}:", t!("help-heading-values"));
    for kind in trycksak::output::KINDS {
        let about = trycksak::messages::text(&format!("help-kind-{}", kind.name()), None);
        listed.push_str(&format!("\n- {}: {about}", kind.name()));
    }
    listed
}

/// Prints clap's help, version or usage error in the interface language and gives its exit
/// status (0 for help and version, 2 for a usage error).
pub fn exit_on(err: clap::Error) -> ExitCode {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) || trycksak::messages::lang() == Lang::En
        && !matches!(
            err.kind(),
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        let _ = err.print();
        return ExitCode::from(err.exit_code() as u8);
    }
    if err.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = err.print();
        return ExitCode::from(2);
    }
    let text = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let message = match err.kind() {
        ErrorKind::UnknownArgument => t!(
            "usage-unknown-argument",
            arg = text(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => {
            t!(
                "usage-unknown-command",
                command = text(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => t!(
            "usage-invalid-value",
            value = text(ContextKind::InvalidValue),
            arg = text(ContextKind::InvalidArg),
            valid = text(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation => t!(
            "usage-invalid-value",
            value = text(ContextKind::InvalidValue),
            arg = text(ContextKind::InvalidArg),
            valid = text(ContextKind::Custom)
        ),
        ErrorKind::MissingRequiredArgument => {
            t!(
                "usage-missing-argument",
                arg = text(ContextKind::InvalidArg)
            )
        }
        ErrorKind::ArgumentConflict => t!(
            "usage-conflict",
            arg = text(ContextKind::InvalidArg),
            other = text(ContextKind::PriorArg)
        ),
        ErrorKind::MissingSubcommand => t!("usage-missing-command"),
        _ => {
            let _ = err.print();
            return ExitCode::from(2);
        }
    };
    eprintln!("{}: {message}", t!("error"));
    let suggestion = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand]
        .into_iter()
        .map(text)
        .find(|s| !s.is_empty());
    if let Some(suggestion) = suggestion {
        eprintln!("\n  {}", t!("did-you-mean", name = suggestion));
    }
    let usage = text(ContextKind::Usage);
    if !usage.is_empty() {
        let usage = usage.trim_start_matches("Usage:").trim();
        eprintln!("\n{} {usage}", t!("help-heading-usage"));
    }
    eprintln!("\n{}", t!("usage-more-help"));
    ExitCode::from(2)
}
