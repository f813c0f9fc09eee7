//! The matcher behind [`super::TestRegex`]: parsing and backtracking.

#[derive(Debug, Clone, Copy)]
enum Item {
    Range(char, char),
    Space(bool),
    Digit(bool),
    Word(bool),
}

#[derive(Debug, Clone)]
enum Node {
    Char(char),
    Any,
    Class(Vec<Item>, bool),
    Start,
    End,
    Group(Option<usize>, Vec<Vec<Node>>),
    Repeat(Box<Node>, usize, Option<usize>, bool),
}

pub(super) type Captures = Vec<Option<(usize, usize)>>;

pub(super) struct Regex {
    alternatives: Vec<Vec<Node>>,
    groups: usize,
    pub(super) names: Vec<(String, usize)>,
}

impl Regex {
    pub(super) fn parse(source: &str) -> Option<Self> {
        let chars: Vec<char> = source.chars().collect();
        let mut regex = Regex {
            alternatives: Vec::new(),
            groups: 0,
            names: Vec::new(),
        };
        let mut index = 0;
        regex.alternatives = regex.parse_alternatives(&chars, &mut index)?;
        (index == chars.len()).then_some(regex)
    }

    fn parse_alternatives(&mut self, chars: &[char], i: &mut usize) -> Option<Vec<Vec<Node>>> {
        let mut alternatives = vec![Vec::new()];
        while let Some(&c) = chars.get(*i) {
            *i += 1;
            let node = match c {
                ')' => {
                    *i -= 1;
                    break;
                }
                '|' => {
                    alternatives.push(Vec::new());
                    continue;
                }
                '(' => {
                    let index = if chars.get(*i) == Some(&'?') {
                        match chars.get(*i + 1) {
                            Some(':') => {
                                *i += 2;
                                None
                            }
                            Some('<') => {
                                let name: String =
                                    chars[*i + 2..].iter().take_while(|c| **c != '>').collect();
                                *i += 3 + name.chars().count();
                                self.groups += 1;
                                self.names.push((name, self.groups));
                                Some(self.groups)
                            }
                            _ => return None,
                        }
                    } else {
                        self.groups += 1;
                        Some(self.groups)
                    };
                    let inner = self.parse_alternatives(chars, i)?;
                    (chars.get(*i) == Some(&')')).then_some(())?;
                    *i += 1;
                    Node::Group(index, inner)
                }
                '[' => {
                    let negated = chars.get(*i) == Some(&'^');
                    if negated {
                        *i += 1;
                    }
                    let mut items = Vec::new();
                    loop {
                        let c = *chars.get(*i)?;
                        *i += 1;
                        match c {
                            ']' => break,
                            '\\' => {
                                let escaped = *chars.get(*i)?;
                                *i += 1;
                                items.push(escape_item(escaped));
                            }
                            _ if chars.get(*i) == Some(&'-')
                                && chars.get(*i + 1).is_some_and(|c| *c != ']') =>
                            {
                                items.push(Item::Range(c, chars[*i + 1]));
                                *i += 2;
                            }
                            _ => items.push(Item::Range(c, c)),
                        }
                    }
                    Node::Class(items, negated)
                }
                '\\' => {
                    let escaped = *chars.get(*i)?;
                    *i += 1;
                    match escape_item(escaped) {
                        Item::Range(c, _) => Node::Char(c),
                        item => Node::Class(vec![item], false),
                    }
                }
                '.' => Node::Any,
                '^' => Node::Start,
                '$' => Node::End,
                c => Node::Char(c),
            };
            let quantifier = match chars.get(*i) {
                Some('*') => Some((0, None)),
                Some('+') => Some((1, None)),
                Some('?') => Some((0, Some(1))),
                _ => None,
            };
            let node = match quantifier {
                Some((min, max)) => {
                    *i += 1;
                    let lazy = chars.get(*i) == Some(&'?');
                    if lazy {
                        *i += 1;
                    }
                    Node::Repeat(Box::new(node), min, max, lazy)
                }
                None => node,
            };
            alternatives.last_mut()?.push(node);
        }
        Some(alternatives)
    }

