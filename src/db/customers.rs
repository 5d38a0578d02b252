//! `customer_entity`, `customer_address_entity`, `customer_group` and customer tokens.

use sqlx::SqliteConnection;

use crate::db::row_struct;

row_struct! {
    pub struct CustomerEntityRow {
        pub entity_id: i64,
        pub website_id: Option<i64>,
        pub email: String,
        pub group_id: i64,
        pub store_id: Option<i64>,
        pub created_in: Option<String>,
        pub firstname: String,
        pub lastname: String,
        pub middlename: Option<String>,
        pub prefix: Option<String>,
        pub suffix: Option<String>,
        pub dob: Option<String>,
        pub taxvat: Option<String>,
        pub gender: Option<i64>,
        pub default_billing: Option<i64>,
        pub default_shipping: Option<i64>,
        pub password_hash: Option<String>,
        pub disable_auto_group_change: i64,
        pub created_at: String,
        pub updated_at: String,
        pub is_subscribed: i64,
        /// The pending confirmation key (none: the account is active).
        pub confirmation: Option<String>,
    }
}

row_struct! {
    pub struct AddressEntityRow {
        pub entity_id: i64,
        pub parent_id: i64,
        pub firstname: String,
        pub lastname: String,
        pub middlename: Option<String>,
        pub prefix: Option<String>,
        pub suffix: Option<String>,
        pub company: Option<String>,
        pub street: String,
        pub city: String,
        pub region: Option<String>,
        pub region_id: Option<i64>,
        pub region_code: Option<String>,
        pub postcode: Option<String>,
        pub country_id: String,
        pub telephone: Option<String>,
        pub fax: Option<String>,
        pub vat_id: Option<String>,
    }
}

row_struct! {
    /// `customer_group` joined with its tax class name and the websites it is kept out of.
    pub struct GroupRow {
        pub customer_group_id: i64,
        pub customer_group_code: String,
        pub tax_class_id: i64,
        pub class_name: Option<String>,
        /// `customer_group_excluded_website`'s website ids, comma-separated in id order.
        pub excluded_website_ids: Option<String>,
    }
}

/// `customer_group g LEFT JOIN tax_class t`: the columns of a [`GroupRow`].
pub const GROUP_FROM: &str =
    "customer_group g LEFT JOIN tax_class t ON t.class_id = g.tax_class_id";
pub const GROUP_COLUMNS: &str = "g.customer_group_id, g.customer_group_code, g.tax_class_id, \
    t.class_name, (SELECT group_concat(website_id) FROM customer_group_excluded_website x \
    WHERE x.customer_group_id = g.customer_group_id) AS excluded_website_ids";

const CUSTOMER_COLUMNS: &str = "entity_id, website_id, email, group_id, store_id, created_in, \
    firstname, lastname, middlename, prefix, suffix, dob, taxvat, gender, default_billing, \
    default_shipping, password_hash, disable_auto_group_change, created_at, updated_at, \
    is_subscribed, confirmation";

pub async fn customer(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<CustomerEntityRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customer_entity WHERE entity_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The customer of `email` on `website_id` (MySQL's collation compares e-mails without case).
pub async fn customer_by_email(
    conn: &mut SqliteConnection,
    email: &str,
    website_id: i64,
) -> Result<Option<CustomerEntityRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CUSTOMER_COLUMNS} FROM customer_entity
         WHERE email = ? COLLATE NOCASE AND website_id = ?"
    ))
    .bind(email)
    .bind(website_id)
    .fetch_optional(conn)
    .await
}

const ADDRESS_COLUMNS: &str = "entity_id, parent_id, firstname, lastname, middlename, prefix, \
    suffix, company, street, city, region, region_id, region_code, postcode, country_id, \
    telephone, fax, vat_id";

pub async fn addresses(
    conn: &mut SqliteConnection,
    customer_id: i64,
) -> Result<Vec<AddressEntityRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ADDRESS_COLUMNS} FROM customer_address_entity WHERE parent_id = ? ORDER BY entity_id"
    ))
    .bind(customer_id)
    .fetch_all(conn)
    .await
}

