//! Carts (`Quote/etc/webapi.xml`, `Checkout/etc/webapi.xml`; checkout.md 1.1):
//! - `/V1/carts/mine...`: `self` (a customer token); the cart is the customer's active quote
//!   (`%cart_id%`, the 404 "Current customer does not have an active cart." without one).
//!   Whatever `quote_id` / `cartId` a body names is overwritten by that forced value.
//! - `/V1/guest-carts/{cartId}...`: anonymous; the cart is the quote of the masked id
//!   (`GuestCart*` services load `QuoteIdMask` by `masked_id`).
//!
//! - `/V1/carts/{cartId}...` and `/V1/customers/{customerId}/carts`: an admin token
//!   (`Magento_Cart::manage`), the cart by id (`getActive`: 404 for an unknown or inactive id).
//!
//! All go through the same engine (`crate::checkout`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use crate::checkout::payment::Gateways;
use crate::checkout::{self, Cart, CartRef};
use crate::error::{Error, Result};
use crate::http::extract::{Admin, Body, CartManage, PathParams, Search, SelfCustomer};
use crate::http::reply::json_response;
use crate::http::routes::{Operation, ANONYMOUS, SELF};
use crate::wire::cart as wire;
use crate::wire::customer::CustomerData;
use crate::wire::input::path_int;
use crate::AppState;

/// The store of `/rest/V1/...` and `/rest/default/V1/...`.
const STORE_ID: i64 = 1;

