//! Fault injection: rules that make REST calls slow, fail with a status and a Magento error
//! body, or lose their connection, for N calls or with a probability.
//!
//! A rule matches by method (any when absent) and path pattern ([`path_matches`]). The first
//! matching rule whose probability draw succeeds acts on the call and uses up one of its
//! `times`; a rule used up is removed.

use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// Most rules kept at once.
pub const MAX_RULES: usize = 100;
/// Longest path pattern and longest message a rule takes, in bytes: a rule is matched against
/// every REST call, under one lock.
pub const MAX_PATTERN: usize = 2048;
pub const MAX_MESSAGE: usize = 4096;

/// A rule as posted to `POST /magemu/faults`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub method: Option<String>,
    pub path: String,
    pub latency_ms: Option<u64>,
    pub status: Option<u16>,
    /// The `message` of the error body (default: the status's reason phrase).
    pub message: Option<String>,
    #[serde(default)]
    pub drop: bool,
    pub times: Option<u64>,
    pub probability: Option<f64>,
}

/// A rule kept: its spec, its id and how many calls it acted on.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rule {
    pub id: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub drop: bool,
    /// Calls left to act on (`None`: every call).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub times: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    pub hits: u64,
}

/// What a rule does to one call.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub rule: u64,
    pub latency_ms: u64,
    pub outcome: Outcome,
}

/// After the latency: answer normally, answer an error, or close the connection.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass,
    Status(u16, String),
    Drop,
}

impl RuleSpec {
    /// The rule, or why it cannot be one.
    pub fn check(self, id: u64) -> Result<Rule, String> {
        if self.path.is_empty() {
            return Err("\"path\" must not be empty.".into());
        }
        if self.path.len() > MAX_PATTERN {
            return Err(format!("\"path\" must be at most {MAX_PATTERN} bytes."));
        }
        if self.message.as_ref().is_some_and(|m| m.len() > MAX_MESSAGE) {
            return Err(format!("\"message\" must be at most {MAX_MESSAGE} bytes."));
        }
        if let Some(status) = self.status {
            if !(200..=599).contains(&status) {
                return Err("\"status\" must be between 200 and 599.".into());
            }
        }
        if self.latency_ms.is_none() && self.status.is_none() && !self.drop {
            return Err("A rule needs \"latency_ms\", \"status\" or \"drop\".".into());
        }
        if self.drop && self.status.is_some() {
            return Err("A rule cannot both \"drop\" and answer a \"status\".".into());
        }
        if self.times == Some(0) {
            return Err("\"times\" must be at least 1.".into());
        }
        if let Some(p) = self.probability {
            if !(0.0..=1.0).contains(&p) {
                return Err("\"probability\" must be between 0 and 1.".into());
            }
        }
        Ok(Rule {
            id,
            method: self.method.map(|m| m.to_ascii_uppercase()),
            path: self.path,
            latency_ms: self.latency_ms,
            status: self.status,
            message: self.message,
            drop: self.drop,
            times: self.times,
            probability: self.probability,
            hits: 0,
        })
    }
}

/// The rules, in the order they were added.
#[derive(Debug, Default)]
pub struct Faults {
    rules: Mutex<(u64, Vec<Rule>)>,
}

impl Faults {
    /// Adds a rule; returns it with its id.
    pub fn add(&self, spec: RuleSpec) -> Result<Rule, String> {
        let mut guard = self.rules.lock().map_err(|_| "poisoned".to_owned())?;
        if guard.1.len() >= MAX_RULES {
            return Err(format!(
                "magemu keeps at most {MAX_RULES} fault rules: delete one first."
            ));
        }
        let rule = spec.check(guard.0 + 1)?;
        guard.0 += 1;
        guard.1.push(rule.clone());
        Ok(rule)
    }

    /// How many rules are kept.
    pub fn count(&self) -> usize {
        self.rules.lock().map(|g| g.1.len()).unwrap_or(0)
    }

    pub fn list(&self) -> Vec<Rule> {
        self.rules.lock().map(|g| g.1.clone()).unwrap_or_default()
    }

