use super::*;

fn element(nodes: &[Node]) -> Vec<&Element> {
    let mut out = Vec::new();
    fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Element>) {
        for node in nodes {
            if let Node::Element { element, children } = node {
                out.push(element);
                walk(children, out);
            }
        }
    }
    walk(nodes, &mut out);
    out
}

fn links(text: &str) -> Vec<String> {
    element(&render(text))
        .into_iter()
        .filter_map(|element| match element {
            Element::Link { href, .. } => Some(href.clone()),
            Element::Image { src, .. } => Some(src.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn renders_the_usual_markdown() {
    let nodes = render(
        "# Title\n\nSome **bold** and *em* and `code`.\n\n* one\n* two\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n---\n- [x] done",
    );
    let kinds = element(&nodes);
    assert!(kinds.contains(&&Element::Heading(1)));
    assert!(kinds.contains(&&Element::Strong));
    assert!(kinds.contains(&&Element::Code));
    assert!(kinds.contains(&&Element::List {
        ordered: false,
        start: None
    }));
    assert!(kinds.contains(&&Element::TableCell {
        header: true,
        align: CellAlign::Left
    }));
    assert!(kinds.contains(&&Element::TableCell {
        header: false,
        align: CellAlign::Right
    }));
    assert!(kinds.contains(&&Element::Rule));
    assert!(kinds.contains(&&Element::TaskMarker { checked: true }));
    assert!(plain_text(&nodes).contains("Some bold and em and code."));
}

#[test]
fn raw_html_is_text() {
    let nodes =
        render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there <b>x</b>");
    let text = plain_text(&nodes);
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("<img src=x onerror=alert(2)>"), "{text}");
    assert!(
        element(&nodes)
            .iter()
            .all(|e| !matches!(e, Element::Image { .. } | Element::Link { .. }))
    );
}

#[test]
fn only_safe_links_and_images_remain() {
    assert_eq!(
        links("[a](https://example.com/x) [b](/relative) [c](#anchor) [d](mailto:a@b.c)"),
        [
            "https://example.com/x",
            "/relative",
            "#anchor",
            "mailto:a@b.c"
        ]
    );
    for bad in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](  javascript:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](&#106;avascript:alert(1))",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml,<svg onload=alert(1)>)",
        "<javascript:alert(1)>",
    ] {
        assert!(links(bad).is_empty(), "{bad}: {:?}", links(bad));
    }
    // The text of a refused link stays.
    assert!(plain_text(&render("[click](javascript:alert(1))")).contains("click"));
    assert_eq!(
        links("![logo](https://example.com/logo.png)"),
        ["https://example.com/logo.png"]
    );
    let nested = render("![a *fancy* logo](/logo.png) after");
    assert_eq!(plain_text(&nested), "a fancy logo after");
    assert!(matches!(element(&nested)[1], Element::Image { alt, .. } if alt == "a fancy logo"));
    for (text, leaves) in [
        ("[a](https://x.y)", true),
        ("[a](//other.example/x)", true),
        ("[a](/same/site)", false),
        ("[a](mailto:a@b.c)", false),
    ] {
        assert!(
            matches!(element(&render(text))[1], Element::Link { external, .. } if *external == leaves),
            "{text}"
        );
    }
}

/// How deep a tree goes, without recursing (the point is trees too deep to recurse over).
fn depth(nodes: &[Node]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&Node, usize)> = nodes.iter().map(|node| (node, 1)).collect();
    while let Some((node, level)) = stack.pop() {
        deepest = deepest.max(level);
        if let Node::Element { children, .. } = node {
            stack.extend(children.iter().map(|child| (child, level + 1)));
        }
    }
    deepest
}

#[test]
fn hostile_nesting_stops_at_the_nesting_limit_and_keeps_the_text() {
    let deep = 50_000;
    let cases = [
        ("block quotes", format!("{} deepest", ">".repeat(deep))),
        ("lists", format!("{}deepest", "- ".repeat(deep))),
        (
            "emphasis",
            format!("{}deepest{}", "*".repeat(deep), "*".repeat(deep)),
        ),
        (
            "images in links",
            format!(
                "{}![deepest](a.png){}",
                "[".repeat(deep),
                "](u)".repeat(deep)
            ),
        ),
        (
            "emphasis in quotes in lists",
            format!("{}{}*deepest* `code`", "- ".repeat(40), "> ".repeat(40)),
        ),
    ];
    for (name, text) in cases {
        let nodes = render(&text);
        // The elements the limit allows, and the text and image leaves inside the deepest.
        assert!(
            depth(&nodes) <= MAX_NESTING + 1,
            "{name}: {} levels",
            depth(&nodes)
        );
        assert!(
            plain_text(&nodes).contains("deepest"),
            "{name}: the text is lost"
        );
    }
    // Within the limit, nothing changes.
    let nodes = render(&format!("{}kept", "> ".repeat(MAX_NESTING - 1)));
    assert_eq!(depth(&nodes), MAX_NESTING + 1);
}