pub async fn address(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<AddressEntityRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {ADDRESS_COLUMNS} FROM customer_address_entity WHERE entity_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Deletes the address and takes it off its customer's defaults (`Address/DeleteRelation`).
pub async fn delete_address(
    conn: &mut SqliteConnection,
    customer_id: i64,
    id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM customer_address_entity WHERE entity_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "UPDATE customer_entity SET
            default_billing = CASE WHEN default_billing = ?1 THEN NULL ELSE default_billing END,
            default_shipping = CASE WHEN default_shipping = ?1 THEN NULL ELSE default_shipping END
         WHERE entity_id = ?2 AND (default_billing = ?1 OR default_shipping = ?1)",
    )
    .bind(id)
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes the customer as MySQL's foreign keys do around it: its addresses (cascade, here
/// too), its tokens (cascade on `oauth_token.customer_id`), its orders' `customer_id` set to
/// null; carts are left alone (no foreign key on `quote.customer_id`).
pub async fn delete_customer(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sales_order SET customer_id = NULL WHERE customer_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    delete_tokens(conn, id).await?;
    sqlx::query("DELETE FROM customer_entity WHERE entity_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn group(conn: &mut SqliteConnection, id: i64) -> Result<Option<GroupRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {GROUP_COLUMNS} FROM {GROUP_FROM} WHERE g.customer_group_id = ?"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The type of tax class `id` (`CUSTOMER`, `PRODUCT`), if it exists.
pub async fn tax_class_type(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT class_type FROM tax_class WHERE class_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Every group's id and code.
pub async fn group_codes(conn: &mut SqliteConnection) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT customer_group_id, customer_group_code FROM customer_group")
        .fetch_all(conn)
        .await
}

/// Replaces the websites group `id` is kept out of.
pub async fn set_excluded_websites(
    conn: &mut SqliteConnection,
    id: i64,
    websites: &[i64],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM customer_group_excluded_website WHERE customer_group_id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for website in websites {
        sqlx::query(
            "INSERT INTO customer_group_excluded_website (customer_group_id, website_id)
             VALUES (?, ?)",
        )
        .bind(id)
        .bind(website)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Writes group `id` (a new one when `None`); its id.
pub async fn save_group(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    code: &str,
    tax_class_id: i64,
) -> Result<i64, sqlx::Error> {
    match id {
        Some(id) => {
            sqlx::query(
                "UPDATE customer_group SET customer_group_code = ?, tax_class_id = ?
                 WHERE customer_group_id = ?",
            )
            .bind(code)
            .bind(tax_class_id)
            .bind(id)
            .execute(conn)
            .await?;
            Ok(id)
        }
        None => Ok(sqlx::query(
            "INSERT INTO customer_group (customer_group_code, tax_class_id) VALUES (?, ?)",
        )
        .bind(code)
        .bind(tax_class_id)
        .execute(conn)
        .await?
        .last_insert_rowid()),
    }
}

/// Deletes group `id`: its customers move to their store's default group (`store_defaults`,
/// store id and group; `fallback` for a customer of no known store: `ResourceModel/Group::
/// _afterDelete`), its rule links and excluded websites go with it.
pub async fn delete_group(
    conn: &mut SqliteConnection,
    id: i64,
    store_defaults: &[(i64, i64)],
    fallback: i64,
) -> Result<(), sqlx::Error> {
    // Each customer is saved again (`$customer->save()`), which stamps `updated_at`.
    let now = crate::db::now_timestamp();
    for (store_id, group) in store_defaults {
        sqlx::query(
            "UPDATE customer_entity SET group_id = ?, updated_at = ? WHERE group_id = ? AND store_id = ?",
        )
        .bind(group)
        .bind(&now)
        .bind(id)
        .bind(store_id)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query("UPDATE customer_entity SET group_id = ?, updated_at = ? WHERE group_id = ?")
        .bind(fallback)
        .bind(&now)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for table in [
        "salesrule_customer_group",
        "customer_group_excluded_website",
    ] {
        sqlx::query(&format!("DELETE FROM {table} WHERE customer_group_id = ?"))
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM customer_group WHERE customer_group_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_defaults(
    conn: &mut SqliteConnection,
    customer_id: i64,
    billing: Option<i64>,
    shipping: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE customer_entity SET default_billing = ?, default_shipping = ? WHERE entity_id = ?",
    )
    .bind(billing)
    .bind(shipping)
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The customer a customer token belongs to, and when the token expires.
pub async fn token_customer(
    conn: &mut SqliteConnection,
    token: &str,
    user_type: i64,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT customer_id, expires_at FROM oauth_token
         WHERE token = ? AND user_type = ? AND customer_id IS NOT NULL",
    )
    .bind(token)
    .bind(user_type)
    .fetch_optional(conn)
    .await
}

pub async fn insert_token(
    conn: &mut SqliteConnection,
    token: &str,
    user_type: i64,
    username: &str,
    customer_id: i64,
    created_at: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO oauth_token (token, user_type, username, created_at, expires_at, customer_id)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(token)
    .bind(user_type)
    .bind(username)
    .bind(created_at)
    .bind(expires_at)
    .bind(customer_id)
    .execute(conn)
    .await?;
    Ok(())
}

row_struct! {
    /// What `Model/Authentication` reads of a customer: the password and the failure count.
    pub struct Credentials {
        pub email: String,
        pub password_hash: Option<String>,
        pub failures_num: i64,
        pub first_failure: Option<String>,
        pub lock_expires: Option<String>,
    }
}

pub async fn credentials(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as(
        "SELECT email, password_hash, failures_num, first_failure, lock_expires
         FROM customer_entity WHERE entity_id = ?",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Writes a customer's failure count, first failure and lock (the customer is saved again).
pub async fn set_failures(
    conn: &mut SqliteConnection,
    id: i64,
    failures: &Credentials,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE customer_entity SET failures_num = ?, first_failure = ?, lock_expires = ?,
         updated_at = ? WHERE entity_id = ?",
    )
    .bind(failures.failures_num)
    .bind(&failures.first_failure)
    .bind(&failures.lock_expires)
    .bind(crate::db::now_timestamp())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets a customer's password hash.
pub async fn set_password(
    conn: &mut SqliteConnection,
    id: i64,
    hash: &str,
) -> Result<(), sqlx::Error> {
    // `AccountManagement::changePasswordForCustomer` and `resetPassword` both clear the reset
    // token (`setRpToken(null)`), so a reset link sent before no longer works.
    sqlx::query(
        "UPDATE customer_entity SET password_hash = ?, rp_token = NULL,
         rp_token_created_at = NULL, updated_at = ? WHERE entity_id = ?",
    )
    .bind(hash)
    .bind(crate::db::now_timestamp())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// A customer's password reset token and when it was made (`rp_token`, `rp_token_created_at`).
pub async fn reset_token(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<Option<(Option<String>, Option<String>)>, sqlx::Error> {
    sqlx::query_as("SELECT rp_token, rp_token_created_at FROM customer_entity WHERE entity_id = ?")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Saves a new reset token for customer `id`, made at `created_at` (`changeResetPasswordLinkToken`:
/// the customer is saved, so `updated_at` moves to that time).
pub async fn set_reset_token(
    conn: &mut SqliteConnection,
    id: i64,
    token: &str,
    created_at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE customer_entity SET rp_token = ?1, rp_token_created_at = ?2, updated_at = ?2
         WHERE entity_id = ?3",
    )
    .bind(token)
    .bind(created_at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends customer `id`'s pending password reset.
pub async fn clear_reset_token(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE customer_entity SET rp_token = NULL, rp_token_created_at = NULL WHERE entity_id = ?",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// `resetPassword`'s save: the new password, the token gone, the failure count and the lock
/// cleared (`setFailuresNum(0)`, `setFirstFailure(null)`, `setLockExpires(null)`).
pub async fn reset_password(
    conn: &mut SqliteConnection,
    id: i64,
    hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE customer_entity SET password_hash = ?, rp_token = NULL, rp_token_created_at = NULL,
         failures_num = 0, first_failure = NULL, lock_expires = NULL, updated_at = ?
         WHERE entity_id = ?",
    )
    .bind(hash)
    .bind(crate::db::now_timestamp())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Magento_Security's `password_reset_request_event` rows of `request_type` made after `since`
/// (a `Y-m-d H:i:s` stamp) matching the protection type (1: the address or the e-mail, 2: the
/// address, 3: the e-mail; e-mails without case, as the table's `_ci` column compares them):
/// how many, and the newest one's time. The callers' windows (the frequency's 10 minutes
/// within the quantity's hour) all lie after `since`.
pub async fn reset_requests_since(
    conn: &mut SqliteConnection,
    request_type: i64,
    protection: i64,
    email: &str,
    ip: &str,
    since: &str,
) -> Result<(i64, Option<String>), sqlx::Error> {
    sqlx::query_as(
        "SELECT COUNT(*), MAX(created_at) FROM password_reset_request_event
         WHERE request_type = ?1 AND created_at > ?5 AND CASE ?2
             WHEN 1 THEN (ip = ?4 OR account_reference = ?3 COLLATE NOCASE)
             WHEN 2 THEN ip = ?4
             WHEN 3 THEN account_reference = ?3 COLLATE NOCASE
             ELSE 1 END",
    )
    .bind(request_type)
    .bind(protection)
    .bind(email)
    .bind(ip)
    .bind(since)
    .fetch_one(conn)
    .await
}

/// Records a reset request that passed the checks (`createNewPasswordResetRequestEventRecord`).
pub async fn log_reset_request(
    conn: &mut SqliteConnection,
    request_type: i64,
    email: &str,
    ip: &str,
    at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO password_reset_request_event (request_type, account_reference, created_at, ip)
         VALUES (?, ?, ?, ?)",
    )
    .bind(request_type)
    .bind(email)
    .bind(at)
    .bind(ip)
    .execute(conn)
    .await?;
    Ok(())
}

/// Deletes every token of customer `id`.
pub async fn delete_tokens(conn: &mut SqliteConnection, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM oauth_token WHERE customer_id = ?")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