/// This module's part of the route table (`crate::http::routes`).
pub fn operations() -> Vec<Operation> {
    vec![
        Operation::post(
            "/V1/carts/mine",
            r"Magento\Quote\Api\CartManagementInterface::createEmptyCartForCustomer",
            &[SELF],
            create,
        )
        .forced(&["customerId"]),
        Operation::get(
            "/V1/carts/mine",
            r"Magento\Quote\Api\CartManagementInterface::getCartForCustomer",
            &[SELF],
            show,
        )
        .forced(&["customerId"]),
        Operation::put(
            "/V1/carts/mine",
            r"Magento\Quote\Api\CartRepositoryInterface::save",
            &[SELF],
            save_mine,
        )
        .input(|body| crate::wire::cart::parse_cart_save(body).map(|_| ()))
        .forced(&["quote.id"]),
        Operation::post(
            "/V1/carts/mine/items",
            r"Magento\Quote\Api\CartItemRepositoryInterface::save",
            &[SELF],
            mine_add,
        )
        .input(|body| crate::wire::cart::parse_item(body).map(|_| ()))
        .forced(&["cartItem.quote_id"]),
        Operation::get(
            "/V1/carts/mine/items",
            r"Magento\Quote\Api\CartItemRepositoryInterface::getList",
            &[SELF],
            mine_items,
        )
        .forced(&["cartId"]),
        Operation::put(
            "/V1/carts/mine/items/{itemId}",
            r"Magento\Quote\Api\CartItemRepositoryInterface::save",
            &[SELF],
            mine_update,
        )
        .input(|body| crate::wire::cart::parse_item(body).map(|_| ()))
        .forced(&["cartItem.quote_id"]),
        Operation::delete(
            "/V1/carts/mine/items/{itemId}",
            r"Magento\Quote\Api\CartItemRepositoryInterface::deleteById",
            &[SELF],
            mine_delete,
        )
        .forced(&["cartId"]),
        Operation::get(
            "/V1/carts/mine/totals",
            r"Magento\Quote\Api\CartTotalRepositoryInterface::get",
            &[SELF],
            mine_totals,
        )
        .forced(&["cartId"]),
        Operation::get(
            "/V1/carts/mine/payment-methods",
            r"Magento\Quote\Api\PaymentMethodManagementInterface::getList",
            &[SELF],
            mine_methods,
        )
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/mine/estimate-shipping-methods",
            r"Magento\Quote\Api\ShipmentEstimationInterface::estimateByExtendedAddress",
            &[SELF],
            mine_estimate,
        )
        .input(|body| crate::wire::cart::parse_address_param(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/mine/shipping-information",
            r"Magento\Checkout\Api\ShippingInformationManagementInterface::saveAddressInformation",
            &[SELF],
            mine_shipping,
        )
        .input(|body| crate::wire::cart::parse_shipping_information(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/mine/payment-information",
            r"Magento\Checkout\Api\PaymentInformationManagementInterface::savePaymentInformationAndPlaceOrder",
            &[SELF],
            mine_payment,
        )
        .input(|body| crate::wire::cart::parse_payment_information(body, false).map(|_| ()))
        .forced(&["cartId"]),
        Operation::put(
            "/V1/carts/mine/order",
            r"Magento\Quote\Api\CartManagementInterface::placeOrder",
            &[SELF],
            mine_order,
        )
        .input(|body| crate::wire::cart::parse_place_order(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::put(
            "/V1/guest-carts/{cartId}/order",
            r"Magento\Quote\Api\GuestCartManagementInterface::placeOrder",
            &[ANONYMOUS],
            guest_order,
        )
        .input(|body| crate::wire::cart::parse_place_order(body).map(|_| ())),
        Operation::put(
            "/V1/carts/{cartId}/order",
            r"Magento\Quote\Api\CartManagementInterface::placeOrder",
            &["Magento_Cart::manage"],
            admin_order,
        )
        .input(|body| crate::wire::cart::parse_place_order(body).map(|_| ())),
        Operation::get(
            "/V1/carts/mine/billing-address",
            r"Magento\Quote\Api\BillingAddressManagementInterface::get",
            &[SELF],
            mine_billing,
        )
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/mine/billing-address",
            r"Magento\Quote\Api\BillingAddressManagementInterface::assign",
            &[SELF],
            mine_assign,
        )
        .input(|body| crate::wire::cart::parse_billing_assign(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::get(
            "/V1/guest-carts/{cartId}/billing-address",
            r"Magento\Quote\Api\GuestBillingAddressManagementInterface::get",
            &[ANONYMOUS],
            guest_billing,
        ),
        Operation::post(
            "/V1/guest-carts/{cartId}/billing-address",
            r"Magento\Quote\Api\GuestBillingAddressManagementInterface::assign",
            &[ANONYMOUS],
            guest_assign,
        )
        .input(|body| crate::wire::cart::parse_billing_assign(body).map(|_| ())),
        Operation::get(
            "/V1/carts/{cartId}/billing-address",
            r"Magento\Quote\Api\BillingAddressManagementInterface::get",
            &["Magento_Cart::manage"],
            admin_billing,
        ),
        Operation::post(
            "/V1/carts/{cartId}/billing-address",
            r"Magento\Quote\Api\BillingAddressManagementInterface::assign",
            &["Magento_Cart::manage"],
            admin_assign,
        )
        .input(|body| crate::wire::cart::parse_billing_assign(body).map(|_| ())),
        Operation::post(
            "/V1/carts/",
            r"Magento\Quote\Api\CartManagementInterface::createEmptyCart",
            &["Magento_Cart::manage"],
            admin_create,
        ),
        Operation::post(
            "/V1/customers/{customerId}/carts",
            r"Magento\Quote\Api\CartManagementInterface::createEmptyCartForCustomer",
            &["Magento_Cart::manage"],
            admin_create_for,
        ),
        Operation::get(
            "/V1/carts/{cartId}",
            r"Magento\Quote\Api\CartRepositoryInterface::get",
            &["Magento_Cart::manage"],
            admin_show,
        ),
        Operation::post(
            "/V1/carts/{quoteId}/items",
            r"Magento\Quote\Api\CartItemRepositoryInterface::save",
            &["Magento_Cart::manage"],
            admin_add,
        )
        .input(|body| crate::wire::cart::parse_item(body).map(|_| ())),
        Operation::get(
            "/V1/carts/{cartId}/items",
            r"Magento\Quote\Api\CartItemRepositoryInterface::getList",
            &["Magento_Cart::manage"],
            admin_items,
        ),
        Operation::put(
            "/V1/carts/{cartId}/items/{itemId}",
            r"Magento\Quote\Api\CartItemRepositoryInterface::save",
            &["Magento_Cart::manage"],
            admin_update,
        )
        .input(|body| crate::wire::cart::parse_item(body).map(|_| ())),
        Operation::delete(
            "/V1/carts/{cartId}/items/{itemId}",
            r"Magento\Quote\Api\CartItemRepositoryInterface::deleteById",
            &["Magento_Cart::manage"],
            admin_delete,
        ),
        Operation::get(
            "/V1/carts/{cartId}/totals",
            r"Magento\Quote\Api\CartTotalRepositoryInterface::get",
            &["Magento_Cart::manage"],
            admin_totals,
        ),
        Operation::get(
            "/V1/carts/{cartId}/payment-methods",
            r"Magento\Quote\Api\PaymentMethodManagementInterface::getList",
            &["Magento_Cart::manage"],
            admin_methods,
        ),
        Operation::post(
            "/V1/carts/{cartId}/estimate-shipping-methods",
            r"Magento\Quote\Api\ShipmentEstimationInterface::estimateByExtendedAddress",
            &["Magento_Cart::manage"],
            admin_estimate,
        )
        .input(|body| crate::wire::cart::parse_address_param(body).map(|_| ())),
        Operation::post(
            "/V1/carts/{cartId}/shipping-information",
            r"Magento\Checkout\Api\ShippingInformationManagementInterface::saveAddressInformation",
            &["Magento_Cart::manage"],
            admin_shipping,
        )
        .input(|body| crate::wire::cart::parse_shipping_information(body).map(|_| ())),
        Operation::get(
            "/V1/carts/search",
            r"Magento\Quote\Api\CartRepositoryInterface::getList",
            &["Magento_Cart::manage"],
            admin_search,
        ),
        Operation::get(
            "/V1/carts/mine/coupons",
            r"Magento\Quote\Api\CouponManagementInterface::get",
            &[SELF],
            mine_coupon,
        )
        .forced(&["cartId"]),
        Operation::delete(
            "/V1/carts/mine/coupons",
            r"Magento\Quote\Api\CouponManagementInterface::remove",
            &[SELF],
            mine_coupon_remove,
        )
        .forced(&["cartId"]),
        Operation::put(
            "/V1/carts/mine/coupons/{couponCode}",
            r"Magento\Quote\Api\CouponManagementInterface::set",
            &[SELF],
            mine_coupon_set,
        )
        .forced(&["cartId"]),
        Operation::get(
            "/V1/guest-carts/{cartId}/coupons",
            r"Magento\Quote\Api\GuestCouponManagementInterface::get",
            &[ANONYMOUS],
            guest_coupon,
        ),
        Operation::delete(
            "/V1/guest-carts/{cartId}/coupons",
            r"Magento\Quote\Api\GuestCouponManagementInterface::remove",
            &[ANONYMOUS],
            guest_coupon_remove,
        ),
        Operation::put(
            "/V1/guest-carts/{cartId}/coupons/{couponCode}",
            r"Magento\Quote\Api\GuestCouponManagementInterface::set",
            &[ANONYMOUS],
            guest_coupon_set,
        ),
        Operation::get(
            "/V1/carts/{cartId}/coupons",
            r"Magento\Quote\Api\CouponManagementInterface::get",
            &["Magento_Cart::manage"],
            admin_coupon,
        ),
        Operation::delete(
            "/V1/carts/{cartId}/coupons",
            r"Magento\Quote\Api\CouponManagementInterface::remove",
            &["Magento_Cart::manage"],
            admin_coupon_remove,
        ),
        Operation::put(
            "/V1/carts/{cartId}/coupons/{couponCode}",
            r"Magento\Quote\Api\CouponManagementInterface::set",
            &["Magento_Cart::manage"],
            admin_coupon_set,
        ),
        Operation::post(
            "/V1/carts/mine/set-payment-information",
            r"Magento\Checkout\Api\PaymentInformationManagementInterface::savePaymentInformation",
            &[SELF],
            mine_set_payment,
        )
        .input(|body| crate::wire::cart::parse_payment_information(body, false).map(|_| ()))
        .forced(&["cartId"]),
        Operation::post(
            "/V1/guest-carts/{cartId}/set-payment-information",
            r"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::savePaymentInformation",
            &[ANONYMOUS],
            guest_set_payment,
        )
        .input(|body| crate::wire::cart::parse_payment_information(body, true).map(|_| ())),
        Operation::post(
            "/V1/guest-carts",
            r"Magento\Quote\Api\GuestCartManagementInterface::createEmptyCart",
            &[ANONYMOUS],
            guest_create,
        ),
        Operation::get(
            "/V1/guest-carts/{cartId}",
            r"Magento\Quote\Api\GuestCartRepositoryInterface::get",
            &[ANONYMOUS],
            guest_show,
        ),
        Operation::post(
            "/V1/guest-carts/{cartId}/items",
            r"Magento\Quote\Api\GuestCartItemRepositoryInterface::save",
            &[ANONYMOUS],
            guest_add,
        )
        .input(|body| crate::wire::cart::parse_item(body).map(|_| ())),
        Operation::get(
            "/V1/guest-carts/{cartId}/items",
            r"Magento\Quote\Api\GuestCartItemRepositoryInterface::getList",
            &[ANONYMOUS],
            guest_items,
        ),
        Operation::put(
            "/V1/guest-carts/{cartId}/items/{itemId}",
            r"Magento\Quote\Api\GuestCartItemRepositoryInterface::save",
            &[ANONYMOUS],
            guest_update,
        )
        .input(|body| crate::wire::cart::parse_item(body).map(|_| ())),
        Operation::delete(
            "/V1/guest-carts/{cartId}/items/{itemId}",
            r"Magento\Quote\Api\GuestCartItemRepositoryInterface::deleteById",
            &[ANONYMOUS],
            guest_delete,
        ),
        Operation::get(
            "/V1/guest-carts/{cartId}/totals",
            r"Magento\Quote\Api\GuestCartTotalRepositoryInterface::get",
            &[ANONYMOUS],
            guest_totals,
        ),
        Operation::get(
            "/V1/guest-carts/{cartId}/payment-methods",
            r"Magento\Quote\Api\GuestPaymentMethodManagementInterface::getList",
            &[ANONYMOUS],
            guest_methods,
        ),
        Operation::post(
            "/V1/guest-carts/{cartId}/estimate-shipping-methods",
            r"Magento\Quote\Api\GuestShipmentEstimationInterface::estimateByExtendedAddress",
            &[ANONYMOUS],
            guest_estimate,
        )
        .input(|body| crate::wire::cart::parse_address_param(body).map(|_| ())),
        Operation::post(
            "/V1/guest-carts/{cartId}/shipping-information",
            r"Magento\Checkout\Api\GuestShippingInformationManagementInterface::saveAddressInformation",
            &[ANONYMOUS],
            guest_shipping,
        )
        .input(|body| crate::wire::cart::parse_shipping_information(body).map(|_| ())),
        Operation::post(
            "/V1/guest-carts/{cartId}/payment-information",
            r"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::savePaymentInformationAndPlaceOrder",
            &[ANONYMOUS],
            guest_payment,
        )
        .input(|body| crate::wire::cart::parse_payment_information(body, true).map(|_| ())),
        Operation::post(
            "/V1/carts/mine/estimate-shipping-methods-by-address-id",
            r"Magento\Quote\Api\ShippingMethodManagementInterface::estimateByAddressId",
            &[SELF],
            mine_estimate_by_address,
        )
        .input(|body| crate::wire::cart::parse_address_id(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/{cartId}/estimate-shipping-methods-by-address-id",
            r"Magento\Quote\Api\ShippingMethodManagementInterface::estimateByAddressId",
            &["Magento_Cart::manage"],
            admin_estimate_by_address,
        )
        .input(|body| crate::wire::cart::parse_address_id(body).map(|_| ())),
        Operation::post(
            "/V1/carts/mine/totals-information",
            r"Magento\Checkout\Api\TotalsInformationManagementInterface::calculate",
            &[SELF],
            mine_totals_information,
        )
        .input(|body| crate::wire::cart::convert_totals_information(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::post(
            "/V1/carts/{cartId}/totals-information",
            r"Magento\Checkout\Api\TotalsInformationManagementInterface::calculate",
            &["Magento_Cart::manage"],
            admin_totals_information,
        )
        .input(|body| crate::wire::cart::convert_totals_information(body).map(|_| ())),
        Operation::post(
            "/V1/guest-carts/{cartId}/totals-information",
            r"Magento\Checkout\Api\GuestTotalsInformationManagementInterface::calculate",
            &[ANONYMOUS],
            guest_totals_information,
        )
        .input(|body| crate::wire::cart::convert_totals_information(body).map(|_| ())),
        Operation::put(
            "/V1/carts/mine/collect-totals",
            r"Magento\Quote\Api\CartTotalManagementInterface::collectTotals",
            &[SELF],
            mine_collect_totals,
        )
        .input(|body| crate::wire::cart::parse_collect_totals(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::put(
            "/V1/guest-carts/{cartId}/collect-totals",
            r"Magento\Quote\Api\GuestCartTotalManagementInterface::collectTotals",
            &[ANONYMOUS],
            guest_collect_totals,
        )
        .input(|body| crate::wire::cart::parse_collect_totals(body).map(|_| ())),
        Operation::put(
            "/V1/carts/{cartId}",
            r"Magento\Quote\Api\CartManagementInterface::assignCustomer",
            &["Magento_Cart::manage"],
            admin_assign_customer,
        )
        .input(|body| crate::wire::cart::required_int(body, "customerId").and(crate::wire::cart::required_int(body, "storeId")).map(|_| ())),
        Operation::put(
            "/V1/guest-carts/{cartId}",
            r"Magento\Quote\Api\GuestCartManagementInterface::assignCustomer",
            &[SELF],
            guest_assign_customer,
        )
        .input(|body| crate::wire::cart::required_int(body, "storeId").map(|_| ()))
        .forced(&["customerId"]),
        Operation::get(
            "/V1/carts/mine/shipping-methods",
            r"Magento\Quote\Api\ShippingMethodManagementInterface::getList",
            &[SELF],
            mine_shipping_methods,
        )
        .forced(&["cartId"]),
        Operation::get(
            "/V1/carts/{cartId}/shipping-methods",
            r"Magento\Quote\Api\ShippingMethodManagementInterface::getList",
            &["Magento_Cart::manage"],
            admin_shipping_methods,
        ),
        Operation::get(
            "/V1/guest-carts/{cartId}/shipping-methods",
            r"Magento\Quote\Api\GuestShippingMethodManagementInterface::getList",
            &[ANONYMOUS],
            guest_shipping_methods,
        ),
        Operation::get(
            "/V1/carts/mine/selected-payment-method",
            r"Magento\Quote\Api\PaymentMethodManagementInterface::get",
            &[SELF],
            mine_selected_payment,
        )
        .forced(&["cartId"]),
        Operation::put(
            "/V1/carts/mine/selected-payment-method",
            r"Magento\Quote\Api\PaymentMethodManagementInterface::set",
            &[SELF],
            mine_select_payment,
        )
        .input(|body| crate::wire::cart::parse_select_payment(body).map(|_| ()))
        .forced(&["cartId"]),
        Operation::get(
            "/V1/carts/{cartId}/selected-payment-method",
            r"Magento\Quote\Api\PaymentMethodManagementInterface::get",
            &["Magento_Cart::manage"],
            admin_selected_payment,
        ),
        Operation::put(
            "/V1/carts/{cartId}/selected-payment-method",
            r"Magento\Quote\Api\PaymentMethodManagementInterface::set",
            &["Magento_Cart::manage"],
            admin_select_payment,
        )
        .input(|body| crate::wire::cart::parse_select_payment(body).map(|_| ())),
        Operation::get(
            "/V1/guest-carts/{cartId}/selected-payment-method",
            r"Magento\Quote\Api\GuestPaymentMethodManagementInterface::get",
            &[ANONYMOUS],
            guest_selected_payment,
        ),
        Operation::put(
            "/V1/guest-carts/{cartId}/selected-payment-method",
            r"Magento\Quote\Api\GuestPaymentMethodManagementInterface::set",
            &[ANONYMOUS],
            guest_select_payment,
        )
        .input(|body| crate::wire::cart::parse_select_payment(body).map(|_| ())),
        Operation::get(
            "/V1/carts/mine/payment-information",
            r"Magento\Checkout\Api\PaymentInformationManagementInterface::getPaymentInformation",
            &[SELF],
            mine_payment_information,
        )
        .forced(&["cartId"]),
        Operation::get(
            "/V1/guest-carts/{cartId}/payment-information",
            r"Magento\Checkout\Api\GuestPaymentInformationManagementInterface::getPaymentInformation",
            &[ANONYMOUS],
            guest_payment_information,
        ),
    ]
}

/// `ShippingMethodManagement::getList`: `[]` for a virtual or empty cart, the 400 of a
/// shipping address without a country, else the methods for the saved address (the flat rate
/// does not depend on it; nothing is saved).
async fn shipping_methods(state: &AppState, who: CartRef) -> Result<Response> {
    let cart = checkout::read_cart(&state.db, &who).await?;
    let t = cart.totals();
    if t.is_virtual || t.lines.is_empty() {
        return Ok(json_response(StatusCode::OK, &json!([])));
    }
    if cart
        .shipping
        .as_ref()
        .and_then(|a| a.country_id.as_ref())
        .is_none()
    {
        return Err(Error::input(checkout::SHIPPING_ADDRESS_MISSING));
    }
    let pickup = checkout::pickup_offered(&state.db, &cart).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::shipping_methods(&t, pickup),
    ))
}

async fn mine_shipping_methods(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    shipping_methods(&s, mine(id)).await
}

async fn admin_shipping_methods(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    shipping_methods(&s, by_id(&id)?).await
}

async fn guest_shipping_methods(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    shipping_methods(&s, CartRef::Guest(mask)).await
}

/// `ShippingMethodManagement::estimateByAddressId` (`{"addressId": n}`): `[]` for a virtual or
/// empty cart (before the address is looked at), the methods for one of the cart customer's
/// addresses, else 2.4.9's 400 (2.4.0 looked the address up in any account: 404 for an unknown
/// id, the rates of another customer's address). Nothing is saved.
async fn estimate_by_address(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let address_id = wire::parse_address_id(body)?;
    let cart = checkout::read_cart(&state.db, &who).await?;
    let t = cart.totals();
    if t.is_virtual || t.lines.is_empty() {
        return Ok(json_response(StatusCode::OK, &json!([])));
    }
    if !checkout::customer_has_address(&state.db, &cart, address_id).await? {
        return Err(Error::input(checkout::SHIPPING_ADDRESS_MISSING));
    }
    let pickup = checkout::pickup_offered(&state.db, &cart).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::shipping_methods(&t, pickup),
    ))
}

async fn mine_estimate_by_address(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    estimate_by_address(&s, mine(id), &body).await
}

async fn admin_estimate_by_address(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    estimate_by_address(&s, by_id(&id)?, &body).await
}

/// `TotalsInformationManagement::calculate`: the cart's totals for the posted address and
/// shipping method (`checkout::with_totals_information`).
async fn totals_information(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let (address, method) = wire::parse_totals_information(body)?;
    let cart = checkout::with_totals_information(&state.db, &who, address, method).await?;
    Ok(json_response(
        StatusCode::OK,
        &totals_of(state, &cart).await?,
    ))
}

async fn mine_totals_information(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    totals_information(&s, mine(id), &body).await
}

async fn admin_totals_information(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    totals_information(&s, by_id(&id)?, &body).await
}

async fn guest_totals_information(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    totals_information(&s, CartRef::Guest(mask), &body).await
}

/// `CartTotalManagement::collectTotals` (`paymentMethod`, `shippingCarrierCode`,
/// `shippingMethodCode`, `additionalData`: core processes none of it): the totals after the
/// saves.
async fn collect_totals(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let (payment, shipping) = wire::parse_collect_totals(body)?;
    checkout::collect_totals(&state.db, who.clone(), shipping, payment.method).await?;
    let cart = checkout::read_cart(&state.db, &who).await?;
    Ok(json_response(
        StatusCode::OK,
        &totals_of(state, &cart).await?,
    ))
}

async fn mine_collect_totals(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    collect_totals(&s, mine(id), &body).await
}

async fn guest_collect_totals(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    collect_totals(&s, CartRef::Guest(mask), &body).await
}

/// `CartManagement::assignCustomer` (`{"customerId", "storeId"}`): `true`.
async fn admin_assign_customer(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let cart = by_id(&id)?;
    let customer_id = wire::required_int(&body, "customerId")?;
    let store_id = wire::required_int(&body, "storeId")?;
    checkout::assign_customer(&s.db, cart, customer_id, store_id).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `GuestCartManagement::assignCustomer` (a customer token; `customerId` is the token's,
/// `{"storeId"}`): `true`.
async fn guest_assign_customer(
    SelfCustomer(customer_id): SelfCustomer,
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let store_id = wire::required_int(&body, "storeId")?;
    checkout::assign_customer(&s.db, CartRef::Guest(mask), customer_id, store_id).await?;
    Ok(json_response(StatusCode::OK, &true))
}

/// `PaymentMethodManagement::get` (the cart by `quoteRepository->get`, active or not): the
/// payment's method, or `[]` when none was set (the service's null, as REST renders it).
async fn selected_payment(state: &AppState, who: CartRef) -> Result<Response> {
    let cart = checkout::read_any_cart(&state.db, &who).await?;
    match cart.quote.payment_method {
        Some(method) => Ok(json_response(StatusCode::OK, &json!({"method": method}))),
        None => Ok(json_response(StatusCode::OK, &json!([]))),
    }
}

async fn mine_selected_payment(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    selected_payment(&s, mine(id)).await
}

async fn admin_selected_payment(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    selected_payment(&s, by_id(&id)?).await
}

async fn guest_selected_payment(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    selected_payment(&s, CartRef::Guest(mask)).await
}

/// `PaymentMethodManagement::set` (`{"method": PaymentInterface}`): the checks of
/// `set-payment-information` without a billing address; the payment's id as a JSON string.
/// magemu keeps one payment per cart, on the cart row, so that id is the cart's.
async fn select_payment(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let method = wire::parse_select_payment(body)?;
    checkout::cart_coupon::set_payment_information(
        &state.db,
        who.clone(),
        method.method,
        None,
        None,
    )
    .await?;
    let cart = checkout::read_any_cart(&state.db, &who).await?;
    Ok(json_response(
        StatusCode::OK,
        &cart.quote.entity_id.to_string(),
    ))
}

async fn mine_select_payment(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    select_payment(&s, mine(id), &body).await
}

async fn admin_select_payment(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    select_payment(&s, by_id(&id)?, &body).await
}

async fn guest_select_payment(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    select_payment(&s, CartRef::Guest(mask), &body).await
}

/// `PaymentInformationManagement::getPaymentInformation`: the store's payment methods and the
/// cart's totals (`PaymentDetailsInterface`, as `shipping-information` answers); nothing saved.
async fn payment_information(state: &AppState, who: CartRef) -> Result<Response> {
    let cart = checkout::read_cart(&state.db, &who).await?;
    let reply = json!({
        "payment_methods": wire::payment_methods(&gateways(state)),
        "totals": totals_of(state, &cart).await?,
    });
    Ok(json_response(StatusCode::OK, &reply))
}

async fn mine_payment_information(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    payment_information(&s, mine(id)).await
}

async fn guest_payment_information(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    payment_information(&s, CartRef::Guest(mask)).await
}

fn mine(id: i64) -> CartRef {
    CartRef::Customer(id)
}

/// `createEmptyCartForCustomer`: the cart id as a JSON **number** (`(int)$quote->getId()`).
async fn create(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    let quote_id = checkout::create_for_customer(&state.db, id, STORE_ID).await?;
    Ok(json_response(StatusCode::OK, &quote_id))
}

/// `GuestCartManagement::createEmptyCart`: the masked id, a JSON string.
async fn guest_create(State(state): State<AppState>) -> Result<Response> {
    let mask = checkout::create_guest(&state.db, STORE_ID).await?;
    Ok(json_response(StatusCode::OK, &mask))
}

/// `CartRepository::save` on the customer's active cart: `[]`, the void method's reply.
async fn save_mine(
    SelfCustomer(id): SelfCustomer,
    State(state): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    let input = wire::parse_cart_save(&body)?;
    crate::checkout::cart_save::save(&state.db, id, input).await?;
    Ok(json_response(StatusCode::OK, &serde_json::json!([])))
}

async fn show(SelfCustomer(id): SelfCustomer, State(state): State<AppState>) -> Result<Response> {
    // getCartForCustomer goes through getActiveForCustomer: its own 404, not %cart_id%'s.
    let cart = checkout::read_cart(&state.db, &mine(id))
        .await
        .map_err(|err| match err {
            Error::NotFound(_) => Error::no_such_entity("customerId", id),
            other => other,
        })?;
    let customer = crate::customer::get(&state.db, id).await?;
    let customer = serde_json::to_value(CustomerData::from(&customer)).map_err(Error::internal)?;
    let t = cart.totals();
    Ok(json_response(
        StatusCode::OK,
        &wire::cart(&cart, &t, customer),
    ))
}

async fn guest_show(
    State(state): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    let cart = checkout::read_any_cart(&state.db, &CartRef::Guest(mask)).await?;
    let t = cart.totals();
    let customer = wire::guest_customer();
    Ok(json_response(
        StatusCode::OK,
        &wire::cart(&cart, &t, customer),
    ))
}

async fn items(state: &AppState, who: CartRef) -> Result<Response> {
    let cart = checkout::read_cart(&state.db, &who).await?;
    let t = cart.totals();
    Ok(json_response(StatusCode::OK, &wire::items(&cart, &t)))
}

async fn mine_items(SelfCustomer(id): SelfCustomer, State(s): State<AppState>) -> Result<Response> {
    items(&s, mine(id)).await
}

/// `GuestCartItemRepository::getList` sets each line's `quote_id` to the masked id (the
/// numeric cart id is not shown to an anonymous caller).
async fn guest_items(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    let cart = checkout::read_cart(&s.db, &CartRef::Guest(mask.clone())).await?;
    let t = cart.totals();
    let mut lines = serde_json::to_value(wire::items(&cart, &t)).map_err(Error::internal)?;
    if let Some(lines) = lines.as_array_mut() {
        for line in lines.iter_mut().filter_map(Value::as_object_mut) {
            line.insert("quote_id".into(), Value::String(mask.clone()));
        }
    }
    Ok(json_response(StatusCode::OK, &lines))
}

/// `CartItemRepository::save`: the saved line, after totals (its discounts included). An
/// `item_id` in the body makes it the update of that line.
async fn mine_add(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    saved_item(&s, mine(id), wire::parse_item(&body)?).await
}

async fn guest_add(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    saved_item(&s, CartRef::Guest(mask), wire::parse_item(&body)?).await
}

async fn mine_update(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    PathParams(item_id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let mut item = wire::parse_item(&body)?;
    // The path's id wins over the body's (sales.md 1.1).
    item.item_id = Some(path_int(&item_id)?);
    saved_item(&s, mine(id), item).await
}

async fn guest_update(
    State(s): State<AppState>,
    PathParams((mask, item_id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    let mut item = wire::parse_item(&body)?;
    item.item_id = Some(path_int(&item_id)?);
    saved_item(&s, CartRef::Guest(mask), item).await
}

async fn saved_item(state: &AppState, who: CartRef, item: checkout::ItemInput) -> Result<Response> {
    let (_, item_id) = checkout::save_item(&state.db, who.clone(), item).await?;
    let cart = checkout::read_cart(&state.db, &who).await?;
    let t = cart.totals();
    Ok(json_response(
        StatusCode::OK,
        &wire::cart_item(&cart, &t, item_id),
    ))
}

async fn mine_delete(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    PathParams(item_id): PathParams<String>,
) -> Result<Response> {
    checkout::delete_item(&s.db, mine(id), path_int(&item_id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn guest_delete(
    State(s): State<AppState>,
    PathParams((mask, item_id)): PathParams<(String, String)>,
) -> Result<Response> {
    checkout::delete_item(&s.db, CartRef::Guest(mask), path_int(&item_id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn link_titles(state: &AppState, cart: &Cart) -> Result<wire::LinkTitles> {
    let mut titles = wire::LinkTitles::default();
    let mut conn = state.db.read.acquire().await?;
    for item in cart.items.iter().filter(|i| i.downloadable_links.is_some()) {
        if let Some(p) = crate::db::catalog::product_by_id(&mut conn, item.product_id).await? {
            titles.links_title = p.links_title.unwrap_or_default();
        }
        for l in crate::db::catalog::downloadable_links(&mut conn, item.product_id).await? {
            titles.links.push((l.link_id, l.title.unwrap_or_default()));
        }
    }
    Ok(titles)
}

async fn totals_of(state: &AppState, cart: &Cart) -> Result<Value> {
    let t = cart.totals();
    let titles = link_titles(state, cart).await?;
    Ok(wire::totals(cart, &t, &titles))
}

/// `CartTotalRepository::get`.
async fn totals(state: &AppState, who: CartRef) -> Result<Response> {
    let cart = checkout::read_cart(&state.db, &who).await?;
    Ok(json_response(
        StatusCode::OK,
        &totals_of(state, &cart).await?,
    ))
}

async fn mine_totals(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    totals(&s, mine(id)).await
}

async fn guest_totals(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    totals(&s, CartRef::Guest(mask)).await
}

async fn methods(state: &AppState, who: CartRef) -> Result<Response> {
    checkout::read_cart(&state.db, &who).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::payment_methods(&gateways(state)),
    ))
}

/// The store's payment configuration (`checkout::payment`).
fn gateways(state: &AppState) -> Gateways {
    Gateways::from_config(&state.config)
}

async fn mine_methods(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    methods(&s, mine(id)).await
}

async fn guest_methods(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    methods(&s, CartRef::Guest(mask)).await
}

/// `ShipmentEstimationInterface::estimateByExtendedAddress`: the destination does not change
/// the flat rate, and the cart keeps no method from it.
async fn estimate(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    wire::parse_address_param(body)?;
    let cart = checkout::read_cart(&state.db, &who).await?;
    let t = cart.totals();
    let pickup = checkout::pickup_offered(&state.db, &cart).await?;
    Ok(json_response(
        StatusCode::OK,
        &wire::shipping_methods(&t, pickup),
    ))
}

async fn mine_estimate(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    estimate(&s, mine(id), &body).await
}

async fn guest_estimate(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    estimate(&s, CartRef::Guest(mask), &body).await
}

/// `ShippingInformationManagement::saveAddressInformation`: `{payment_methods, totals}`.
async fn shipping(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let info = wire::parse_shipping_information(body)?;
    checkout::save_shipping_information(
        &state.db,
        who.clone(),
        info.shipping,
        info.billing,
        info.carrier,
        info.method,
        info.pickup_location_code,
    )
    .await?;
    let cart = checkout::read_cart(&state.db, &who).await?;
    let reply = json!({
        "payment_methods": wire::payment_methods(&gateways(state)),
        "totals": totals_of(state, &cart).await?,
    });
    Ok(json_response(StatusCode::OK, &reply))
}

async fn mine_shipping(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    shipping(&s, mine(id), &body).await
}

async fn guest_shipping(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    shipping(&s, CartRef::Guest(mask), &body).await
}

/// `savePaymentInformationAndPlaceOrder`: the order id, a JSON string (`$order->getId()` is
/// PDO's lastInsertId, not cast; checkout.md 8.1). The guest service also takes `email`
/// (required).
async fn payment(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let info = wire::parse_payment_information(body, matches!(who, CartRef::Guest(_)))?;
    let request = checkout::PlaceRequest {
        method: Some(info.method),
        billing: info.billing,
        guest_email: info.guest_email,
        placement: checkout::Placement::PaymentInformation,
        gateways: gateways(state),
        agreement_ids: info.agreement_ids,
    };
    let order_id = checkout::place_order(
        &state.db,
        who,
        request,
        crate::wire::order_import::parse_order,
    )
    .await?;
    Ok(json_response(StatusCode::OK, &order_id.to_string()))
}

/// `PaymentInformationManagement::savePaymentInformation` (the guest form takes `email`):
/// `true`.
async fn set_payment(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let info = wire::parse_payment_information(body, matches!(who, CartRef::Guest(_)))?;
    checkout::cart_coupon::set_payment_information(
        &state.db,
        who,
        info.method.method,
        info.billing,
        info.guest_email,
    )
    .await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn mine_set_payment(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    set_payment(&s, mine(id), &body).await
}

async fn guest_set_payment(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    set_payment(&s, CartRef::Guest(mask), &body).await
}

/// `CouponManagement::get`: the code, or `[]` for none (`ServiceOutputProcessor` turns a null
/// result into an empty array).
async fn coupon(state: &AppState, who: CartRef) -> Result<Response> {
    match checkout::cart_coupon::get(&state.db, &who).await? {
        Some(code) => Ok(json_response(StatusCode::OK, &code)),
        None => Ok(json_response(StatusCode::OK, &json!([]))),
    }
}

/// `CouponManagement::set`: `true`, or the 404 of a code no rule applies with.
async fn coupon_set(state: &AppState, who: CartRef, code: String) -> Result<Response> {
    if !checkout::cart_coupon::set(&state.db, who, code).await? {
        return Err(Error::NotFound(crate::error::Phrase::plain(
            checkout::sales_rule::COUPON_NOT_VALID,
        )));
    }
    Ok(json_response(StatusCode::OK, &true))
}

async fn coupon_remove(state: &AppState, who: CartRef) -> Result<Response> {
    checkout::cart_coupon::remove(&state.db, who).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn mine_coupon(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    coupon(&s, mine(id)).await
}

async fn mine_coupon_set(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    PathParams(code): PathParams<String>,
) -> Result<Response> {
    coupon_set(&s, mine(id), code).await
}

async fn mine_coupon_remove(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    coupon_remove(&s, mine(id)).await
}

async fn guest_coupon(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    coupon(&s, CartRef::Guest(mask)).await
}

async fn guest_coupon_set(
    State(s): State<AppState>,
    PathParams((mask, code)): PathParams<(String, String)>,
) -> Result<Response> {
    coupon_set(&s, CartRef::Guest(mask), code).await
}

async fn guest_coupon_remove(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    coupon_remove(&s, CartRef::Guest(mask)).await
}

async fn admin_coupon(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    coupon(&s, by_id(&id)?).await
}

async fn admin_coupon_set(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams((id, code)): PathParams<(String, String)>,
) -> Result<Response> {
    coupon_set(&s, by_id(&id)?, code).await
}

async fn admin_coupon_remove(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    coupon_remove(&s, by_id(&id)?).await
}

/// `CartRepositoryInterface::getList` (`QuoteRepository::getList`): carts of any state, each
/// as `GET /V1/carts/{cartId}` shows it.
async fn admin_search(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    Search(criteria): Search,
) -> Result<Response> {
    let (carts, total) = checkout::list_carts(&s.db, &criteria).await?;
    let mut items = Vec::with_capacity(carts.len());
    for cart in &carts {
        items.push(cart_json(&s, cart).await?);
    }
    Ok(crate::http::reply::search_results(items, criteria, total))
}

/// `CartInterface` of `cart` with its customer (a guest's: [`wire::guest_customer`]).
async fn cart_json(s: &AppState, cart: &Cart) -> Result<Value> {
    let customer = match cart.quote.customer_id {
        Some(c) => serde_json::to_value(CustomerData::from(&crate::customer::get(&s.db, c).await?))
            .map_err(Error::internal)?,
        None => wire::guest_customer(),
    };
    let t = cart.totals();
    Ok(wire::cart(cart, &t, customer))
}

async fn mine_payment(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    payment(&s, mine(id), &body).await
}

async fn guest_payment(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    payment(&s, CartRef::Guest(mask), &body).await
}

fn by_id(raw: &str) -> Result<CartRef> {
    Ok(CartRef::Id(path_int(raw)?))
}

/// `QuoteManagement::createEmptyCart`: `$quote->getId()` uncast, a JSON string.
async fn admin_create(_: Admin<CartManage>, State(s): State<AppState>) -> Result<Response> {
    let id = checkout::create_empty(&s.db, STORE_ID).await?;
    Ok(json_response(StatusCode::OK, &id.to_string()))
}

/// `createEmptyCartForCustomer` for the path's customer: an int, as for `mine`.
async fn admin_create_for(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(customer_id): PathParams<String>,
) -> Result<Response> {
    let customer_id = path_int(&customer_id)?;
    crate::customer::get(&s.db, customer_id).await?;
    let id = checkout::create_for_customer(&s.db, customer_id, STORE_ID).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn admin_show(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    let cart = checkout::read_any_cart(&s.db, &by_id(&id)?).await?;
    Ok(json_response(StatusCode::OK, &cart_json(&s, &cart).await?))
}

async fn admin_items(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    items(&s, by_id(&id)?).await
}

/// `Item\Repository::save` on the admin routes: the cart is the body's `cartItem.quote_id`,
/// as the path's cart id reaches no parameter of `save` (the guest and `mine` routes put theirs
/// into the item); none, `""` or `"0"` is 400 `"quoteId" is required`, else it is `(int)` cast.
fn posted_cart(item: &checkout::ItemInput) -> Result<CartRef> {
    match item.quote_id.as_deref() {
        Some(id) if crate::wire::input::php_truthy(id) => Ok(CartRef::Id(
            crate::wire::input::php_int(&serde_json::Value::String(id.to_owned())),
        )),
        _ => Err(Error::required("quoteId")),
    }
}

async fn admin_add(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(_): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    let item = wire::parse_item(&body)?;
    saved_item(&s, posted_cart(&item)?, item).await
}

/// The path's item id goes into the item (`ParamsOverrider` puts the last path parameter
/// there), the cart is the body's.
async fn admin_update(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams((_, item_id)): PathParams<(String, String)>,
    Body(body): Body,
) -> Result<Response> {
    let mut item = wire::parse_item(&body)?;
    item.item_id = Some(path_int(&item_id)?);
    saved_item(&s, posted_cart(&item)?, item).await
}

async fn admin_delete(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams((id, item_id)): PathParams<(String, String)>,
) -> Result<Response> {
    checkout::delete_item(&s.db, by_id(&id)?, path_int(&item_id)?).await?;
    Ok(json_response(StatusCode::OK, &true))
}

async fn admin_totals(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    totals(&s, by_id(&id)?).await
}

async fn admin_methods(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    methods(&s, by_id(&id)?).await
}

async fn admin_estimate(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    estimate(&s, by_id(&id)?, &body).await
}

async fn admin_shipping(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    shipping(&s, by_id(&id)?, &body).await
}

/// `CartManagementInterface::placeOrder(cartId, paymentMethod?)`: the order id (a string).
async fn order(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let method = wire::parse_place_order(body)?;
    let placement = match method {
        Some(_) => checkout::Placement::Direct,
        None => checkout::Placement::Collect,
    };
    let request = checkout::PlaceRequest {
        method,
        billing: None,
        guest_email: None,
        placement,
        gateways: gateways(state),
        agreement_ids: Vec::new(),
    };
    let order_id = checkout::place_order(
        &state.db,
        who,
        request,
        crate::wire::order_import::parse_order,
    )
    .await?;
    Ok(json_response(StatusCode::OK, &order_id.to_string()))
}

async fn mine_order(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    order(&s, mine(id), &body).await
}

async fn guest_order(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    order(&s, CartRef::Guest(mask), &body).await
}

async fn admin_order(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    order(&s, by_id(&id)?, &body).await
}

/// `BillingAddressManagement::get`: the cart's billing address.
async fn billing(state: &AppState, who: CartRef) -> Result<Response> {
    let cart = checkout::read_cart(&state.db, &who).await?;
    Ok(json_response(StatusCode::OK, &wire::billing_address(&cart)))
}

async fn mine_billing(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
) -> Result<Response> {
    billing(&s, mine(id)).await
}

async fn guest_billing(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
) -> Result<Response> {
    billing(&s, CartRef::Guest(mask)).await
}

async fn admin_billing(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response> {
    billing(&s, by_id(&id)?).await
}

/// `BillingAddressManagement::assign(cartId, address, useForShipping)`: the address id, an int.
async fn assign(
    state: &AppState,
    who: CartRef,
    body: &serde_json::Map<String, Value>,
) -> Result<Response> {
    let (address, use_for_shipping) = wire::parse_billing_assign(body)?;
    let id = checkout::assign_billing(&state.db, who, address, use_for_shipping).await?;
    Ok(json_response(StatusCode::OK, &id))
}

async fn mine_assign(
    SelfCustomer(id): SelfCustomer,
    State(s): State<AppState>,
    Body(body): Body,
) -> Result<Response> {
    assign(&s, mine(id), &body).await
}

async fn guest_assign(
    State(s): State<AppState>,
    PathParams(mask): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    assign(&s, CartRef::Guest(mask), &body).await
}

async fn admin_assign(
    _: Admin<CartManage>,
    State(s): State<AppState>,
    PathParams(id): PathParams<String>,
    Body(body): Body,
) -> Result<Response> {
    assign(&s, by_id(&id)?, &body).await
}
