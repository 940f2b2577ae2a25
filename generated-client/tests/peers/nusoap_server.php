<?php
// TEST PEER: InterServer's SOAP API on NuSOAP 0.9.5, the library the vendor's own `api.php`
// runs on. Router script for PHP's built-in server:
//   NUSOAP_DIR=<patched copy> PEER_WSDL=<myapi.wsdl> [NUSOAP_ENCODING=UTF-8] \
//     php -S 127.0.0.1:<port> nusoap_server.php
// NUSOAP_DIR is a copy of Debian's /usr/share/php/nusoap/ made loadable on PHP 8 by
// nusoap_patch.php. Like the vendor, it calls configureWSDL('myapi', 'urn:myapi') and registers
// each operation rpc/encoded with its complex types; the signatures and types are read from
// PEER_WSDL (the vendor's own published WSDL) so they cannot drift from the spec.
// NUSOAP_ENCODING: unset or `ISO-8859-1` keeps NuSOAP's defaults (soap_defencoding ISO-8859-1,
// incoming UTF-8 decoded to ISO-8859-1); `UTF-8` sets soap_defencoding UTF-8 and decode_utf8 off.
// GET `?wsdl` answers the WSDL NuSOAP generates. Behaviour: behaviour.php.

/** Operations this peer serves. */
const PEER_OPERATIONS = [
    'api_login', 'api_api_buy_mail', 'api_openTicket', 'api_vps_get_services',
    'get_locked_ips', 'get_modules',
];

function peer_fail($message)
{
    http_response_code(500);
    header('Content-Type: text/plain');
    echo "nusoap_server.php: $message\n";
    exit;
}

$nusoap_dir = getenv('NUSOAP_DIR') ?: '';
$wsdl_path = getenv('PEER_WSDL') ?: '';
$encoding = getenv('NUSOAP_ENCODING') ?: 'ISO-8859-1';
if (!is_readable("$nusoap_dir/nusoap.php")) {
    peer_fail('NUSOAP_DIR has no nusoap.php (a copy patched by nusoap_patch.php)');
}
if (!is_readable($wsdl_path)) {
    peer_fail('PEER_WSDL does not name a readable WSDL file');
}
if ($encoding !== 'ISO-8859-1' && $encoding !== 'UTF-8') {
    peer_fail('NUSOAP_ENCODING must be ISO-8859-1 or UTF-8');
}
require "$nusoap_dir/nusoap.php";

function peer_fault($code, $string, $actor, $detail)
{
    return new soap_fault($code, $actor, $string, $detail);
}

function peer_text($utf8)
{
    global $encoding;
    return $encoding === 'UTF-8' ? $utf8 : iconv('UTF-8', 'ISO-8859-1', $utf8);
}

require __DIR__ . '/behaviour.php';

// NuSOAP keeps an internal debug log at level 9 by default; it never reaches the wire (unless a
// client asks with `?debug=1`) but makes 10,000 rows take tens of seconds. Level 0 skips it.
$GLOBALS['_transient']['static']['nusoap_base']['globalDebugLevel'] = 0;
$server = new soap_server();
if ($encoding === 'UTF-8') {
    $server->soap_defencoding = 'UTF-8';
    $server->decode_utf8 = false;
}
$server->configureWSDL('myapi', 'urn:myapi');
register_from_wsdl($server, $wsdl_path, PEER_OPERATIONS);
$server->service(file_get_contents('php://input'));
return true;

/**
 * Registers $operations as the vendor does (`addComplexType` for every `tns:` type they use,
 * then `register(name, in, out, 'urn:myapi', default action, 'rpc', 'encoded', doc)`), taking
 * part lists and type definitions from the WSDL at $path.
 */
function register_from_wsdl($server, $path, $operations)
{
    $doc = new DOMDocument();
    if (!$doc->load($path)) {
        peer_fail("cannot parse $path");
    }
    $xp = new DOMXPath($doc);
    $xp->registerNamespace('w', 'http://schemas.xmlsoap.org/wsdl/');
    $xp->registerNamespace('xsd', 'http://www.w3.org/2001/XMLSchema');

    $added = [];
    foreach ($operations as $op) {
        $in = message_parts($xp, $op . 'Request');
        $out = message_parts($xp, $op . 'Response');
        foreach (array_merge($in, $out) as $type) {
            add_type($server, $xp, $type, $added);
        }
        $documentation = '';
        foreach ($xp->query("/w:definitions/w:portType/w:operation[@name='$op']/w:documentation") as $d) {
            $documentation = $d->textContent;
        }
        $server->register($op, $in, $out, 'urn:myapi', false, 'rpc', 'encoded', $documentation);
    }
}

/** Parts of message $name in document order: [part name => type QName]. */
function message_parts($xp, $name)
{
    $parts = [];
    $message = $xp->query("/w:definitions/w:message[@name='$name']");
    if ($message->length !== 1) {
        peer_fail("WSDL has no message $name");
    }
    foreach ($xp->query('w:part', $message->item(0)) as $part) {
        $parts[$part->getAttribute('name')] = $part->getAttribute('type');
    }
    return $parts;
}

/**
 * Adds complex type $qname (and the types it uses) unless it is built in or, like the vendor's
 * `tns:array`, not defined in the WSDL at all (then NuSOAP serializes the value untyped).
 */
function add_type($server, $xp, $qname, &$added)
{
    if (!str_starts_with($qname, 'tns:') || isset($added[$qname])) {
        return;
    }
    $added[$qname] = true;
    $name = substr($qname, 4);
    $types = $xp->query("//xsd:schema/xsd:complexType[@name='$name']");
    if ($types->length === 0) {
        return;
    }
    $type = $types->item(0);
    $array = $xp->query('xsd:complexContent/xsd:restriction/xsd:attribute', $type);
    if ($array->length === 1) {
        $item_type = rtrim($array->item(0)->getAttributeNS('http://schemas.xmlsoap.org/wsdl/', 'arrayType'), '[]');
        add_type($server, $xp, $item_type, $added);
        $server->wsdl->addComplexType($name, 'complexType', 'array', '', 'SOAP-ENC:Array', [],
            [['ref' => 'SOAP-ENC:arrayType', 'wsdl:arrayType' => $item_type . '[]']], $item_type);
        return;
    }
    $elements = [];
    foreach ($xp->query('xsd:all/xsd:element', $type) as $element) {
        $field = $element->getAttribute('name');
        $elements[$field] = ['name' => $field, 'type' => $element->getAttribute('type')];
        add_type($server, $xp, $element->getAttribute('type'), $added);
    }
    $server->wsdl->addComplexType($name, 'complexType', 'struct', 'all', '', $elements);
}
