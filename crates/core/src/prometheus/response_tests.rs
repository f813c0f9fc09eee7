use super::*;
use crate::prometheus::{NativeBucket, NativePoint, QueryError, ResultType, Sample};

fn odh(response: &str) -> String {
    format!(r#"{{"code": 200, "response": {response}}}"#)
}

#[test]
fn decodes_matrix_vector_and_scalar() {
    let matrix = odh(
        r#"{"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"__name__":"up","pod":"a"},"values":[[1700000000,"1"],[1700000060.5,"NaN"],[1700000120,"+Inf"]]}]},
            "warnings":["too many samples"]}"#,
    );
    let result = decode_odh_reply(200, &matrix).unwrap();
    assert_eq!(result.result_type, ResultType::Matrix);
    assert_eq!(result.warnings, ["too many samples"]);
    let samples = result.series[0].samples.to_vec();
    assert_eq!(
        samples[0],
        Sample {
            time_ms: 1_700_000_000_000,
            value: 1.0
        }
    );
    assert_eq!(samples[1].time_ms, 1_700_000_060_500);
    assert!(samples[1].value.is_nan());
    assert_eq!(samples[2].value, f64::INFINITY);
    assert_eq!(result.series[0].labels.get("pod"), Some("a"));

    let vector = odh(
        r#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"42"]}]}}"#,
    );
    let result = decode_odh_reply(200, &vector).unwrap();
    assert_eq!(
        (result.result_type, result.series[0].samples.values()[0]),
        (ResultType::Vector, 42.0)
    );

    let scalar =
        odh(r#"{"status":"success","data":{"resultType":"scalar","result":[1700000000,"3.5"]}}"#);
    assert_eq!(
        decode_odh_reply(200, &scalar).unwrap().series[0]
            .samples
            .values()[0],
        3.5
    );
}

#[test]
fn decodes_native_histograms() {
    let matrix = odh(
        r#"{"status":"success","data":{"resultType":"matrix","result":[
            {"metric":{"job":"a"},"histograms":[[1700000000,{"count":"3","sum":"1.5","buckets":[[0,"0.5","1","1"],[0,"1","2","2"]]}]]},
            {"metric":{"job":"b"},"values":[[1700000000,"1"]]}]}}"#,
    );
    let result = decode_odh_reply(200, &matrix).unwrap();
    assert_eq!(result.series.len(), 1);
    assert_eq!(result.series[0].labels.get("job"), Some("b"));
    let native = &result.native[0];
    assert_eq!(native.labels.get("job"), Some("a"));
    assert_eq!(
        native.points[0],
        NativePoint {
            time_ms: 1_700_000_000_000,
            count: 3.0,
            sum: 1.5,
            buckets: vec![
                NativeBucket {
                    lower: 0.5,
                    upper: 1.0,
                    count: 1.0
                },
                NativeBucket {
                    lower: 1.0,
                    upper: 2.0,
                    count: 2.0
                },
            ],
        }
    );
    let vector = odh(
        r#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"histogram":[1700000000,{"count":"1","sum":"2","buckets":[[3,"-1","+Inf","1"]]}]}]}}"#,
    );
    let result = decode_odh_reply(200, &vector).unwrap();
    assert!(result.series.is_empty());
    assert_eq!(result.native[0].points[0].buckets[0].upper, f64::INFINITY);
}

#[test]
fn results_of_the_wrong_shape_are_malformed() {
    // Each reply is successful but its result does not match its resultType.
    let cases = [
        (r#""matrix","result":[[1700000000,"1"]]"#, "not a series"),
        (r#""vector","result":[1700000000,"1"]"#, "not a series"),
        (r#""scalar","result":[{"metric":{}}]"#, "scalar"),
        (r#""scalar","result":[1700000000]"#, "scalar"),
        (r#""scalar","result":["1",1700000000]"#, "scalar"),
        (r#""matrix","result":{"metric":{}}"#, "invalid type"),
        (
            r#""matrix","result":[{"values":[[1700000000,1]]}]"#,
            "invalid type",
        ),
        (
            r#""exemplars","result":[[true,null]]"#,
            "unknown result type",
        ),
    ];
    for (data, expected) in cases {
        let reply = odh(&format!(
            r#"{{"status":"success","data":{{"resultType":{data}}}}}"#
        ));
        match decode_odh_reply(200, &reply) {
            Err(QueryError::Malformed(message)) => {
                assert!(message.contains(expected), "{data}: {message}");
            }
            other => panic!("{data}: {other:?}"),
        }
    }
}

#[test]
fn the_result_may_come_before_its_type_and_values_may_be_escaped() {
    let reply = odh(
        r#"{"status":"success","data":{"result":[{"metric":{"a":"b"},"values":[[1700000000,"1\u002e5"]]}],"resultType":"matrix"}}"#,
    );
    let result = decode_odh_reply(200, &reply).unwrap();
    assert_eq!(result.series[0].samples.values()[0], 1.5);
    let string =
        odh(r#"{"status":"success","data":{"resultType":"string","result":[1700000000,"text"]}}"#);
    assert_eq!(
        decode_odh_reply(200, &string).unwrap().result_type,
        ResultType::String
    );
}

#[test]
fn errors_keep_the_message_and_say_what_kind() {
    let bad_query = r#"{"statusCode":400,"error":"Bad Request","message":"parse error: unexpected end of input"}"#;
    assert_eq!(
        decode_odh_reply(400, bad_query),
        Err(QueryError::Rejected {
            status: 400,
            message: "parse error: unexpected end of input".into()
        })
    );
    let down = r#"{"code":503,"response":"Prometheus is not reachable"}"#;
    let error = decode_odh_reply(503, down).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the metrics service is unavailable: Prometheus is not reachable (HTTP 503)"
    );
    assert_eq!(
        decode_odh_reply(403, "<html>").unwrap_err().to_string(),
        "you do not have access to the metrics of this project (HTTP 403)"
    );
    assert!(matches!(
        decode_odh_reply(200, "{\"code\":200}"),
        Err(QueryError::Malformed(_))
    ));
    let failed = odh(r#"{"status":"error","errorType":"bad_data","error":"invalid parameter"}"#);
    assert_eq!(
        decode_odh_reply(200, &failed),
        Err(QueryError::Rejected {
            status: 400,
            message: "invalid parameter".into()
        })
    );
}
