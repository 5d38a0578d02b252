//! `GET /V1/orders` and `GET /V1/invoices` with searchCriteria (sales.md 8).

use crate::common;

use common::{fixture, spawn_app, TestApp};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn invoices_and_orders_by_search_criteria() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(app.invoice(&token, 3, &json!({})).await.body, json!("3"));
    let copy = app
        .post(
            "/rest/V1/orders",
            &token,
            &fixture("order-import-tutorial-copy.json"),
        )
        .await;
    assert_eq!(copy.status, StatusCode::OK);
    assert_eq!(
        app.invoice(
            &token,
            4,
            &json!({"items": [{"order_item_id": 6, "qty": 10}]})
        )
        .await
        .body,
        json!("4")
    );

    let q = "?searchCriteria[filter_groups][0][filters][0][field]=state\
             &searchCriteria[filter_groups][0][filters][0][value]=2\
             &searchCriteria[sortOrders][0][field]=grand_total&searchCriteria[sortOrders][0][direction]=DESC";
    let list = app.get(&format!("/rest/V1/invoices{q}"), &token).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.body["total_count"], 2);
    let first = app.get("/rest/V1/invoices/3", &token).await.body;
    let second = app.get("/rest/V1/invoices/4", &token).await.body;
    assert_eq!(list.body["items"], json!([first, second]));
    assert_eq!(
        list.body["search_criteria"],
        json!({"filter_groups": [{"filters": [{"field": "state", "value": "2", "condition_type": "eq"}]}],
               "sort_orders": [{"field": "grand_total", "direction": "DESC"}]})
    );

    let by_order = app
        .get("/rest/V1/invoices?searchCriteria[filterGroups][0][filters][0][field]=order_id&searchCriteria[filterGroups][0][filters][0][value]=4", &token)
        .await
        .body;
    assert_eq!(by_order["total_count"], 1);
    assert_eq!(by_order["items"][0]["grand_total"], json!(588));

    let processing = app
        .get("/rest/default/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=status&searchCriteria[filter_groups][0][filters][0][value]=processing&searchCriteria[pageSize]=1&searchCriteria[currentPage]=2", &token)
        .await
        .body;
    assert_eq!(processing["total_count"], 2);
    assert_eq!(processing["items"].as_array().unwrap().len(), 1);
    assert_eq!(processing["items"][0]["entity_id"], 4);
    assert_eq!(
        processing["items"][0],
        app.get("/rest/V1/orders/4", &token).await.body
    );

    let amounts = app
        .get("/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=grand_total&searchCriteria[filter_groups][0][filters][0][value]=1917.6&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq", &token)
        .await
        .body;
    assert_eq!(amounts["total_count"], 2);

    let r = app.get("/rest/V1/orders", &token).await;
    assert_eq!(
        (r.status, r.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "\"%fieldName\" is required. Enter and try again.", "parameters": {"fieldName": "searchCriteria"}})
        )
    );
    let r = app
        .send(
            reqwest::Method::GET,
            "/rest/V1/invoices?searchCriteria",
            None,
            None,
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let all = app
        .get("/rest/V1/invoices?searchCriteria", &token)
        .await
        .body;
    assert_eq!(all["total_count"], 2);
    assert_eq!(all["search_criteria"], json!({"filter_groups": []}));
}

#[tokio::test]
async fn large_filters_work_as_on_mysql() {
    let app = spawn_app().await;
    let token = app.token().await;
    let f = |group: usize, field: &str, value: &str, cond: &str| {
        format!(
            "searchCriteria[filter_groups][{group}][filters][0][field]={field}\
             &searchCriteria[filter_groups][{group}][filters][0][value]={value}\
             &searchCriteria[filter_groups][{group}][filters][0][condition_type]={cond}"
        )
    };
    // An `in` list longer than SQLite's bound-variable limit (empty values, to fit a URL).
    let ids = format!("{}3", ",".repeat(40_000));
    let q = f(0, "entity_id", &ids, "in");
    let found = app
        .get(&format!("/rest/V1/orders?{q}&fields=total_count"), &token)
        .await;
    assert_eq!(
        (found.status, found.body),
        (StatusCode::OK, json!({"total_count": 1}))
    );
    let q = f(0, "entity_id", &ids, "nin");
    let none = app
        .get(&format!("/rest/V1/orders?{q}&fields=total_count"), &token)
        .await;
    assert_eq!(none.body, json!({"total_count": 0}));
    // Amount columns compare exactly inside lists too.
    let q = f(0, "grand_total", "1917.6,5", "in");
    let by_total = app
        .get(&format!("/rest/V1/orders?{q}&fields=total_count"), &token)
        .await;
    assert_eq!(by_total.body, json!({"total_count": 1}));
    // 1,100 AND'ed groups, then 1,100 OR'ed filters (deeper than SQLite's expression limit
    // if chained), in PHP's short `[]` form to fit a URL: a filter without a value compares
    // with the empty string.
    let and = format!(
        "{}&{}",
        "searchCriteria[filterGroups][][filters][0][field]=state&".repeat(1_100),
        f(5_000, "increment_id", "000000003", "eq")
    );
    let many = app
        .get(&format!("/rest/V1/orders?{and}&fields=total_count"), &token)
        .await;
    assert_eq!(
        (many.status, many.body),
        (StatusCode::OK, json!({"total_count": 0}))
    );
    let or = format!(
        "{}searchCriteria[filterGroups][0][filters][5000][field]=increment_id\
         &searchCriteria[filterGroups][0][filters][5000][value]=000000003",
        "searchCriteria[filterGroups][0][filters][][field]=state&".repeat(1_100)
    );
    let ors = app
        .get(&format!("/rest/V1/orders?{or}&fields=total_count"), &token)
        .await;
    assert_eq!(
        (ors.status, ors.body),
        (StatusCode::OK, json!({"total_count": 1}))
    );
}

