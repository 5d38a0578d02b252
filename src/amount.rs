//! Fixed-scale decimals: Magento's `DECIMAL(20,4)` money and `DECIMAL(12,4)` quantities.
//!
//! In memory an [`Amount`] is a `rust_decimal::Decimal`; in SQLite it is an INTEGER holding
//! ten-thousandths (exact, and comparable in SQL for searchCriteria filters); in JSON it is a
//! number printed the way PHP's `json_encode` prints Magento's float cast: `1917.6`, `300`,
//! `-404.4` (normalized, no trailing zeros, never through f64).

use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::sqlite::{Sqlite, SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Type};

/// Scale of every stored amount (Magento's DECIMAL(x,4)).
pub const SCALE: u32 = 4;

/// A decimal stored with four fractional digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Rounds to the storage scale, half away from zero, as MySQL does on a DECIMAL(x,4) insert.
    pub fn new(value: Decimal) -> Self {
        Amount(value.round_dp_with_strategy(SCALE, RoundingStrategy::MidpointAwayFromZero))
    }

    pub fn from_int(value: i64) -> Self {
        Amount(Decimal::from(value))
    }

    /// Builds an amount from its stored form (ten-thousandths).
    pub fn from_ten_thousandths(raw: i64) -> Self {
        Amount(Decimal::new(raw, SCALE))
    }

    /// The stored form (ten-thousandths); `None` when the value does not fit an i64.
    ///
    /// From the decimal's own integer and scale (at most [`SCALE`] once rounded): every amount
    /// a write binds goes through here (about 150 in a durable invoice), and the Decimal
    /// multiplication and truncation this replaced cost about 100 instructions each.
    pub fn to_ten_thousandths(self) -> Option<i64> {
        let rounded = if self.0.scale() > SCALE {
            self.0
                .round_dp_with_strategy(SCALE, RoundingStrategy::MidpointAwayFromZero)
        } else {
            self.0
        };
        let factor = 10i128.pow(SCALE.checked_sub(rounded.scale())?);
        i64::try_from(rounded.mantissa().checked_mul(factor)?).ok()
    }

    pub fn decimal(self) -> Decimal {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// `PriceCurrency::round`: two decimals, half away from zero.
    pub fn round_price(value: Decimal) -> Decimal {
        value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    }

    /// The largest magnitude magemu stores: what fits an i64 of ten-thousandths (about 9.2e14,
    /// below Magento's DECIMAL(20,4) limit of 1e16).
    pub fn max_value() -> Decimal {
        Decimal::new(i64::MAX, SCALE)
    }

    /// Parses the exact text of a JSON number or a PHP numeric string; `None` when it is not a
    /// number or is too large to store.
    pub fn parse(text: &str) -> Option<Amount> {
        let t = text.trim();
        let d = if t.contains(['e', 'E']) {
            Decimal::from_scientific(t)
                .ok()
                .or_else(|| tiny_scientific(t))?
        } else {
            t.strip_prefix('+').unwrap_or(t).parse::<Decimal>().ok()?
        };
        (d.abs() <= Self::max_value()).then(|| Amount::new(d))
    }

    /// `self × other`, or `None` when the product cannot be stored.
    pub fn checked_mul(self, other: Amount) -> Option<Amount> {
        let product = self.0.checked_mul(other.0)?;
        (product.abs() <= Self::max_value()).then(|| Amount::new(product))
    }

    /// The stored form, or the typed refusal every write path answers with when the value
    /// does not fit.
    pub fn stored(self) -> Result<i64, OutOfRange> {
        self.to_ten_thousandths().ok_or(OutOfRange(self.0))
    }

    /// Whether the value fits storage.
    pub fn is_storable(self) -> bool {
        self.to_ten_thousandths().is_some()
    }

    /// The largest quantity Magento's `DECIMAL(12,4)` quantity columns hold (source items,
    /// stock items, order and quote items): 99,999,999.9999.
    pub fn max_qty() -> Decimal {
        Decimal::new(999_999_999_999, SCALE)
    }

    /// Whether a quantity fits Magento's `DECIMAL(12,4)` quantity columns.
    pub fn is_qty_storable(self) -> bool {
        self.0.abs() <= Self::max_qty()
    }

    /// A quantity as a `DECIMAL(12,4)` column stores it in Magento: Magento's MySQL adapter
    /// runs `SET SQL_MODE=''` on connecting (`Framework\DB\Adapter\Pdo\Mysql::_connect`),
    /// and out of strict mode MySQL clips an out-of-range value to the column's bound (with
    /// a warning) instead of refusing it.
    pub fn clip_qty(self) -> Amount {
        Amount(self.0.clamp(-Self::max_qty(), Self::max_qty()))
    }

    /// Truncates toward zero, as PHP's `(int)` cast does.
    pub fn trunc(self) -> Amount {
        Amount(self.0.trunc())
    }

    pub fn max(self, other: Amount) -> Amount {
        if self >= other {
            self
        } else {
            other
        }
    }

    pub fn min(self, other: Amount) -> Amount {
        if self <= other {
            self
        } else {
            other
        }
    }
}

