//! Magento's `searchCriteria` as values: what a list request asks (`SearchCriteriaInterface`)
//! and the reply that echoes it (`SearchResultsInterface`). Parsing the query string is the web
//! edge's (`http::search`), turning it into SQL is storage's (`db::search`).

use serde::Serialize;

use crate::error::{Error, Phrase, Result, SORT_DIRECTION, SORT_FIELD_RESTRICTED};

/// One filter of a group.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "framework-filter")]
pub struct Filter {
    pub field: Option<String>,
    pub value: Option<String>,
    pub condition_type: String,
}

/// Filters of one group are OR'ed.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "framework-search-filter-group")]
pub struct FilterGroup {
    pub filters: Vec<Filter>,
}

/// `Framework\Api\SortOrder`'s checks as it is built: a direction given (any case) is ASC or
/// DESC, upper-cased; the field has only letters, digits and `_`.
pub fn sort_order(field: Option<String>, direction: Option<&str>) -> Result<SortOrder> {
    let direction = direction.map(str::to_uppercase);
    if direction
        .as_deref()
        .is_some_and(|d| d != "ASC" && d != "DESC")
    {
        return Err(Error::Input(Phrase::positional(
            SORT_DIRECTION,
            vec!["ASC".into(), "DESC".into()],
        )));
    }
    if let Some(f) = field
        .as_deref()
        .filter(|f| f.chars().any(|c| !c.is_ascii_alphanumeric() && c != '_'))
    {
        return Err(Error::Input(Phrase::positional(
            SORT_FIELD_RESTRICTED,
            vec![f.to_owned()],
        )));
    }
    Ok(SortOrder { field, direction })
}

#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "framework-sort-order")]
pub struct SortOrder {
    pub field: Option<String>,
    /// As given; none is echoed null (`getDirection`'s unset value) and sorts DESC
    /// (`SortingProcessor`: anything but ASC).
    pub direction: Option<String>,
}

impl SortOrder {
    /// The SQL direction `SortingProcessor` sorts by.
    pub fn sql_direction(&self) -> &'static str {
        match self.direction.as_deref() {
            Some("ASC") => "ASC",
            _ => "DESC",
        }
    }
}

/// `SearchCriteriaInterface`, in its getter order (the echo in list replies).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "framework-search-criteria-interface")]
pub struct SearchCriteria {
    pub filter_groups: Vec<FilterGroup>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort_orders: Option<Vec<SortOrder>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_page: Option<i64>,
    /// Read by the EAV collections' `FilterProcessor` (customers, products, categories: `Eav/
    /// Model/Api/SearchCriteria/CollectionProcessor/FilterProcessor`), not the framework's: no
    /// `from`/`to` range, no `fulltext` LIKE (see `db::search::to_sql_with`). Set by those
    /// services on the criteria as their collection takes them; never sent or echoed.
    #[serde(skip)]
    pub eav: bool,
}

/// The list reply: `{"items": [...], "search_criteria": {...}, "total_count": n}`.
#[derive(Debug, Serialize)]
pub struct SearchResults<I: Serialize> {
    /// A list of the items (or anything that writes as one).
    pub items: I,
    pub search_criteria: SearchCriteria,
    pub total_count: i64,
}

impl SearchCriteria {
    /// What a comments list echoes: one filter, `parent_id` equal to the document's id (as a
    /// string, as the filter builder holds it).
    pub fn by_parent(id: i64) -> SearchCriteria {
        SearchCriteria {
            filter_groups: vec![FilterGroup {
                filters: vec![Filter {
                    field: Some("parent_id".into()),
                    value: Some(id.to_string()),
                    condition_type: "eq".into(),
                }],
            }],
            ..Default::default()
        }
    }

    /// The page to read of the matching rows, as `(size, offset)`: no limit without a page
    /// size; a page below 1 is the first, and a page past the end is empty. 2.4's
    /// `Framework\Data\Collection::getCurPage` only raises a page below 1 (the clamp to the last
    /// page went with magento/magento2 PR #26988, issue #26986; 2.4.8's
    /// ProductRepositoryInterfaceTest pins `currentPage` 99 of 100-row pages to no items), so a
    /// client paging until a page comes back empty stops. spec/sales.md still describes 2.3's
    /// clamp (session 41, helper-85's SalesRule/Tax port).
    ///
    /// A negative page size pages by one row (`_renderLimit` runs for any size but 0, and
    /// `Zend_Db_Select::limitPage` takes a count below 1 as 1).
    pub fn page(&self, _total: i64) -> Option<(i64, i64)> {
        match self.page_size {
            Some(size) if size != 0 => {
                // i128: a client may send any i64 as page size or page.
                let size = i128::from(size.max(1));
                let page = i128::from(self.current_page.unwrap_or(1)).max(1);
                let offset = i64::try_from((page - 1) * size).unwrap_or(i64::MAX);
                Some((i64::try_from(size).unwrap_or(i64::MAX), offset))
            }
            _ => None,
        }
    }

    /// How many of `total` matches the page holds.
    pub fn page_len(&self, total: i64) -> i64 {
        let total = total.max(0);
        match self.page(total) {
            Some((size, offset)) => size.min(total.saturating_sub(offset)).max(0),
            None => total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lengths() {
        let c = |size: Option<i64>, page: Option<i64>| SearchCriteria {
            page_size: size,
            current_page: page,
            ..Default::default()
        };
        assert_eq!(c(None, None).page_len(12_345), 12_345);
        assert_eq!(c(Some(0), None).page_len(7), 7, "0: no paging");
        assert_eq!(c(Some(10), Some(2)).page_len(15), 5);
        assert_eq!(
            c(Some(10), Some(99)).page_len(15),
            0,
            "past the end: nothing"
        );
        assert_eq!(
            c(Some(10), Some(-3)).page_len(15),
            10,
            "below 1: the first page"
        );
        assert_eq!(c(Some(i64::MAX), Some(i64::MAX)).page_len(3), 0);
        assert_eq!(c(Some(10), None).page_len(0), 0);
        assert_eq!(
            c(Some(-5), Some(3)).page(9),
            Some((1, 2)),
            "below 0: one row"
        );
        assert_eq!(c(Some(-5), None).page_len(9), 1);
    }

    #[test]
    fn a_page_past_the_end_is_read_past_the_end() {
        let c = SearchCriteria {
            page_size: Some(10),
            current_page: Some(9),
            ..Default::default()
        };
        assert_eq!(c.page(25), Some((10, 80)));
        assert_eq!(c.page(0), Some((10, 80)));
        assert_eq!(SearchCriteria::default().page(25), None);
        let huge = SearchCriteria {
            page_size: Some(i64::MAX),
            current_page: Some(i64::MAX),
            ..Default::default()
        };
        assert_eq!(huge.page(3), Some((i64::MAX, i64::MAX)));
    }
}