/// A filter that matches a small part of a table takes its page by sorting the matches (the
/// ORDER BY behind a unary `+`, `db::search::sort_the_matches`): the same page, the same order,
/// the same tie-break on the key as walking the table in order.
#[tokio::test]
async fn a_page_of_few_matches_is_sorted_as_any_other() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut ids = Vec::new();
    for n in 0..16 {
        let mut entity = fixture("order-import-tutorial-copy.json")["entity"].clone();
        entity["increment_id"] = json!(format!("SORT{n:04}"));
        // Two grand totals, so the sort needs its tie-break on entity_id.
        entity["grand_total"] = json!(if n % 2 == 0 { 500 } else { 700 });
        ids.push(app.create_order(&token, entity).await);
    }
    let picked = [ids[3], ids[8], ids[11], ids[12]];
    let list = |sort: &str, direction: &str, page: usize| {
        let path = format!(
            "/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=entity_id\
             &searchCriteria[filter_groups][0][filters][0][value]={}\
             &searchCriteria[filter_groups][0][filters][0][condition_type]=in\
             &searchCriteria[sortOrders][0][field]={sort}\
             &searchCriteria[sortOrders][0][direction]={direction}\
             &searchCriteria[pageSize]=3&searchCriteria[currentPage]={page}",
            picked.map(|id| id.to_string()).join(",")
        );
        let app = &app;
        let token = &token;
        async move {
            let reply = app.get(&path, token).await;
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            assert_eq!(reply.body["total_count"], json!(4));
            reply.body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["entity_id"].as_i64().unwrap())
                .collect::<Vec<_>>()
        }
    };
    // 700 for odd n (ids[3], ids[11]), 500 for even n; equal totals in entity_id order.
    assert_eq!(
        list("grand_total", "DESC", 1).await,
        [ids[3], ids[11], ids[8]]
    );
    assert_eq!(list("grand_total", "DESC", 2).await, [ids[12]]);
    assert_eq!(
        list("grand_total", "ASC", 1).await,
        [ids[8], ids[12], ids[3]]
    );
    assert_eq!(
        list("increment_id", "DESC", 1).await,
        [ids[12], ids[11], ids[8]]
    );
    assert_eq!(list("increment_id", "DESC", 2).await, [ids[3]]);
}

/// A page that holds every match (found through the filter's index and sorted,
/// `db::search::page_reaches_the_last_match`) is in entity_id order whatever order the index
/// finds the matches in, with the count of the matches (a page past the end holds none, as 2.4's
/// `Collection::getCurPage` no longer clamps); so are the pages of more matches than a page holds.
#[tokio::test]
async fn a_page_of_every_match_is_in_key_order() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut ids = Vec::new();
    for n in 0..4 {
        let mut entity = fixture("order-import-tutorial-copy.json")["entity"].clone();
        // Increment ids in the reverse order of the entity ids: the index on increment_id
        // finds the matches last order first.
        entity["increment_id"] = json!(format!("FEW{:04}", 3 - n));
        ids.push(app.create_order(&token, entity).await);
    }
    let list = |size: Option<usize>, page: usize| {
        let size = size
            .map(|s| format!("&searchCriteria[pageSize]={s}"))
            .unwrap_or_default();
        let path = format!(
            "/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=increment_id\
             &searchCriteria[filter_groups][0][filters][0][value]=FEW0000,FEW0001,FEW0002,FEW0003\
             &searchCriteria[filter_groups][0][filters][0][condition_type]=in\
             {size}&searchCriteria[currentPage]={page}&fields=items[entity_id],total_count"
        );
        let app = &app;
        let token = &token;
        async move {
            let reply = app.get(&path, token).await;
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            reply.body
        }
    };
    let page = |ids: &[i64]| {
        json!({
            "items": ids.iter().map(|id| json!({"entity_id": id})).collect::<Vec<_>>(),
            "total_count": 4
        })
    };
    assert_eq!(list(Some(5), 1).await, page(&ids));
    assert_eq!(list(Some(4), 1).await, page(&ids));
    // An empty page through `fields`: FieldsFilter::_applyFilter reads `[]` as a list and
    // collects nothing into its null.
    let empty = json!({"items": null, "total_count": 4});
    assert_eq!(list(Some(5), 7).await, empty, "past the end: no items");
    assert_eq!(
        list(Some(5), 0).await,
        page(&ids),
        "below 1: the first page"
    );
    assert_eq!(list(None, 1).await, page(&ids));
    assert_eq!(list(Some(3), 1).await, page(&ids[..3]));
    assert_eq!(list(Some(3), 2).await, page(&ids[3..]));
    assert_eq!(list(Some(3), 9).await, empty);
}