    /// Removes the rule `id`; false when there is none.
    pub fn remove(&self, id: u64) -> bool {
        self.rules
            .lock()
            .map(|mut g| {
                let before = g.1.len();
                g.1.retain(|r| r.id != id);
                g.1.len() != before
            })
            .unwrap_or(false)
    }

    pub fn clear(&self) {
        if let Ok(mut g) = self.rules.lock() {
            g.1.clear();
        }
    }

    /// What to do with a call of `method` on `path`; `draw` gives a number in [0, 1) per
    /// rule with a probability.
    pub fn decide(
        &self,
        method: &str,
        path: &str,
        mut draw: impl FnMut() -> f64,
    ) -> Option<Action> {
        let mut guard = self.rules.lock().ok()?;
        let rules = &mut guard.1;
        let index = rules.iter().position(|r| {
            r.method
                .as_ref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
                && path_matches(&r.path, path)
                && r.probability.is_none_or(|p| draw() < p)
        })?;
        let rule = &mut rules[index];
        rule.hits += 1;
        let action = Action {
            rule: rule.id,
            latency_ms: rule.latency_ms.unwrap_or(0),
            outcome: match (rule.drop, rule.status) {
                (true, _) => Outcome::Drop,
                (false, Some(status)) => Outcome::Status(
                    status,
                    rule.message.clone().unwrap_or_else(|| reason(status)),
                ),
                (false, None) => Outcome::Pass,
            },
        };
        if let Some(times) = rule.times.as_mut() {
            *times -= 1;
            if *times == 0 {
                rules.remove(index);
            }
        }
        Some(action)
    }
}

fn reason(status: u16) -> String {
    axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Fault injected by magemu")
        .to_owned()
}

/// Whether `pattern` matches `path` or its service part (from `/V1/` on, so `/V1/orders` matches
/// `/rest/default/V1/orders` too). A pattern with `*` must match whole, `*` standing for any run
/// of characters (slashes included); a pattern without is a prefix.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let service = path.find("/V1/").map(|i| &path[i..]);
    std::iter::once(path)
        .chain(service)
        .any(|candidate| match pattern.contains('*') {
            true => glob(pattern, candidate),
            false => candidate.starts_with(pattern),
        })
}

