//! The emulated clock: real time, a fixed time, or real time shifted by an offset, read by every
//! timestamp magemu writes or prints (created_at, updated_at, histories, tokens and their expiry,
//! the outbox) through one function, [`now`].
//!
//! Each app owns one [`Clock`] (in `AppState`, set by `--clock` and the control API). Business
//! code runs far from the app state, on the writer's connection, so the clock reaches it as a
//! task-local: the web edge runs every request inside [`scope`] with its app's clock, and the
//! writer runs each use case inside the clock of the request that queued it
//! (`db::writer::Writer::write`). Outside any scope (start-up, `magemu generate`, unit tests)
//! [`now`] is real time. Reading it is a task-local lookup and an uncontended read lock: no
//! database round trip on the write path.
//!
//! A fixed clock stands still (every write in it gets the same second) until it is set again or
//! advanced. Timestamps are whole seconds, as Magento's `timestamp` columns hold them.

use std::future::Future;
use std::sync::{Arc, PoisonError, RwLock};

use time::format_description::well_known::Rfc3339;
use time::macros::{datetime, format_description};
use time::{Duration, OffsetDateTime, PrimitiveDateTime};

/// How the clock tells the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The machine's time.
    Real,
    /// Always this time (whole seconds, UTC), until set or advanced.
    Fixed(OffsetDateTime),
    /// The machine's time shifted by this many seconds.
    Offset(i64),
}

/// Why a clock setting was refused; the text is the control API's message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("\"time\" must be \"YYYY-MM-DD HH:MM:SS\" (UTC) or RFC 3339, e.g. \"2020-07-23 16:59:20\" or \"2020-07-23T16:59:20Z\"; got \"{0}\".")]
    BadTime(String),
    #[error("The clock must stay between 1970-01-01 00:00:00 and 9999-12-31 23:59:59 (UTC).")]
    OutOfRange,
    #[error("\"advance_seconds\" moves the clock forward: it must be 0 or more.")]
    Backwards,
}

/// The earliest and latest times the clock may show: what Magento's `YYYY-MM-DD HH:MM:SS`
/// timestamps can hold with a four-digit year, from the Unix epoch on.
const EARLIEST: OffsetDateTime = datetime!(1970-01-01 00:00:00 UTC);
const LATEST: OffsetDateTime = datetime!(9999-12-31 23:59:59 UTC);

/// One app's clock.
#[derive(Debug)]
pub struct Clock(RwLock<Setting>);

impl Default for Clock {
    fn default() -> Self {
        Clock::new(Setting::Real)
    }
}

impl Clock {
    pub fn new(setting: Setting) -> Clock {
        Clock(RwLock::new(setting))
    }

    /// The time as this clock tells it.
    pub fn now(&self) -> OffsetDateTime {
        at(self.setting(), OffsetDateTime::now_utc())
    }

    /// How the clock runs and the time it tells, read together.
    pub fn reading(&self) -> (Setting, OffsetDateTime) {
        let setting = self.setting();
        (setting, at(setting, OffsetDateTime::now_utc()))
    }