/// The ids of the orders one filter (`field`, `condition_type` `cond`, `value`) lists.
async fn order_ids(app: &TestApp, token: &str, cond: &str, field: &str, value: String) -> Vec<i64> {
    let path = format!(
        "/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]={field}\
         &searchCriteria[filter_groups][0][filters][0][value]={value}\
         &searchCriteria[filter_groups][0][filters][0][condition_type]={cond}\
         &fields=items[entity_id]"
    );
    let reply = app.get(&path, token).await;
    assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
    reply.body["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| i["entity_id"].as_i64().unwrap_or_default())
        .collect()
}

/// `FilterProcessor` turns `fulltext` into a LIKE of the value anywhere, and
/// `prepareSqlCondition` reads `finset` as FIND_IN_SET (the value one of the column's
/// comma-separated items, without case) and `nfinset` as its negation; a NULL column matches
/// neither.
#[tokio::test]
async fn fulltext_and_finset_conditions() {
    let app = spawn_app().await;
    let token = app.token().await;
    let ids = |cond: &'static str, field: &'static str, value: &str| {
        order_ids(&app, &token, cond, field, value.to_owned())
    };
    let all = ids("notnull", "entity_id", "").await;
    assert!(!all.is_empty());
    assert_eq!(
        ids("fulltext", "customer_email", "DOE%40EXAMPLE").await,
        all
    );
    assert_eq!(
        ids("fulltext", "customer_email", "nobody").await,
        Vec::<i64>::new()
    );
    // applied_rule_ids is a comma list ("3" on the tutorial's orders).
    assert_eq!(
        ids("finset", "applied_rule_ids", "3").await,
        ids("eq", "applied_rule_ids", "3").await
    );
    assert_eq!(
        ids("finset", "applied_rule_ids", "4").await,
        Vec::<i64>::new()
    );
    // LIKE escapes with a backslash, as MySQL's does: `\_` is an underscore, not any
    // character; a backslash that ends the pattern is itself.
    let empty = Vec::<i64>::new();
    assert_eq!(ids("like", "increment_id", "00000000_").await, all);
    assert_eq!(ids("like", "increment_id", "00000000%5C_").await, empty);
    assert_eq!(ids("nlike", "increment_id", "00000000%5C_").await, all);
    assert_eq!(ids("like", "increment_id", "%25%5C%25").await, empty);
    assert_eq!(ids("like", "increment_id", "00000000%5C").await, empty);
    // `\3` is an escaped `3` (without ESCAPE, SQLite would look for a backslash).
    assert_eq!(
        ids("like", "increment_id", "00000000%5C3").await,
        ids("eq", "increment_id", "000000003").await
    );
    assert!(!ids("eq", "increment_id", "000000003").await.is_empty());
    assert_eq!(ids("fulltext", "increment_id", "0000%5C_").await, empty);
    assert_eq!(ids("fulltext", "increment_id", "0000_").await, all);
    let none_with_3 = ids("nfinset", "applied_rule_ids", "3").await;
    let with_3 = ids("finset", "applied_rule_ids", "3").await;
    assert!(!with_3.is_empty());
    assert!(none_with_3.iter().all(|id| !with_3.contains(id)));
}

/// Text compares as Magento's MySQL columns (`utf8_general_ci`, `PAD SPACE`) compare it: without
/// case, trailing spaces left out, leading ones kept (an `in` list is cut as PHP's `explode`
/// cuts it); numbers are read around their spaces.
#[tokio::test]
async fn text_filters_compare_as_mysql_collations_do() {
    let app = spawn_app().await;
    let token = app.token().await;
    let ids = |cond: &'static str, field: &'static str, value: &str| {
        order_ids(&app, &token, cond, field, value.to_owned())
    };
    let order = app.get("/rest/V1/orders/3", &token).await;
    let email = order.body["customer_email"].as_str().unwrap().to_owned();
    let increment = order.body["increment_id"].as_str().unwrap().to_owned();
    let upper = email.to_uppercase().replace('@', "%40");
    let stored = email.replace('@', "%40");
    assert_eq!(ids("eq", "customer_email", &stored).await, [3]);
    assert_eq!(ids("eq", "customer_email", &upper).await, [3]);
    assert_eq!(
        ids("eq", "customer_email", &format!("{upper}%20%20")).await,
        [3]
    );
    assert_eq!(
        ids("eq", "customer_email", &format!("%20{upper}")).await,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids("neq", "customer_email", &upper).await,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids("in", "customer_email", &format!("x,{upper}%20")).await,
        [3]
    );
    assert_eq!(
        ids("in", "customer_email", &format!("x,%20{upper}")).await,
        Vec::<i64>::new()
    );
    assert_eq!(
        ids("nin", "customer_email", &format!("x,{upper}")).await,
        Vec::<i64>::new()
    );
    assert_eq!(ids("gteq", "customer_email", &upper).await, [3]);
    assert_eq!(
        ids("eq", "status", "PROCESSING").await,
        ids("eq", "status", "processing").await
    );
    assert_eq!(
        ids("eq", "increment_id", &format!("{increment}%20")).await,
        [3]
    );
    assert_eq!(ids("in", "entity_id", "%202,%203%20").await, [3]);
    assert_eq!(ids("eq", "entity_id", "%203").await, [3]);
    // A status poll keeps its index (migration 0037 builds it without case).
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "EXPLAIN QUERY PLAN SELECT entity_id FROM sales_order WHERE status = ? COLLATE NOCASE",
    )
    .bind("processing")
    .fetch_all(&app.state.db.read)
    .await
    .unwrap();
    assert!(
        plan.iter()
            .any(|(_, _, _, d)| d.contains("INDEX sales_order_status")),
        "{plan:?}"
    );
}

