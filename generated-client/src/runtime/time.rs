//! XML Schema's date and time types as jiff values: `dateTime`, `date`, `time` and
//! `duration`. Each reads the lexical forms XSD allows and writes the canonical one, so the
//! SOAP and JSON decoders and the request serializer all go through `serde` strings.
//!
//! Text that is not such a value is a serde error, which a [`Lenient`](crate::runtime::Lenient)
//! answer field keeps as `Unreadable` with the raw text: never a made-up time.

use serde::de::{self, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An `xsd:dateTime`: a civil date and time, and the UTC offset when the text has one
/// (`Z`, `+02:00`). XSD allows a dateTime without a zone, whose moment is unknown; it stays a
/// civil time here rather than being guessed into UTC, and [`DateTime::timestamp`] is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub civil: jiff::civil::DateTime,
    pub offset: Option<jiff::tz::Offset>,
}

impl DateTime {
    /// The moment, when the text gave an offset.
    pub fn timestamp(&self) -> Option<jiff::Timestamp> {
        self.offset?.to_timestamp(self.civil).ok()
    }
}

/// A moment, written in UTC (`…Z`).
impl From<jiff::Timestamp> for DateTime {
    fn from(moment: jiff::Timestamp) -> Self {
        Self {
            civil: jiff::tz::Offset::UTC.to_datetime(moment),
            offset: Some(jiff::tz::Offset::UTC),
        }
    }
}

/// A civil time, written without a zone.
impl From<jiff::civil::DateTime> for DateTime {
    fn from(civil: jiff::civil::DateTime) -> Self {
        Self {
            civil,
            offset: None,
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.civil)?;
        match self.offset {
            None => Ok(()),
            Some(offset) => write_offset(f, offset),
        }
    }
}

impl std::str::FromStr for DateTime {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let pieces = jiff::fmt::temporal::DateTimeParser::new()
            .parse_pieces(text.trim())
            .map_err(|e| e.to_string())?;
        let time = pieces
            .time()
            .ok_or_else(|| "a dateTime needs a time".to_owned())?;
        let offset = match pieces.offset() {
            None => None,
            Some(jiff::fmt::temporal::PiecesOffset::Zulu) => Some(jiff::tz::Offset::UTC),
            Some(jiff::fmt::temporal::PiecesOffset::Numeric(numeric)) => Some(numeric.offset()),
            Some(_) => return Err("an unknown offset is not a dateTime zone".to_owned()),
        };
        if pieces.time_zone_annotation().is_some() {
            return Err("a time zone annotation is not part of a dateTime".to_owned());
        }
        Ok(Self {
            civil: pieces.date().to_datetime(time),
            offset,
        })
    }
}

/// An `xsd:date`. A zone after the date (`2024-05-01Z`), which XSD allows and services
/// rarely mean, is read and dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub jiff::civil::Date);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (date, _) = split_zone(text.trim());
        date.parse()
            .map(Self)
            .map_err(|e: jiff::Error| e.to_string())
    }
}

/// An `xsd:time`, its zone (if any) read and dropped as for [`Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Time(pub jiff::civil::Time);

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for Time {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (time, _) = split_zone(text.trim());
        time.parse()
            .map(Self)
            .map_err(|e: jiff::Error| e.to_string())
    }
}

/// An `xsd:duration` (`P1Y2M3DT4H5M6.5S`, `-P10D`): years, months and days are kept as
/// such, since their length depends on the date they are added to.
#[derive(Debug, Clone, Copy)]
pub struct Duration(pub jiff::Span);

/// Same units and values; `P1D` and `PT24H` differ, as they do in XSD.
impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.0.fieldwise() == other.0.fieldwise()
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&jiff::fmt::temporal::SpanPrinter::new().span_to_string(&self.0))
    }
}

impl std::str::FromStr for Duration {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        jiff::fmt::temporal::SpanParser::new()
            .parse_span(text.trim())
            .map(Self)
            .map_err(|e| e.to_string())
    }
}

