//! `GET /V1/directory/currency` (`CurrencyInformationAcquirerInterface::getCurrencyInfo`,
//! anonymous): the store view's base and display currencies, their symbols, the codes it allows
//! and the base currency's rates, for the store the path names.

use crate::common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

/// The tutorial's store works in US dollars: the same answer without a store code, for
/// `default` and for `all`, to a guest and to an admin; an unknown store code matches no route.
#[tokio::test]
async fn the_store_currency_answers_anonymously() {
    let app = spawn_app().await;
    let admin = app.token().await;
    let expected = json!({
        "base_currency_code": "USD",
        "base_currency_symbol": "$",
        "default_display_currency_code": "USD",
        "default_display_currency_symbol": "$",
        "available_currency_codes": ["USD"],
        "exchange_rates": [{"currency_to": "USD", "rate": 1}]
    });
    for (path, token) in [
        ("/rest/V1/directory/currency", ""),
        ("/rest/default/V1/directory/currency", ""),
        ("/rest/all/V1/directory/currency", admin.as_str()),
    ] {
        let r = app.get(path, token).await;
        assert_eq!(
            (r.status, r.body),
            (StatusCode::OK, expected.clone()),
            "{path}"
        );
    }
    let r = app.get("/rest/nowhere/V1/directory/currency", "").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
