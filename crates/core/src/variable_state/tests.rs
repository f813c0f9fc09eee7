use super::*;
use crate::dashboard::{ListSource, ListVariable, Variable, VariableKind};

fn list(allow_multiple: bool, allow_all: bool, default: Option<DefaultValue>) -> ListVariable {
    ListVariable {
        source: ListSource::Static { values: Vec::new() },
        default_value: default,
        allow_all_value: allow_all,
        allow_multiple,
        custom_all_value: None,
        capturing_regexp: None,
        sort: SortMethod::None,
    }
}

fn options(values: &[&str]) -> Vec<VariableOption> {
    values
        .iter()
        .map(|value| VariableOption::plain(*value))
        .collect()
}

fn single(value: &str) -> VariableValue {
    VariableValue::Single(value.to_owned())
}

fn multiple(values: &[&str]) -> VariableValue {
    VariableValue::Multiple(values.iter().map(|value| (*value).to_owned()).collect())
}

#[test]
fn selection_follows_perses() {
    let opts = options(&["a", "b", "c"]);
    let cases: Vec<(ListVariable, Option<VariableValue>, VariableValue)> = vec![
        // Nothing requested, no default: the first option.
        (list(false, false, None), None, single("a")),
        (list(true, false, None), None, multiple(&["a"])),
        // With "All" allowed the first real option is still the fallback.
        (list(false, true, None), None, single("a")),
        // A default applies when nothing is requested.
        (
            list(false, false, Some(DefaultValue::Single("b".into()))),
            None,
            single("b"),
        ),
        (
            list(true, true, Some(DefaultValue::Single(ALL_VALUE.into()))),
            None,
            single(ALL_VALUE),
        ),
        (
            list(
                true,
                true,
                Some(DefaultValue::Multiple(vec![ALL_VALUE.into()])),
            ),
            None,
            single(ALL_VALUE),
        ),
        // A request wins over the default; a single value becomes a list for a multi-select.
        (
            list(true, false, Some(DefaultValue::Single("a".into()))),
            Some(single("c")),
            multiple(&["c"]),
        ),
        // A value not among the options falls back to the first option.
        (list(false, false, None), Some(single("gone")), single("a")),
        (
            list(true, false, None),
            Some(multiple(&["gone", "also-gone"])),
            multiple(&["a"]),
        ),
        // One known value is enough to keep the selection as it is.
        (
            list(true, false, None),
            Some(multiple(&["gone", "b"])),
            multiple(&["gone", "b"]),
        ),
        // "All" picked last wins; a value picked after "All" drops it.
        (
            list(true, true, None),
            Some(multiple(&["a", ALL_VALUE])),
            single(ALL_VALUE),
        ),
        (
            list(true, true, None),
            Some(multiple(&[ALL_VALUE, "b"])),
            multiple(&["b"]),
        ),
        // "All" is not an option when it is not allowed.
        (
            list(false, false, None),
            Some(single(ALL_VALUE)),
            single("a"),
        ),
        // An empty selection takes the first option.
        (list(false, false, None), Some(single("")), single("a")),
    ];
    for (variable, requested, expected) in cases {
        assert_eq!(
            select(&variable, &opts, requested.as_ref()),
            expected,
            "{variable:?} {requested:?}"
        );
    }
    // Without options the requested or default value is kept as it is.
    let default_all = list(true, true, Some(DefaultValue::Single(ALL_VALUE.into())));
    assert_eq!(select(&default_all, &[], None), single(ALL_VALUE));
    assert_eq!(select(&list(false, false, None), &[], None), single(""));
    assert_eq!(select(&list(true, false, None), &[], None), multiple(&[]));
}

#[test]
fn all_means_custom_value_or_every_option() {
    let opts = options(&["a", "b"]);
    let mut variable = list(true, true, None);
    assert_eq!(
        interpolation_value(&variable, &single(ALL_VALUE), &opts),
        multiple(&["a", "b"])
    );
    variable.custom_all_value = Some(".*".into());
    assert_eq!(
        interpolation_value(&variable, &single(ALL_VALUE), &opts),
        single(".*")
    );
    assert_eq!(
        interpolation_value(&variable, &multiple(&["b"]), &opts),
        multiple(&["b"])
    );
    // An empty custom value counts as none, as in Perses' VariableProvider.
    variable.custom_all_value = Some(String::new());
    assert_eq!(
        interpolation_value(&variable, &single(ALL_VALUE), &opts),
        multiple(&["a", "b"])
    );
}

#[test]
fn a_value_named_before_the_options_are_in_is_used_at_once() {
    let mut with_custom_all = list(true, true, None);
    with_custom_all.custom_all_value = Some(".*".into());
    let mut all_not_allowed = list(true, false, None);
    all_not_allowed.custom_all_value = Some(".*".into());
    // (variable, selection without options, value used until they are in)
    let cases = [
        (list(false, false, None), single("a"), Some(single("a"))),
        (
            list(true, false, None),
            multiple(&["a", "b"]),
            Some(multiple(&["a", "b"])),
        ),
        (
            list(true, true, None),
            multiple(&["b"]),
            Some(multiple(&["b"])),
        ),
        // "All" expands to every option: none yet.
        (list(true, true, None), single(ALL_VALUE), None),
        (with_custom_all, single(ALL_VALUE), Some(single(".*"))),
        // A variable without "All" picks its first option instead.
        (all_not_allowed, single(ALL_VALUE), None),
        // Nothing selected waits for the first option.
        (list(false, false, None), single(""), None),
        (list(true, false, None), multiple(&[]), None),
        (list(true, false, None), multiple(&[""]), None),
    ];
    for (variable, selection, expected) in cases {
        assert_eq!(
            value_without_options(&variable, &selection),
            expected,
            "{selection:?}"
        );
    }
    // What `select` makes of an address's value or a default without options is what is
    // used: the address's value, else the default.
    let defaulted = list(false, false, Some(DefaultValue::Single("d".into())));
    assert_eq!(
        value_without_options(&defaulted, &select(&defaulted, &[], None)),
        Some(single("d"))
    );
    assert_eq!(
        value_without_options(&defaulted, &select(&defaulted, &[], Some(&single("u")))),
        Some(single("u"))
    );
}

