//! Which columns show, their properties, the table-wide options and the row limit.

use serde_json::json;

use super::*;

#[test]
fn columns_order_and_settings() {
    let check = |options: serde_json::Value, expected_headers: &str| {
        assert_eq!(
            grid(&run(options.clone(), &disks()))[0],
            expected_headers,
            "{options}"
        );
    };
    // Perses: configured columns first, in settings order; a hidden one is left out.
    check(
        json!({"columnSettings": [{"name": "value", "header": "Value"}, {"name": "device", "width": 200}, {"name": "env", "hide": true}, {"name": "fstype"}]}),
        "Value|device|fstype|instance|job|mountpoint|timestamp",
    );
    check(
        json!({"defaultColumnHidden": true, "columnSettings": [{"name": "job"}, {"name": "value"}]}),
        "job|value",
    );
    check(json!({"defaultColumnHidden": true}), "");
    // A configured column without data still shows, empty.
    check(
        json!({"defaultColumnHidden": true, "columnSettings": [{"name": "missing"}, {"name": "job"}]}),
        "missing|job",
    );
    // The first setting of a name decides; repeats are skipped.
    check(
        json!({"defaultColumnHidden": true, "columnSettings": [{"name": "job", "header": "A"}, {"name": "job", "header": "B"}]}),
        "A",
    );
    check(
        json!({"columnSettings": [{"name": "job", "hide": true}, {"name": "job", "header": "B"}]}),
        "device|env|fstype|instance|mountpoint|timestamp|value",
    );
    check(
        json!({"defaultColumnHidden": true, "columnSettings": [{"name": "job", "header": ""}]}),
        "",
    );
    let model = run(
        json!({"defaultColumnHidden": true, "columnSettings": [{"name": "missing"}, {"name": "job"}]}),
        &disks(),
    );
    assert_eq!(grid(&model)[1], "|node");
}

#[test]
fn column_properties() {
    let model = run(
        json!({
            "enableSorting": true,
            "defaultColumnWidth": 120,
            "columnSettings": [
                {"name": "value", "header": "Value", "headerDescription": "Used", "cellDescription": "ratio", "align": "right", "width": 80, "format": {"unit": "percent-decimal"}},
                {"name": "env", "enableSorting": false, "width": "auto"},
                {"name": "job", "width": 5, "cellDescription": ""},
                {"name": "device", "width": 0},
            ],
        }),
        &disks(),
    );
    let summary: Vec<String> = model
        .columns
        .iter()
        .map(|c| {
            format!(
                "{} {:?} {:?} {:?} {} {:?} {}",
                c.key,
                c.header_description,
                c.cell_description,
                c.align,
                c.enable_sorting,
                c.width,
                c.format.is_some()
            )
        })
        .collect();
    assert_eq!(
        summary[..5],
        [
            "value Some(\"Used\") Some(\"ratio\") Right true Pixels(80.0) true",
            "env None None Left false Pixels(120.0) false",
            "job None None Left true Pixels(20.0) false",
            "device None None Left true Pixels(120.0) false",
            "fstype None None Left true Pixels(120.0) false",
        ]
    );
    // Perses: the value column's format applies to its cells.
    assert_eq!(model.rows[0].cells[0].text, "27.7%");
    // Without table-wide settings columns are not sortable and are 150 px wide.
    let plain = run(
        json!({"columnSettings": [{"name": "job", "enableSorting": true}]}),
        &disks(),
    );
    let flags: Vec<(bool, ColumnSize)> = plain
        .columns
        .iter()
        .take(2)
        .map(|c| (c.enable_sorting, c.width))
        .collect();
    assert_eq!(
        flags,
        [
            (true, ColumnSize::Pixels(150.0)),
            (false, ColumnSize::Pixels(150.0))
        ]
    );
    let auto = run(json!({"defaultColumnWidth": "auto"}), &disks());
    assert!(matches!(auto.columns[0].width, ColumnSize::Auto(_)));
}

#[test]
fn table_options() {
    let check = |options: serde_json::Value, expected: &str| {
        let model = run(options.clone(), &disks());
        let summary = format!(
            "{:?} {:?} {:?} {} {:?}",
            model.density,
            model.row_height,
            model.pagination,
            model.enable_filtering,
            model.default_sorting
        );
        assert_eq!(summary, expected, "{options}");
    };
    check(json!({}), "Standard Auto(Auto) None false []");
    check(
        json!({"density": "compact", "defaultColumnHeight": 32, "pagination": true, "enableFiltering": true}),
        "Compact Pixels(32.0) Some(Pagination { page_index: 0, page_size: 10 }) true []",
    );
    check(
        json!({"defaultColumnHeight": 0, "pagination": false}),
        "Standard Auto(Auto) None false []",
    );
    // Default sorting keeps shown, sortable columns only, in settings order.
    check(
        json!({"enableSorting": true, "columnSettings": [{"name": "env", "sort": "asc", "hide": true}, {"name": "job", "sort": "desc"}, {"name": "value", "sort": "asc", "enableSorting": false}, {"name": "device", "sort": "asc"}]}),
        "Standard Auto(Auto) None false [SortKey { column: \"job\", order: Desc }, SortKey { column: \"device\", order: Asc }]",
    );
    check(
        json!({"columnSettings": [{"name": "job", "sort": "desc"}]}),
        "Standard Auto(Auto) None false []",
    );
}

#[test]
fn row_limit() {
    let check = |limit: usize, expected: (usize, usize)| {
        let model = run_limited(json!({}), &disks(), limit);
        assert_eq!(
            (model.rows.len(), model.total_rows),
            expected,
            "limit {limit}"
        );
    };
    check(0, (0, 2));
    check(1, (1, 2));
    check(5, (2, 2));
    // The limit applies to the rows the transforms give.
    let joined = run_limited(
        json!({"transforms": [{"kind": "JoinByColumnValue", "spec": {"columns": ["env"]}}]}),
        &disks(),
        1,
    );
    assert_eq!((joined.rows.len(), joined.total_rows), (1, 1));
}

#[test]
fn a_column_width_is_pixels_or_auto() {
    let cases = [
        (json!(120), Ok(ColumnSize::Pixels(120.0))),
        (json!(80.5), Ok(ColumnSize::Pixels(80.5))),
        (json!("auto"), Ok(ColumnSize::Auto(AutoKeyword::Auto))),
        (
            json!("wide"),
            Err(r#"invalid value: string "wide", expected a size in pixels or "auto""#),
        ),
        (
            json!(true),
            Err(r#"invalid type: boolean `true`, expected a size in pixels or "auto""#),
        ),
    ];
    for (value, expected) in cases {
        let decoded = crate::decode::from_value::<ColumnSize>(&value)
            .map_err(|error| error.inner().to_string());
        assert_eq!(decoded, expected.map_err(str::to_owned), "{value}");
    }
}