/// A sort order without a direction is echoed with a null one (`SortOrder::getDirection`'s
/// unset value) and sorts DESC (`SortingProcessor`: anything but ASC); an element that is no
/// array is an empty sort order (CustomerRepositoryTest's `sort_orders[email]=ASC`).
#[tokio::test]
async fn a_sort_without_direction_echoes_null_and_sorts_descending() {
    let app = spawn_app().await;
    let token = app.token().await;
    let mut entity = fixture("order-import-tutorial-copy.json")["entity"].clone();
    entity["increment_id"] = json!("SORT0001");
    app.create_order(&token, entity).await;
    let reply = app
        .get(
            "/rest/V1/orders?searchCriteria[sortOrders][0][field]=entity_id&fields=items[entity_id],search_criteria",
            &token,
        )
        .await;
    assert_eq!(
        reply.body["search_criteria"]["sort_orders"],
        json!([{"field": "entity_id", "direction": null}])
    );
    let ids: Vec<i64> = reply.body["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| i["entity_id"].as_i64().unwrap_or_default())
        .collect();
    let mut descending = ids.clone();
    descending.sort_by(|a, b| b.cmp(a));
    assert!(ids.len() > 1);
    assert_eq!(ids, descending);
    let odd = app
        .get(
            "/rest/V1/customers/search?searchCriteria[sort_orders][email]=ASC",
            &token,
        )
        .await;
    assert_eq!(
        odd.body["search_criteria"]["sort_orders"],
        json!([{"field": null, "direction": null}])
    );
}

/// Magento hands a filter's or sort's field to MySQL as it is, and MySQL's column names compare
/// without case: `Status` filters and `Increment_Id` sorts the orders (my-magento and other
/// clients send camelCase names). Customers are an EAV collection: attribute codes are found
/// without case too (`firstName`), a code no attribute has is 400 `attribute name is invalid`
/// (not a database error), and a sort on one is left out.
#[tokio::test]
async fn field_names_compare_without_case() {
    let app = spawn_app().await;
    let token = app.token().await;
    assert_eq!(
        order_ids(&app, &token, "eq", "Status", "pending".into()).await,
        order_ids(&app, &token, "eq", "status", "pending".into()).await
    );
    assert!(!order_ids(&app, &token, "eq", "STATUS", "pending".into())
        .await
        .is_empty());
    let sorted = |field: &str| {
        let path = format!(
            "/rest/V1/orders?searchCriteria[sortOrders][0][field]={field}\
             &searchCriteria[sortOrders][0][direction]=ASC&fields=items[increment_id]"
        );
        let app = &app;
        let token = &token;
        async move { app.get(&path, token).await }
    };
    let (upper, lower) = (sorted("Increment_Id").await, sorted("increment_id").await);
    assert_eq!(upper.status, StatusCode::OK, "{:?}", upper.body);
    assert_eq!(upper.body, lower.body);
    // An unknown column is still the database's error.
    let unknown = app
        .get(
            "/rest/V1/orders?searchCriteria[filter_groups][0][filters][0][field]=nosuch\
             &searchCriteria[filter_groups][0][filters][0][value]=1",
            &token,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::INTERNAL_SERVER_ERROR);

    let customers = |query: &str| {
        let path = format!("/rest/V1/customers/search?{query}&fields=items[email],total_count");
        let app = &app;
        let token = &token;
        async move { app.get(&path, token).await }
    };
    let filter = |field: &str| {
        format!(
            "searchCriteria[filter_groups][0][filters][0][field]={field}\
             &searchCriteria[filter_groups][0][filters][0][value]=Jane"
        )
    };
    let camel = customers(&filter("firstName")).await;
    assert_eq!(camel.status, StatusCode::OK, "{:?}", camel.body);
    assert_eq!(camel.body, customers(&filter("firstname")).await.body);
    assert_eq!(camel.body["total_count"], json!(1), "{:?}", camel.body);
    let invalid = customers(&filter("nosuch")).await;
    assert_eq!(
        (invalid.status, invalid.body),
        (
            StatusCode::BAD_REQUEST,
            json!({"message": "The \"%1\" attribute name is invalid. Reset the name and try again.",
                   "parameters": ["nosuch"]})
        )
    );
    // The fields `getList` joins: the whole name, the default billing address's.
    for (field, value) in [
        ("name", "Jane%20Doe"),
        ("billing_city", "Mineola"),
        ("billing_country_id", "us"),
    ] {
        let reply = customers(&format!(
            "searchCriteria[filter_groups][0][filters][0][field]={field}\
             &searchCriteria[filter_groups][0][filters][0][value]={value}"
        ))
        .await;
        assert_eq!(
            (reply.status, &reply.body["total_count"]),
            (StatusCode::OK, &json!(1)),
            "{field}: {:?}",
            reply.body
        );
    }
    let by_unknown = customers("searchCriteria[sortOrders][0][field]=nosuch").await;
    assert_eq!(by_unknown.status, StatusCode::OK, "{:?}", by_unknown.body);
    assert_eq!(by_unknown.body, customers("searchCriteria=").await.body);
}

/// Magento quotes every value and MySQL compares a numeric column with a string as two
/// doubles, the string read as its numeric prefix: a fraction is no id, junk is its prefix or 0.
#[tokio::test]
async fn numeric_columns_compare_with_text_as_doubles() {
    let app = spawn_app().await;
    let token = app.token().await;
    let ids = |cond: &'static str, field: &'static str, value: &str| {
        order_ids(&app, &token, cond, field, value.to_owned())
    };
    let all = ids("notnull", "entity_id", "").await;
    assert!(all.contains(&3));
    let empty = Vec::<i64>::new();
    assert_eq!(ids("eq", "entity_id", "3.7").await, empty);
    assert_eq!(ids("eq", "entity_id", "3.0").await, vec![3]);
    assert_eq!(ids("eq", "entity_id", "3abc").await, vec![3]);
    assert_eq!(ids("eq", "entity_id", "%203").await, vec![3]);
    let below: Vec<i64> = all.iter().copied().filter(|id| *id <= 3).collect();
    assert_eq!(ids("lt", "entity_id", "3.7").await, below);
    assert_eq!(ids("gt", "entity_id", "abc").await, all);
    assert_eq!(ids("eq", "entity_id", "abc").await, empty);
    let tutorial = ids("eq", "grand_total", "1917.6").await;
    assert!(tutorial.contains(&3));
    assert_eq!(ids("eq", "grand_total", "1917.60001").await, empty);
    assert_eq!(ids("eq", "grand_total", "1917.6abc").await, tutorial);
    assert_eq!(
        ids("lt", "grand_total", "1917.60001").await,
        ids("lteq", "grand_total", "1917.6").await
    );
    // Past the double's range is its largest value (not 0); `1_000` is 1 to MySQL; a no-break
    // space is no white space to it (the value is 0).
    assert_eq!(ids("lt", "grand_total", "1e400").await, all);
    assert_eq!(
        ids("lteq", "grand_total", "1_000").await,
        ids("lteq", "grand_total", "1").await
    );
    assert_eq!(ids("eq", "entity_id", "%C2%A03").await, empty);
}

/// A flat collection selects `FROM <table> AS main_table`: `main_table.<column>` filters on the
/// main table's column (the alias with case, the column without); a joined column under the
/// alias is unknown, and EAV lists (alias `e`) refuse the name as no attribute.
#[tokio::test]
async fn main_table_names_the_flat_collections_own_column() {
    let app = spawn_app().await;
    let token = app.token().await;
    let f = "searchCriteria[filter_groups][0][filters]";
    let get = |path: String| {
        let app = &app;
        let token = &token;
        async move { app.get(&path, token).await }
    };
    let orders = |field: &str| {
        get(format!(
            "/rest/V1/orders?{f}[0][field]={field}&{f}[0][value]=pending&fields=items[entity_id],total_count"
        ))
    };
    let plain = orders("status").await;
    assert_eq!(plain.status, StatusCode::OK, "{:?}", plain.body);
    assert!(plain.body["total_count"].as_i64().unwrap() > 0);
    for qualified in ["main_table.status", "main_table.STATUS"] {
        let reply = orders(qualified).await;
        assert_eq!(
            (reply.status, &reply.body),
            (StatusCode::OK, &plain.body),
            "{qualified}"
        );
    }
    // A from/to range on the qualified name is one range too.
    let range = |field: &str| {
        get(format!(
            "/rest/V1/orders?{f}[0][field]={field}&{f}[0][value]=1&{f}[0][condition_type]=from\
             &{f}[1][field]={field}&{f}[1][value]=3&{f}[1][condition_type]=to&fields=items[entity_id]"
        ))
    };
    let qualified = range("main_table.entity_id").await;
    assert_eq!(
        (qualified.status, &qualified.body),
        (StatusCode::OK, &range("entity_id").await.body)
    );
    assert!(!qualified.body["items"].as_array().unwrap().is_empty());
    for unknown in ["Main_Table.status", "main_table.nosuch", "e.status"] {
        assert_eq!(
            orders(unknown).await.status,
            StatusCode::INTERNAL_SERVER_ERROR,
            "{unknown}"
        );
    }
    // Tax rates join the region: its code is `region_name`, not a column of `main_table`.
    let rates = |field: &str| {
        get(format!(
            "/rest/V1/taxRates/search?{f}[0][field]={field}&{f}[0][value]=US&fields=total_count"
        ))
    };
    let by_country = rates("main_table.tax_country_id").await;
    assert_eq!(by_country.status, StatusCode::OK, "{:?}", by_country.body);
    assert_eq!(by_country.body, rates("tax_country_id").await.body);
    assert_eq!(
        rates("main_table.region_name").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    // EAV lists: no attribute has that code.
    for path in [
        "/rest/V1/customers/search",
        "/rest/V1/products",
        "/rest/V1/categories/list",
    ] {
        let reply = get(format!(
            "{path}?{f}[0][field]=main_table.entity_id&{f}[0][value]=1"
        ))
        .await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "The \"%1\" attribute name is invalid. Reset the name and try again.",
                       "parameters": ["main_table.entity_id"]})
            ),
            "{path}"
        );
    }
    // A sort on it is refused before (`SortOrder::validateField`).
    let sort =
        get("/rest/V1/orders?searchCriteria[sortOrders][0][field]=main_table.status".into()).await;
    assert_eq!(sort.status, StatusCode::BAD_REQUEST, "{:?}", sort.body);
}

