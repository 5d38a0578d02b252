//! `POST /V1/integration/admin/token`: the credentials as the input layer and
//! `Integration/Model/CredentialsValidator.php` check them.

use serde_json::{Map, Value};

use crate::error::{self as e, Error, Phrase, Result};
use crate::wire::input::required_strings;

/// The credentials of the body as the input layer converts them (both required strings),
/// before `CredentialsValidator` looks at them.
pub fn convert_credentials(body: &Map<String, Value>) -> Result<(String, String)> {
    // The keys as sent, exactly (the credentials validator reads them so).
    let [username, password] =
        required_strings(body, ["username", "password"], |b, name| b.get(name))?;
    Ok((username, password))
}

/// The credentials of the body, as the input layer and `CredentialsValidator` check them.
pub fn credentials(body: &Map<String, Value>) -> Result<(String, String)> {
    let (username, password) = convert_credentials(body)?;
    let empty: Vec<Phrase> = [("username", &username), ("password", &password)]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(name, _)| Phrase::named(e::FIELD_REQUIRED, "fieldName", name))
        .collect();
    if !empty.is_empty() {
        return Err(Error::aggregate(empty));
    }
    Ok((username, password))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn credential_errors() {
        let err = credentials(&body(json!({"password": "x"}))).unwrap_err();
        assert_eq!(
            err.body(),
            json!({"message": e::FIELD_REQUIRED, "parameters": {"fieldName": "username"}})
        );
        let err = credentials(&body(json!({}))).unwrap_err();
        assert_eq!(err.body()["message"], e::INPUT_EXCEPTIONS);
        assert_eq!(err.body()["errors"].as_array().unwrap().len(), 2);
        let err = credentials(&body(json!({"username": "", "password": "x"}))).unwrap_err();
        assert_eq!(err.body()["parameters"], json!({"fieldName": "username"}));
        let err = credentials(&body(json!({"username": ["a"], "password": "x"}))).unwrap_err();
        assert_eq!(
            err.body(),
            Error::invalid_type(None, "array", "string").body()
        );
        assert_eq!(
            credentials(&body(json!({"username": 123, "password": true}))).unwrap(),
            ("123".into(), "1".into())
        );
    }
}
