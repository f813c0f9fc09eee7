//! The parameters of a Prometheus call, read from the URL-encoded string that the ODH
//! backend's clients put in the JSON body (`{"query": "namespace=a&query=up&time=1"}`).
//!
//! Only the parameters of the Prometheus query API are kept; the request to Prometheus is
//! rebuilt from them, so anything else a client adds never reaches it.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// A parameter the tenancy port and the Prometheus query API understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Param {
    Namespace,
    Query,
    Time,
    Start,
    End,
    Step,
}

impl Param {
    pub const ALL: [Self; 6] = [
        Self::Namespace,
        Self::Query,
        Self::Time,
        Self::Start,
        Self::End,
        Self::Step,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Namespace => "namespace",
            Self::Query => "query",
            Self::Time => "time",
            Self::Start => "start",
            Self::End => "end",
            Self::Step => "step",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|param| param.name() == name)
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The known parameters of one call, decoded, plus the names of the ignored ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryParams {
    values: BTreeMap<Param, String>,
    /// Parameters the Prometheus query API does not take; they are not forwarded.
    pub ignored: Vec<String>,
}

/// Why the parameters cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamsError {
    /// A second value for the same parameter: the tenancy port would authorise one value and
    /// a later hop might use another, so it is refused outright.
    #[error("the \"{0}\" parameter is given more than once")]
    Duplicated(Param),
}

impl QueryParams {
    /// Decodes a URL query string (`+` and `%XX` decoded, as browsers' URLSearchParams
    /// encode). Every known parameter may appear once; an empty value counts as given.
    pub fn parse(text: &str) -> Result<Self, ParamsError> {
        let mut params = Self::default();
        for (name, value) in form_urlencoded::parse(text.as_bytes()) {
            match Param::from_name(&name) {
                Some(param) => {
                    if params.values.insert(param, value.into_owned()).is_some() {
                        return Err(ParamsError::Duplicated(param));
                    }
                }
                None => params.ignored.push(name.into_owned()),
            }
        }
        Ok(params)
    }

    /// A parameter's value; an empty value counts as missing, as prom-label-proxy drops
    /// empty values.
    pub fn get(&self, param: Param) -> Option<&str> {
        self.values
            .get(&param)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }
}

/// Recorded by the request log as `{"namespace": …, "query": …, "ignored": [...]}`.
impl Serialize for QueryParams {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (param, value) in &self.values {
            map.serialize_entry(param.name(), value)?;
        }
        if !self.ignored.is_empty() {
            map.serialize_entry("ignored", &self.ignored)?;
        }
        map.end()
    }
}