#[test]
fn sort_methods() {
    let labels =
        |sorted: Vec<VariableOption>| sorted.into_iter().map(|o| o.label).collect::<Vec<_>>();
    let opts = options(&["b10", "B2", "a", "10", "9", "x1"]);
    let cases = [
        (SortMethod::None, vec!["b10", "B2", "a", "10", "9", "x1"]),
        (
            SortMethod::AlphabeticalAsc,
            vec!["10", "9", "B2", "a", "b10", "x1"],
        ),
        (
            SortMethod::AlphabeticalDesc,
            vec!["x1", "b10", "a", "B2", "9", "10"],
        ),
        (
            SortMethod::AlphabeticalCiAsc,
            vec!["10", "9", "a", "b10", "B2", "x1"],
        ),
        (
            SortMethod::AlphabeticalCiDesc,
            vec!["x1", "B2", "b10", "a", "9", "10"],
        ),
        (
            SortMethod::NumericalAsc,
            vec!["9", "10", "b10", "B2", "a", "x1"],
        ),
        (
            SortMethod::NumericalDesc,
            vec!["10", "9", "b10", "B2", "a", "x1"],
        ),
    ];
    for (method, expected) in cases {
        assert_eq!(
            labels(sort_options(opts.clone(), method)),
            expected,
            "{method:?}"
        );
    }
    let mut variable = list(false, true, None);
    variable.sort = SortMethod::AlphabeticalAsc;
    assert_eq!(
        labels(view_options(&variable, &options(&["b", "a"]))),
        ["All", "a", "b"]
    );
}

#[test]
fn capturing_regexp_concatenates_groups_and_drops_repeats() {
    // A stand-in for JavaScript's /(\w+)-(\d)/g: every match contributes its groups.
    let captures = |value: &str| -> Vec<String> {
        value
            .split(',')
            .filter_map(|part| part.split_once('-'))
            .flat_map(|(word, digit)| [word.to_owned(), digit.to_owned()])
            .collect()
    };
    let filtered = filter_by_captures(
        vec![
            VariableOption {
                value: "pod-1".into(),
                label: "Pod one".into(),
            },
            VariableOption::plain("nothing"),
            VariableOption::plain("pod-1"),
            VariableOption::plain("a-1,b-2"),
        ],
        captures,
    );
    assert_eq!(
        filtered,
        [
            VariableOption {
                value: "pod1".into(),
                label: "Pod one".into()
            },
            VariableOption {
                value: "a1b2".into(),
                label: "a-1,b-2".into()
            },
        ]
    );
    let statics = static_options(&[
        StaticValue::Plain("x".into()),
        StaticValue::Labelled {
            value: "y".into(),
            label: Some("Why".into()),
        },
        StaticValue::Labelled {
            value: "z".into(),
            label: None,
        },
    ]);
    assert_eq!(
        statics[1],
        VariableOption {
            value: "y".into(),
            label: "Why".into()
        }
    );
    assert_eq!(statics[2].label, "z");
}

fn variable(name: &str, source: ListSource) -> Variable {
    let mut list = list(false, false, None);
    list.source = source;
    Variable {
        name: name.into(),
        display_name: None,
        description: None,
        hidden: false,
        kind: VariableKind::List(list),
    }
}

fn label_values(name: &str, matcher: &str) -> Variable {
    variable(
        name,
        ListSource::PrometheusLabelValues {
            datasource: None,
            label_name: name.into(),
            matchers: vec![matcher.into()],
        },
    )
}

#[test]
fn variables_load_after_their_dependencies_and_cycles_are_reported() {
    let variables = vec![
        label_values("pod", "up{namespace=\"$namespace\", job=\"$job\"}"),
        label_values("job", "up{namespace=\"$namespace\", x=\"$__range\"}"),
        label_values("namespace", "up"),
        label_values("a", "x{b=\"$b\"}"),
        label_values("b", "x{a=\"${a:regex}\"}"),
        label_values("c", "x{a=\"$a\"}"),
        variable("static", ListSource::Static { values: Vec::new() }),
    ];
    let order = load_order(&variables);
    assert_eq!(order.order, ["namespace", "static", "job", "pod"]);
    assert_eq!(
        order.cyclic.into_iter().collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    let names: BTreeSet<&str> = ["pod", "job", "namespace"].into_iter().collect();
    let dependencies = dependencies(&variables[0], &names);
    assert_eq!(
        dependencies.into_iter().collect::<Vec<_>>(),
        ["job", "namespace"]
    );
}