/// MySQL compares a `TIMESTAMP` column with a value read as a date and time: an ISO-8601 `T`,
/// other delimiters, no delimiters, a zero fraction and (8.0.19) an offset all name the same
/// instant, so connectors sending `datetime.isoformat()` get what they ask for. A value MySQL
/// cannot read is compared as text.
#[tokio::test]
async fn time_filters_read_the_value_as_mysql_does() {
    let app = spawn_app().await;
    let token = app.token().await;
    let ids = |cond: &'static str, value: &'static str| {
        let app = &app;
        let token = &token;
        async move { order_ids(app, token, cond, "created_at", value.replace('+', "%2B")).await }
    };
    let canonical = ids("eq", "2020-07-23 16:58:05").await;
    assert!(canonical.contains(&3), "{canonical:?}");
    for same in [
        "2020-07-23T16:58:05",
        "2020/07/23 16:58:05",
        "20200723165805",
        "2020-07-23 16:58:05.000",
        "2020-07-23T18:58:05+02:00",
        "20-7-23 16:58:5",
    ] {
        assert_eq!(ids("eq", same).await, canonical, "{same}");
    }
    assert_eq!(
        ids("gteq", "2020-07-23T16:58:05").await,
        ids("gteq", "2020-07-23 16:58:05").await
    );
    assert!(!ids("gteq", "2020-07-23T16:58:05").await.is_empty());
    // A date alone is its midnight; a fraction past the second is after it.
    assert!(!ids("lteq", "2020-07-23").await.contains(&3));
    assert!(!ids("gteq", "2020-07-23 16:58:05.5").await.contains(&3));
    assert!(ids("in", "2020-07-23T16:58:05,2001-01-01")
        .await
        .contains(&3));
}

