//! Puts `namespace="<ns>"` on every selector of a PromQL query.
//!
//! The rules are prom-label-proxy's with `--error-on-replace`, for one enforced value:
//!
//! - every vector selector, and the selector inside every matrix selector, gets
//!   `namespace="<ns>"`, wherever it sits (function arguments, aggregation parameters,
//!   binary operands, subqueries, with `offset` or `@`);
//! - a user matcher on `namespace` that can match the enforced value is dropped (the
//!   enforced one makes it redundant); one that can never match it is a conflict, refused
//!   with "conflicting label matcher" as the real proxy does;
//! - what the real parser would refuse is refused too: promql-parser's non-standard
//!   `{a="1" or b="2"}`, and the experimental functions and aggregations that the tenancy
//!   port does not enable (among them `info()`, which reads `target_info` implicitly).
//!
//! The walk matches every node kind exhaustively, so a new kind in a future promql-parser
//! fails to compile here instead of slipping through.

use promql_parser::label::{MatchOp, Matcher};
use promql_parser::parser::token::{T_LIMIT_RATIO, T_LIMITK};
use promql_parser::parser::{self, Expr, VectorSelector};

/// The label the tenancy port enforces.
pub const NAMESPACE_LABEL: &str = "namespace";

/// Why a query is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TenancyError {
    #[error("failed to parse query string: {0}")]
    Parse(String),
    #[error(
        "conflicting label matcher: label matcher {matcher:?} conflicts with injected matcher \
         {injected:?}"
    )]
    ConflictingMatcher { matcher: String, injected: String },
    #[error(
        "failed to parse query string: the selector {{{selector}}} uses `or` between label \
         matchers, which Prometheus does not support"
    )]
    OrMatchers { selector: String },
    #[error(
        "failed to parse query string: {name}() is an experimental PromQL feature that the \
         tenancy port does not enable"
    )]
    Experimental { name: String },
    /// The printed query did not read back with the namespace on every selector. It means a
    /// bug in printing or parsing; the query is not sent.
    #[error("failed to enforce label: {0}")]
    Verification(String),
}

impl TenancyError {
    /// Whether the fault is the caller's (400) rather than the server's (500).
    pub fn is_client_error(&self) -> bool {
        !matches!(self, Self::Verification(_))
    }
}

/// Rewrites `query` so that it only reads series of `namespace`, and returns the text to send
/// to Prometheus.
pub fn enforce_namespace(query: &str, namespace: &str) -> Result<String, TenancyError> {
    let mut expr = parser::parse(query).map_err(TenancyError::Parse)?;
    let injected = Matcher::new(MatchOp::Equal, NAMESPACE_LABEL, namespace);
    rewrite(&mut expr, &injected)?;
    let rewritten = expr.to_string();
    // Read the printed text back: what Prometheus receives must be what was checked.
    let reread = parser::parse(&rewritten).map_err(|error| {
        TenancyError::Verification(format!(
            "the rewritten query {rewritten:?} does not parse: {error}"
        ))
    })?;
    verify(&reread, namespace)
        .map_err(|problem| TenancyError::Verification(format!("{problem} in {rewritten:?}")))?;
    Ok(rewritten)
}

fn rewrite(expr: &mut Expr, injected: &Matcher) -> Result<(), TenancyError> {
    match expr {
        Expr::VectorSelector(selector) => enforce_selector(selector, injected),
        Expr::MatrixSelector(matrix) => enforce_selector(&mut matrix.vs, injected),
        Expr::Aggregate(aggregate) => {
            let op = aggregate.op.id();
            if op == T_LIMITK || op == T_LIMIT_RATIO {
                return Err(TenancyError::Experimental {
                    name: aggregate.op.to_string(),
                });
            }
            // The parameter (topk's k, quantile's φ) is an expression too and may hold a
            // selector, e.g. `topk(scalar(count(x)), y)`.
            if let Some(param) = &mut aggregate.param {
                rewrite(param, injected)?;
            }
            rewrite(&mut aggregate.expr, injected)
        }
        Expr::Call(call) => {
            if call.func.experimental {
                return Err(TenancyError::Experimental {
                    name: call.func.name.to_owned(),
                });
            }
            call.args
                .args
                .iter_mut()
                .try_for_each(|argument| rewrite(argument, injected))
        }
        Expr::Binary(binary) => {
            rewrite(&mut binary.lhs, injected)?;
            rewrite(&mut binary.rhs, injected)
        }
        Expr::Unary(unary) => rewrite(&mut unary.expr, injected),
        Expr::Paren(paren) => rewrite(&mut paren.expr, injected),
        Expr::Subquery(subquery) => rewrite(&mut subquery.expr, injected),
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) => Ok(()),
        // The parser never makes extension nodes; refusing keeps an unknown node from
        // hiding a selector.
        Expr::Extension(_) => Err(TenancyError::Verification(
            "the query holds an extension node, which cannot be checked".to_owned(),
        )),
    }
}

fn enforce_selector(selector: &mut VectorSelector, injected: &Matcher) -> Result<(), TenancyError> {
    if !selector.matchers.or_matchers.is_empty() {
        return Err(TenancyError::OrMatchers {
            selector: selector.matchers.to_string(),
        });
    }
    let mut kept = Vec::with_capacity(selector.matchers.matchers.len() + 1);
    for matcher in selector.matchers.matchers.drain(..) {
        if matcher.name != NAMESPACE_LABEL {
            kept.push(matcher);
        } else if matcher.is_match(&injected.value) {
            // Redundant next to the enforced matcher: dropped, as the real proxy does.
        } else {
            return Err(TenancyError::ConflictingMatcher {
                matcher: matcher.to_string(),
                injected: injected.to_string(),
            });
        }
    }
    kept.push(injected.clone());
    selector.matchers.matchers = kept;
    Ok(())
}

/// Checks that every selector has exactly one matcher on the namespace label, and that it is
/// `namespace="<ns>"`.
fn verify(expr: &Expr, namespace: &str) -> Result<(), String> {
    match expr {
        Expr::VectorSelector(selector) => verify_selector(selector, namespace),
        Expr::MatrixSelector(matrix) => verify_selector(&matrix.vs, namespace),
        Expr::Aggregate(aggregate) => {
            if let Some(param) = &aggregate.param {
                verify(param, namespace)?;
            }
            verify(&aggregate.expr, namespace)
        }
        Expr::Call(call) => call
            .args
            .args
            .iter()
            .try_for_each(|argument| verify(argument, namespace)),
        Expr::Binary(binary) => {
            verify(&binary.lhs, namespace)?;
            verify(&binary.rhs, namespace)
        }
        Expr::Unary(unary) => verify(&unary.expr, namespace),
        Expr::Paren(paren) => verify(&paren.expr, namespace),
        Expr::Subquery(subquery) => verify(&subquery.expr, namespace),
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) => Ok(()),
        Expr::Extension(_) => Err("an extension node".to_owned()),
    }
}

fn verify_selector(selector: &VectorSelector, namespace: &str) -> Result<(), String> {
    let on_namespace: Vec<&Matcher> = selector
        .matchers
        .matchers
        .iter()
        .chain(selector.matchers.or_matchers.iter().flatten())
        .filter(|matcher| matcher.name == NAMESPACE_LABEL)
        .collect();
    let enforced = selector.matchers.or_matchers.is_empty()
        && matches!(on_namespace.as_slice(),
            [only] if only.op == MatchOp::Equal && only.value == namespace);
    if enforced {
        Ok(())
    } else {
        Err(format!(
            "a selector without exactly {NAMESPACE_LABEL}={namespace:?}"
        ))
    }
}
