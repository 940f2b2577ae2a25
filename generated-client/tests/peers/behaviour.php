<?php
// TEST PEER: the business behaviour shared by the two InterServer test peers
// (`soapserver.php` on PHP's ext/soap, `nusoap_server.php` on NuSOAP). Each function is named
// like the WSDL operation it implements and returns plain PHP values; the SOAP library of the
// including server turns them into XML. Before including this file a server defines:
//   peer_fault($code, $string, $actor, $detail)  returns (NuSOAP) or throws (ext/soap) a fault;
//   peer_text($utf8)  converts a literal of this file (UTF-8) into the server's string charset.
// The fixed values below are mirrored in `tests/support/interserver.rs`; keep both in sync.

const PEER_USER = 'peer-user@example.com';
const PEER_PASSWORD = 'p@ss w&rd<1>';
const PEER_SID = '0f3c9a7e5b1d4f2a8c6e0b9d7f5a3c1e';
/** Rows `api_vps_get_services` returns for PEER_SID; a sid `rows:<N>` asks for N rows. */
const PEER_SID_ROWS = 3;
/** Upper bound on `rows:<N>`, so a typo cannot exhaust the machine. */
const PEER_MAX_ROWS = 100000;

/** Number of rows a sid stands for, or null when the sid is not a valid session. */
function peer_session_rows($sid)
{
    if ($sid === PEER_SID) {
        return PEER_SID_ROWS;
    }
    if (is_string($sid) && preg_match('/^rows:(0|[1-9][0-9]{0,5})$/', $sid, $m) && (int) $m[1] <= PEER_MAX_ROWS) {
        return (int) $m[1];
    }
    return null;
}

function peer_invalid_session()
{
    // Null, not absent: ext/soap refuses to encode a struct with a missing element.
    return ['status' => 'error', 'status_text' => 'Invalid Session ID', 'invoices' => null, 'cost' => null];
}

function api_login($username, $password)
{
    return ($username === PEER_USER && $password === PEER_PASSWORD) ? PEER_SID : '';
}

/**
 * Coupon prefixes select the outcome: `ok` success; `error` in-band error with the other fields
 * null; `error-absent` in-band error with the other fields absent (ext/soap cannot encode that
 * and answers a Server fault); `fault` a SOAP fault whose detail echoes the coupon;
 * `stored-utf8` a success whose status_text is UTF-8 whatever the server's charset, as text a
 * vendor stored in UTF-8 reaches NuSOAP; anything else a success whose status_text is the
 * coupon, unchanged.
 */
function api_api_buy_mail($sid, $coupon)
{
    if (peer_session_rows($sid) === null) {
        return peer_invalid_session();
    }
    $coupon = (string) $coupon;
    if (str_starts_with($coupon, 'error-absent')) {
        return ['status' => 'error', 'status_text' => 'Invalid coupon'];
    }
    if (str_starts_with($coupon, 'error')) {
        return ['status' => 'error', 'status_text' => 'Invalid coupon', 'invoices' => null, 'cost' => null];
    }
    if (str_starts_with($coupon, 'fault')) {
        return peer_fault('SOAP-ENV:Client', 'Coupon service unavailable', 'urn:myapi:api_api_buy_mail', 'coupon=' . $coupon);
    }
    if (str_starts_with($coupon, 'stored-utf8')) {
        // Not peer_text(): NuSOAP sends these bytes unchanged under its ISO-8859-1 label.
        $text = 'Commande passée — 5 €';
    } else {
        $text = str_starts_with($coupon, 'ok') ? 'Order placed' : $coupon;
    }
    return ['status' => 'ok', 'status_text' => $text, 'invoices' => '1001,1002', 'cost' => 5.5];
}

/** Echoes every part, in the order the server received them, into status_text. */
function api_openTicket($sid, $user_email, $user_ip, $subject, $product, $body, $box_auth_value)
{
    if (peer_session_rows($sid) === null) {
        return ['status' => 'error', 'status_text' => 'Invalid Session ID', 'ticket_reference_id' => null];
    }
    $parts = [
        'user_email' => $user_email, 'user_ip' => $user_ip, 'subject' => $subject,
        'product' => $product, 'body' => $body, 'box_auth_value' => $box_auth_value,
    ];
    $echo = [];
    foreach ($parts as $name => $value) {
        $echo[] = $name . '=' . $value;
    }
    return ['status' => 'ok', 'status_text' => implode(' | ', $echo), 'ticket_reference_id' => 4242];
}

function api_vps_get_services($sid)
{
    $rows = peer_session_rows($sid);
    if ($rows === null) {
        return peer_fault('SOAP-ENV:Client', 'Invalid Session ID', '', '');
    }
    $out = [];
    for ($i = 1; $i <= $rows; $i++) {
        $out[] = peer_vps_row($i);
    }
    return $out;
}

/** Row $i (1-based) of the VPS list: deterministic, varied, with non-ASCII, `&<>"'` and NULLs. */
function peer_vps_row($i)
{
    $comments = [
        peer_text('Kunde Müller & Söhne <prod>'),
        '',
        peer_text('café "quoted" \'single\''),
    ];
    $statuses = ['active', 'pending', 'canceled'];
    return [
        'vps_id' => 1000 + $i,
        'vps_custid' => 42,
        'vps_server' => 7 + $i % 3,
        'vps_ip' => '203.0.113.' . ($i % 254 + 1),
        // A SQL NULL, as the vendor's rows have for services without IPv6.
        'vps_ipv6' => $i % 4 === 0 ? null : sprintf('2001:db8::%x', $i),
        'vps_vzid' => 'vps' . (1000 + $i),
        'vps_currency' => 'USD',
        'vps_type' => 31,
        'vps_order_date' => '2024-01-15 10:20:30',
        'vps_status' => $statuses[$i % 3],
        'vps_invoice' => 5000 + $i,
        'vps_coupon' => 0,
        'vps_extra' => 'a:1:{s:2:"os";s:6:"ubuntu";}',
        'vps_hostname' => $i % 3 === 2 ? peer_text('bücher-vps' . $i . '.example') : 'vps' . $i . '.example.com',
        'vps_server_status' => 'running',
        'vps_comment' => $comments[$i % 3],
        'vps_slices' => 1 + $i % 4,
        'vps_vnc' => '203.0.113.250',
        'vps_vnc_port' => 5900 + $i % 1000,
        'vps_rootpass' => '',
        'vps_mac' => sprintf('52:54:00:%02x:%02x:%02x', ($i >> 16) & 255, ($i >> 8) & 255, $i & 255),
        'vps_os' => 'ubuntu',
        'vps_version' => '22.04',
        'vps_location' => 1,
        'vps_platform' => 'kvm',
        'vps_diskused' => 10240 + $i,
        'vps_diskmax' => 51200,
    ];
}

/** Locked IPs and why: an associative array (the WSDL's undefined `tns:array`). */
function get_locked_ips()
{
    return ['192.0.2.10' => 'brute force', '198.51.100.7' => peer_text('spam & <abuse> é')];
}

/** Module names: a list (the WSDL's undefined `tns:array`). */
function get_modules()
{
    return ['domains', 'vps', 'backups', 'mail', 'licenses', 'ssl'];
}