/// `*`-only glob, whole match, in linear time: the text before the first star must begin
/// `text`, the one after the last must end it, and each one between is found at its leftmost
/// place after the one before (leftmost leaves the most room, so it never misses a match). The
/// backtracking glob it replaces took the product of the two lengths: a 20 KB pattern over the
/// journal's 40 KB paths held the journal's lock, and every request, for seconds.
fn glob(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let mut parts = parts.peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            // The text after the last star ends the text, after everything matched before it.
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    // No star: the whole pattern was the prefix.
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(json: serde_json::Value) -> RuleSpec {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn patterns() {
        let cases = [
            ("/V1/orders", "/rest/default/V1/orders/3", true),
            ("/rest/V1/orders", "/rest/V1/orders", true),
            ("/rest/V1/orders", "/rest/default/V1/orders", false),
            ("/rest/*/V1/orders", "/rest/default/V1/orders", true),
            ("/rest/*/V1/orders", "/rest/default/V1/orders/3", false),
            ("*/invoice", "/rest/V1/order/3/invoice", true),
            (
                "/V1/order/*/invoice",
                "/index.php/rest/V1/order/3/invoice",
                true,
            ),
            ("/V1/order/*/invoice", "/rest/V1/order/3/ship", false),
            ("*", "/anything", true),
            ("/V1/invoices", "/rest/V1/orders", false),
        ];
        for (pattern, path, expected) in cases {
            assert_eq!(path_matches(pattern, path), expected, "{pattern} on {path}");
        }
    }

    /// The reference: the glob's definition, by recursion.
    fn defined(pattern: &[u8], text: &[u8]) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some((b'*', rest)) => (0..=text.len()).any(|i| defined(rest, &text[i..])),
            Some((c, rest)) => text.first() == Some(c) && defined(rest, &text[1..]),
        }
    }

    #[test]
    fn glob_edges() {
        for (pattern, text, expected) in [
            ("a*b*c", "abc", true),
            ("a*a", "a", false),
            ("*aa*aa*", "aaa", false),
            ("*aa*aa*", "aaaa", true),
            ("**", "", true),
            ("a*", "a", true),
            ("*a", "", false),
            ("*ab", "aab", true),
        ] {
            assert_eq!(glob(pattern, text), expected, "{pattern} on {text}");
        }
        // The review's case: 20 KB of pattern on 40 KB of path, once seconds, now linear.
        let pattern = format!("*{}b", "a".repeat(20_000));
        assert!(!glob(&pattern, &"a".repeat(40_000)));
    }

    proptest::proptest! {
        #[test]
        fn glob_is_its_definition(pattern in "[ab*]{0,8}", text in "[ab]{0,10}") {
            proptest::prop_assert_eq!(
                glob(&pattern, &text),
                defined(pattern.as_bytes(), text.as_bytes())
            );
        }
    }

    #[test]
    fn rules_are_checked() {
        let refused = [
            serde_json::json!({"path": "/V1/orders"}),
            serde_json::json!({"path": "", "status": 503}),
            serde_json::json!({"path": "/V1", "status": 99}),
            serde_json::json!({"path": "/V1", "status": 503, "drop": true}),
            serde_json::json!({"path": "/V1", "drop": true, "times": 0}),
            serde_json::json!({"path": "/V1", "drop": true, "probability": 1.5}),
            serde_json::json!({"path": "/".repeat(MAX_PATTERN + 1), "drop": true}),
            serde_json::json!({"path": "/V1", "status": 503, "message": "m".repeat(MAX_MESSAGE + 1)}),
        ];
        for r in refused {
            assert!(spec(r.clone()).check(1).is_err(), "{r}");
        }
        assert!(
            serde_json::from_value::<RuleSpec>(serde_json::json!({"path": "/", "stauts": 1}))
                .is_err()
        );
    }

    #[test]
    fn at_most_max_rules() {
        let faults = Faults::default();
        let rule = || spec(serde_json::json!({"path": "/V1/orders", "latency_ms": 1}));
        for _ in 0..MAX_RULES {
            faults.add(rule()).unwrap();
        }
        assert_eq!(
            faults.add(rule()),
            Err("magemu keeps at most 100 fault rules: delete one first.".into())
        );
        assert_eq!(faults.list().len(), MAX_RULES);
        assert!(faults.remove(7));
        assert_eq!(faults.add(rule()).map(|r| r.id), Ok(101));
    }

    #[test]
    fn a_rule_acts_times_then_goes() {
        let faults = Faults::default();
        let rule = faults
            .add(spec(serde_json::json!({"method": "post", "path": "/V1/orders", "status": 503, "times": 2})))
            .unwrap();
        assert_eq!(rule.id, 1);
        assert_eq!(faults.decide("GET", "/rest/V1/orders", || 0.0), None);
        let expected = Action {
            rule: 1,
            latency_ms: 0,
            outcome: Outcome::Status(503, "Service Unavailable".into()),
        };
        assert_eq!(
            faults.decide("POST", "/rest/V1/orders", || 0.0),
            Some(expected.clone())
        );
        assert_eq!(faults.list()[0].hits, 1);
        assert_eq!(
            faults.decide("POST", "/rest/V1/orders", || 0.0),
            Some(expected)
        );
        assert_eq!(faults.decide("POST", "/rest/V1/orders", || 0.0), None);
        assert!(faults.list().is_empty());
    }

    #[test]
    fn probability_and_order() {
        let faults = Faults::default();
        faults
            .add(spec(
                serde_json::json!({"path": "/V1", "drop": true, "probability": 0.25}),
            ))
            .unwrap();
        faults
            .add(spec(serde_json::json!({"path": "/V1", "latency_ms": 5})))
            .unwrap();
        let drop = faults.decide("GET", "/rest/V1/orders", || 0.1).unwrap();
        assert_eq!((drop.rule, drop.outcome), (1, Outcome::Drop));
        let slow = faults.decide("GET", "/rest/V1/orders", || 0.9).unwrap();
        assert_eq!(
            (slow.rule, slow.latency_ms, slow.outcome),
            (2, 5, Outcome::Pass)
        );
        assert!(faults.remove(1));
        assert!(!faults.remove(1));
        faults.clear();
        assert!(faults.list().is_empty());
    }
}
