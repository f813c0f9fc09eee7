//! PromQL for the native tools (the development backend and the `obsctl` CLI): one parser,
//! promql-parser, behind bounds that keep it from panicking or overflowing a stack.
//!
//! promql-parser is recursive and panics on some numbers where durations go (see
//! [`limits`]); [`parse`] checks the bounds first and catches a panic that gets through
//! anyway. Deeply nested queries still recurse as deep as they nest: callers parse on a thread
//! with a large stack ([`PARSE_STACK_BYTES`]).

pub mod limits;
pub mod numbers;

pub use limits::LimitError;
/// The parser itself, for callers that walk its syntax tree.
pub use promql_parser;
pub use promql_parser::parser::Expr;

/// The stack a thread that parses queries needs: the parser, a rewrite, printing and dropping
/// the tree all recurse as deep as a query nests, and the limits keep that well below this.
pub const PARSE_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Why a query cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Over a bound, or a number where a duration goes that Prometheus refuses.
    #[error(transparent)]
    Limit(#[from] LimitError),
    /// The parser's own message.
    #[error("{0}")]
    Syntax(String),
    /// The parser panicked: a bug of the parser, reported rather than crashing the caller.
    #[error("the PromQL parser failed on this query")]
    ParserFailed,
}

/// Checks the bounds, then parses. Call it on a thread with [`PARSE_STACK_BYTES`] of stack.
pub fn parse(query: &str) -> Result<Expr, ParseError> {
    limits::check(query)?;
    // With unwinding (the dev profile, `--profile server`), a parser panic is an error here
    // instead of the end of the process; the bounds keep the known ones out in any profile.
    match std::panic::catch_unwind(|| promql_parser::parser::parse(query)) {
        Ok(Ok(expr)) => Ok(expr),
        Ok(Err(message)) => Err(ParseError::Syntax(message)),
        Err(_) => Err(ParseError::ParserFailed),
    }
}

/// How much of an input a message quotes.
const SHOWN_CHARS: usize = 100;

/// An input (a name, a path, a token of a query) as a message quotes it: enough to find it,
/// never the whole of a long one, so a message never grows with a hostile input.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_refuses_before_the_parser_panics() {
        assert!(parse("sum(rate(x[5m]))").is_ok());
        for (query, fragment) in [
            ("x offset Inf", "not a finite number"),
            ("sum(rate(x[5m])", "unclosed"),
            ("x[1e30]", "292 years"),
        ] {
            let error = parse(query).map(|_| ()).unwrap_err().to_string();
            assert!(error.contains(fragment), "{query}: {error}");
        }
    }

    #[test]
    fn long_input_is_quoted_short() {
        assert_eq!(shown("abc"), "abc");
        let long = "é".repeat(500);
        assert_eq!(shown(&long).chars().count(), SHOWN_CHARS + 1);
    }
}
