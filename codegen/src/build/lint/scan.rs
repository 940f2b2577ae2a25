//! A lenient scanner for the sample code on doc pages (Perl SOAP::Lite, Python suds, Ruby savon,
//! PHP SoapClient). It finds the calls of known operations with their arguments, and the simple
//! assignments that say where a variable's value comes from. It knows strings, comments and
//! brackets and nothing more: a construct it cannot read is left out rather than guessed at, so
//! the lint built on it stays quiet instead of being wrong.

use std::collections::BTreeMap;
use std::ops::Range;

/// A language whose samples the scanner reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Perl,
    Python,
    Ruby,
    Php,
}

impl Lang {
    /// The language a fence's info string names (`perl`, `py`, `ruby`, `php`, ...), if known.
    pub fn of(info: &str) -> Option<Self> {
        let word = info.split_whitespace().next()?.to_ascii_lowercase();
        Some(match word.as_str() {
            "perl" | "pl" => Self::Perl,
            "python" | "py" | "python2" | "python3" => Self::Python,
            "ruby" | "rb" => Self::Ruby,
            "php" => Self::Php,
            _ => return None,
        })
    }

    /// The name messages use.
    pub fn name(self) -> &'static str {
        match self {
            Self::Perl => "perl",
            Self::Python => "python",
            Self::Ruby => "ruby",
            Self::Php => "php",
        }
    }

    /// Whether a line break ends a statement (no `;` needed).
    fn newline_ends_statement(self) -> bool {
        matches!(self, Self::Python | Self::Ruby)
    }
}

/// One call of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The operation's name as the sample writes it.
    pub name: String,
    pub args: Vec<Arg>,
    /// 0-based line of the name within the code.
    pub line: u32,
}

/// One argument of a [`Call`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    /// The key of a named argument (`sid: ARGV[0]`, `sid=x`, `'sid' => $x`).
    pub name: Option<String>,
    /// The value as written, runs of white space made one space.
    pub value: String,
}

/// What a sample says.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Calls of operations, in code order.
    pub calls: Vec<Call>,
    /// Variable name (sigil dropped) → right-hand side of each statement assigning it, in order.
    pub assignments: BTreeMap<String, Vec<String>>,
}

/// Scans `code`; `is_operation` says which names are operations.
pub fn scan(code: &str, lang: Lang, is_operation: &dyn Fn(&str) -> bool) -> Scan {
    let text = Text::new(code, lang);
    let mut found = Scan::default();
    let mut i = 0;
    while i < text.len() {
        if !text.starts_ident(i) {
            i += 1;
            continue;
        }
        let end = text.ident_end(i);
        let word = text.slice(i..end);
        if is_operation(&word) {
            if let Some(args) = text.call_args(i, end) {
                found.calls.push(Call {
                    name: word,
                    args,
                    line: text.line_of(i),
                });
            }
        } else if let Some(rhs) = text.assignment(i, end) {
            found.assignments.entry(word).or_default().push(rhs);
        }
        i = end;
    }
    found
}

/// The code with comments blanked out (line breaks kept) and string literals marked, so that
/// brackets, commas and names inside them are not taken for code.
struct Text {
    chars: Vec<char>,
    quoted: Vec<bool>,
    /// Indices of the line breaks in `chars`: a line is a binary search, not a count from the
    /// top (which made samples with many calls quadratic).
    breaks: Vec<usize>,
    lang: Lang,
}