    pub fn setting(&self) -> Setting {
        *self.0.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stops the clock at `time` (whole seconds).
    pub fn set_fixed(&self, time: OffsetDateTime) -> Result<(), ClockError> {
        let time = in_range(whole_seconds(time))?;
        self.replace(Setting::Fixed(time));
        Ok(())
    }

    /// Real time shifted by `seconds`.
    pub fn set_offset(&self, seconds: i64) -> Result<(), ClockError> {
        shifted(OffsetDateTime::now_utc(), seconds)?;
        self.replace(Setting::Offset(seconds));
        Ok(())
    }

    /// Moves the clock `seconds` forward: a fixed clock to a later fixed time, a shifted or real
    /// one to a larger offset.
    pub fn advance(&self, seconds: i64) -> Result<(), ClockError> {
        if seconds < 0 {
            return Err(ClockError::Backwards);
        }
        let mut setting = self.0.write().unwrap_or_else(PoisonError::into_inner);
        let next = match *setting {
            Setting::Fixed(t) => Setting::Fixed(shifted(t, seconds)?),
            Setting::Offset(o) => {
                let o = o.checked_add(seconds).ok_or(ClockError::OutOfRange)?;
                shifted(OffsetDateTime::now_utc(), o)?;
                Setting::Offset(o)
            }
            Setting::Real => {
                shifted(OffsetDateTime::now_utc(), seconds)?;
                Setting::Offset(seconds)
            }
        };
        *setting = next;
        Ok(())
    }

    /// Back to real time.
    pub fn reset(&self) {
        self.replace(Setting::Real);
    }

    fn replace(&self, setting: Setting) {
        *self.0.write().unwrap_or_else(PoisonError::into_inner) = setting;
    }
}

/// The time `setting` shows when the machine's time is `real`.
fn at(setting: Setting, real: OffsetDateTime) -> OffsetDateTime {
    match setting {
        Setting::Real => real,
        Setting::Fixed(t) => t,
        Setting::Offset(s) => real
            .checked_add(Duration::seconds(s))
            .unwrap_or(real)
            .clamp(EARLIEST, LATEST),
    }
}

fn shifted(time: OffsetDateTime, seconds: i64) -> Result<OffsetDateTime, ClockError> {
    in_range(
        time.checked_add(Duration::seconds(seconds))
            .ok_or(ClockError::OutOfRange)?,
    )
}

fn in_range(time: OffsetDateTime) -> Result<OffsetDateTime, ClockError> {
    if (EARLIEST..=LATEST).contains(&time) {
        Ok(time)
    } else {
        Err(ClockError::OutOfRange)
    }
}

fn whole_seconds(time: OffsetDateTime) -> OffsetDateTime {
    time.replace_nanosecond(0).unwrap_or(time)
}

tokio::task_local! {
    static CURRENT: Arc<Clock>;
}

/// Runs `future` with `clock` as the time of everything it does.
pub async fn scope<F: Future>(clock: Arc<Clock>, future: F) -> F::Output {
    CURRENT.scope(clock, future).await
}

/// Runs `future` in `clock` when there is one (the clock a queued use case carries).
pub async fn within<F: Future>(clock: Option<Arc<Clock>>, future: F) -> F::Output {
    match clock {
        Some(clock) => scope(clock, future).await,
        None => future.await,
    }
}

/// The clock of the running task, if it runs in one.
pub fn current() -> Option<Arc<Clock>> {
    CURRENT.try_with(Arc::clone).ok()
}

/// Now, as the running task's clock tells it (real time outside any clock). The one function
/// business code reads the time through.
pub fn now() -> OffsetDateTime {
    CURRENT
        .try_with(|clock| clock.now())
        .unwrap_or_else(|_| OffsetDateTime::now_utc())
}

/// `time` as Magento writes timestamps: `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn format(time: OffsetDateTime) -> String {
    let format = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    time.to_offset(time::UtcOffset::UTC)
        .format(&format)
        .unwrap_or_default()
}

/// `time` in RFC 3339, UTC, whole seconds (`2020-07-23T16:59:20Z`).
pub fn format_rfc3339(time: OffsetDateTime) -> String {
    whole_seconds(time.to_offset(time::UtcOffset::UTC))
        .format(&Rfc3339)
        .unwrap_or_default()
}

/// A time as the control API and `--clock` take it: Magento's `YYYY-MM-DD HH:MM:SS` (UTC) or
/// RFC 3339 (any offset, converted to UTC; a fraction of a second is dropped).
pub fn parse_time(text: &str) -> Result<OffsetDateTime, ClockError> {
    let text = text.trim();
    let magento = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let parsed = PrimitiveDateTime::parse(text, &magento)
        .map(PrimitiveDateTime::assume_utc)
        .or_else(|_| OffsetDateTime::parse(text, &Rfc3339))
        .map_err(|_| ClockError::BadTime(text.to_owned()))?;
    in_range(whole_seconds(parsed.to_offset(time::UtcOffset::UTC)))
}