/// `FilterProcessor` (2.4.8): `from` and `to` on one field in one group are one range
/// (`checkFromTo`), not an OR; condition types compare with case (`LIKE` is an equality, as any
/// unknown type); an empty or "0" condition type is `eq`, echoed so (`getConditionType()`'s
/// `?: 'eq'`); a negative page size pages by one row (`Zend_Db_Select::limitPage`).
#[tokio::test]
async fn from_to_ranges_case_and_odd_paging() {
    let app = spawn_app().await;
    let token = app.token().await;
    let copy = app
        .post(
            "/rest/V1/orders",
            &token,
            &fixture("order-import-tutorial-copy.json"),
        )
        .await;
    assert_eq!(copy.status, StatusCode::OK, "{:?}", copy.body);
    let f = "searchCriteria[filter_groups][0][filters]";
    let count = |query: String| {
        let app = &app;
        let token = &token;
        async move {
            let reply = app
                .get(
                    &format!("/rest/V1/orders?{query}&fields=total_count"),
                    token,
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            reply.body["total_count"].as_i64().unwrap_or(-1)
        }
    };
    let all = count(format!(
        "{f}[0][field]=entity_id&{f}[0][condition_type]=notnull"
    ))
    .await;
    assert!(all > 1);
    let range = |from: &str, to: &str| {
        format!(
            "{f}[0][field]=created_at&{f}[0][value]={from}&{f}[0][condition_type]=from\
             &{f}[1][field]=created_at&{f}[1][value]={to}&{f}[1][condition_type]=to"
        )
    };
    // A range in the future holds none; ORed, every order would pass its `to` half.
    assert_eq!(count(range("2090-01-01", "2091-01-01")).await, 0);
    assert_eq!(count(range("2000-01-01", "2091-01-01")).await, all);
    // Two fields: no range, the group stays an OR.
    let two_fields = format!(
        "{f}[0][field]=created_at&{f}[0][value]=2090-01-01&{f}[0][condition_type]=from\
         &{f}[1][field]=updated_at&{f}[1][value]=2091-01-01&{f}[1][condition_type]=to"
    );
    assert_eq!(count(two_fields).await, all);
    // `LIKE` is not `like`: an equality with "%".
    let like = |cond: &str| {
        format!("{f}[0][field]=customer_email&{f}[0][value]=%25example%25&{f}[0][condition_type]={cond}")
    };
    assert_eq!(count(like("like")).await, all);
    assert_eq!(count(like("LIKE")).await, 0);
    // `is` puts the quoted value after IS, and a filter without a field names the column ``:
    // both are MySQL's errors, a 500.
    for query in [
        format!("{f}[0][field]=entity_id&{f}[0][value]=1&{f}[0][condition_type]=is"),
        format!("{f}[0][value]=1"),
        format!("{f}[0][field]=entity_id&{f}[0][value]=3&{f}[1][value]=1"),
    ] {
        let reply = app.get(&format!("/rest/V1/orders?{query}"), &token).await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR, "{query}");
    }
    // The EAV lists look the missing field up as an attribute: none is coded so, and
    // `_addAttributeJoin` refuses it with a null parameter, a 400.
    for path in [
        "/rest/V1/customers/search",
        "/rest/V1/products",
        "/rest/V1/categories/list",
    ] {
        let reply = app.get(&format!("{path}?{f}[0][value]=1"), &token).await;
        assert_eq!(
            (reply.status, reply.body),
            (
                StatusCode::BAD_REQUEST,
                json!({"message": "The \"%1\" attribute name is invalid. Reset the name and try again.",
                       "parameters": [null]})
            ),
            "{path}"
        );
    }
    // A scalar where the sort orders go is null: none, and none echoed.
    let reply = app
        .get(
            "/rest/V1/orders?searchCriteria[sortOrders]=&searchCriteria[pageSize]=1&fields=search_criteria",
            &token,
        )
        .await;
    assert_eq!(
        (reply.status, reply.body),
        (
            StatusCode::OK,
            json!({"search_criteria": {"filter_groups": [], "page_size": 1}})
        )
    );
    // An empty condition type is eq, and echoed so.
    let reply = app
        .get(
            &format!(
                "/rest/V1/orders?{f}[0][field]=entity_id&{f}[0][value]=3&{f}[0][condition_type]=\
                 &fields=search_criteria,total_count"
            ),
            &token,
        )
        .await;
    assert_eq!(
        reply.body,
        json!({
            "search_criteria": {"filter_groups": [{"filters": [
                {"field": "entity_id", "value": "3", "condition_type": "eq"}
            ]}]},
            "total_count": 1
        })
    );
    // `fulltext` is echoed with the value FilterProcessor set: wrapped in `%`.
    let reply = app
        .get(
            &format!(
                "/rest/V1/orders?{f}[0][field]=customer_email&{f}[0][value]=example\
                 &{f}[0][condition_type]=fulltext&fields=search_criteria,total_count"
            ),
            &token,
        )
        .await;
    assert_eq!(
        reply.body,
        json!({
            "search_criteria": {"filter_groups": [{"filters": [
                {"field": "customer_email", "value": "%example%", "condition_type": "fulltext"}
            ]}]},
            "total_count": all
        })
    );
    // A field sorted again moves to the end with its later direction (`_setOrder`): store_id
    // (the same for both), then entity_id descending.
    let sorted = app
        .get(
            "/rest/V1/orders?searchCriteria[sortOrders][0][field]=entity_id\
             &searchCriteria[sortOrders][0][direction]=ASC\
             &searchCriteria[sortOrders][1][field]=store_id\
             &searchCriteria[sortOrders][1][direction]=ASC\
             &searchCriteria[sortOrders][2][field]=entity_id\
             &searchCriteria[sortOrders][2][direction]=DESC&fields=items[entity_id]",
            &token,
        )
        .await;
    let ids: Vec<i64> = sorted.body["items"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i["entity_id"].as_i64())
                .collect()
        })
        .unwrap_or_default();
    let mut descending = ids.clone();
    descending.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!((ids.len() as i64, &ids), (all, &descending));
    // A negative page size: one row, the page-th.
    let paged = |page: i64| {
        let app = &app;
        let token = &token;
        async move {
            let reply = app
                .get(
                    &format!(
                        "/rest/V1/orders?searchCriteria[pageSize]=-5\
                         &searchCriteria[currentPage]={page}&fields=items[entity_id],total_count"
                    ),
                    token,
                )
                .await;
            assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
            reply.body
        }
    };
    let first = paged(1).await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(first["total_count"].as_i64(), Some(all));
    let second = paged(2).await;
    assert_eq!(second["items"].as_array().map(Vec::len), Some(1));
    assert_ne!(first["items"], second["items"]);
}