/// A number in scientific notation with more decimals than a `Decimal` holds (`1.0e-28`,
/// `4.9e-324`): PHP reads it as a float, which a DECIMAL(20,4) column stores as 0 (or as its
/// first four decimals). The mantissa is scaled down one digit at a time, which stops at 0.
fn tiny_scientific(text: &str) -> Option<Decimal> {
    let (mantissa, exponent) = text.split_once(['e', 'E'])?;
    let mut value: Decimal = mantissa
        .strip_prefix('+')
        .unwrap_or(mantissa)
        .parse()
        .ok()?;
    let exponent: i64 = exponent.parse().ok()?;
    if exponent >= 0 {
        return None;
    }
    for _ in 0..exponent.unsigned_abs().min(400) {
        value = (value / Decimal::TEN).round_dp(SCALE + 8);
        if value.is_zero() {
            break;
        }
    }
    Some(value)
}

impl From<Decimal> for Amount {
    fn from(value: Decimal) -> Self {
        Amount::new(value)
    }
}

impl From<i64> for Amount {
    fn from(value: i64) -> Self {
        Amount::from_int(value)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, rhs: Amount) -> Amount {
        Amount(self.0 + rhs.0)
    }
}
impl Sub for Amount {
    type Output = Amount;
    fn sub(self, rhs: Amount) -> Amount {
        Amount(self.0 - rhs.0)
    }
}
impl Neg for Amount {
    type Output = Amount;
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}
impl AddAssign for Amount {
    fn add_assign(&mut self, rhs: Amount) {
        self.0 += rhs.0;
    }
}
impl SubAssign for Amount {
    fn sub_assign(&mut self, rhs: Amount) {
        self.0 -= rhs.0;
    }
}
impl std::iter::Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(iter: I) -> Amount {
        iter.fold(Amount::ZERO, |a, b| a + b)
    }
}

impl Serialize for Amount {
    /// A JSON number with the exact decimal digits (serde_json's arbitrary_precision), never f64.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::arbitrary_precision::serialize(&self.0.normalize(), serializer)
    }
}

/// In the schema a JSON number, as it is sent (never a string, never rounded through f64).
impl schemars::JsonSchema for Amount {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

impl<'de> Deserialize<'de> for Amount {
    /// From a JSON number (or numeric string), exactly.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        rust_decimal::serde::arbitrary_precision::deserialize(deserializer).map(Amount::new)
    }
}

impl Type<Sqlite> for Amount {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <i64 as Type<Sqlite>>::compatible(ty)
    }
}

/// A figure past what magemu stores (an i64 of ten-thousandths, about ±9.2e14: Magento's
/// DECIMAL(20,4) goes to 1e16), met while binding it to a statement: mostly a sum a document
/// adds to its order (`total_refunded`...) that its request's absurd figures push past it.
/// The client's refusal (`error::Error`'s `From<sqlx::Error>`), not a server error.
#[derive(Debug, thiserror::Error)]
#[error("amount {0} is out of range")]
pub struct OutOfRange(pub Decimal);