/// `Z` for UTC, else `±hh:mm` (XSD zones have no seconds).
fn write_offset(f: &mut fmt::Formatter<'_>, offset: jiff::tz::Offset) -> fmt::Result {
    let seconds = offset.seconds();
    if seconds == 0 {
        return f.write_str("Z");
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The value and its zone suffix (`Z`, `+02:00`), if it has one.
fn split_zone(text: &str) -> (&str, Option<&str>) {
    if let Some(value) = text.strip_suffix('Z') {
        return (value, Some("Z"));
    }
    let bytes = text.as_bytes();
    let zoned = bytes.len() > 6
        && matches!(bytes[bytes.len() - 6], b'+' | b'-')
        && bytes[bytes.len() - 3] == b':';
    if zoned {
        let (value, zone) = text.split_at(text.len() - 6);
        return (value, Some(zone));
    }
    (text, None)
}

/// Serde for a type written as text: `Display` out, `FromStr` in (the binary types too).
macro_rules! text_serde {
    ($($ty:ty => $what:literal),* $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str($crate::runtime::time::FromText::<$ty>(
                    std::marker::PhantomData,
                    $what,
                ))
            }
        }
    )*};
}
pub(super) use text_serde;

text_serde!(
    DateTime => "an xsd:dateTime",
    Date => "an xsd:date",
    Time => "an xsd:time",
    Duration => "an xsd:duration",
);

/// Reads a value from its text with `FromStr`; the second field says what is expected.
pub(super) struct FromText<T>(pub PhantomData<T>, pub &'static str);

impl<T: std::str::FromStr<Err = String>> Visitor<'_> for FromText<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.1)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        text.parse()
            .map_err(|why| E::custom(format!("not {}: {why}", self.1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_times_keep_their_zone_or_its_absence() {
        let utc: DateTime = "2024-05-01T10:30:00Z".parse().unwrap();
        assert_eq!(utc.to_string(), "2024-05-01T10:30:00Z");
        assert_eq!(
            utc.timestamp(),
            Some("2024-05-01T10:30:00Z".parse().unwrap())
        );
        let east: DateTime = " 2024-05-01T12:30:00.25+02:00 ".parse().unwrap();
        assert_eq!(east.to_string(), "2024-05-01T12:30:00.25+02:00");
        assert_eq!(
            east.timestamp(),
            utc.timestamp()
                .map(|t| t + jiff::SignedDuration::from_millis(250))
        );
        let civil: DateTime = "2024-05-01T10:30:00".parse().unwrap();
        assert_eq!((civil.offset, civil.timestamp()), (None, None));
        assert_eq!(civil.to_string(), "2024-05-01T10:30:00");
        for bad in ["", "2024-05-01", "yesterday", "2024-13-01T00:00:00Z"] {
            assert!(bad.parse::<DateTime>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn dates_times_and_durations_read_xsd_forms() {
        assert_eq!(
            "2024-05-01".parse::<Date>().unwrap().to_string(),
            "2024-05-01"
        );
        assert_eq!(
            "2024-05-01Z".parse::<Date>().unwrap().to_string(),
            "2024-05-01"
        );
        assert_eq!(
            "2024-05-01-05:00".parse::<Date>().unwrap().to_string(),
            "2024-05-01"
        );
        assert_eq!(
            "13:20:00+01:00".parse::<Time>().unwrap().to_string(),
            "13:20:00"
        );
        assert_eq!(
            "P1Y2M3DT4H5M6.5S".parse::<Duration>().unwrap().to_string(),
            "P1Y2M3DT4H5M6.5S"
        );
        assert_eq!("-P10D".parse::<Duration>().unwrap().to_string(), "-P10D");
        assert!("10 days".parse::<Duration>().is_err());
        assert!("2024-02-30".parse::<Date>().is_err());
    }
}