/// Customers, products and categories are EAV collections, whose `FilterProcessor` is not the
/// framework's: `from` and `to` on one field stay two ORed conditions, and a condition type
/// `prepareSqlCondition` has no SQL for (`fulltext`, `LIKE`) compares the field with each value
/// of `['attribute' => $field, $type => $value]`, the attribute code among them; the echo keeps
/// a `fulltext` value as sent.
#[tokio::test]
async fn eav_lists_read_filters_as_the_eav_processor_does() {
    let app = spawn_app().await;
    let token = app.token().await;
    let f = "searchCriteria[filter_groups][0][filters]";
    let get = |path: String| {
        let app = &app;
        let token = &token;
        async move {
            let r = app.get(&path, token).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {:?}", r.body);
            r.body
        }
    };
    let all_customers = get("/rest/V1/customers/search?searchCriteria=&fields=total_count".into())
        .await["total_count"]
        .clone();
    assert!(all_customers.as_i64().unwrap() > 0);
    // A range in the future: its `to` half alone matches every customer.
    let range = get(format!(
        "/rest/V1/customers/search?{f}[0][field]=created_at&{f}[0][value]=2090-01-01&{f}[0][condition_type]=from\
         &{f}[1][field]=created_at&{f}[1][value]=2091-01-01&{f}[1][condition_type]=to&fields=total_count"
    ))
    .await;
    assert_eq!(range["total_count"], all_customers);
    let fulltext = |value: &str| {
        get(format!(
            "/rest/V1/customers/search?{f}[0][field]=email&{f}[0][value]={value}\
             &{f}[0][condition_type]=fulltext&fields=items[email],total_count,search_criteria"
        ))
    };
    let part = fulltext("example").await;
    assert_eq!(part["total_count"], 0, "{part:?}");
    assert_eq!(
        part["search_criteria"]["filter_groups"][0]["filters"][0],
        json!({"field": "email", "value": "example", "condition_type": "fulltext"})
    );
    let whole = fulltext("jdoe@example.com").await;
    assert_eq!(whole["items"], json!([{"email": "jdoe@example.com"}]));
    // The products' list: `LIKE` is no type either, so an equality.
    let products = get(format!(
        "/rest/V1/products?{f}[0][field]=sku&{f}[0][value]=24-WB01&{f}[0][condition_type]=LIKE&fields=items[sku]"
    ))
    .await;
    assert_eq!(products["items"], json!([{"sku": "24-WB01"}]));
    // A flat list still reads `fulltext` as a LIKE, and echoes it with `%`.
    let orders = get(format!(
        "/rest/V1/orders?{f}[0][field]=customer_email&{f}[0][value]=example\
         &{f}[0][condition_type]=fulltext&fields=total_count,search_criteria"
    ))
    .await;
    assert!(orders["total_count"].as_i64().unwrap() > 0);
    assert_eq!(
        orders["search_criteria"]["filter_groups"][0]["filters"][0]["value"],
        json!("%example%")
    );
}