impl<'q> Encode<'q, Sqlite> for Amount {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<Sqlite>>::encode(self.stored()?, buf)
    }
}

impl<'r> Decode<'r, Sqlite> for Amount {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let raw = <i64 as Decode<Sqlite>>::decode(value)?;
        Ok(Amount::from_ten_thousandths(raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn ten_thousandths_as_the_decimal_arithmetic_gives_them() {
        // What `to_ten_thousandths` computed before it read the decimal's parts.
        let reference = |d: Decimal| -> Option<i64> {
            let scaled = d
                .round_dp_with_strategy(SCALE, RoundingStrategy::MidpointAwayFromZero)
                .checked_mul(Decimal::from(10_000))?;
            i64::try_from(scaled.trunc()).ok()
        };
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "1917.6",
            "-404.4",
            "300",
            "0.00005",
            "-0.00005",
            "0.00004999",
            "12.34565",
            "-12.34565",
            "1e-28",
            "922337203685477.5807",
            "922337203685477.5808",
            "-922337203685477.5808",
            "-922337203685477.5809",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|v| {
            Decimal::from_scientific(v)
                .or_else(|_| Decimal::from_str(v))
                .unwrap()
        })
        .collect();
        values.extend([Decimal::MAX, Decimal::MIN]);
        for mantissa in [1i64, 7, 99_999, 123_456_789, -5, -1_000_001] {
            for scale in 0..=28 {
                values.push(Decimal::new(mantissa, scale));
            }
        }
        for d in values {
            assert_eq!(Amount(d).to_ten_thousandths(), reference(d), "{d}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn json_looks_like_magento() {
        let cases = [
            ("1917.6000", "1917.6"),
            ("300", "300"),
            ("-404.4", "-404.4"),
            ("0.0000", "0"),
            ("-0", "0"),
            ("4.4", "4.4"),
        ];
        for (input, json) in cases {
            assert_eq!(serde_json::to_string(&Amount::new(d(input))).unwrap(), json);
        }
    }

    #[test]
    fn storage_is_exact_ten_thousandths() {
        assert_eq!(
            Amount::new(d("1917.6")).to_ten_thousandths(),
            Some(19_176_000)
        );
        assert_eq!(
            Amount::from_ten_thousandths(-4_044_000),
            Amount::new(d("-404.4"))
        );
        // MySQL DECIMAL(x,4) rounds half away from zero on insert.
        assert_eq!(Amount::new(d("0.00005")), Amount::new(d("0.0001")));
        assert_eq!(Amount::new(d("-0.00005")), Amount::new(d("-0.0001")));
    }

    #[test]
    fn quantities_clip_to_decimal_12_4_as_mysql_out_of_strict_mode() {
        let max = Amount::new(d("99999999.9999"));
        assert_eq!(Amount::new(d("900000000000000")).clip_qty(), max);
        assert_eq!(Amount::new(d("-1000000000")).clip_qty(), -max);
        assert_eq!(Amount::new(d("12.5")).clip_qty(), Amount::new(d("12.5")));
        assert!(max.is_qty_storable() && (-max).is_qty_storable());
        assert!(!Amount::new(d("100000000")).is_qty_storable());
    }

    #[test]
    fn parses_php_numeric_text() {
        assert_eq!(Amount::parse(" 1e2"), Some(Amount::from_int(100)));
        assert_eq!(Amount::parse("20.5"), Some(Amount::new(d("20.5"))));
        assert_eq!(Amount::parse("x"), None);
        assert_eq!(Amount::parse("1e20"), None);
        assert_eq!(Amount::parse("99999999999999999999999999999"), None);
        assert!(Amount::parse("922337203685477").is_some());
        let big = Amount::parse("900000000000000").unwrap();
        assert_eq!(big.checked_mul(big), None);
    }

    #[test]
    fn round_price_is_half_away_from_zero() {
        assert_eq!(Amount::round_price(d("3.335")), d("3.34"));
        assert_eq!(Amount::round_price(d("-3.335")), d("-3.34"));
        assert_eq!(Amount::round_price(d("8.625")), d("8.63"));
    }
}
