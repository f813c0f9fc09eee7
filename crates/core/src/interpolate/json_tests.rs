use super::stringify_values;

#[test]
fn values_are_stringified_as_javascript_does() {
    for (values, expected) in [
        (&["1.0", "1e3", "-0", "2.50"][..], "[1,1000,0,2.5]"),
        (&["a", "", "say \"hi\""][..], r#"["a","","say \"hi\""]"#),
        (&["true", "null", "\"s\""][..], r#"[true,null,"s"]"#),
        // Keys in their order, a repeated key in its first place with its last value,
        // integer keys first.
        (
            &[r#"{"b":1,"a":[1.50,2],"b":3}"#][..],
            r#"[{"b":3,"a":[1.5,2]}]"#,
        ),
        (
            &[r#"{"z":0,"2":0,"1":0,"01":0}"#][..],
            r#"[{"1":0,"2":0,"z":0,"01":0}]"#,
        ),
        // Exact reading, overflow to Infinity (null), whitespace around.
        (
            &[
                "12345678901234567890",
                "0.069977848286370165",
                "1e400",
                " 7 ",
            ][..],
            "[12345678901234567000,0.06997784828637016,null,7]",
        ),
        // Not JSON: kept as text.
        (
            &["[1, 2", "01", "1.", "+1", "'a'", "[1,]", r#""\u+041""#][..],
            r#"["[1, 2","01","1.","+1","'a'","[1,]","\"\\u+041\""]"#,
        ),
        (&["tab\there"][..], r#"["tab\there"]"#),
        // Escapes read and written as JavaScript does; a lone surrogate stays escaped.
        (
            &[r#""a\u0041\/\u00e9\ud83d\ude00\ud800\u001f""#][..],
            "[\"aA/é😀\\ud800\\u001f\"]",
        ),
    ] {
        let values: Vec<String> = values.iter().map(|value| (*value).to_owned()).collect();
        assert_eq!(stringify_values(&values), expected, "{values:?}");
    }
    // Deeper than the limit: kept as text, no overflow.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(stringify_values(&[deep]).starts_with("[\"[[["));
}
