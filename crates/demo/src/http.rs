//! A minimal HTTP/1.0 GET over loopback TCP: enough to probe Prometheus' readiness and to query
//! its API in tests, without an HTTP client stack in the development tools.
//!
//! HTTP/1.0 keeps the exchange trivial: the server closes the connection after the response and
//! never uses chunked encoding, so the body is whatever arrives before the end of the stream.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::DemoError;

/// A response: status code and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
}

/// `GET http://127.0.0.1:<port><path_and_query>`, all of it within `timeout`.
pub async fn get(
    port: u16,
    path_and_query: &str,
    timeout: Duration,
) -> Result<HttpResponse, DemoError> {
    let url = format!("http://127.0.0.1:{port}{path_and_query}");
    let failed = |reason: String| DemoError::Http {
        url: url.clone(),
        reason,
    };
    let exchange = async {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
        let request = format!(
            "GET {path_and_query} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept: */*\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).await?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await?;
        Ok::<_, std::io::Error>(response)
    };
    let response = match tokio::time::timeout(timeout, exchange).await {
        Ok(Ok(response)) => response,
        Ok(Err(error)) => return Err(failed(error.to_string())),
        Err(_) => {
            return Err(failed(format!(
                "no complete answer within {} ms",
                timeout.as_millis()
            )));
        }
    };
    parse_response(&response).map_err(failed)
}

/// Percent-encodes a query string value (everything but RFC 3986's unreserved characters).
pub fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

fn parse_response(response: &[u8]) -> Result<HttpResponse, String> {
    let header_end = response
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(|| "the answer has no end of headers".to_owned())?;
    let (head, rest) = response.split_at(header_end);
    let head = String::from_utf8_lossy(head);
    let status_line = head.lines().next().unwrap_or_default();
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| format!("malformed status line `{status_line}`"))?;
    let body = String::from_utf8_lossy(rest.get(4..).unwrap_or_default()).into_owned();
    Ok(HttpResponse { status, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_responses() {
        type Expected = Result<(u16, &'static str), ()>;
        let cases: [(&[u8], Expected); 4] = [
            (
                b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nReady.\n",
                Ok((200, "Ready.\n")),
            ),
            (b"HTTP/1.1 503 Service Unavailable\r\n\r\n", Ok((503, ""))),
            (b"HTTP/1.0 200 OK\r\n", Err(())),
            (b"garbage\r\n\r\n", Err(())),
        ];
        for (input, expected) in cases {
            let parsed = parse_response(input).map(|response| (response.status, response.body));
            match expected {
                Ok((status, body)) => assert_eq!(parsed, Ok((status, body.to_owned()))),
                Err(()) => assert!(parsed.is_err(), "{parsed:?}"),
            }
        }
    }

    #[test]
    fn encodes_promql() {
        assert_eq!(
            encode_query_value("sum by (le) (x{a=\"b\"})"),
            "sum%20by%20%28le%29%20%28x%7Ba%3D%22b%22%7D%29"
        );
        assert_eq!(encode_query_value("a-b_c.d~"), "a-b_c.d~");
    }
}