    pub(super) fn find(&self, text: &[char]) -> Option<(usize, usize, Captures)> {
        let top = Node::Group(Some(0), self.alternatives.clone());
        (0..=text.len()).find_map(|start| {
            let mut captures = vec![None; self.groups + 1];
            let mut end = None;
            let found = matches(
                std::slice::from_ref(&top),
                start,
                text,
                &mut captures,
                &mut |at, _| {
                    end = Some(at);
                    true
                },
            );
            found.then(|| (start, end.unwrap_or(start), captures))
        })
    }
}

fn escape_item(c: char) -> Item {
    match c {
        's' => Item::Space(false),
        'S' => Item::Space(true),
        'd' => Item::Digit(false),
        'D' => Item::Digit(true),
        'w' => Item::Word(false),
        'W' => Item::Word(true),
        'n' => Item::Range('\n', '\n'),
        't' => Item::Range('\t', '\t'),
        c => Item::Range(c, c),
    }
}

fn item_has(item: Item, c: char) -> bool {
    match item {
        Item::Range(low, high) => low <= c && c <= high,
        Item::Space(negated) => c.is_whitespace() != negated,
        Item::Digit(negated) => c.is_ascii_digit() != negated,
        Item::Word(negated) => (c.is_ascii_alphanumeric() || c == '_') != negated,
    }
}

type Continuation<'k> = dyn FnMut(usize, &mut Captures) -> bool + 'k;

fn matches(
    nodes: &[Node],
    pos: usize,
    text: &[char],
    caps: &mut Captures,
    k: &mut Continuation<'_>,
) -> bool {
    let Some((first, rest)) = nodes.split_first() else {
        return k(pos, caps);
    };
    let single = |test: &dyn Fn(char) -> bool| text.get(pos).is_some_and(|c| test(*c));
    match first {
        Node::Char(expected) => {
            single(&|c| c == *expected) && matches(rest, pos + 1, text, caps, k)
        }
        Node::Any => single(&|c| c != '\n') && matches(rest, pos + 1, text, caps, k),
        Node::Class(items, negated) => {
            single(&|c| items.iter().any(|item| item_has(*item, c)) != *negated)
                && matches(rest, pos + 1, text, caps, k)
        }
        Node::Start => pos == 0 && matches(rest, pos, text, caps, k),
        Node::End => pos == text.len() && matches(rest, pos, text, caps, k),
        Node::Group(index, alternatives) => alternatives.iter().any(|alternative| {
            let index = *index;
            let saved = caps.clone();
            let found = matches(alternative, pos, text, caps, &mut |end, caps| {
                let old = index.map(|i| caps[i]);
                if let Some(i) = index {
                    caps[i] = Some((pos, end));
                }
                if matches(rest, end, text, caps, k) {
                    return true;
                }
                if let (Some(i), Some(old)) = (index, old) {
                    caps[i] = old;
                }
                false
            });
            if !found {
                *caps = saved;
            }
            found
        }),
        Node::Repeat(inner, min, max, lazy) => {
            repeat(inner, (*min, *max, *lazy), 0, pos, rest, text, caps, k)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn repeat(
    inner: &Node,
    bounds: (usize, Option<usize>, bool),
    count: usize,
    pos: usize,
    rest: &[Node],
    text: &[char],
    caps: &mut Captures,
    k: &mut Continuation<'_>,
) -> bool {
    let (min, max, lazy) = bounds;
    let can_stop = count >= min;
    let can_more = max.is_none_or(|max| count < max);
    let more = |caps: &mut Captures, k: &mut Continuation<'_>| {
        can_more
            && matches(
                std::slice::from_ref(inner),
                pos,
                text,
                caps,
                &mut |end, caps| {
                    end != pos && repeat(inner, bounds, count + 1, end, rest, text, caps, k)
                },
            )
    };
    // A lazy repeat tries to stop first, a greedy one to take more first.
    if lazy && can_stop && matches(rest, pos, text, caps, k) {
        return true;
    }
    if more(caps, k) {
        return true;
    }
    !lazy && can_stop && matches(rest, pos, text, caps, k)
}