impl Text {
    fn new(code: &str, lang: Lang) -> Self {
        let src: Vec<char> = code.chars().collect();
        let at = |i: usize| src.get(i).copied().unwrap_or('\0');
        let mut chars = Vec::with_capacity(src.len());
        let mut quoted = Vec::with_capacity(src.len());
        let mut i = 0;
        while i < src.len() {
            let c = at(i);
            let comment_end = if c == '#' && !(lang == Lang::Perl && i > 0 && at(i - 1) == '$') {
                // `$#array` is Perl's last index, not a comment.
                Some(line_end(&src, i))
            } else if lang == Lang::Php && c == '/' && at(i + 1) == '/' {
                Some(line_end(&src, i))
            } else if lang == Lang::Php && c == '/' && at(i + 1) == '*' {
                let close = (i + 2..src.len()).find(|&j| at(j) == '*' && at(j + 1) == '/');
                Some(close.map_or(src.len(), |j| j + 2))
            } else {
                None
            };
            if let Some(end) = comment_end {
                for j in i..end {
                    chars.push(if at(j) == '\n' { '\n' } else { ' ' });
                    quoted.push(false);
                }
                i = end;
                continue;
            }
            if c == '"' || c == '\'' {
                let mut j = i + 1;
                while j < src.len() && at(j) != c {
                    j += if at(j) == '\\' { 2 } else { 1 };
                }
                let end = (j + 1).min(src.len());
                chars.extend(src.get(i..end).unwrap_or_default());
                quoted.extend(std::iter::repeat_n(true, end - i));
                i = end;
                continue;
            }
            chars.push(c);
            quoted.push(false);
            i += 1;
        }
        let breaks = (0..chars.len()).filter(|&i| chars[i] == '\n').collect();
        Self {
            chars,
            quoted,
            breaks,
            lang,
        }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// The character at `i` when it is code (not inside a string); `'\0'` otherwise.
    fn code(&self, i: usize) -> char {
        match (self.chars.get(i), self.quoted.get(i)) {
            (Some(&c), Some(false)) => c,
            _ => '\0',
        }
    }

    fn slice(&self, range: Range<usize>) -> String {
        self.chars.get(range).unwrap_or_default().iter().collect()
    }

    /// The text of `range`, white space runs made one space.
    fn collapsed(&self, range: Range<usize>) -> String {
        self.slice(range)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The 0-based line of `i`.
    fn line_of(&self, i: usize) -> u32 {
        let breaks = self.breaks.partition_point(|&at| at < i);
        u32::try_from(breaks).unwrap_or(u32::MAX)
    }

    fn starts_ident(&self, i: usize) -> bool {
        let c = self.code(i);
        (c.is_ascii_alphabetic() || c == '_') && (i == 0 || !is_ident_char(self.code(i - 1)))
    }

    fn ident_end(&self, i: usize) -> usize {
        (i..self.len())
            .find(|&j| !is_ident_char(self.code(j)))
            .unwrap_or(self.len())
    }

    /// The first index at or after `i` that is not white space (`len` at the end).
    fn skip_space(&self, i: usize) -> usize {
        (i..self.len())
            .find(|&j| !self.chars.get(j).is_some_and(|c| c.is_whitespace()))
            .unwrap_or(self.len())
    }

    /// The last index before `i` that is not white space.
    fn before(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find(|&j| !self.chars.get(j).is_some_and(|c| c.is_whitespace()))
    }

    /// The arguments of an operation named at `start..end`, when it is called there:
    /// `name(args)`, `->name` without parentheses (Perl, PHP), or savon's
    /// `call(:name, message: { ... })`. `None` when the name is not a call this scanner can read.
    fn call_args(&self, start: usize, end: usize) -> Option<Vec<Arg>> {
        let before = self.before(start);
        let prev = |n: usize| {
            before
                .and_then(|b| b.checked_sub(n))
                .map_or('\0', |j| self.code(j))
        };
        if self.lang == Lang::Ruby && prev(0) == ':' && prev(1) != ':' {
            return self.savon_message(before.unwrap_or(start), end);
        }
        let after = self.skip_space(end);
        if self.code(after) == '(' {
            let items = self.items(after)?;
            return Some(items.into_iter().map(|item| self.arg(item)).collect());
        }
        (prev(0) == '>' && prev(1) == '-').then(Vec::new)
    }

    /// Savon: `client.call(:name)` or `client.call(:name, message: { key: value, ... })`, the
    /// symbol's colon at `colon`. Other options before `message` are not read.
    fn savon_message(&self, colon: usize, end: usize) -> Option<Vec<Arg>> {
        let open = self.before(colon).filter(|&j| self.code(j) == '(');
        let (method, _) = self.word_before(open.unwrap_or(colon))?;
        if method != "call" {
            return None;
        }
        let after = self.skip_space(end);
        match self.code(after) {
            ')' => return Some(Vec::new()),
            ',' => {}
            _ => return None,
        }
        let mut key = self.skip_space(after + 1);
        if self.code(key) == ':' {
            key += 1;
        }
        let key_end = self.ident_end(key);
        if self.slice(key..key_end) != "message" {
            return None;
        }
        let mut value = self.skip_space(key_end);
        if self.code(value) == ':' {
            value += 1;
        } else if self.code(value) == '=' && self.code(value + 1) == '>' {
            value += 2;
        } else {
            return None;
        }
        let open = self.skip_space(value);
        if self.code(open) != '{' {
            return None;
        }
        let items = self.items(open)?;
        Some(items.into_iter().map(|item| self.arg(item)).collect())
    }

    /// The comma-separated items between the bracket at `open` and its partner, trimmed, empty
    /// ones (a trailing comma) left out. `None` when the bracket is never closed.
    fn items(&self, open: usize) -> Option<Vec<Range<usize>>> {
        let mut items = Vec::new();
        let mut depth = 0usize;
        let mut item_start = open + 1;
        for i in open + 1..self.len() {
            match self.code(i) {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                ')' | ']' | '}' => {
                    items.push(item_start..i);
                    return Some(items.into_iter().filter_map(|r| self.trim(r)).collect());
                }
                ',' if depth == 0 => {
                    items.push(item_start..i);
                    item_start = i + 1;
                }
                _ => {}
            }
        }
        None
    }

    fn trim(&self, range: Range<usize>) -> Option<Range<usize>> {
        let start = self.skip_space(range.start).min(range.end);
        let end = self.before(range.end).map_or(start, |j| (j + 1).max(start));
        (start < end).then_some(start..end)
    }

    /// One argument: `key: value` (Ruby), `key => value` / `'key' => value` / `:key => value`
    /// (Perl, PHP, Ruby hashes), `key=value` (Python keywords), else a positional value.
    fn arg(&self, item: Range<usize>) -> Arg {
        self.named_arg(item.clone()).unwrap_or_else(|| Arg {
            name: None,
            value: self.collapsed(item),
        })
    }

    fn named_arg(&self, item: Range<usize>) -> Option<Arg> {
        let raw = |i: usize| self.chars.get(i).copied().unwrap_or('\0');
        let mut start = item.start;
        let quote = Some(raw(start)).filter(|&c| (c == '\'' || c == '"') && !self.is_code(start));
        if quote.is_some() || (self.lang == Lang::Ruby && self.code(start) == ':') {
            start += 1;
        }
        if !(raw(start).is_ascii_alphabetic() || raw(start) == '_') {
            return None;
        }
        let name_end = (start..item.end)
            .find(|&j| !is_ident_char(raw(j)))
            .unwrap_or(item.end);
        let mut after = name_end;
        if let Some(q) = quote {
            if raw(after) != q {
                return None;
            }
            after += 1;
        }
        let sep = self.skip_space(after);
        let value = match (self.code(sep), self.code(sep + 1)) {
            ('=', '>') => sep + 2,
            (':', next) if self.lang == Lang::Ruby && next != ':' && sep == after => sep + 1,
            ('=', next) if self.lang == Lang::Python && quote.is_none() && next != '=' => sep + 1,
            _ => return None,
        };
        Some(Arg {
            name: Some(self.slice(start..name_end)),
            value: self.collapsed(value..item.end),
        })
    }

    fn is_code(&self, i: usize) -> bool {
        self.quoted.get(i) == Some(&false)
    }

    /// The word just before `i` on the same line, and where it starts.
    fn word_before(&self, i: usize) -> Option<(String, usize)> {
        let end = (0..i)
            .rev()
            .find(|&j| !matches!(self.code(j), ' ' | '\t'))?
            + 1;
        let start = (0..end)
            .rev()
            .find(|&j| !is_ident_char(self.code(j)))
            .map_or(0, |j| j + 1);
        (start < end).then(|| (self.slice(start..end), start))
    }

    /// The right-hand side when the name at `start..end` begins a statement assigning it
    /// (`$x = …;`, `my $x = …;`, `x = …`); it runs to `;` or, in Python and Ruby, to the end of
    /// the line, outside brackets.
    fn assignment(&self, start: usize, end: usize) -> Option<String> {
        let mut head = start;
        if head > 0 && matches!(self.code(head - 1), '$' | '@') {
            head -= 1;
        }
        // Perl's `my $x = …` declares and assigns.
        if let Some((word, word_start)) = self.word_before(head) {
            if matches!(word.as_str(), "my" | "our" | "local") {
                head = word_start;
            }
        }
        let prev = (0..head)
            .rev()
            .find(|&j| !matches!(self.code(j), ' ' | '\t'))
            .map(|j| self.code(j));
        if !matches!(prev, None | Some('\n' | ';' | '{' | '}')) {
            return None;
        }
        let eq = (end..self.len())
            .find(|&j| !matches!(self.code(j), ' ' | '\t'))
            .unwrap_or(self.len());
        if self.code(eq) != '=' || matches!(self.code(eq + 1), '=' | '>' | '~') {
            return None;
        }
        let mut depth = 0usize;
        let mut stop = self.len();
        for i in eq + 1..self.len() {
            match self.code(i) {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => {
                    stop = i;
                    break;
                }
                ')' | ']' | '}' => depth -= 1,
                ';' if depth == 0 => {
                    stop = i;
                    break;
                }
                '\n' if depth == 0 && self.lang.newline_ends_statement() => {
                    stop = i;
                    break;
                }
                _ => {}
            }
        }
        Some(self.collapsed(eq + 1..stop))
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The index of the line break ending the line that holds `i` (the length at the end).
fn line_end(src: &[char], i: usize) -> usize {
    (i..src.len())
        .find(|&j| src.get(j) == Some(&'\n'))
        .unwrap_or(src.len())
}

#[cfg(test)]
mod tests;