/// A date (`Y-m-d`), optionally with a time (`T` or a space before `H:i` or `H:i:s`), as a
/// database timestamp `Y-m-d H:i:s`; `None` for anything else. What Magento's timestamp
/// columns take from a client (a credit memo's `created_at`, a new customer's).
pub fn db_datetime(text: &str) -> Option<String> {
    let t = text.trim();
    let (date, clock) = t.split_once([' ', 'T']).unwrap_or((t, "00:00:00"));
    let parts =
        |s: &str, sep: char| -> Option<Vec<u32>> { s.split(sep).map(|p| p.parse().ok()).collect() };
    let d = parts(date, '-').filter(|d| d.len() == 3)?;
    let c = parts(clock, ':').filter(|c| c.len() == 2 || c.len() == 3)?;
    let small = |v: u32| u8::try_from(v).ok();
    let day = time::Date::from_calendar_date(
        i32::try_from(d[0]).ok()?,
        time::Month::try_from(small(d[1])?).ok()?,
        small(d[2])?,
    )
    .ok()?;
    let at = time::Time::from_hms(
        small(c[0])?,
        small(c[1])?,
        small(c.get(2).copied().unwrap_or(0))?,
    )
    .ok()?;
    PrimitiveDateTime::new(day, at)
        .format(format_description!(
            "[year]-[month]-[day] [hour]:[minute]:[second]"
        ))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_magento_form_or_rfc_3339() {
        let t = datetime!(2020-07-23 16:59:20 UTC);
        for text in [
            "2020-07-23 16:59:20",
            " 2020-07-23 16:59:20 ",
            "2020-07-23T16:59:20Z",
            "2020-07-23T16:59:20.750Z",
            "2020-07-23T18:59:20+02:00",
            "2020-07-23t16:59:20z",
        ] {
            assert_eq!(parse_time(text), Ok(t), "{text}");
        }
        for bad in [
            "",
            "yesterday",
            "2020-07-23",
            "2020-07-23T16:59:20",
            "2020-13-01 00:00:00",
            "1595523560",
        ] {
            assert!(
                matches!(parse_time(bad), Err(ClockError::BadTime(_))),
                "{bad}"
            );
        }
        assert_eq!(
            parse_time("1969-12-31T23:59:59Z"),
            Err(ClockError::OutOfRange)
        );
        assert_eq!(format(t), "2020-07-23 16:59:20");
        assert_eq!(format_rfc3339(t), "2020-07-23T16:59:20Z");
    }

    #[test]
    fn fixed_offset_and_advance() {
        let clock = Clock::default();
        let t = datetime!(2020-07-23 16:59:20 UTC);
        clock.set_fixed(t).expect("fixed");
        assert_eq!(clock.now(), t);
        clock.advance(3600).expect("advance");
        assert_eq!(clock.now(), datetime!(2020-07-23 17:59:20 UTC));
        assert_eq!(clock.advance(-1), Err(ClockError::Backwards));
        assert_eq!(
            clock.setting(),
            Setting::Fixed(datetime!(2020-07-23 17:59:20 UTC))
        );
        clock.set_offset(-86_400).expect("offset");
        let real = OffsetDateTime::now_utc();
        assert_eq!(at(clock.setting(), real), real - Duration::days(1));
        clock.advance(86_400).expect("advance an offset");
        assert_eq!(clock.setting(), Setting::Offset(0));
        clock.reset();
        clock.advance(60).expect("advance real time");
        assert_eq!(clock.setting(), Setting::Offset(60));
        assert_eq!(clock.set_offset(i64::MAX), Err(ClockError::OutOfRange));
        assert_eq!(
            clock.set_offset(-100 * 365 * 86_400),
            Err(ClockError::OutOfRange)
        );
        clock.set_fixed(LATEST).expect("the last second");
        assert_eq!(clock.advance(1), Err(ClockError::OutOfRange));
        assert_eq!(clock.now(), LATEST, "a refused change changes nothing");
    }

    #[tokio::test]
    async fn the_task_reads_its_scope_s_clock() {
        let fixed = Arc::new(Clock::new(Setting::Fixed(
            datetime!(2001-02-03 04:05:06 UTC),
        )));
        let inside = scope(fixed.clone(), async { format(now()) }).await;
        assert_eq!(inside, "2001-02-03 04:05:06");
        let carried = scope(fixed, async { current() }).await;
        let again = within(carried, async { format(now()) }).await;
        assert_eq!(again, "2001-02-03 04:05:06");
        assert!(current().is_none());
        assert_ne!(format(now()), "2001-02-03 04:05:06", "real time outside");
    }
}
