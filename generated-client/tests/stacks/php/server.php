<?php
// TEST PEER (tests/third_party_stacks.rs): PHP ext/soap `SoapServer` in WSDL mode, one
// service per path, each on its own hand-written WSDL under tests/stacks/specs/
// (document/literal; rpc/encoded for /ledger) and with its own handler class (SERVICES below).
// Router script for PHP's built-in server:
//   php -S 127.0.0.1:<port> server.php
// POST <path> = a SOAP call to that path's service; GET <path>?wsdl = its WSDL, as committed.
//
// SoapServer alone is lenient: it binds children by local name and ignores their namespace,
// so a wrongly qualified request would still "work". Every handler therefore also checks the
// raw request (php://input) with XPath, by namespace URI, and answers the fault
// `Client` / `PEER-CHECK-FAILED <check>: <detail>` when something is not exactly as the
// schema says. The helpers for those checks are here; each handler file has only its
// service's checks and answers.

ini_set('soap.wsdl_cache_enabled', '0');

const NS_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Path => [WSDL under tests/stacks/specs/, handler file, handler class]. */
const SERVICES = [
    '/orders' => ['php_soapserver/orders.wsdl', 'orders.php', 'OrdersHandler'],
    '/lists' => ['php_lists/lists.wsdl', 'lists.php', 'ListsHandler'],
    '/attributes' => ['php_attributes/attributes.wsdl', 'attributes.php', 'AttributesHandler'],
    '/ledger' => ['php_ledger/ledger.wsdl', 'ledger.php', 'LedgerHandler'],
];

$path = parse_url($_SERVER['REQUEST_URI'] ?? '', PHP_URL_PATH);
if (!isset(SERVICES[$path])) {
    http_response_code(404);
    header('Content-Type: text/plain');
    echo "server.php: no service at $path; the services are " . implode(', ', array_keys(SERVICES)) . "\n";
    return true;
}
[$wsdl, $handler_file, $handler_class] = SERVICES[$path];
$wsdl = __DIR__ . '/../specs/' . $wsdl;
if (!is_readable($wsdl)) {
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "server.php: the WSDL of $path, $wsdl, is not readable\n";
    return true;
}

$method = $_SERVER['REQUEST_METHOD'] ?? '';
if ($method === 'GET' && isset($_GET['wsdl'])) {
    header('Content-Type: text/xml; charset=UTF-8');
    readfile($wsdl);
    return true;
}
if ($method !== 'POST') {
    http_response_code(405);
    header('Allow: POST');
    header('Content-Type: text/plain');
    echo "POST a SOAP envelope, or GET ?wsdl\n";
    return true;
}

function check_failed($check, $detail)
{
    throw new SoapFault('Client', "PEER-CHECK-FAILED $check: $detail");
}

/** The raw request as an XPath with the prefix e (envelope); handlers register their own. */
function request_xpath($raw)
{
    $doc = new DOMDocument();
    if (!$doc->loadXML($raw, LIBXML_NONET)) {
        check_failed('request.xml', 'not well-formed');
    }
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('e', NS_ENV);
    return $xp;
}

/** The texts of the elements `$path` selects, in document order. */
function texts($xp, $path)
{
    $out = [];
    foreach ($xp->query($path) as $node) {
        $out[] = $node->textContent;
    }
    return $out;
}

/** Checks that `$path` selects exactly the elements with these texts (no whitespace trimmed). */
function expect_texts($xp, $check, $path, array $want)
{
    $got = texts($xp, $path);
    if ($got !== $want) {
        check_failed($check, "$path gave " . json_encode($got) . ', want ' . json_encode($want));
    }
}

/** The one text `$path` selects, exactly. */
function only_text($xp, $check, $path)
{
    $got = texts($xp, $path);
    if (count($got) !== 1) {
        check_failed($check, "$path selected " . count($got) . ' nodes, want 1');
    }
    return $got[0];
}

/** Checks that the element has exactly these children (namespace URI + local name). */
function expect_children($xp, $check, $path, array $want)
{
    $got = [];
    foreach ($xp->query("$path/*") as $node) {
        $got[] = '{' . $node->namespaceURI . '}' . $node->localName;
    }
    if ($got !== $want) {
        check_failed($check, "$path children " . json_encode($got) . ', want ' . json_encode($want));
    }
}

/**
 * Checks that the one element `$path` selects has exactly these attributes, as
 * `{namespace URI}local name => value` (`{}` for no namespace).
 */
function expect_attributes($xp, $check, $path, array $want)
{
    $nodes = $xp->query($path);
    if ($nodes->length !== 1) {
        check_failed($check, "$path selects {$nodes->length} elements, want 1");
    }
    $got = [];
    foreach ($nodes->item(0)->attributes as $attribute) {
        $got['{' . $attribute->namespaceURI . '}' . $attribute->localName] = $attribute->value;
    }
    ksort($got);
    ksort($want);
    if ($got !== $want) {
        check_failed($check, "$path attributes " . json_encode($got) . ', want ' . json_encode($want));
    }
}

require __DIR__ . '/' . $handler_file;
$raw = file_get_contents('php://input');
$server = new SoapServer($wsdl, ['soap_version' => SOAP_1_1, 'cache_wsdl' => WSDL_CACHE_NONE]);
try {
    $xp = request_xpath($raw);
} catch (SoapFault $fault) {
    $server->fault($fault->faultcode, $fault->getMessage());
    return true;
}
$server->setObject(new $handler_class($xp));
$server->handle($raw);
return true;
